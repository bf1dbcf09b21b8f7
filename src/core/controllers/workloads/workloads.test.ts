import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { podTemplateHash } from './names';
import { fieldRange } from '../../manifest/fields';

function sim(yaml: string) {
  const s = simulate([{ name: 'test.yaml', text: yaml }]);
  const pods = s.world.pods.filter((p) => !p.system);
  return { ...s, pods, text: yaml };
}

const workload = (kind: string, name: string, spec: string, api = 'apps/v1', podSpec = '{containers: [{name: c, image: nginx}]}') =>
  `apiVersion: ${api}\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n  ${spec}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: ${podSpec}\n---\n`;

describe('pod names', () => {
  const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
  const cases: { name: string; yaml: string; pattern: RegExp; count: number }[] = [
    { name: 'StatefulSet pods are <name>-<ordinal>', yaml: workload('StatefulSet', 'web', 'replicas: 3\n  serviceName: web'), pattern: /^web-[0-2]$/, count: 3 },
    { name: 'Deployment pods are <name>-<pod-template-hash>-<5 chars>', yaml: workload('Deployment', 'api', 'replicas: 2'), pattern: new RegExp(`^api-${SAFE}{6,10}-${SAFE}{5}$`), count: 2 },
    { name: 'ReplicaSet pods are <name>-<5 chars>', yaml: workload('ReplicaSet', 'rs', 'replicas: 2'), pattern: new RegExp(`^rs-${SAFE}{5}$`), count: 2 },
    { name: 'DaemonSet makes one pod per node', yaml: workload('DaemonSet', 'agent', 'updateStrategy: {}'), pattern: new RegExp(`^agent-${SAFE}{5}$`), count: 3 },
    { name: 'Job pods are <job>-<5 chars>, parallelism many', yaml: `apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec:\n  parallelism: 2\n  template:\n    spec: {restartPolicy: Never, containers: [{name: c}]}\n`, pattern: new RegExp(`^once-${SAFE}{5}$`), count: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = sim(c.yaml);
      expect(s.pods).toHaveLength(c.count);
      for (const p of s.pods) expect(p.name).toMatch(c.pattern);
      expect(new Set(s.pods.map((p) => p.name)).size).toBe(c.count);
      // Same input, same names.
      expect(sim(c.yaml).pods.map((p) => p.name)).toEqual(s.pods.map((p) => p.name));
    });
  }

  it('the pod-template-hash changes with the template and labels the pods', () => {
    const a = sim(workload('Deployment', 'api', 'replicas: 1'));
    const b = sim(workload('Deployment', 'api', 'replicas: 1', 'apps/v1', '{containers: [{name: c, image: nginx:2}]}'));
    const hash = a.pods[0]!.labels['pod-template-hash']!;
    expect(a.pods[0]!.name.startsWith(`api-${hash}-`)).toBe(true);
    expect(b.pods[0]!.labels['pod-template-hash']).not.toBe(hash);
    expect(podTemplateHash(a.world.workloads.find((w) => w.name === 'api')!.template)).toBe(hash);
  });

  it('StatefulSet pods get hostname, subdomain and the pod-name label', () => {
    const p = sim(workload('StatefulSet', 'db', 'replicas: 1\n  serviceName: dbs')).pods[0]!;
    expect([p.hostname, p.subdomain, p.labels['statefulset.kubernetes.io/pod-name']]).toEqual(['db-0', 'dbs', 'db-0']);
  });

  it('a declared Pod with the same name as a generated one wins', () => {
    const s = sim(workload('StatefulSet', 'db', 'replicas: 2\n  serviceName: db') + `apiVersion: v1\nkind: Pod\nmetadata: {name: db-0, labels: {mine: "yes"}}\nspec: {containers: [{name: c}]}\n`);
    expect(s.pods.filter((p) => p.name === 'db-0').map((p) => p.labels.mine)).toEqual(['yes']);
  });

  it('generated pods point their source at the template, so ranges land in the workload', () => {
    const s = sim(workload('Deployment', 'api', 'replicas: 1'));
    const p = s.pods[0]!;
    expect(p.source.prefix).toBe('spec.template');
    const r = fieldRange(p.source, 'spec.containers')!;
    expect(s.text.slice(r.start, r.end)).toContain('image: nginx');
  });
});

