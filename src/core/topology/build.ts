import type { Endpoint, EndpointSlice } from '../model/discovery';
import type { Service } from '../model/core';
import type { Simulation } from '../simulate';
import type { Topology, Verdict } from './types';
import { addEdge, addNode, citeOf, INTERNET, isSystem, shown, type Builder, type TopologyOptions } from './builder';
import { addEntryPoints } from './entry';
import { openVerdicts, type TopologyCache } from './cache';
import { addCalls, addExternalEntry } from './traffic';
import { endpointLookups, slicesOf, type EndpointLookups } from '../net/endpoints';
import { servicesByName } from '../model/lookup';
import { isolationByPod } from '../controllers/netpol/index';

export { isSystem, citeOf, type TopologyOptions } from './builder';
export { createTopologyCache, type TopologyCache } from './cache';

/**
 * The graph to draw for a simulation: clients, Services (layer 3), their EndpointSlices (layer 4) and pods
 * (layer 5, one node per replica), with an edge for every path traffic could take and its verdict.
 * Each layer is one function so that entry points, routes, policy verdicts and inferred calls plug in.
 */
export function buildTopology(sim: Simulation, opts: TopologyOptions = {}, cache?: TopologyCache): Topology {
  const lookups = endpointLookups(sim.world);
  const verdicts = cache && !opts.skipPolicy ? openVerdicts(sim, cache, lookups) : undefined;
  const g: Builder = { nodes: new Map(), edges: new Map(), opts, ...(verdicts ? { verdicts } : {}) };
  addClients(g);
  addServices(g, sim, lookups);
  addSlices(g, sim);
  addPods(g, sim);
  addSliceEndpoints(g, sim);
  addExternalEntry(g, sim);
  addEntryPoints(g, sim);
  addCalls(g, sim, lookups);
  verdicts?.close();
  return { nodes: [...g.nodes.values()], edges: [...g.edges.values()] };
}

/** Layer 0: the outside world. Always drawn, so that "who can reach this from outside" has an answer. */
function addClients(g: Builder): void {
  addNode(g, { id: INTERNET, kind: 'Client', label: 'internet', detail: 'any client outside the cluster', namespace: '', layer: 0, status: 'ok' });
}

function serviceDetail(s: Service): string {
  const ports = s.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(', ');
  const ip = s.type === 'ExternalName' ? s.externalName ?? '' : s.headless ? 'headless' : s.clusterIPs[0] ?? '';
  return [s.type === 'ClusterIP' ? '' : s.type, ip, ports].filter(Boolean).join(' · ');
}

/** Layer 3: every Service; warns when a selector-managed Service has no ready endpoint. */
function addServices(g: Builder, sim: Simulation, lookups: EndpointLookups): void {
  for (const s of sim.world.services) {
    if (!shown(g, s)) continue;
    const slices = slicesOf(sim.world, s, lookups);
    const ready = slices.some((es) => es.endpoints.some((e) => e.conditions.ready));
    const status = s.type !== 'ExternalName' && s.selector !== null && !ready ? 'warning' : 'ok';
    addNode(g, { id: s.id, kind: 'Service', label: s.name, detail: serviceDetail(s), namespace: s.namespace, layer: 3, status, cite: citeOf(s), ...(isSystem(s) ? { system: true } : {}) });
  }
}

