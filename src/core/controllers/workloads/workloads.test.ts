import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { podTemplateHash } from './names';

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
    const r = p.source.fields[`${p.source.prefix}.spec.containers`]!;
    expect(s.text.slice(r.start, r.end)).toContain('image: nginx');
  });
});

describe('scheduling and pod IPs ([SIM] I-1, §0)', () => {
  it('spreads replicas over the nodes and numbers IPs from .2 per node CIDR', () => {
    const s = sim(workload('Deployment', 'api', 'replicas: 4'));
    expect(s.pods.map((p) => `${p.nodeName} ${p.ips[0]}`).sort()).toEqual(['node-1 10.244.1.2', 'node-1 10.244.1.3', 'node-2 10.244.2.2', 'node-3 10.244.3.2']);
  });

  it('honours spec.nodeName and a written podIP, and skips that IP for others', () => {
    const s = sim(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: fixed}\nspec: {nodeName: node-2, containers: [{name: c}]}\nstatus: {podIP: 10.244.2.2}\n---\n` +
        `apiVersion: v1\nkind: Pod\nmetadata: {name: free}\nspec: {nodeName: node-2, containers: [{name: c}]}\n`,
    );
    expect(s.pods.map((p) => `${p.name} ${p.nodeName} ${p.ips.join()}`)).toEqual(['fixed node-2 10.244.2.2', 'free node-2 10.244.2.3']);
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
    const node = `apiVersion: v1\nkind: Node\nmetadata: {name: small}\nspec: {podCIDR: 10.244.7.0/30}\n---\n`;
    const s = sim(node + workload('ReplicaSet', 'rs', 'replicas: 3'));
    expect(s.pods.map((p) => p.ips.join())).toEqual(['10.244.7.2', '', '']);
    expect(s.diagnostics.filter((d) => d.code === 'pod-cidr-exhausted')).toHaveLength(1);
  });

  it('pending, succeeded and failed pods get no IP', () => {
    const p = (n: string, phase: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {containers: [{name: c}]}\nstatus: {phase: ${phase}}\n---\n`;
    expect(sim(p('a', 'Pending') + p('b', 'Succeeded') + p('c', 'Failed')).pods.map((x) => x.ips.length)).toEqual([0, 0, 0]);
  });
});
