import type { HttpRequest } from '../../http';
import { citeOf } from '../../manifest/reader';
import type { Service } from '../../model/core';
import type { GRPCRoute, Gateway, GatewayStatus, HTTPRoute, HTTPRouteMatch, GRPCRouteMatch, ListenerStatus, RouteStatus } from '../../model/gateway';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import type { EntryResult, RouteBackend, RouteEndpoint } from '../../model/route';
import { applyFilters } from './filters';
import { effectiveHostnames, hostnameMatches, hostnamePrecedence, listenerHostnameRank } from './hostnames';
import { comparePrecedence, grpcMatchMatches, grpcPrecedence, httpMatchMatches, httpPrecedence, type PrecedenceKey } from './match';
import { compareAge } from './status';

interface Candidate {
  route: HTTPRoute | GRPCRoute;
  state: RouteStatus;
  rule: number;
  match: HTTPRouteMatch | GRPCRouteMatch | undefined;
  hostname: string | undefined;
  key: PrecedenceKey;
}

/**
 * Route one request through every Gateway a simulated controller serves (or only `gatewayFilter`,
 * `ns/name`): one EntryResult each (§5: GW-4..GW-16). A pure query over the World, reading the status the
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

function listenerCarries(l: ListenerStatus, req: HttpRequest): boolean {
  if (req.scheme === 'https') return l.protocol === 'HTTPS';
  return l.protocol === 'HTTP';
}

/** A request is gRPC when it says so (`req.grpc`) or carries `content-type: application/grpc` on `/pkg.Service/Method`. */
function asGRPC(req: HttpRequest): HttpRequest {
  if (req.grpc) return req;
  const ct = req.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
  const m = /^\/([^/]+)\/([^/]+)$/.exec(req.path);
  return ct.startsWith('application/grpc') && m ? { ...req, grpc: { service: m[1]!, method: m[2]! } } : req;
}