/** Layer 4: EndpointSlices, each joined to its Service by the `kubernetes.io/service-name` label (SVC-10). */
function addSlices(g: Builder, sim: Simulation): void {
  const services = servicesByName(sim.world);
  for (const es of sim.world.endpointSlices) {
    if (!shown(g, es)) continue;
    const n = es.endpoints.length;
    const ready = es.endpoints.filter((e) => e.conditions.ready).length;
    const svc = es.serviceName ? services.get(`${es.namespace}/${es.serviceName}`) : undefined;
    const cite = es.generated && svc ? citeOf(svc, 'spec.selector') : citeOf(es);
    addNode(g, {
      id: es.id,
      kind: 'EndpointSlice',
      label: es.name,
      detail: `${ready}/${n} ready · ${es.ports.map((p) => `${p.name ? p.name + ':' : ''}${p.port ?? '?'}`).join(', ')}`,
      namespace: es.namespace,
      layer: 4,
      status: n > 0 && ready === 0 ? 'warning' : 'ok',
      cite,
      ...(isSystem(es) ? { system: true } : {}),
    });
    if (svc) {
      addEdge(g, {
        from: svc.id,
        to: es.id,
        verdict: 'allowed',
        relation: 'slice',
        reason: es.generated
          ? `The EndpointSlice controller made this slice for Service ${svc.name} from the pods its selector matches.`
          : `This slice names Service ${svc.name} in its kubernetes.io/service-name label, so kube-proxy uses its endpoints.`,
        cites: [citeOf(svc), cite],
      });
    }
  }
}

/** Layer 5: every pod, one node per replica, with the NetworkPolicies that isolate it (NP-2). */
function addPods(g: Builder, sim: Simulation): void {
  const isolated = isolationByPod(sim.world, sim.options, sim.policies);
  for (const p of sim.world.pods) {
    if (!shown(g, p)) continue;
    const isolation = isolated.get(p.id) ?? null;
    // A pod bound to a node that is not in the cluster never starts (SVC-7): drawn as broken, and says why.
    const status = p.phase === 'Failed' || p.neverStarts ? 'error' : p.ready ? 'ok' : 'warning';
    const state = p.neverStarts ? 'never starts (node not in the cluster)' : p.ready ? '' : p.terminating ? 'terminating' : 'not ready';
    addNode(g, {
      id: p.id,
      kind: 'Pod',
      label: p.name,
      detail: [p.ips[0] ?? 'no IP', p.nodeName, state].filter(Boolean).join(' · '),
      namespace: p.namespace,
      layer: 5,
      status,
      cite: citeOf(p),
      ...(isSystem(p) ? { system: true } : {}),
      ...(isolation && (isolation.ingress.length || isolation.egress.length) ? { isolation } : {}),
    });
  }
}

/** How kube-proxy treats an endpoint, from its conditions (EPS-5, KP-2, KP-3). */
export function endpointVerdict(e: Endpoint): { verdict: Verdict; reason: string } {
  const c = e.conditions;
  if (c.ready) return { verdict: 'allowed', reason: 'The endpoint is ready, so kube-proxy sends new connections to it.' };
  if (c.serving && c.terminating)
    return {
      verdict: 'unknown',
      reason: 'The endpoint is terminating but still serving: kube-proxy uses it only when the Service has no ready endpoint left.',
    };
  return { verdict: 'blocked', reason: 'The endpoint is not ready, so kube-proxy sends it no traffic.' };
}

/** Slice → pod edges, one per endpoint whose targetRef names a drawn pod. */
function addSliceEndpoints(g: Builder, sim: Simulation): void {
  const podByIP = new Map<string, string>();
  for (const p of sim.world.pods) for (const ip of p.ips) if (!p.hostNetwork) podByIP.set(`${p.namespace}/${ip}`, p.id);
  for (const es of sim.world.endpointSlices) {
    es.endpoints.forEach((e, i) => {
      const podId = podOf(es, e, podByIP);
      if (!podId) return;
      const { verdict, reason } = endpointVerdict(e);
      addEdge(g, {
        from: es.id,
        to: podId,
        verdict,
        relation: 'endpoint',
        label: e.addresses[0],
        reason,
        cites: es.generated ? [] : [citeOf(es, `endpoints.${i}`)],
      });
    });
  }
}

function podOf(es: EndpointSlice, e: Endpoint, podByIP: Map<string, string>): string | undefined {
  if (e.targetRef?.kind === 'Pod') return `Pod/${e.targetRef.namespace || es.namespace}/${e.targetRef.name}`;
  for (const a of e.addresses) {
    const id = podByIP.get(`${es.namespace}/${a}`);
    if (id) return id;
  }
  return undefined;
}
