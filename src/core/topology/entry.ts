import type { Ingress } from '../model/networking';
import type { Simulation } from '../simulate';
import type { Implementation, Pod } from '../model/core';
import type { World } from '../model/world';
import type { BackendRefStatus } from '../model/gateway';
import { NGINX_CONTROLLER, nginxAnnotations, servingClass } from '../controllers/ingress/index';
import { resolveBackend } from '../controllers/ingress/backends';
import { allRoutes } from '../controllers/gateway/index';
import { addEdge, addNode, citeOf, INTERNET, shown, type Builder } from './builder';
import { judgeFromPod, type Judged } from './traffic';

/**
 * Layers 1-2: where traffic enters. Ingress controllers (one node per IngressClass) and their Ingresses,
 * Gateways and their routes, with an edge to every backend Service judged on the real path: the
 * controller's or gateway's own pods connect to the backends (ING-13, GW-15), so their policies apply.
 */
export function addEntryPoints(g: Builder, sim: Simulation): void {
  addIngresses(g, sim);
  addGateways(g, sim);
}

function addIngresses(g: Builder, sim: Simulation): void {
  const w = sim.world;
  for (const ing of w.ingresses) {
    if (!shown(g, ing)) continue;
    const serving = servingClass(w, ing);
    const backends = ingressBackends(ing);
    // A backend Service that does not exist: the controller answers 503 for its paths (ING-12).
    const missing = [...new Set(backends.filter((b) => !w.services.some((s) => s.namespace === ing.namespace && s.name === b.service)).map((b) => b.service))];
    addNode(g, {
      id: ing.id,
      kind: 'Ingress',
      label: ing.name,
      detail: [ing.rules.map((r) => r.host ?? '*').join(', ') || 'default backend', missing.length ? `no Service ${missing.join(', ')} (503)` : ''].filter(Boolean).join(' · '),
      namespace: ing.namespace,
      layer: 2,
      status: !serving.served ? 'error' : missing.length ? 'warning' : 'ok',
      cite: citeOf(ing),
    });
    if (!serving.served) continue;
    const cls = serving.ingressClass;
    const clsId = `IngressClass/${cls.name}`;
    addNode(g, { id: clsId, kind: 'IngressClass', label: cls.name, detail: cls.controller, namespace: '', layer: 1, status: 'ok', ...(cls.implicit ? {} : { cite: citeOf(cls) }) });
    addEdge(g, { from: INTERNET, to: clsId, verdict: 'allowed', relation: 'entry', reason: `Clients reach the ${cls.controller} controller through its load balancer; it serves every Ingress of class ${cls.name}.`, cites: [] });
    addEdge(g, {
      from: clsId,
      to: ing.id,
      verdict: 'allowed',
      relation: 'route',
      reason: `IngressClass ${cls.name} serves this Ingress${ing.classSource === 'default' ? ' (ingressClassName was set by admission from the default class, ING-1)' : ''} (ING-3).`,
      cites: [citeOf(ing, ing.classSource === 'spec' ? 'spec.ingressClassName' : '')],
    });
    const proxies = podsOf(w, cls.implementation);
    // An ingress-nginx canary takes canary-weight of canary-weight-total requests by weight (ING-16).
    const ann = cls.controller === NGINX_CONTROLLER ? nginxAnnotations(ing) : undefined;
    const canaryPercent = ann?.canary && ann.canaryWeight !== undefined ? Math.round((100 * ann.canaryWeight) / ann.canaryWeightTotal) : undefined;
    const canaryShare =
      canaryPercent === undefined
        ? undefined
        : { text: `${canaryPercent}%`, why: `This canary Ingress takes ${canaryPercent}% of the matching requests (canary-weight ${ann!.canaryWeight} of ${ann!.canaryWeightTotal}) unless a canary header or cookie decides first (ING-16).` };
    for (const b of backends) {
      const svc = w.services.find((s) => s.namespace === ing.namespace && s.name === b.service);
      if (!svc) continue;
      const port = b.port.number ?? svc.ports.find((p) => p.name === b.port.name)?.port;
      // The port as the route query resolves it (TCP, by number or name): a missing one is a 503, not a question.
      const resolved = resolveBackend(w, ing.namespace, { service: { name: b.service, port: b.port }, path: b.path });
      let j: Judged;
      if (resolved.state === 'port-missing' || port === undefined) j = { verdict: 'blocked', reason: `${resolved.reason}.`, cites: [citeOf(ing, `${b.path}.service.port`), citeOf(svc, 'spec.ports')] };
      else if (g.opts.skipPolicy) j = { verdict: 'unknown', reason: 'Policy verdicts are not computed in this view.', cites: [] };
      else if (proxies.length === 0) j = { verdict: 'unknown', reason: `The pods of controller ${cls.controller} are not modelled, so the policies on the backends cannot be judged.`, cites: [] };
      else j = judgeFromPod(g, sim, proxies[0]!, svc, port);
      addEdge(g, {
        from: ing.id,
        to: svc.id,
        verdict: j.verdict,
        relation: 'backend',
        label: b.routes.slice(0, 3).join(' ') + (b.routes.length > 3 ? ' …' : ''),
        ...(canaryShare ? { share: canaryShare } : {}),
        reason: `${b.routes.join(', ')} → Service ${svc.name}:${port ?? b.port.name}. ${j.reason}`,
        cites: [citeOf(ing, b.path), ...j.cites],
      });
    }
  }
}