function routeOne(world: World, options: SimOptions, gw: Gateway, gs: GatewayStatus, request: HttpRequest): EntryResult {
  const req = asGRPC(request);
  const grpc = req.grpc !== undefined;
  const reasons: string[] = [];
  const assumptions = [`[SIM] Gateway ${gw.namespace}/${gw.name} is served by a simulated conformant implementation of ${gs.controllerName} (§5).`];
  const base = { entry: { kind: 'Gateway' as const, namespace: gw.namespace, name: gw.name }, route: null, backends: [] as RouteBackend[], reasons, assumptions, proxy: proxyOf(gw) };
  const notFound = (why: string, listener?: string): EntryResult => {
    reasons.push(why);
    if (grpc) reasons.push('A gRPC client sees UNIMPLEMENTED (GW-16).');
    return { ...base, entry: { ...base.entry, ...(listener ? { listener } : {}) }, status: 404 };
  };
  const onPort = gs.listeners.filter((l) => l.port === req.port && listenerCarries(l, req));
  if (onPort.length === 0) return notFound(`Gateway ${gw.namespace}/${gw.name} has no ${req.scheme === 'https' ? 'HTTPS' : 'HTTP'} listener on port ${req.port}.`);
  const hostOK = onPort.filter((l) => hostnameMatches(l.hostname, req.host));
  const ready = hostOK.filter((l) => l.ready);
  for (const l of hostOK.filter((x) => !x.ready)) reasons.push(`Listener "${l.name}" matches but is not served (${l.conditions.filter((c) => c.status !== (c.type === 'Conflicted' ? 'False' : 'True')).map((c) => `${c.type}=${c.status}/${c.reason}`).join(', ')}) (GW-2, GW-3).`);
  if (ready.length === 0) return notFound(`No listener on port ${req.port} of Gateway ${gw.namespace}/${gw.name} accepts host "${req.host}" (GW-6) → 404.`);
  const best = Math.max(...ready.map((l) => listenerHostnameRank(l.hostname)));
  const listener = ready.find((l) => listenerHostnameRank(l.hostname) === best)!;
  reasons.push(`Gateway address ${gs.addresses.join(', ') || '(none)'}; listener "${listener.name}" (port ${listener.port}, hostname ${listener.hostname ?? 'none'}) is the most specific for host "${req.host}" (GW-6).`);
  const scope = options.gateway.listenerIsolation ? [listener] : ready;
  assumptions.push(options.gateway.listenerIsolation ? '[SIM] Listener isolation is on: only routes attached to the chosen listener are considered (I-19).' : 'Listener isolation is off: routes on every listener matching the host are considered (I-19).');
  const candidates = collect(world, gw, scope, req);
  const entry = { ...base.entry, listener: listener.name };
  if (candidates.length === 0) {
    const kind = grpc ? 'GRPCRoute' : 'HTTPRoute';
    const attached = (grpc ? world.grpcRoutes : world.httpRoutes).filter((r) => r.status?.parents.some((p) => p.accepted && p.gatewayId === gw.id && scope.some((l) => p.listeners.includes(l.name))));
    const what = grpc ? `${req.grpc!.service}/${req.grpc!.method}` : `${req.method} ${req.path}`;
    const why = attached.length === 0 ? `No ${kind} is attached to listener "${listener.name}"` : `No ${kind} attached to listener "${listener.name}" (${attached.map((r) => `${r.namespace}/${r.name}`).join(', ')}) has both a hostname and a rule matching ${what} on host "${req.host}"`;
    return notFound(`${why} → 404 (GW-5, GW-8, GW-9).`, listener.name);
  }
  candidates.sort((a, b) => comparePrecedence(a.key, b.key) || compareAge(a.route, b.route) || a.rule - b.rule || (a.match?.index ?? 0) - (b.match?.index ?? 0));
  const win = candidates[0]!;
  explainWin(win, candidates, reasons, assumptions);
  const rule = win.route.rules[win.rule]!;
  const ruleCite = citeOf(win.route, `spec.rules.${win.rule}`);
  const result: EntryResult = { ...base, entry, status: 200, route: { kind: win.route.kind, namespace: win.route.namespace, name: win.route.name, rule: win.rule }, cite: ruleCite };
  const effect = applyFilters(rule.filters, req, win.match && 'path' in win.match ? win.match : undefined, listener.port, win.route.namespace);
  reasons.push(...effect.notes);
  if (effect.redirect) {
    result.status = effect.redirect.status;
    result.redirect = effect.redirect;
    reasons.push(`RequestRedirect answers ${effect.redirect.status} with Location ${effect.redirect.location}; no backend is called (GW-14).`);
    return result;
  }
  if (effect.upstreamPath !== undefined && effect.upstreamPath !== req.path) result.upstreamPath = effect.upstreamPath;
  result.backends = rule.backendRefs.map((ref) => backendOf(world, win, ref));
  for (const m of effect.mirrors) result.backends.push({ namespace: m.namespace, name: m.name, port: m.port ?? null, weight: 0, kind: 'Service', state: 'mirror', endpoints: [], reason: 'RequestMirror: a copy of the request is sent here; its answer is ignored (GW-14).', role: 'mirror', cite: citeOf(win.route, `spec.rules.${win.rule}.filters.${m.filter}`) });
  decideStatus(result, rule.backendRefs.length, grpc);
  assumptions.push('[SIM] The gateway sends requests straight to the endpoint pods, not via the ClusterIP (I-15, GW-15).');
  return result;
}

/** The Gateway's own pods, as its status names them (GW-15). */
function proxyOf(gw: Gateway): EntryResult['proxy'] {
  const pods = (gw.status?.implementation?.pods ?? []).map((id) => id.slice(id.indexOf('/') + 1));
  return { namespace: gw.namespace, pods, note: `The Gateway's own pods (label gateway.networking.k8s.io/gateway-name=${gw.name}) open the connection to the backends: NetworkPolicies must admit them, not the client (GW-15, NP-12).` };
}

