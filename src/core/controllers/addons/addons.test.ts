import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { DEFAULT_CLUSTER } from '../../model/world';
import { nodePodCIDR } from './index';

const sim = (yaml: string) => simulate([{ name: 't.yaml', text: yaml }]).world;

describe('system objects every cluster has', () => {
  it('adds three default nodes with IPs and per-node pod CIDRs when the input has none', () => {
    expect(sim('').nodes.map((n) => [n.name, n.zone, n.addresses[0], n.podCIDRs[0], n.system])).toEqual([
      ['node-1', 'zone-a', '172.18.0.2', '10.244.1.0/24', true],
      ['node-2', 'zone-b', '172.18.0.3', '10.244.2.0/24', true],
      ['node-3', 'zone-c', '172.18.0.4', '10.244.3.0/24', true],
    ]);
  });

  it('keeps declared nodes and fills in missing InternalIPs and pod CIDRs', () => {
    const w = sim(`apiVersion: v1\nkind: Node\nmetadata: {name: a}\nspec: {podCIDR: 10.244.1.0/24}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: b}\n`);
    expect(w.nodes.map((n) => [n.name, n.addresses[0], n.podCIDRs[0], !!n.system])).toEqual([
      ['a', '172.18.0.2', '10.244.1.0/24', false],
      ['b', '172.18.0.3', '10.244.2.0/24', false],
    ]);
  });

  it('adds kube-dns at 10.96.0.10 with its ports, backed by two CoreDNS pods', () => {
    const w = sim('');
    const dns = w.services.find((s) => s.id === 'Service/kube-system/kube-dns')!;
    expect([dns.clusterIPs, dns.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`), dns.system]).toEqual([['10.96.0.10'], ['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP'], true]);
    const slices = w.endpointSlices.filter((e) => e.serviceName === 'kube-dns');
    expect(slices.flatMap((e) => e.endpoints)).toHaveLength(2);
    expect(w.pods.filter((p) => p.namespace === 'kube-system').every((p) => p.system && p.labels['k8s-app'] === 'kube-dns')).toBe(true);
  });

  it('adds default/kubernetes at 10.96.0.1:443 backed by the API server on the first node :6443', () => {
    const w = sim('');
    const k = w.services.find((s) => s.id === 'Service/default/kubernetes')!;
    expect([k.clusterIPs, k.selector, k.ports[0]!.port]).toEqual([['10.96.0.1'], null, 443]);
    const slice = w.endpointSlices.find((e) => e.serviceName === 'kubernetes')!;
    expect(slice.endpoints.map((e) => `${e.addresses[0]}:${slice.ports[0]!.port}`)).toEqual(['172.18.0.2:6443']);
  });

  it("leaves the user's own kube-dns Service alone", () => {
    const w = sim(`apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec: {clusterIP: 10.96.0.10, selector: {app: mydns}, ports: [{port: 53, protocol: UDP}]}\n`);
    const dns = w.services.filter((s) => s.id === 'Service/kube-system/kube-dns');
    expect(dns.map((s) => [s.system ?? false, s.selector])).toEqual([[false, { app: 'mydns' }]]);
  });

  it('marks the implicit kube-system namespace as system, but not default', () => {
    const w = sim('');
    expect(w.namespaces.map((n) => [n.name, n.system ?? false])).toEqual([['default', false], ['kube-system', true]]);
  });

  it('adds more default nodes when the pods would not fit in three /24 pod CIDRs', () => {
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 1000\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec: {containers: [{name: c}]}\n`;
    const w = sim(deploy);
    expect(w.nodes.map((n) => `${n.name} ${n.zone}`)).toEqual(['node-1 zone-a', 'node-2 zone-b', 'node-3 zone-c', 'node-4 zone-a']);
    expect(w.pods.every((p) => p.ips.length === 1)).toBe(true);
  });

  it('cuts node pod CIDRs out of the cluster pod CIDR', () => {
    expect([0, 1, 255, 256].map((i) => nodePodCIDR(DEFAULT_CLUSTER, i) ?? null)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.255.0/24', null]);
  });
});