/** The Services an Ingress sends to, with the host/path rules that lead to each. */
export function ingressBackends(ing: Ingress): { service: string; port: { number?: number; name?: string }; path: string; routes: string[] }[] {
  const out = new Map<string, { service: string; port: { number?: number; name?: string }; path: string; routes: string[] }>();
  const add = (b: Ingress['defaultBackend'], route: string) => {
    if (!b?.service) return;
    const key = `${b.service.name}:${b.service.port.number ?? b.service.port.name}`;
    const e = out.get(key) ?? { service: b.service.name, port: b.service.port, path: b.path, routes: [] };
    e.routes.push(route);
    out.set(key, e);
  };
  add(ing.defaultBackend, 'default');
  for (const r of ing.rules) for (const p of r.paths) add(p.backend, `${r.host ?? '*'}${p.path || '/'}`);
  return [...out.values()];
}

function addGateways(g: Builder, sim: Simulation): void {
  const w = sim.world;
  if (w.gateways.length === 0 && allRoutes(w).length === 0) return;
  // Read the status the Gateway API controller wrote into each Gateway and Route (GW-1..GW-20).
  for (const gw of w.gateways) {
    const gs = gw.status;
    if (!gs) continue;
    const live = gs.ours && gs.listeners.some((l) => l.ready);
    addNode(g, {
      id: gw.id,
      kind: 'Gateway',
      label: gw.name,
      detail: [gs.addresses[0], gs.listeners.map((l) => `${l.protocol}:${l.port}`).join(', ')].filter(Boolean).join(' · '),
      namespace: gw.namespace,
      layer: 1,
      status: live ? 'ok' : 'error',
      cite: citeOf(gw),
    });
    const why = gs.conditions.find((c) => c.status !== 'True')?.message;
    addEdge(g, {
      from: INTERNET,
      to: gw.id,
      verdict: live ? 'allowed' : 'blocked',
      relation: 'entry',
      reason: live ? `Gateway ${gw.name} listens on ${gs.listeners.filter((l) => l.ready).map((l) => `${l.protocol} ${l.port}`).join(', ')} at ${gs.addresses.join(', ') || 'its address'}.` : `Gateway ${gw.name} serves nothing: ${why ?? 'its class is not served'} (GW-1).`,
      cites: [citeOf(gw, 'spec.gatewayClassName')],
    });
  }
  for (const route of allRoutes(w)) {
    const rs = route.status;
    if (!rs || !shown(g, route)) continue;
    const attached = rs.parents.filter((p) => p.accepted);
    addNode(g, {
      id: route.id,
      kind: route.kind,
      label: route.name,
      detail: 'hostnames' in route ? route.hostnames.join(', ') || '*' : route.kind,
      namespace: route.namespace,
      layer: 2,
      status: attached.length === 0 ? 'error' : rs.backends.some((b) => !b.resolved) ? 'warning' : 'ok',
      cite: citeOf(route),
    });
    rs.parents.forEach((p) => {
      // GW-19: a mesh route hangs off the Service it is attached to.
      if (p.serviceId) {
        addEdge(g, {
          from: p.serviceId,
          to: route.id,
          verdict: p.accepted ? 'allowed' : 'blocked',
          relation: 'route',
          label: 'mesh',
          reason: p.accepted ? `Requests to this Service from mesh clients follow this route: ${p.message}` : `Not attached: ${p.reason}: ${p.message}`,
          cites: [citeOf(route, `spec.parentRefs.${p.parentRef.index}`)],
        });
        return;
      }
      if (!p.gatewayId) return;
      addEdge(g, {
        from: p.gatewayId,
        to: route.id,
        verdict: p.accepted ? 'allowed' : 'blocked',
        relation: 'route',
        ...(p.listeners.length ? { label: p.listeners.join(', ') } : {}),
        reason: p.accepted ? `Attached to listener ${p.listeners.join(', ')} (§5.2).` : `Not attached: ${p.reason}: ${p.message} (§5.2).`,
        cites: [citeOf(route, `spec.parentRefs.${p.parentRef.index}`)],
      });
    });
    const shares = routeShares(rs.backends);
    const proxy = attached.map((p) => w.gateways.find((x) => x.id === p.gatewayId)).flatMap((gw) => podsOf(w, gw?.status?.implementation))[0];
    for (const b of rs.backends) {
      if (b.ref.kind !== 'Service' || b.ref.group !== '') continue;
      const svc = w.services.find((s) => s.namespace === b.ref.namespace && s.name === b.ref.name);
      if (!svc) continue;
      const path = `spec.rules.${b.rule}.backendRefs.${b.ref.index}`;
      let j: Judged;
      if (!b.resolved) j = { verdict: 'blocked', reason: `${b.reason}: ${b.message} Its share of requests gets HTTP 500 (GW-13).`, cites: [] };
      else if (attached.length === 0) j = { verdict: 'blocked', reason: 'The route is attached to no listener, so no request reaches this backend.', cites: [] };
      else if (attached.every((p) => p.serviceId)) j = { verdict: 'allowed', reason: 'Mesh clients whose requests match this rule are sent here; whether their policies admit it is on each call edge (GW-19).', cites: [] };
      else if (g.opts.skipPolicy || !proxy || b.ref.port === undefined) j = { verdict: 'unknown', reason: proxy ? 'Policy verdicts are not computed in this view.' : 'The gateway has no modelled pods, so the policies on the backends cannot be judged.', cites: [] };
      else j = judgeFromPod(g, sim, proxy, svc, b.ref.port);
      addEdge(g, {
        from: route.id,
        to: svc.id,
        verdict: j.verdict,
        relation: 'backend',
        label: `rule ${b.rule + 1}${b.ref.weight !== 1 ? ` · weight ${b.ref.weight}` : ''}`,
        ...(shares.has(svc.id) ? { share: shares.get(svc.id)! } : {}),
        reason: `Rule ${b.rule + 1} sends to Service ${svc.name}:${b.ref.port ?? '?'}${b.grant ? ` (allowed by ReferenceGrant ${b.grant})` : ''}. ${j.reason}`,
        cites: [citeOf(route, path), ...j.cites],
      });
    }
  }
}

