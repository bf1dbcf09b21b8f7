import type { BackendRef, Gateway, GRPCRoute, HTTPRoute, Listener, ReferenceGrant } from '../../model/gateway';
import type { World } from '../../model/world';
import { matchesSelector } from '../../net/labels';
import type { SimOptions } from '../../options';
import { effectiveHostnames, intersectHostname } from './hostnames';
import { implementationOf } from './implementation';
import type { BackendState, Condition, GatewayClassState, GatewayState, ListenerState, ParentState, RouteState } from './types';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

const cond = (type: string, ok: boolean, reason: string, message = ''): Condition => ({ type, status: ok ? 'True' : 'False', reason, message });

/** GW-3: route kinds a listener protocol can carry in the simulated implementation. */
const KINDS_BY_PROTOCOL: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

/** GW-1: is a controllerName played by the simulator? Every one by default ([SIM], §5). */
export function servesController(options: SimOptions, controllerName: string): boolean {
  return options.gateway.controllers.length === 0 || options.gateway.controllers.includes(controllerName);
}

/** Route age for "oldest wins" (GW-9 steps 7-8, §5.2): creationTimestamp, then `namespace/name` alphabetically. */
export function compareAge(a: { creationTimestamp?: string; order: number; namespace: string; name: string }, b: typeof a): number {
  if (a.creationTimestamp && b.creationTimestamp && a.creationTimestamp !== b.creationTimestamp) {
    const ta = Date.parse(a.creationTimestamp);
    const tb = Date.parse(b.creationTimestamp);
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  }
  return `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
}

/** GW-12: does some ReferenceGrant in `toNamespace` let a `fromKind` in `fromNamespace` refer to `toKind/toName`? */
export function findGrant(grants: ReferenceGrant[], from: { group: string; kind: string; namespace: string }, to: { group: string; kind: string; namespace: string; name: string }): ReferenceGrant | undefined {
  return grants.find(
    (g) =>
      g.namespace === to.namespace &&
      g.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
      g.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name)),
  );
}

function listenerStates(gw: Gateway, world: World): ListenerState[] {
  const states = gw.listeners.map((l): ListenerState => {
    const allowed = KINDS_BY_PROTOCOL[l.protocol];
    const conditions: Condition[] = [];
    let ready = true;
    let supportedKinds: string[] = allowed ?? [];
    if (!allowed) {
      conditions.push(cond('Accepted', false, 'UnsupportedProtocol', `protocol ${l.protocol} is not supported by the simulated implementation (GW-2).`));
      ready = false;
    }
    if (l.allowedRoutes.kinds.length && allowed) {
      const valid = l.allowedRoutes.kinds.filter((k) => k.group === GATEWAY_GROUP && allowed.includes(k.kind));
      supportedKinds = valid.map((k) => k.kind);
      if (valid.length < l.allowedRoutes.kinds.length) {
        const bad = l.allowedRoutes.kinds.filter((k) => !valid.includes(k)).map((k) => k.kind);
        conditions.push(cond('ResolvedRefs', false, 'InvalidRouteKinds', `allowedRoutes.kinds ${bad.join(', ')} cannot be carried by a ${l.protocol} listener (GW-3).`));
      }
    }
    const certProblem = certificateProblem(gw, l, world);
    if (certProblem) {
      conditions.push(cond('ResolvedRefs', false, certProblem.reason, certProblem.message));
      conditions.push(cond('Accepted', false, 'Invalid', 'the listener has unresolved certificate references.'));
      conditions.push(cond('Programmed', false, 'Invalid', certProblem.message));
      ready = false;
    }
    return { name: l.name, index: l.index, port: l.port, protocol: l.protocol, ...(l.hostname !== undefined ? { hostname: l.hostname } : {}), supportedKinds, ready, conditions, attachedRoutes: 0 };
  });
  markConflicts(gw.listeners, states);
  for (const s of states) {
    const has = (t: string) => s.conditions.some((c) => c.type === t);
    if (!has('Accepted')) s.conditions.push(cond('Accepted', true, 'Accepted'));
    if (!has('ResolvedRefs')) s.conditions.push(cond('ResolvedRefs', true, 'ResolvedRefs'));
    if (!has('Conflicted')) s.conditions.push(cond('Conflicted', false, 'NoConflicts'));
    if (!has('Programmed')) s.conditions.push(cond('Programmed', s.ready, s.ready ? 'Programmed' : 'Invalid'));
  }
  return states;
}

/** GW-2: listeners must be distinguishable by traffic alone; indistinct ones are all Conflicted. */
function markConflicts(listeners: Listener[], states: ListenerState[]): void {
  const transport = (p: string) => (p === 'UDP' ? 'udp' : 'tcp');
  const sniFamily = (p: string) => (p === 'HTTPS' || p === 'TLS' ? 'sni' : p);
  listeners.forEach((a, i) => {
    listeners.forEach((b, j) => {
      if (i === j || a.port !== b.port || transport(a.protocol) !== transport(b.protocol)) return;
      const s = states[i]!;
      if (s.conditions.some((c) => c.type === 'Conflicted')) return;
      if (sniFamily(a.protocol) !== sniFamily(b.protocol)) {
        s.conditions.push(cond('Conflicted', true, 'ProtocolConflict', `listener "${b.name}" uses port ${b.port} with protocol ${b.protocol} (GW-2).`));
        s.ready = false;
      } else if ((a.hostname ?? '') === (b.hostname ?? '')) {
        s.conditions.push(cond('Conflicted', true, 'HostnameConflict', `listener "${b.name}" has the same port, protocol and hostname (GW-2).`));
        s.ready = false;
      }
    });
  });
}

/** GW-3: certificateRefs of a TLS-terminating listener must name Secrets that exist, cross-namespace only with a grant. */
function certificateProblem(gw: Gateway, l: Listener, world: World): { reason: string; message: string } | undefined {
  if (!l.tls || l.tls.mode === 'Passthrough') return undefined;
  if (l.tls.certificateRefs.length === 0) return { reason: 'InvalidCertificateRef', message: 'no certificateRefs (GW-3).' };
  for (const ref of l.tls.certificateRefs) {
    const ns = ref.namespace ?? gw.namespace;
    if (ref.group !== '' || ref.kind !== 'Secret') return { reason: 'InvalidCertificateRef', message: `certificateRef ${ref.kind} ${ref.name} is not a Secret (GW-3).` };
    if (ns !== gw.namespace && !findGrant(world.referenceGrants, { group: GATEWAY_GROUP, kind: 'Gateway', namespace: gw.namespace }, { group: '', kind: 'Secret', namespace: ns, name: ref.name })) {
      return { reason: 'RefNotPermitted', message: `Secret ${ns}/${ref.name} is in another namespace and no ReferenceGrant there allows it (GW-12).` };
    }
    if (!world.secrets.some((s) => s.namespace === ns && s.name === ref.name)) return { reason: 'InvalidCertificateRef', message: `Secret ${ns}/${ref.name} does not exist (GW-3).` };
  }
  return undefined;
}

function gatewayState(gw: Gateway, world: World, classes: GatewayClassState[]): GatewayState {
  const cls = classes.find((c) => c.name === gw.gatewayClassName);
  const ours = cls !== undefined && cls.accepted;
  const listeners = ours ? listenerStates(gw, world) : [];
  const conditions: Condition[] = [];
  if (ours) {
    const valid = listeners.filter((l) => l.ready).length;
    if (valid === listeners.length) conditions.push(cond('Accepted', true, 'Accepted'));
    else conditions.push(cond('Accepted', valid > 0, 'ListenersNotValid', `${listeners.length - valid} of ${listeners.length} listeners are not valid (GW-2).`));
    conditions.push(cond('Programmed', valid > 0 && gw.addresses.length > 0, valid > 0 && gw.addresses.length > 0 ? 'Programmed' : gw.addresses.length ? 'Invalid' : 'AddressNotAssigned'));
  }
  return {
    id: gw.id,
    namespace: gw.namespace,
    name: gw.name,
    className: gw.gatewayClassName,
    ...(cls ? { controllerName: cls.controllerName } : {}),
    ours,
    conditions,
    listeners,
    addresses: gw.addresses,
  };
}

type AnyRoute = HTTPRoute | GRPCRoute;

/** §5.2: one parentRef of one Route. */
function attach(route: AnyRoute, ref: AnyRoute['parentRefs'][number], gateways: Map<string, { gw: Gateway; state: GatewayState }>, world: World): ParentState {
  const base = { parentRef: ref, listeners: [] as string[], conditions: [] as Condition[] };
  const found = ref.group === GATEWAY_GROUP && ref.kind === 'Gateway' ? gateways.get(`${ref.namespace}/${ref.name}`) : undefined;
  if (!found || !found.state.ours) {
    const why = ref.group !== GATEWAY_GROUP || ref.kind !== 'Gateway' ? `parent kind ${ref.group}/${ref.kind} is not simulated` : !found ? `Gateway ${ref.namespace}/${ref.name} does not exist` : `Gateway ${ref.namespace}/${ref.name} uses GatewayClass "${found.gw.gatewayClassName}", which no simulated controller serves`;
    return { ...base, accepted: false, reason: 'NotFound', message: `${why}; the route gets no status for this parent (§5.2).` };
  }
  const { gw, state } = found;
  const fail = (reason: string, message: string): ParentState => ({ ...base, gatewayId: gw.id, accepted: false, reason, message, conditions: [cond('Accepted', false, reason, message)] });
  let L = gw.listeners;
  if (ref.sectionName !== undefined) L = L.filter((l) => l.name === ref.sectionName);
  if (ref.port !== undefined) L = L.filter((l) => l.port === ref.port);
  if (L.length === 0) {
    const what = [ref.sectionName !== undefined ? `sectionName "${ref.sectionName}"` : '', ref.port !== undefined ? `port ${ref.port}` : ''].filter(Boolean).join(' and ');
    return fail('NoMatchingParent', `Gateway ${gw.namespace}/${gw.name} has no listener with ${what} (§5.2).`);
  }
  const ns = world.namespaces.find((n) => n.name === route.namespace);
  L = L.filter((l) => {
    const ls = state.listeners.find((x) => x.name === l.name)!;
    if (!ls.supportedKinds.includes(route.kind)) return false;
    const from = l.allowedRoutes.namespaces.from;
    if (from === 'All') return true;
    if (from === 'Same') return route.namespace === gw.namespace;
    return l.allowedRoutes.namespaces.selector !== undefined && ns !== undefined && matchesSelector(l.allowedRoutes.namespaces.selector, ns.labels);
  });
  if (L.length === 0) return fail('NotAllowedByListeners', `no listener of Gateway ${gw.namespace}/${gw.name} allows a ${route.kind} from namespace "${route.namespace}" (allowedRoutes, §5.2).`);
  if (route.hostnames.length) L = L.filter((l) => effectiveHostnames(l.hostname, route.hostnames).length > 0);
  if (L.length === 0) return fail('NoMatchingListenerHostname', `none of the route's hostnames (${route.hostnames.join(', ')}) intersects a listener hostname (GW-5).`);
  return { ...base, gatewayId: gw.id, accepted: true, reason: 'Accepted', message: `attached to listener${L.length > 1 ? 's' : ''} ${L.map((l) => l.name).join(', ')}.`, listeners: L.map((l) => l.name), conditions: [cond('Accepted', true, 'Accepted')] };
}

