import type { HttpRequest } from '../../http';
import type { Gateway, GatewayStatus, ListenerStatus } from '../../model/gateway';
import type { EntryResult, RouteBackend } from '../../model/route';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { hostnameMatches, listenerHostnameRank } from './hostnames';
import { routeHTTP } from './http-router';
import { routeL4 } from './l4-router';

/**
 * Route one request through every Gateway a simulated controller serves (or only `gatewayFilter`,
 * `ns/name`): one EntryResult each (§5: GW-4..GW-20). A pure query over the World, reading the status the
 * Gateway API controller stage wrote into each Gateway and Route.
 */
export function routeGateways(world: World, options: SimOptions, req: HttpRequest, gatewayFilter?: string): EntryResult[] {
  const out: EntryResult[] = [];
  const gateways = world.gateways
    .filter((g) => g.status?.ours && (!gatewayFilter || `${g.namespace}/${g.name}` === gatewayFilter || (!gatewayFilter.includes('/') && g.namespace === 'default' && g.name === gatewayFilter)))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  for (const gw of gateways) out.push(routeOne(world, options, gw, gw.status!, req));
  return out;
}

/** A request is gRPC when it says so (`req.grpc`) or carries `content-type: application/grpc` on `/pkg.Service/Method`. */
function asGRPC(req: HttpRequest): HttpRequest {
  if (req.grpc) return req;
  const ct = req.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
  const m = /^\/([^/]+)\/([^/]+)$/.exec(req.path);
  return ct.startsWith('application/grpc') && m ? { ...req, grpc: { service: m[1]!, method: m[2]! } } : req;
}

/** GW-6: the most specific listener hostname for `name` (precise, then the longest wildcard, then none). */
function bestFor(listeners: ListenerStatus[], name: string): ListenerStatus | undefined {
  const ok = listeners.filter((l) => hostnameMatches(l.hostname, name));
  if (ok.length === 0) return undefined;
  const best = Math.max(...ok.map((l) => listenerHostnameRank(l.hostname)));
  return ok.find((l) => listenerHostnameRank(l.hostname) === best);
}

function notServed(l: ListenerStatus): string {
  return `Listener "${l.name}" is not served (${l.conditions.filter((c) => c.status !== (c.type === 'Conflicted' ? 'False' : 'True')).map((c) => `${c.type}=${c.status}/${c.reason}`).join(', ')}) (GW-2, GW-3).`;
}

/**
 * GW-20: which listener a connection meets. The port picks the listeners; a UDP datagram only meets UDP
 * ones. A TCP listener takes every connection on its port (TCPRoute); otherwise TLS picks by SNI among
 * HTTPS and TLS listeners, a TLS one passing the stream on (TLSRoute), and plain HTTP picks by Host. A port
 * with no listener refuses the connection; a protocol mismatch fails the handshake.
 */
