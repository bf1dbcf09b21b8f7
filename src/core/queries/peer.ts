import { INTERNET, OUTSIDE_CLIENT_IP, type Peer } from '../model/peer';
import { canonicalIP, parseIP } from '../net/ip';
import { checkDNS1123Label, checkDNS1123Subdomain, checkLabelValue, checkQualifiedName } from '../net/names';

export { INTERNET, OUTSIDE_CLIENT_IP, type Peer };

/**
 * Read a peer as the CLI writes it (`ns/pod`, `pod` in `default`, `ip:A.B.C.D`, `node:NAME`,
 * `service:ns/name` or `svc:ns/name`) or as the graph names it (`Pod/ns/name`, `Node/name`,
 * `Service/ns/name`, `Client/internet` for an outside client at OUTSIDE_CLIENT_IP). The one parser every
 * question uses; whether the pod or node exists is the question's to say.
 */
export function parsePeer(text: string): Peer | { error: string } {
  const t = text.trim();
  if (t === INTERNET) return { kind: 'ip', ip: OUTSIDE_CLIENT_IP };
  if (t.startsWith('ip:')) {
    const ip = t.slice(3);
    return parseIP(ip) ? { kind: 'ip', ip: canonicalIP(ip) } : { error: `"${ip}" is not an IP address` };
  }
  if (t.startsWith('node:') || t.startsWith('Node/')) {
    const name = t.slice(5);
    const bad = checkDNS1123Subdomain(name);
    return bad ? { error: `"${name}" is not a node name: it ${bad}` } : { kind: 'node', name };
  }
  const service = /^(service:|svc:|Service\/)(.*)$/.exec(t);
  if (service) {
    const ref = namespaced(service[2]!, 'Service');
    return 'error' in ref ? ref : { kind: 'service', ...ref };
  }
  const ref = namespaced(t.startsWith('Pod/') ? t.slice(4) : t, 'pod');
  return 'error' in ref ? ref : { kind: 'pod', ...ref };
}

/** `ns/name` or `name` (namespace `default`), each part a valid Kubernetes name. */
function namespaced(text: string, what: string): { namespace: string; name: string } | { error: string } {
  const parts = text.split('/');
  if (parts.length > 2 || parts.some((p) => p === '')) return { error: `"${text}" is not a ${what}: write it as namespace/name` };
  const [namespace, name] = parts.length === 2 ? (parts as [string, string]) : ['default', parts[0]!];
  const badNamespace = checkDNS1123Label(namespace);
  if (badNamespace) return { error: `"${namespace}" is not a namespace name: it ${badNamespace}` };
  const badName = checkDNS1123Subdomain(name);
  if (badName) return { error: `"${name}" is not a ${what} name: it ${badName}` };
  return { namespace, name };
}

/** A peer as the CLI writes it: the inverse of parsePeer for CLI text. */
export function formatPeer(p: Peer): string {
  switch (p.kind) {
    case 'pod':
      return `${p.namespace}/${p.name}`;
    case 'ip':
      return `ip:${p.ip}`;
    case 'node':
      return `node:${p.name}`;
    case 'service':
      return `service:${p.namespace}/${p.name}`;
  }
}

/** The graph node id of a peer (`Pod/ns/name`, `Node/name`, `Service/ns/name`, `Client/internet`), or null for an address. */
export function peerObject(p: Peer): string | null {
  switch (p.kind) {
    case 'pod':
      return `Pod/${p.namespace}/${p.name}`;
    case 'node':
      return `Node/${p.name}`;
    case 'service':
      return `Service/${p.namespace}/${p.name}`;
    case 'ip':
      return p.ip === OUTSIDE_CLIENT_IP ? INTERNET : null;
  }
}

/**
 * A peer in the CLI's notation whichever way it was written (`Pod/shop/web` → `shop/web`, `Client/internet`
 * → `ip:203.0.113.10`), so the page asks exactly what `knet` would be asked. Text that names no peer comes
 * back unchanged, for the question to refuse with its reason.
 */
export function peerArg(text: string): string {
  const p = parsePeer(text);
  return 'error' in p ? text : formatPeer(p);
}

/** The debug pod a question may start from (`--from debug:NS --debug-labels k=v,...`): its namespace and labels. */
export interface DebugPeer {
  namespace: string;
  labels: Record<string, string>;
}

/** The labels `kubectl run debug` gives its pod, when `--debug-labels` is left out. */
export const DEBUG_LABELS: Record<string, string> = { run: 'debug' };

/**
 * `debug:NS` (a busybox-like debug pod started in namespace NS, as `kubectl run debug -n NS` would) with
 * `labels` as `k=v,k2=v2`; null when `from` is not of that form. The pod is named `debug`; the question then
 * asks from `NS/debug`, so any scenario can be debugged from a namespace whose policies select those labels.
 */
export function parseDebugPeer(from: string | undefined, labels: string | undefined): DebugPeer | null | { error: string } {
  const m = from === undefined ? null : /^debug:(.*)$/.exec(from.trim());
  if (!m) return labels === undefined ? null : { error: '--debug-labels goes with --from debug:NAMESPACE' };
  const namespace = m[1]!.trim() || 'default';
  const badNamespace = checkDNS1123Label(namespace);
  if (badNamespace) return { error: `"${namespace}" is not a namespace name: it ${badNamespace}` };
  if (labels === undefined) return { namespace, labels: { ...DEBUG_LABELS } };
  const out: Record<string, string> = {};
  for (const pair of labels.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { error: `--debug-labels "${pair}" must look like key=value` };
    const [key, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    const bad = checkQualifiedName(key) ?? checkLabelValue(value);
    if (bad) return { error: `--debug-labels "${pair}": ${bad}` };
    out[key] = value;
  }
  return { namespace, labels: out };
}