describe('scheduling and pod IPs ([SIM] I-1, §0)', () => {
  it('spreads replicas over the nodes and numbers IPs from .2 per node CIDR, after CoreDNS', () => {
    const s = simulate([{ name: 'test.yaml', text: workload('Deployment', 'api', 'replicas: 4') }]);
    // CoreDNS runs from bootstrap: its two replicas take .2 on node-1 and node-2, before any input pod.
    expect(s.world.pods.filter((p) => p.system).map((p) => `${p.nodeName} ${p.ips[0]}`)).toEqual(['node-1 10.244.1.2', 'node-2 10.244.2.2']);
    expect(s.world.pods.filter((p) => !p.system).map((p) => `${p.nodeName} ${p.ips[0]}`).sort()).toEqual(['node-1 10.244.1.3', 'node-1 10.244.1.4', 'node-2 10.244.2.3', 'node-3 10.244.3.2']);
  });

  it('starts each owner (in input order) at the next node and numbers IPs round by round', () => {
    const s = sim(
      workload('Deployment', 'web', 'replicas: 2') +
        `apiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec: {containers: [{name: c}]}\n---\n` +
        workload('StatefulSet', 'db', 'replicas: 3\n  serviceName: db'),
    );
    const at = (p: (typeof s.pods)[number]) => `${p.ownerId ?? p.id} ${p.nodeName} ${p.ips[0]}`;
    expect(s.pods.map(at).sort()).toEqual([
      'Deployment/default/web node-1 10.244.1.3',
      'Deployment/default/web node-2 10.244.2.4',
      'Pod/default/solo node-2 10.244.2.3',
      'StatefulSet/default/db node-1 10.244.1.4',
      'StatefulSet/default/db node-2 10.244.2.5',
      'StatefulSet/default/db node-3 10.244.3.2',
    ]);
    // CoreDNS holds .2 on node-1 and node-2; then every first replica, then every second…: on node-2, solo
    // (round 0) before web's second replica (round 1) before db-2 (round 2).
    expect(s.pods.filter((p) => p.name.startsWith('db-')).map((p) => `${p.name} ${p.ips[0]}`)).toEqual(['db-0 10.244.3.2', 'db-1 10.244.1.4', 'db-2 10.244.2.5']);
  });

  // A real cluster never moves a running pod when another workload scales or an Ingress is added; the
  // simulator, which has no history, keeps that promise by its placement order ([SIM], see schedule.ts).
  const base =
    workload('Deployment', 'web', 'replicas: 3') +
    `apiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec: {containers: [{name: c}]}\n---\n` +
    workload('StatefulSet', 'db', 'replicas: 2\n  serviceName: db') +
    workload('Deployment', 'api', 'replicas: 2');
  const where = (yaml: string) => new Map(sim(yaml).pods.map((p) => [p.id, `${p.nodeName} ${p.ips[0]}`]));
  const edits: { name: string; yaml: string; moves: string[] }[] = [
    { name: 'the first workload scaled past the others', yaml: base.replace('replicas: 3', 'replicas: 4'), moves: [] },
    { name: 'the first workload scaled down', yaml: base.replace('replicas: 3', 'replicas: 2'), moves: [] },
    { name: 'the last workload scaled up', yaml: base.replace(/replicas: 2(?![\s\S]*replicas)/, 'replicas: 5'), moves: [] },
    { name: 'an Ingress added (the simulator adds its controller)', yaml: base + `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {defaultBackend: {service: {name: web, port: {number: 80}}}}\n`, moves: [] },
    { name: 'a middle workload scaled to the most replicas', yaml: base.replace('replicas: 2\n  serviceName', 'replicas: 4\n  serviceName'), moves: [] },
  ];
  for (const e of edits) {
    it(`moves no other pod and renumbers none: ${e.name}`, () => {
      const before = where(base);
      const after = where(e.yaml);
      const moved = [...before].filter(([id, at]) => after.has(id) && after.get(id) !== at).map(([id]) => id);
      expect(moved).toEqual(e.moves);
    });
  }
  // CoreDNS runs from bootstrap: no edit of the input moves or renumbers it (before, an Ingress's controller
  // took its place in the order and moved both replicas to other nodes).
  const coreDNS = (yaml: string) => simulate([{ name: 'test.yaml', text: yaml }]).world.pods.filter((p) => p.ownerId === 'Deployment/kube-system/coredns').map((p) => `${p.name} ${p.nodeName} ${p.ips[0]}`);
  for (const e of [...edits, { name: 'the first workload given a replica on a CoreDNS node', yaml: base.replace('replicas: 3', 'replicas: 5') }]) {
    it(`keeps CoreDNS on its nodes and addresses: ${e.name}`, () => {
      expect(coreDNS(base)).toHaveLength(2);
      expect(coreDNS(e.yaml)).toEqual(coreDNS(base));
    });
  }

  it('renumbers only pods of later rounds on the new replica’s node, and moves none', () => {
    // The known limit: with api at 5 replicas, db's third replica (owner 2, round 2) goes to node-2, where
    // api's fifth (owner 3, round 4) was made after it; that one pod takes the next address.
    const wide = base.replace(/replicas: 2(?![\s\S]*replicas)/, 'replicas: 5');
    const before = where(wide);
    const after = where(wide.replace('replicas: 2\n  serviceName', 'replicas: 3\n  serviceName'));
    const changed = [...before].filter(([id, at]) => after.get(id) !== at);
    expect(changed.map(([id, at]) => `${at} -> ${after.get(id)}`)).toEqual(['node-2 10.244.2.6 -> node-2 10.244.2.7']);
    expect(changed[0]![0]).toMatch(/^Pod\/default\/api-/);
  });

  it('honours spec.nodeName and a written podIP, and skips that IP for others', () => {
    const s = sim(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: fixed}\nspec: {nodeName: node-2, containers: [{name: c}]}\nstatus: {podIP: 10.244.2.2}\n---\n` +
        `apiVersion: v1\nkind: Pod\nmetadata: {name: free}\nspec: {nodeName: node-2, containers: [{name: c}]}\n`,
    );
    // CoreDNS's replica on node-2 skips the written .2 and takes .3.
    expect(s.pods.map((p) => `${p.name} ${p.nodeName} ${p.ips.join()}`)).toEqual(['fixed node-2 10.244.2.2', 'free node-2 10.244.2.4']);
  });

  it('a hostNetwork pod gets its node IP', () => {
    const s = sim(`apiVersion: v1\nkind: Pod\nmetadata: {name: h}\nspec: {nodeName: node-3, hostNetwork: true, containers: [{name: c}]}\n`);
    expect(s.pods[0]!.ips).toEqual(['172.18.0.4']);
  });

  it('reports an unknown node at spec.nodeName and gives the pod no IP', () => {
    const s = sim(`apiVersion: v1\nkind: Pod\nmetadata: {name: lost}\nspec: {nodeName: node-9, containers: [{name: c}]}\n`);
    const d = s.diagnostics.find((x) => x.code === 'unknown-node')!;
    expect(s.text.slice(d.range.start, d.range.end)).toBe('nodeName: node-9');
    expect(s.pods[0]!.ips).toEqual([]);
  });

  it('reports an unknown node in a workload template once, not once per replica', () => {
    const s = sim(workload('ReplicaSet', 'rs', 'replicas: 3', 'apps/v1', '{nodeName: gone, containers: [{name: c}]}'));
    expect(s.diagnostics.filter((d) => d.code === 'unknown-node').map((d) => s.text.slice(d.range.start, d.range.end))).toEqual(['nodeName: gone']);
  });

  it('reports two pods written with the same IP', () => {
    const p = (n: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.244.1.9}\n---\n`;
    const s = sim(p('a') + p('b'));
    expect(s.diagnostics.filter((d) => d.code === 'ip-conflict').map((d) => d.object)).toEqual(['Pod/default/b']);
  });

  it('reports a full node pod CIDR once and leaves later pods without IP', () => {
    // A /29 holds .2 to .6; CoreDNS's two replicas (on the only node) take .2 and .3.
    const node = `apiVersion: v1\nkind: Node\nmetadata: {name: small}\nspec: {podCIDR: 10.244.7.0/29}\n---\n`;
    const s = sim(node + workload('ReplicaSet', 'rs', 'replicas: 5'));
    expect(s.pods.map((p) => p.ips.join())).toEqual(['10.244.7.4', '10.244.7.5', '10.244.7.6', '', '']);
    expect(s.diagnostics.filter((d) => d.code === 'pod-cidr-exhausted').map((d) => d.object)).toEqual([s.pods[3]!.id]);
  });

  it('does not report a full node pod CIDR at a pod of the simulator, which has no place in the text', () => {
    const node = `apiVersion: v1\nkind: Node\nmetadata: {name: small}\nspec: {podCIDR: 10.244.7.0/30}\n---\n`;
    const s = simulate([{ name: 'test.yaml', text: node + workload('ReplicaSet', 'rs', 'replicas: 1') }]);
    // The /30 holds only .2: the first CoreDNS replica takes it; the second and rs's pod get none.
    expect(s.world.pods.map((p) => `${p.system ? 'system' : p.name} ${p.ips.join()}`).sort()).toEqual([`${s.world.pods.find((p) => !p.system)!.name} `, 'system ', 'system 10.244.7.2']);
    expect(s.diagnostics.filter((d) => d.code === 'pod-cidr-exhausted').map((d) => d.object)).toEqual([s.world.pods.find((p) => !p.system)!.id]);
  });

  it('pending, succeeded and failed pods get no IP', () => {
    const p = (n: string, phase: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {containers: [{name: c}]}\nstatus: {phase: ${phase}}\n---\n`;
    expect(sim(p('a', 'Pending') + p('b', 'Succeeded') + p('c', 'Failed')).pods.map((x) => x.ips.length)).toEqual([0, 0, 0]);
  });
});
