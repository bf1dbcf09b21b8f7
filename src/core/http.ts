/** An HTTP(S) or gRPC request arriving from outside the cluster, as `knet route`/`trace` take it. */
export interface HttpRequest {
  /** `tcp`/`udp`: a bare connection to a Gateway listener (GW-17), only when the caller asks for it. */
  scheme: 'http' | 'https' | 'tcp' | 'udp';
  /** Host header, lowercased, without port. */
  host: string;
  /** Destination port (URL port, else 80/443). */
  port: number;
  /** Path without query string, as sent (not decoded). */
  path: string;
  /** Query parameters in order (repeats kept). */
  query: [string, string][];
  method: string;
  /** Header names lowercased, in order (repeats kept). */
  headers: [string, string][];
  /** For gRPC: `package.Service` and `Method`. */
  grpc?: { service: string; method: string };
  /** True when the URL host is an IP literal (the client addressed the entry point's IP). */
  hostIsIP: boolean;
  /** The TLS server name (SNI) the client sends, when it differs from the Host (`knet route --sni`, GW-20). */
  sni?: string;
}

export interface ParseOptions {
  /** TLS server name to send instead of the URL host (https only). */
  sni?: string;
  /** Accept `tcp://host:port` and `udp://host:port`: a connection with no HTTP in it (Gateway TCP/UDP listeners). */
  transport?: boolean;
}

/** Parse `http://shop.example.com:8080/api?x=1`; null when it is not an http(s) URL (or tcp/udp when asked). */
export function parseRequestURL(url: string, headers: [string, string][] = [], method = 'GET', opts: ParseOptions = {}): HttpRequest | null {
  const m = /^(https?|tcp|udp):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase() as HttpRequest['scheme'];
  if ((scheme === 'tcp' || scheme === 'udp') && !opts.transport) return null;
  let authority = m[2]!.replace(/^.*@/, '');
  let port = scheme === 'https' ? 443 : scheme === 'http' ? 80 : 0;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(authority);
  if (bracket) {
    authority = bracket[1]!;
    if (bracket[2]) port = Number(bracket[2]);
  } else {
    const pm = /^(.*):(\d+)$/.exec(authority);
    if (pm) {
      authority = pm[1]!;
      port = Number(pm[2]);
    }
  }
  if (!authority || port < 1 || port > 65535) return null;
  if (opts.sni !== undefined && scheme !== 'https') return null;
  const hs = headers.map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
  const hostHeader = hs.find(([k]) => k === 'host')?.[1];
  const host = (hostHeader ?? authority).replace(/:\d+$/, '').toLowerCase();
  const query: [string, string][] = [];
  for (const part of (m[4] ?? '').slice(1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    query.push(eq < 0 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))]);
  }
  return {
    scheme,
    host,
    port,
    path: m[3] || '/',
    query,
    method: method.toUpperCase(),
    headers: hs.filter(([k]) => k !== 'host'),
    hostIsIP: /^[\d.]+$/.test(authority) || authority.includes(':'),
    ...(opts.sni !== undefined ? { sni: opts.sni.toLowerCase() } : {}),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
