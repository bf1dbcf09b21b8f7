/**
 * The port the Policy matrix, its export and the graph's reach overlay use: what the user typed in the
 * matrix panel (`8080`, `53/udp`), or until then the first port the core suggests for this scenario
 * (`matrixPorts`: ports the policies name and containers declare), so the matrix opens on the port the
 * policies talk about. Null when the typed text is not a port.
 */
export function matrixPortKey(typed: string | null, suggested: readonly string[] | undefined): string | null {
  const text = typed?.trim() || suggested?.[0] || '80';
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text);
  const port = m ? Number(m[1]) : 0;
  if (!m || port < 1 || port > 65535) return null;
  return `${port}/${(m[2] ?? 'TCP').toUpperCase()}`;
}

/** How the picker shows a port: TCP ports by number alone, as people write them. */
export function portLabel(key: string): string {
  return key.endsWith('/TCP') ? key.slice(0, -4) : key;
}