function collect(world: World, gw: Gateway, scope: ListenerStatus[], req: HttpRequest): Candidate[] {
  const grpc = req.grpc !== undefined;
  const out: Candidate[] = [];
  for (const route of grpc ? world.grpcRoutes : world.httpRoutes) {
    const rs = route.status;
    if (!rs) continue;
    const listeners = new Set(rs.parents.filter((p) => p.accepted && p.gatewayId === gw.id).flatMap((p) => p.listeners));
    const on = scope.filter((l) => listeners.has(l.name));
    if (on.length === 0) continue;
    // GW-5: the route serves its hostnames intersected with the listener's; the most specific one that matches counts.
    const hosts = on.flatMap((l) => effectiveHostnames(l.hostname, route.hostnames)).filter((h) => hostnameMatches(h, req.host));
    if (hosts.length === 0) continue;
    const hostname = hosts.sort((a, b) => comparePrecedence(hostnamePrecedence(a), hostnamePrecedence(b)))[0];
    for (const rule of route.rules) {
      if (route.kind === 'HTTPRoute') {
        for (const m of (rule as HTTPRoute['rules'][number]).matches) if (httpMatchMatches(m, req)) out.push({ route, state: rs, rule: rule.index, match: m, hostname, key: httpPrecedence(hostname, m) });
      } else {
        const ms = (rule as GRPCRoute['rules'][number]).matches;
        if (ms.length === 0) out.push({ route, state: rs, rule: rule.index, match: undefined, hostname, key: grpcPrecedence(hostname, undefined) });
        for (const m of ms) if (grpcMatchMatches(m, req)) out.push({ route, state: rs, rule: rule.index, match: m, hostname, key: grpcPrecedence(hostname, m) });
      }
    }
  }
  return out;
}

function explainWin(win: Candidate, all: Candidate[], reasons: string[], assumptions: string[]): void {
  const where = `${win.route.kind} ${win.route.namespace}/${win.route.name} rule ${win.rule + 1}${win.match ? ` match ${win.match.index + 1}` : ''}`;
  reasons.push(`${where} matches${win.hostname ? ` (hostname ${win.hostname})` : ''} (${win.route.kind === 'GRPCRoute' ? 'GW-16' : 'GW-8'}).`);
  const rivals = all.filter((c) => c.route !== win.route || c.rule !== win.rule);
  if (rivals.length) {
    const tie = rivals.filter((c) => comparePrecedence(c.key, win.key) === 0 && c.route !== win.route);
    reasons.push(`It wins over ${rivals.length} other matching rule${rivals.length > 1 ? 's' : ''} by ${tie.length ? 'route age' : 'match precedence'} (${win.route.kind === 'GRPCRoute' ? 'GW-16' : 'GW-9'}).`);
    if (tie.length && tie.every((c) => !c.route.creationTimestamp || !win.route.creationTimestamp)) assumptions.push('Routes without creationTimestamp tie on age, so the first by namespace/name wins (GW-9 step 8).');
  }
  if (win.match && 'path' in win.match && win.match.path.type === 'RegularExpression') assumptions.push('[SIM] RegularExpression paths use an RE2-compatible JS RegExp anchored to the whole path and rank after Exact, before PathPrefix (I-17).');
}