/**
 * What share of its rule's requests each backend Service of a route gets (GW-11: its weight over the sum of
 * the rule's weights), keyed by Service id; only for rules that split among several backendRefs. A Service
 * that several rules send to gets each weighted share, and `why` names every rule that sends there.
 */
function routeShares(backends: BackendRefStatus[]): Map<string, { text: string; why: string }> {
  const total = new Map<number, { sum: number; count: number }>();
  for (const b of backends) {
    const t = total.get(b.rule) ?? { sum: 0, count: 0 };
    total.set(b.rule, { sum: t.sum + b.ref.weight, count: t.count + 1 });
  }
  const bySvc = new Map<string, { percent: number | null; rule: number; weight: number; sum: number }[]>();
  for (const b of backends) {
    const id = `Service/${b.ref.namespace}/${b.ref.name}`;
    const t = total.get(b.rule)!;
    const percent = t.count > 1 ? (t.sum > 0 ? Math.round((100 * b.ref.weight) / t.sum) : 0) : null;
    bySvc.set(id, [...(bySvc.get(id) ?? []), { percent, rule: b.rule, weight: b.ref.weight, sum: t.sum }]);
  }
  const out = new Map<string, { text: string; why: string }>();
  for (const [id, parts] of bySvc) {
    const weighted = parts.filter((p) => p.percent !== null);
    if (weighted.length === 0) continue;
    const why = parts
      .map((p) => (p.percent === null ? `rule ${p.rule + 1} sends all its requests here` : `rule ${p.rule + 1} sends ${p.percent}% of its requests here (weight ${p.weight} of ${p.sum})`))
      .join('; ');
    out.set(id, { text: weighted.map((p) => `${p.percent}%`).join(' / '), why: `${why} (GW-11).` });
  }
  return out;
}

/** The pods of an ingress controller or Gateway implementation, as its controller recorded them. */
function podsOf(w: World, impl: Implementation | undefined): Pod[] {
  return (impl?.pods ?? []).flatMap((id) => w.pods.filter((p) => p.id === id));
}