/** GW-10..GW-13: resolve one backendRef. */
export function resolveBackend(route: AnyRoute, rule: number, ref: BackendRef, world: World): BackendState {
  const base = { rule, ref };
  if (ref.group !== '' || ref.kind !== 'Service') return { ...base, resolved: false, reason: 'InvalidKind', message: `backendRef kind ${ref.group ? `${ref.group}/` : ''}${ref.kind} is not supported (GW-13).` };
  let grant: string | undefined;
  if (ref.namespace !== route.namespace) {
    const g = findGrant(world.referenceGrants, { group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace }, { group: '', kind: 'Service', namespace: ref.namespace, name: ref.name });
    if (!g) return { ...base, resolved: false, reason: 'RefNotPermitted', message: `Service ${ref.namespace}/${ref.name} is in another namespace and no ReferenceGrant in "${ref.namespace}" allows ${route.kind}s from "${route.namespace}" (GW-12).` };
    grant = g.id;
  }
  const svc = world.services.find((s) => s.namespace === ref.namespace && s.name === ref.name);
  if (!svc) return { ...base, resolved: false, reason: 'BackendNotFound', message: `Service ${ref.namespace}/${ref.name} does not exist (GW-13).` };
  if (svc.type === 'ExternalName') return { ...base, resolved: false, reason: 'InvalidKind', message: `Service ${ref.namespace}/${ref.name} is ExternalName, which the simulated implementation does not route to (GW-10).` };
  if (ref.port !== undefined && !svc.ports.some((p) => p.port === ref.port && p.protocol === 'TCP')) {
    return { ...base, resolved: false, reason: 'BackendNotFound', message: `Service ${ref.namespace}/${ref.name} has no port ${ref.port}; backendRef port is the Service port, not the target port (GW-10).` };
  }
  return { ...base, resolved: true, message: grant ? `allowed by ReferenceGrant ${grant} (GW-12).` : 'resolved.', ...(grant ? { grant } : {}) };
}