function backendOf(world: World, win: Candidate, ref: HTTPRoute['rules'][number]['backendRefs'][number]): RouteBackend {
  const bs = win.state.backends.find((b) => b.rule === win.rule && b.ref.index === ref.index)!;
  const common = { namespace: ref.namespace, name: ref.name, port: ref.port ?? null, weight: ref.weight, kind: ref.kind, cite: citeOf(win.route, `spec.rules.${win.rule}.backendRefs.${ref.index}`) };
  if (!bs.resolved) {
    const state = bs.reason === 'RefNotPermitted' ? 'refused' : bs.reason === 'InvalidKind' ? (ref.kind === 'Service' ? 'external-name' : 'unresolved') : bs.message.includes('has no port') ? 'port-missing' : 'service-missing';
    return { ...common, state, endpoints: [], reason: `${bs.reason}: ${bs.message} Its share of requests gets 500.` };
  }
  const svc = world.services.find((s) => s.namespace === ref.namespace && s.name === ref.name)!;
  const endpoints = readyEndpoints(world, svc, ref.port!);
  if (endpoints.length === 0) return { ...common, state: 'no-ready-endpoints', endpoints, reason: `Service ${svc.namespace}/${svc.name} port ${ref.port} has no ready endpoint → 503 (GW-13).` };
  return { ...common, state: 'ok', endpoints, reason: `${endpoints.length} ready endpoint${endpoints.length > 1 ? 's' : ''} of Service ${svc.namespace}/${svc.name} port ${ref.port}${bs.grant ? `; cross-namespace reference allowed by ${bs.grant} (GW-12)` : ''}.` };
}

/** Ready endpoints of one Service port from its EndpointSlices (SVC-10); the gateway sends to them directly (GW-15). */
function readyEndpoints(world: World, svc: Service, port: number): RouteEndpoint[] {
  const sp = svc.ports.find((p) => p.port === port && p.protocol === 'TCP');
  if (!sp) return [];
  const out: RouteEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of world.endpointSlices) {
    if (slice.namespace !== svc.namespace || slice.serviceName !== svc.name) continue;
    const p = slice.ports.find((x) => x.name === sp.name && x.protocol === sp.protocol && x.port !== null);
    if (!p) continue;
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) {
        if (seen.has(`${ip}:${p.port}`)) continue;
        seen.add(`${ip}:${p.port}`);
        out.push({ ip, port: p.port!, ...(ep.targetRef?.kind === 'Pod' ? { pod: `${ep.targetRef.namespace || svc.namespace}/${ep.targetRef.name}` } : {}), ...(ep.nodeName ? { node: ep.nodeName } : {}) });
      }
    }
  }
  return out.sort((a, b) => (a.pod ?? a.ip).localeCompare(b.pod ?? b.ip));
}

/** GW-11/GW-13: shares by weight; the status is that of the largest share (first on ties), with the split explained. */
function decideStatus(result: EntryResult, refs: number, grpc: boolean): void {
  const main = result.backends.filter((b) => b.role !== 'mirror');
  const total = main.reduce((n, b) => n + b.weight, 0);
  if (refs === 0) {
    result.status = 500;
    result.reasons.push('The rule has no backendRefs and no redirect → 500 (GW-13).');
  } else if (total === 0) {
    result.status = 500;
    result.reasons.push('Every backendRef has weight 0 → 500 ([SIM] GW-13).');
  } else {
    const code = (b: RouteBackend) => (b.state === 'ok' ? 200 : b.state === 'no-ready-endpoints' ? 503 : 500);
    const split = main.map((b) => `${b.namespace}/${b.name}:${b.port ?? '?'} ${((100 * b.weight) / total).toFixed(1).replace(/\.0$/, '')}%${b.weight ? ` → ${code(b)}` : ' (weight 0: none)'}`);
    for (const b of main) if (b.weight === 0) b.reason = `weight 0: receives no requests (GW-11). ${b.reason}`;
    const top = main.reduce((a, b) => (b.weight > a.weight ? b : a));
    result.status = code(top);
    if (main.length > 1) result.reasons.push(`Weights split the requests (share = weight / ${total}): ${split.join(', ')} (GW-11).`);
    result.reasons.push(`${top.namespace}/${top.name}: ${top.reason}`);
  }
  if (grpc && result.status >= 500) result.reasons.push('A gRPC client sees UNAVAILABLE for this share (GW-16).');
}