function routeOne(world: World, options: SimOptions, gw: Gateway, gs: GatewayStatus, request: HttpRequest): EntryResult {
  const req = asGRPC(request);
  const reasons: string[] = [];
  const assumptions = [`[SIM] Gateway ${gw.namespace}/${gw.name} is served by a simulated conformant implementation of ${gs.controllerName} (§5).`];
  const at = (l?: ListenerStatus) => ({ kind: 'Gateway' as const, namespace: gw.namespace, name: gw.name, ...(l ? { listener: l.name } : {}) });
  const base: EntryResult = { entry: at(), status: 0, route: null, backends: [] as RouteBackend[], reasons, assumptions, proxy: proxyOf(gw) };
  const stop = (connection: 'refused' | 'reset', why: string, listener?: ListenerStatus): EntryResult => {
    reasons.push(why);
    return { ...base, entry: at(listener), status: 0, connection };
  };
  const udp = req.scheme === 'udp';
  const onPort = gs.listeners.filter((l) => l.port === req.port && (l.protocol === 'UDP') === udp);
  for (const l of onPort.filter((x) => !x.ready)) reasons.push(notServed(l));
  const live = onPort.filter((l) => l.ready);
  const where = `Gateway ${gw.namespace}/${gw.name} (${gs.addresses.join(', ') || 'no address'})`;
  if (live.length === 0) return stop('refused', `${where} has no ${udp ? 'UDP' : 'TCP-based'} listener serving port ${req.port}: the connection is refused (GW-20).`);
  const tcp = live.find((l) => l.protocol === 'TCP' || l.protocol === 'UDP');
  if (tcp) {
    reasons.push(`${where}: listener "${tcp.name}" (${tcp.protocol} ${tcp.port}) takes every ${udp ? 'datagram' : 'connection'} on its port (GW-17).`);
    return routeL4(world, gw, tcp, tcp.protocol === 'UDP' ? 'UDPRoute' : 'TCPRoute', req, { ...base, entry: at(tcp) });
  }
  if (req.scheme === 'tcp') return stop('reset', `${where} has only ${[...new Set(live.map((l) => l.protocol))].join('/')} listeners on port ${req.port}; a bare TCP stream is not routed by them (GW-17).`);
  if (req.scheme === 'https') {
    const secure = live.filter((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS');
    if (secure.length === 0) return stop('reset', `${where} speaks plain HTTP on port ${req.port}: the TLS handshake of an https:// request fails (GW-20).`);
    const sni = req.sni ?? req.host;
    const listener = bestFor(secure, sni);
    if (!listener) return stop('reset', `No HTTPS or TLS listener on port ${req.port} of ${where} accepts the server name "${sni}": the TLS handshake fails (GW-6, GW-20).`);
    reasons.push(`${where}: listener "${listener.name}" (${listener.protocol} ${listener.port}, hostname ${listener.hostname ?? 'none'}) is the most specific for the TLS server name "${sni}" (GW-6, GW-20).`);
    const mode = gw.listeners.find((l) => l.name === listener.name)?.tls?.mode ?? 'Terminate';
    if (listener.protocol === 'TLS') return routeL4(world, gw, listener, 'TLSRoute', req, { ...base, entry: at(listener) }, sni, mode);
    // GEP-3567: a request whose Host belongs to another HTTPS listener than the one its TLS connection was made for.
    const byHost = bestFor(secure.filter((l) => l.protocol === 'HTTPS'), req.host);
    if (byHost && byHost.name !== listener.name) {
      reasons.push(`The Host "${req.host}" belongs to listener "${byHost.name}", but the TLS connection was made for listener "${listener.name}" (server name "${sni}"): answered 421 Misdirected Request, the client should retry on a new connection (GW-20).`);
      return { ...base, entry: at(listener), status: 421 };
    }
    return http(world, options, gw, listener, secure.filter((l) => l.protocol === 'HTTPS'), req, base);
  }
  const plain = live.filter((l) => l.protocol === 'HTTP');
  if (plain.length === 0) return stop('reset', `${where} expects TLS on port ${req.port}; a plain http:// request fails there (GW-20).`);
  const listener = bestFor(plain, req.host);
  if (!listener) {
    reasons.push(`No listener on port ${req.port} of ${where} accepts host "${req.host}" (GW-6) → 404.`);
    if (req.grpc) reasons.push('A gRPC client sees UNIMPLEMENTED (GW-16).');
    return { ...base, status: 404 };
  }
  reasons.push(`${where}: listener "${listener.name}" (port ${listener.port}, hostname ${listener.hostname ?? 'none'}) is the most specific for host "${req.host}" (GW-6).`);
  return http(world, options, gw, listener, plain, req, base);
}

function http(world: World, options: SimOptions, gw: Gateway, listener: ListenerStatus, sameKind: ListenerStatus[], req: HttpRequest, base: EntryResult): EntryResult {
  const entry = base.entry.kind === 'Gateway' ? { ...base.entry, listener: listener.name } : base.entry;
  const scope = options.gateway.listenerIsolation ? [listener] : sameKind.filter((l) => hostnameMatches(l.hostname, req.host));
  base.assumptions.push(options.gateway.listenerIsolation ? '[SIM] Listener isolation is on: only routes attached to the chosen listener are considered (I-19).' : 'Listener isolation is off: routes on every listener matching the host are considered (I-19).');
  return routeHTTP(world, options, gw, listener, scope, req, { ...base, entry });
}

/** The Gateway's own pods, as its status names them (GW-15). */
function proxyOf(gw: Gateway): EntryResult['proxy'] {
  const pods = (gw.status?.implementation?.pods ?? []).map((id) => id.slice(id.indexOf('/') + 1));
  return { namespace: gw.namespace, pods, note: `The Gateway's own pods (label gateway.networking.k8s.io/gateway-name=${gw.name}) open the connection to the backends: NetworkPolicies must admit them, not the client (GW-15, NP-12).` };
}