function routeState(route: AnyRoute, gateways: Map<string, { gw: Gateway; state: GatewayState }>, world: World): RouteState {
  const parents = route.parentRefs.map((ref) => attach(route, ref, gateways, world));
  const backends: BackendState[] = [];
  route.rules.forEach((rule) => {
    for (const ref of rule.backendRefs) backends.push(resolveBackend(route, rule.index, ref, world));
  });
  return { id: route.id, kind: route.kind, namespace: route.namespace, name: route.name, parents, backends };
}

/** §5.2, GW-16: an HTTPRoute and a GRPCRoute on one listener with intersecting hostnames: only the older is accepted. */
function resolveKindConflicts(routes: { route: AnyRoute; state: RouteState }[], gateways: Map<string, { gw: Gateway; state: GatewayState }>): void {
  const byId = new Map([...gateways.values()].map((g) => [g.gw.id, g]));
  for (const g of routes.filter((r) => r.route.kind === 'GRPCRoute')) {
    for (const h of routes.filter((r) => r.route.kind === 'HTTPRoute')) {
      const [older, newer] = compareAge(g.route, h.route) <= 0 ? [g, h] : [h, g];
      for (const np of newer.state.parents) {
        if (!np.accepted) continue;
        const op = older.state.parents.find((p) => p.accepted && p.gatewayId === np.gatewayId);
        if (!op) continue;
        const gw = byId.get(np.gatewayId!)!.gw;
        const clash = np.listeners.filter((name) => {
          if (!op.listeners.includes(name)) return false;
          const l = gw.listeners.find((x) => x.name === name)!;
          const a = effectiveHostnames(l.hostname, newer.route.hostnames);
          const b = effectiveHostnames(l.hostname, older.route.hostnames);
          return a.some((x) => b.some((y) => intersectHostname(x, y) !== null));
        });
        if (!clash.length) continue;
        np.listeners = np.listeners.filter((n) => !clash.includes(n));
        if (np.listeners.length === 0) {
          np.accepted = false;
          np.reason = 'Conflicted';
          np.message = `${older.route.kind} ${older.route.namespace}/${older.route.name} is older and serves the same hostnames on this listener; an HTTPRoute and a GRPCRoute cannot share them (GW-16).`;
          np.conditions = [cond('Accepted', false, 'Conflicted', np.message)];
        }
      }
    }
  }
}

