import type { HttpRequest } from '../../http';
import { citeOf } from '../../manifest/reader';
import type { Service } from '../../model/core';
import type { GRPCRoute, Gateway, HTTPRoute, HTTPRouteMatch, GRPCRouteMatch, ListenerStatus, RouteStatus } from '../../model/gateway';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import type { EntryResult, RouteBackend, RouteEndpoint } from '../../model/route';
import { applyFilters, type FilterEffect } from './filters';
import { effectiveHostnames, hostnameMatches, hostnamePrecedence } from './hostnames';
import { comparePrecedence, grpcMatchMatches, grpcPrecedence, httpMatchMatches, httpPrecedence, type PrecedenceKey } from './match';
import { compareAge } from './status';

export interface Candidate {
  route: HTTPRoute | GRPCRoute;
  state: RouteStatus;
  rule: number;
  match: HTTPRouteMatch | GRPCRouteMatch | undefined;
  hostname: string | undefined;
  key: PrecedenceKey;
}

/**
 * An HTTP or gRPC request on the listener the Gateway chose (GW-6): the winning rule of the attached
 * routes (GW-8, GW-9, GW-16), its filters (GW-14) then each backendRef's own filters (GW-18), the weighted
 * backends and the status (GW-11, GW-13). `base` carries the entry, reasons and assumptions gathered so far.
 */
export function routeHTTP(world: World, options: SimOptions, gw: Gateway, listener: ListenerStatus, scope: ListenerStatus[], req: HttpRequest, base: EntryResult): EntryResult {
  const grpc = req.grpc !== undefined;
  const { reasons, assumptions } = base;
  void options;
  const candidates = collect(world, gw, scope, req);
  if (candidates.length === 0) {
    const kind = grpc ? 'GRPCRoute' : 'HTTPRoute';
    const attached = (grpc ? world.grpcRoutes : world.httpRoutes).filter((r) => r.status?.parents.some((p) => p.accepted && p.gatewayId === gw.id && scope.some((l) => p.listeners.includes(l.name))));
    const what = grpc ? `${req.grpc!.service}/${req.grpc!.method}` : `${req.method} ${req.path}`;
    const why = attached.length === 0 ? `No ${kind} is attached to listener "${listener.name}"` : `No ${kind} attached to listener "${listener.name}" (${attached.map((r) => `${r.namespace}/${r.name}`).join(', ')}) has both a hostname and a rule matching ${what} on host "${req.host}"`;
    reasons.push(`${why} → 404 (GW-5, GW-8, GW-9).`);
    if (grpc) reasons.push('A gRPC client sees UNIMPLEMENTED (GW-16).');
    return { ...base, status: 404 };
  }
  candidates.sort((a, b) => comparePrecedence(a.key, b.key) || compareAge(a.route, b.route) || a.rule - b.rule || (a.match?.index ?? 0) - (b.match?.index ?? 0));
  const win = candidates[0]!;
  explainWin(win, candidates, reasons, assumptions);
  return applyRule(world, win, req, listener.port, base, grpc);
}

/** The winning rule's filters, backends and status; shared with mesh (GAMMA) routing (GW-19). */
export function applyRule(world: World, win: { route: HTTPRoute | GRPCRoute; state: RouteStatus; rule: number; match: HTTPRouteMatch | GRPCRouteMatch | undefined }, req: HttpRequest, port: number, base: EntryResult, grpc: boolean): EntryResult {
  const { reasons, assumptions } = base;
  const rule = win.route.rules[win.rule]!;
  const result: EntryResult = { ...base, status: 200, route: { kind: win.route.kind, namespace: win.route.namespace, name: win.route.name, rule: win.rule }, cite: citeOf(win.route, `spec.rules.${win.rule}`) };
  const match = win.match && 'path' in win.match ? win.match : undefined;
  const effect = applyFilters(rule.filters, req, match, port, win.route.namespace);
  reasons.push(...effect.notes);
  if (effect.redirect) {
    result.status = effect.redirect.status;
    result.redirect = effect.redirect;
    reasons.push(`RequestRedirect answers ${effect.redirect.status} with Location ${effect.redirect.location}; no backend is called (GW-14).`);
    return result;
  }
  if (effect.upstreamPath !== undefined && effect.upstreamPath !== req.path) result.upstreamPath = effect.upstreamPath;
  const upstreams = new Map<RouteBackend, { effect: FilterEffect }>();
  result.backends = rule.backendRefs.map((ref) => {
    const b = backendOf(world, win, ref);
    // GW-18: a backendRef's own filters apply after the rule's, only to the requests sent to it.
    const own = ref.filters.length ? applyFilters(ref.filters, req, match, port, win.route.namespace, { path: effect.upstreamPath ?? req.path, ...(effect.upstreamHost ? { host: effect.upstreamHost } : {}), headers: effect.headers }) : effect;
    if (ref.filters.length) {
      reasons.push(...own.notes.map((n) => `backendRef ${ref.namespace}/${ref.name}: ${n.replace('(GW-14)', '(GW-18)')}`));
      if (own.redirect) b.reason = `its backendRef filters answer ${own.redirect.status} with Location ${own.redirect.location} (GW-18). ${b.reason}`;
    }
    upstreams.set(b, { effect: own });
    b.upstream = toUpstream(req, own);
    return b;
  });
  for (const m of effect.mirrors) result.backends.push({ namespace: m.namespace, name: m.name, port: m.port ?? null, weight: 0, kind: 'Service', state: 'mirror', endpoints: [], reason: 'RequestMirror: a copy of the request is sent here; its answer is ignored (GW-14).', role: 'mirror', cite: citeOf(win.route, `spec.rules.${win.rule}.filters.${m.filter}`) });
  decideStatus(result, rule.backendRefs.length, grpc);
  // The request as the backend that takes the largest share receives it; each backend carries its own.
  const top = result.backends.filter((b) => b.role !== 'mirror').reduce<RouteBackend | undefined>((a, b) => (!a || b.weight > a.weight ? b : a), undefined);
  const topEffect = top ? upstreams.get(top)?.effect : undefined;
  if (top && topEffect?.redirect) {
    result.status = topEffect.redirect.status;
    result.redirect = topEffect.redirect;
    reasons.push(`The largest share goes to ${top.namespace}/${top.name}, whose backendRef RequestRedirect answers ${topEffect.redirect.status} (GW-18).`);
  } else if (result.status === 200 && top?.upstream) result.upstream = top.upstream;
  for (const b of result.backends) if (b.upstream && JSON.stringify(b.upstream) === JSON.stringify(result.upstream)) delete b.upstream;
  assumptions.push('[SIM] The proxy sends requests straight to the endpoint pods, not via the ClusterIP (I-15, GW-15).');
  return result;
}

/** The request a backend receives after the filters: Host, path with query, headers. */
function toUpstream(req: HttpRequest, effect: FilterEffect): NonNullable<EntryResult['upstream']> {
  const path = effect.upstreamPath ?? req.path;
  const query = req.query.length ? `?${req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
  const port = req.port === (req.scheme === 'https' ? 443 : 80) ? '' : `:${req.port}`;
  return { host: effect.upstreamHost ?? `${req.host}${port}`, path: path + query, headers: effect.headers };
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

export function backendOf(world: World, win: Pick<Candidate, 'route' | 'state' | 'rule'>, ref: HTTPRoute['rules'][number]['backendRefs'][number]): RouteBackend {
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
export function readyEndpoints(world: World, svc: Service, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): RouteEndpoint[] {
  const sp = svc.ports.find((p) => p.port === port && p.protocol === protocol);
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
