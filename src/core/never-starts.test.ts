import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { check, matrix } from './controllers/netpol/index';
import { trace } from './trace/index';
import { buildTopology } from './topology/index';
import { parsePeer, type Peer } from './queries/peer';

/**
 * One truth for a pod bound to a node that is not in the cluster. Upstream: no kubelet ever runs it (the
 * scheduler is bypassed by spec.nodeName), the EndpointSlice reconciler leaves it out
 * (kubernetes/kubernetes staging/src/k8s.io/endpointslice/reconciler.go, reconcileByAddressType: "the Node
 * specified by the Pod doesn't exist"), and the pod garbage collector deletes it after a quarantine
 * (pkg/controller/podgc/gc_controller.go, gcOrphaned: "deletes pods that are bound to nodes that don't
 * exist"; TestGCOrphaned). The simulator keeps the pod visible but Pending, with no IP and no traffic, and
 * every answer says so.
 */
const yaml = `apiVersion: v1
kind: Pod
metadata: {name: ghost, labels: {app: ghost}}
spec:
  nodeName: worker-9
  containers: [{name: c, image: nginx, ports: [{name: http, containerPort: 80}], env: [{name: API_URL, value: "http://api:8080"}]}]
status: {podIP: 10.244.1.77}
---
apiVersion: v1
kind: Pod
metadata: {name: api, labels: {app: api}}
spec:
  containers: [{name: c, image: api, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: ghost}
spec: {selector: {app: ghost}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 8080}]}
`;

describe('a pod whose nodeName names no node never starts (SVC-7)', () => {
  const sim = simulate([{ name: 'ghost.yaml', text: yaml }]);
  const ghost = sim.world.pods.find((p) => p.name === 'ghost')!;

  it('is Pending, not ready, without IP (the written podIP is dropped), with a located warning', () => {
    expect(ghost).toMatchObject({ phase: 'Pending', ready: false, ips: [] });
    const d = sim.diagnostics.filter((x) => x.code === 'unknown-node');
    expect(d).toHaveLength(1);
    expect(yaml.slice(d[0]!.range.start, d[0]!.range.end)).toBe('nodeName: worker-9');
    expect(d[0]!.message).toContain('never starts');
  });

  it('is no endpoint of the Service that selects it', () => {
    const slices = sim.world.endpointSlices.filter((s) => s.serviceName === 'ghost');
    expect(slices.flatMap((s) => s.endpoints)).toEqual([]);
  });

  const cases: [string, string, string][] = [
    ['to the pod', 'default/api', 'default/ghost'],
    ['from the pod', 'default/ghost', 'default/api'],
    ['from the pod to itself', 'default/ghost', 'default/ghost'],
  ];
  for (const [name, from, to] of cases) {
    it(`check ${name} is denied because the pod does not run, not by a policy`, () => {
      const r = check(sim.world, sim.options, { from: parsePeer(from) as Peer, to: parsePeer(to) as Peer, port: 8080 }, sim.policies);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.result.verdict).toBe('denied');
      expect(r.result.egress.decidedBy).toBe('not-running');
      expect(r.result.reason).toContain('never starts');
    });
  }

  it('matrix: its row and column are all 0, the other pods are unaffected', () => {
    const pods = sim.world.pods.map((p, i) => [p, i] as const).filter(([p]) => !p.system).map(([, i]) => i);
    const m = matrix(sim.world, sim.options, { ports: [{ port: 8080, protocol: 'TCP' }], pods }, sim.policies);
    const gi = m.pods.indexOf('default/ghost');
    const ai = m.pods.indexOf('default/api');
    const rows = m.matrix['8080/TCP']!;
    expect(rows[gi]).toBe('00');
    expect(rows[ai]![gi]).toBe('0');
    expect(rows[ai]![ai]).toBe('1');
  });

  it('trace from the pod fails at the pod itself; trace to its Service is refused (no endpoint)', () => {
    const from = trace(sim, { from: 'default/ghost', url: 'http://api:8080/' });
    expect(from.verdict).toBe('failed');
    expect(from.hops).toHaveLength(1);
    expect(from.hops[0]).toMatchObject({ step: 'pod', object: null, result: 'failed' });
    expect(from.hops[0]!.cites[0]).toMatchObject({ object: 'Pod/default/ghost', path: 'spec.nodeName' });
    const to = trace(sim, { from: 'default/api', url: 'http://ghost/' });
    expect(to.verdict).toBe('failed');
    expect(to.hops.at(-1)).toMatchObject({ step: 'service', result: 'failed' });
  });

  it('topology: the pod is drawn broken and its revealed call is blocked', () => {
    const g = buildTopology(sim);
    const node = g.nodes.find((n) => n.id === 'Pod/default/ghost')!;
    expect(node.status).toBe('error');
    expect(node.detail).toContain('never starts');
    const call = g.edges.find((e) => e.from === 'Pod/default/ghost' && e.relation === 'call')!;
    expect(call.verdict).toBe('blocked');
    expect(call.reason).toContain('never starts');
    expect(g.edges.some((e) => e.relation === 'endpoint' && e.to === 'Pod/default/ghost')).toBe(false);
  });
});