/**
 * The Gateway API controller's status pass (GW-1..GW-3, §5.2, GW-10..GW-13): which classes are served,
 * which listeners are valid, where each Route's parentRefs attach and which backendRefs resolve, and which
 * pods and Service implement each served Gateway (GW-15). Each status is written into its object in the
 * World, as the controller writes `status` in a cluster; routing, the graph and DNS read it there.
 */
export function reconcileGatewayAPI(world: World, options: SimOptions): void {
  const classes: GatewayClassState[] = world.gatewayClasses.map((c) => {
    const accepted = servesController(options, c.controllerName);
    return {
      id: c.id,
      name: c.name,
      controllerName: c.controllerName,
      accepted,
      conditions: accepted ? [cond('Accepted', true, 'Accepted', `played by the simulator as ${c.controllerName}.`)] : [{ type: 'Accepted', status: 'Unknown', reason: 'Pending', message: 'no simulated controller serves this controllerName (GW-1).' }],
    };
  });
  const gateways = new Map<string, { gw: Gateway; state: GatewayState }>();
  for (const gw of world.gateways) gateways.set(`${gw.namespace}/${gw.name}`, { gw, state: gatewayState(gw, world, classes) });
  const routes = [...world.httpRoutes, ...world.grpcRoutes].map((route) => ({ route, state: routeState(route, gateways, world) }));
  resolveKindConflicts(routes, gateways);
  const byId = new Map([...gateways.values()].map((g) => [g.gw.id, g.state]));
  for (const { state } of routes) {
    const unresolved = state.backends.find((b) => !b.resolved);
    for (const p of state.parents) {
      if (p.reason === 'NotFound') continue;
      p.conditions.push(unresolved ? cond('ResolvedRefs', false, unresolved.reason!, unresolved.message) : cond('ResolvedRefs', true, 'ResolvedRefs'));
      if (!p.accepted) continue;
      const gs = byId.get(p.gatewayId!)!;
      for (const name of p.listeners) gs.listeners.find((l) => l.name === name)!.attachedRoutes++;
    }
  }
  for (const c of world.gatewayClasses) {
    const st = classes.find((x) => x.id === c.id)!;
    c.status = { accepted: st.accepted, conditions: st.conditions };
  }
  for (const { gw, state } of gateways.values()) {
    const { id: _id, namespace: _ns, name: _name, className: _class, ...status } = state;
    gw.status = { ...status, ...(state.ours ? { implementation: implementationOf(world, gw) } : {}) };
  }
  for (const { route, state } of routes) route.status = { parents: state.parents, backends: state.backends };
}
