/**
 * `knet policies --apply` over every built-in scenario (issue 17): after the lock-down, every call the
 * graph infers and every entry route that was delivered still is, DNS still answers, and every other pod
 * pair into the locked namespaces is denied. What "used" means is read from the graph and the World,
 * not from the generator, and the answers come from the same queries `knet` asks (trace, dns, matrix).
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index';
import { simulate, type Simulation } from '../simulate';
import { runQuery, type PoliciesApplied, type TraceDocument } from '../queries/index';
import { buildTopology } from '../topology/index';
import { matrixOf } from '../queries/testing';
import { namespacesWithPods } from './build';
import type { PortKey } from '../controllers/netpol/index';

function applied(sim: Simulation): PoliciesApplied {
  const r = runQuery(sim, 'policies', { apply: true });
  if (!r.ok || Array.isArray(r.result)) throw new Error(r.ok ? 'expected the applied input' : r.error);
  return r.result;
}

/** The edges the page draws with their verdicts, by id: calls, entry points and their backends. */
function traffic(sim: Simulation): Map<string, string> {
  const t = buildTopology(sim);
  return new Map(t.edges.filter((e) => e.relation === 'call' || e.relation === 'backend' || e.relation === 'entry').map((e) => [e.id, e.verdict]));
}

/** Every URL an Ingress rule or a Gateway route names with a host, as a client outside would ask it. */
function entryURLs(sim: Simulation): string[] {
  const w = sim.world;
  const urls = new Set<string>();
  for (const ing of w.ingresses) for (const r of ing.rules) if (r.host && !r.host.includes('*')) for (const p of r.paths) urls.add(`http://${r.host}${p.path || '/'}`);
  for (const r of w.httpRoutes) for (const h of r.hostnames) if (!h.includes('*')) urls.add(`http://${h}/`);
  return [...urls].sort();
}

function traceVerdict(sim: Simulation, from: string, url: string): TraceDocument['verdict'] | 'error' {
  const r = runQuery(sim, 'trace', { from, url });
  return r.ok ? r.result.verdict : 'error';
}

/**
 * The pod pairs the scenario uses, read from the graph with system objects shown: a caller to every pod
 * behind the Service it calls (or behind a mesh route's backends), each Ingress controller and Gateway pod
 * to every pod behind a backend Service, every pod to the cluster DNS pods.
 */
function usedPairs(sim: Simulation): (from: string, to: string) => boolean {
  const t = buildTopology(sim, { showSystem: true, skipPolicy: true });
  const out = new Map<string, string[]>();
  for (const e of t.edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const podsBehind = (svc: string, depth = 0): string[] =>
    (out.get(svc) ?? []).flatMap((n) => (n.startsWith('EndpointSlice/') ? (out.get(n) ?? []).filter((p) => p.startsWith('Pod/')) : depth < 2 && /^(HTTPRoute|GRPCRoute)\//.test(n) ? (out.get(n) ?? []).flatMap((s) => podsBehind(s, depth + 1)) : []));
  const pairs = new Set<string>();
  for (const e of t.edges) if (e.relation === 'call') for (const p of podsBehind(e.to)) pairs.add(`${e.from} ${p}`);
  const w = sim.world;
  const proxies = [...w.ingressClasses.flatMap((c) => c.implementation?.pods ?? []), ...w.gateways.flatMap((g) => g.status?.implementation?.pods ?? [])];
  const backends = t.edges.filter((e) => e.relation === 'backend').flatMap((e) => podsBehind(e.to));
  for (const p of proxies) for (const b of backends) pairs.add(`${p} ${b}`);
  const dnsSvc = w.services.find((s) => s.clusterIPs.includes(sim.options.cluster.dnsServiceIP));
  const dnsPods = new Set(dnsSvc ? podsBehind(dnsSvc.id) : []);
  return (from, to) => dnsPods.has(to) || pairs.has(`${from} ${to}`);
}

describe('knet policies --apply over every built-in scenario', () => {
  for (const s of SCENARIOS) {
    describe(s.id, () => {
      const before = simulate([{ name: `${s.id}.yaml`, text: s.text }]);
      const result = applied(before);
      const after = simulate([{ name: `${s.id}.yaml`, text: result.text }]);
      const locked = new Set(namespacesWithPods(before));

      it('adds policies the API server takes, and keeps every other object', () => {
        const ids = new Set(after.world.networkPolicies.map((p) => p.id));
        for (const p of result.policies) expect(ids, `${p.metadata.namespace}/${p.metadata.name}`).toContain(`NetworkPolicy/${p.metadata.namespace}/${p.metadata.name}`);
        expect(after.world.leftOut.map((l) => l.object)).toEqual(before.world.leftOut.map((l) => l.object));
        const others = (sim: Simulation) => [...sim.world.pods, ...sim.world.services, ...sim.world.ingresses, ...sim.world.httpRoutes].map((o) => o.id);
        expect(others(after)).toEqual(others(before));
      });

      it('keeps every call, entry and backend edge of the graph that was allowed', () => {
        const was = traffic(before);
        const now = traffic(after);
        for (const [id, verdict] of was) if (verdict === 'allowed') expect(`${id}: ${now.get(id)}`).toBe(`${id}: allowed`);
      });

      it('keeps every route from outside delivered', () => {
        for (const url of entryURLs(before)) {
          if (traceVerdict(before, 'Client/internet', url) === 'delivered') expect(`${url}: ${traceVerdict(after, 'Client/internet', url)}`).toBe(`${url}: delivered`);
        }
      });

      it('keeps DNS answering in the locked namespaces', () => {
        for (const pod of before.world.pods.filter((p) => locked.has(p.namespace) && !p.system && p.ips.length && !p.hostNetwork)) {
          const ask = (sim: Simulation) => {
            const r = runQuery(sim, 'dns', { from: `${pod.namespace}/${pod.name}`, name: 'kubernetes.default' });
            return r.ok ? r.result.status : r.error;
          };
          const was = ask(before);
          if (was !== 'TIMEOUT') expect(`${pod.id}: ${ask(after)}`).toBe(`${pod.id}: ${was}`);
        }
      });

      it('denies every other pod pair into the locked namespaces', () => {
        const used = usedPairs(before);
        const pods = after.world.pods;
        const ports = new Map<string, PortKey>();
        for (const p of pods) for (const c of p.containers) for (const cp of c.ports) ports.set(`${cp.containerPort}/${cp.protocol}`, { port: cp.containerPort, protocol: cp.protocol });
        ports.set('80/TCP', { port: 80, protocol: 'TCP' });
        const m = matrixOf(after, { ports: [...ports.values()] });
        const ids = m.pods.map((name) => `Pod/${name}`);
        const byId = new Map(pods.map((p) => [p.id, p]));
        const extra: string[] = [];
        for (const [key, rows] of Object.entries(m.matrix)) {
          rows.forEach((row, i) => {
            [...row].forEach((bit, j) => {
              const to = byId.get(ids[j]!);
              // A pod may always reach itself (NP-8); host-network pods are outside any policy (NP-11).
              if (bit !== '1' || i === j || !to || !locked.has(to.namespace) || to.hostNetwork || byId.get(ids[i]!)?.hostNetwork) return;
              if (!used(ids[i]!, ids[j]!)) extra.push(`${ids[i]} → ${ids[j]} on ${key}`);
            });
          });
        }
        expect(extra).toEqual([]);
      });
    });
  }
});
