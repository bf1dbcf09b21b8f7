import type { HttpRequest } from '../../http';
import { citeOf } from '../../manifest/reader';
import type { Gateway, ListenerStatus, TCPRoute, TLSRoute, UDPRoute } from '../../model/gateway';
import type { World } from '../../model/world';
import type { EntryResult, RouteBackend } from '../../model/route';
import { effectiveHostnames, hostnameMatches, hostnamePrecedence } from './hostnames';
import { readyEndpoints } from './http-router';
import { comparePrecedence } from './match';
import { compareAge } from './status';

type L4Route = TLSRoute | TCPRoute | UDPRoute;

/**
 * GW-17: a TLS, TCP or UDP listener passes the stream on without reading HTTP. TLSRoutes on a TLS listener
 * are chosen by the SNI (their hostnames intersected with the listener's, GW-5; the most specific, then the
 * oldest route); TCP and UDP listeners take the oldest attached route. The route's (first) rule splits
 * connections by weight; a share whose backend is invalid or has no endpoint is refused, never answered
 * with HTTP. An http(s) request carried this way gets whatever the backend pod answers ([SIM] 200).
 */
export function routeL4(world: World, gw: Gateway, listener: ListenerStatus, kind: L4Route['kind'], req: HttpRequest, base: EntryResult, sni?: string, mode?: string): EntryResult {
  const { reasons, assumptions } = base;
  if (kind === 'TLSRoute') reasons.push(mode === 'Passthrough' ? 'The TLS listener is in Passthrough mode: the gateway reads only the server name and passes the encrypted stream to the backend, which must speak TLS itself (GW-17).' : 'The TLS listener terminates TLS and passes the decrypted stream to the backend (TLSRoute in Terminate mode, Extended, GW-17).');
  const routes: L4Route[] = kind === 'TLSRoute' ? world.tlsRoutes : kind === 'TCPRoute' ? world.tcpRoutes : world.udpRoutes;
  const attached = routes.flatMap((route) => (route.status?.parents.some((p) => p.accepted && p.gatewayId === gw.id && p.listeners.includes(listener.name)) ? [{ rs: route.status, route }] : []));
  const candidates = attached.flatMap(({ rs, route }): { rs: typeof rs; route: L4Route; hostname: string | undefined }[] => {
    if (route.kind !== 'TLSRoute') return [{ rs, route, hostname: undefined }];
    const hosts = effectiveHostnames(listener.hostname, route.hostnames).filter((h) => hostnameMatches(h, sni ?? req.host));
    return hosts.length ? [{ rs, route, hostname: hosts.sort((a, b) => comparePrecedence(hostnamePrecedence(a), hostnamePrecedence(b)))[0] }] : [];
  });
  if (candidates.length === 0) {
    reasons.push(attached.length === 0 ? `No ${kind} is attached to listener "${listener.name}": the connection is closed (GW-17).` : `No ${kind} attached to listener "${listener.name}" (${attached.map((a) => `${a.route.namespace}/${a.route.name}`).join(', ')}) has a hostname matching the server name "${sni ?? req.host}": the connection is closed (GW-17).`);
    return { ...base, status: 0, connection: 'reset' };
  }
  candidates.sort((a, b) => (a.hostname && b.hostname ? comparePrecedence(hostnamePrecedence(a.hostname), hostnamePrecedence(b.hostname)) : 0) || compareAge(a.route, b.route));
  const win = candidates[0]!;
  const rule = win.route.rules[0]!;
  reasons.push(`${kind} ${win.route.namespace}/${win.route.name}${win.hostname ? ` (hostname ${win.hostname})` : ''} takes it${candidates.length > 1 ? `, over ${candidates.length - 1} other route${candidates.length > 2 ? 's' : ''} (more specific hostname, then older route)` : ''} (GW-17).`);
  if (win.route.rules.length > 1) assumptions.push(`[SIM] ${kind} rules have no matches: the first rule of ${win.route.namespace}/${win.route.name} is used.`);
  const result: EntryResult = { ...base, status: 0, route: { kind, namespace: win.route.namespace, name: win.route.name, rule: rule.index }, cite: citeOf(win.route, `spec.rules.${rule.index}`) };
  const protocol = kind === 'UDPRoute' ? 'UDP' : 'TCP';
  result.backends = rule.backendRefs.map((ref): RouteBackend => {
    const bs = win.rs.backends.find((b) => b.rule === rule.index && b.ref.index === ref.index)!;
    const common = { namespace: ref.namespace, name: ref.name, port: ref.port ?? null, weight: ref.weight, kind: ref.kind, cite: citeOf(win.route, `spec.rules.${rule.index}.backendRefs.${ref.index}`) };
    if (!bs.resolved) return { ...common, state: bs.reason === 'RefNotPermitted' ? 'refused' : 'unresolved', endpoints: [], reason: `${bs.reason}: ${bs.message} Its share of connections is refused (GW-17).` };
    const svc = world.services.find((s) => s.namespace === ref.namespace && s.name === ref.name)!;
    const endpoints = readyEndpoints(world, svc, ref.port!, protocol);
    if (endpoints.length === 0) return { ...common, state: 'no-ready-endpoints', endpoints, reason: `Service ${svc.namespace}/${svc.name} port ${ref.port} has no ready endpoint: its share of connections is refused (GW-17).` };
    return { ...common, state: 'ok', endpoints, reason: `${endpoints.length} ready endpoint${endpoints.length > 1 ? 's' : ''} of Service ${svc.namespace}/${svc.name} port ${ref.port}/${protocol}.` };
  });
  const total = result.backends.reduce((n, b) => n + b.weight, 0);
  const top = result.backends.reduce<RouteBackend | undefined>((a, b) => (!a || b.weight > a.weight ? b : a), undefined);
  if (result.backends.length > 1 && total > 0) reasons.push(`Weights split the connections: ${result.backends.map((b) => `${b.namespace}/${b.name} ${((100 * b.weight) / total).toFixed(1).replace(/\.0$/, '')}%`).join(', ')} (GW-11).`);
  if (!top || total === 0 || top.state !== 'ok') {
    reasons.push(`${top ? `${top.namespace}/${top.name}: ${top.reason}` : 'The rule has no backend.'} The connection is refused (GW-17).`);
    return { ...result, connection: 'refused' };
  }
  reasons.push(`${top.namespace}/${top.name}: ${top.reason}`);
  // An http(s) request rides inside the stream: the backend pod answers it.
  if (req.scheme === 'http' || req.scheme === 'https') {
    result.status = 200;
    assumptions.push(`[SIM] the ${kind} carries the ${req.scheme} request unchanged to the backend pod, whose answer is taken to be 200.`);
  }
  assumptions.push('[SIM] The gateway sends connections straight to the endpoint pods, not via the ClusterIP (I-15, GW-15).');
  return { ...result, connection: 'established' };
}
