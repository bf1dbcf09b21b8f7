import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { cidrContains, parseCIDR, parseIP } from '../../net/ip';

function sim(yaml: string) {
  const s = simulate([{ name: 't.yaml', text: yaml }]);
  const svc = (name: string) => s.world.services.find((x) => x.name === name);
  return { ...s, svc, text: yaml };
}
const svc = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: ${spec}\n---\n`;

describe('ClusterIP allocation', () => {
  it('picks a deterministic address in the upper band of the Service CIDR', () => {
    const a = sim(svc('web', '{ports: [{port: 80}]}')).svc('web')!.clusterIPs[0]!;
    const b = sim(svc('other', '{ports: [{port: 80}]}') + svc('web', '{ports: [{port: 80}]}')).svc('web')!.clusterIPs[0]!;
    expect(a).toBe(b);
    expect(cidrContains(parseCIDR('10.96.0.0/12')!, parseIP(a)!)).toBe(true);
    // The static band of a /12 is 10.96.0.1-10.96.1.0.
    expect(parseIP(a)!.value > parseIP('10.96.1.0')!.value).toBe(true);
  });

  it('gives a kube-system/kube-dns written without clusterIP the cluster DNS address that pods are told to use', () => {
    const s = simulate([{ name: 't.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec: {selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}\n' }]);
    expect(s.world.services.find((x) => x.id === 'Service/kube-system/kube-dns')!.clusterIPs).toEqual(['10.96.0.10']);
    expect(s.diagnostics.map((d) => d.code)).not.toContain('dns-kube-dns-ip-mismatch');
  });

  it('honours a written clusterIP and rejects one outside the range or taken', () => {
    const s = sim(svc('a', '{clusterIP: 10.96.0.50, ports: [{port: 80}]}') + svc('b', '{clusterIP: 10.96.0.50, ports: [{port: 80}]}') + svc('c', '{clusterIP: 10.0.0.1, ports: [{port: 80}]}'));
    expect(s.svc('a')!.clusterIPs).toEqual(['10.96.0.50']);
    expect([s.svc('b'), s.svc('c')]).toEqual([undefined, undefined]);
    expect(s.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.object])).toEqual([
      ['ip-conflict', 'Service/default/b'],
      ['cluster-ip-out-of-range', 'Service/default/c'],
    ]);
  });

  it('a user Service asking for the DNS Service address is rejected, not kube-dns', () => {
    const s = sim(svc('mine', '{clusterIP: 10.96.0.10, ports: [{port: 53}]}'));
    expect(s.svc('mine')).toBeUndefined();
    expect(s.svc('kube-dns')!.clusterIPs).toEqual(['10.96.0.10']);
    expect(s.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.object])).toEqual([['ip-conflict', 'Service/default/mine']]);
  });

  it('externalTrafficPolicy on a plain ClusterIP Service is rejected, not defaulted (edge case 21)', () => {
    const s = sim(svc('web', '{externalTrafficPolicy: Local, ports: [{port: 80}]}') + svc('ok', '{ports: [{port: 80}]}'));
    expect(s.svc('web')).toBeUndefined();
    expect(s.svc('ok')!.externalTrafficPolicy).toBeUndefined();
    expect(s.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['ADM-2']);
  });

  it('headless and ExternalName Services get no ClusterIP', () => {
    const s = sim(svc('h', '{clusterIP: None, selector: {a: b}}') + svc('e', '{type: ExternalName, externalName: example.com}'));
    expect([s.svc('h')!.clusterIPs, s.svc('e')!.clusterIPs]).toEqual([[], []]);
  });
});

describe('NodePort and load balancer allocation', () => {
  it('gives NodePort Services ports in the dynamic band 30086-32767', () => {
    const s = sim(svc('np', '{type: NodePort, ports: [{name: a, port: 80}, {name: b, port: 443}]}'));
    for (const p of s.svc('np')!.ports) expect(p.nodePort! >= 30086 && p.nodePort! <= 32767).toBe(true);
  });

  it('honours a written nodePort and rejects out-of-range or duplicate ones at the field', () => {
    const s = sim(svc('a', '{type: NodePort, ports: [{port: 80, nodePort: 30080}]}') + svc('b', '{type: NodePort, ports: [{port: 80, nodePort: 30080}]}') + svc('c', '{type: NodePort, ports: [{port: 80, nodePort: 40000}]}'));
    expect(s.svc('a')!.ports[0]!.nodePort).toBe(30080);
    expect(s.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.object, s.text.slice(d.range.start, d.range.end)])).toEqual([
      ['nodeport-conflict', 'Service/default/b', 'nodePort: 30080'],
      ['nodeport-out-of-range', 'Service/default/c', 'nodePort: 40000'],
    ]);
  });

  it('gives LoadBalancers pool addresses in input order, node ports, and a health check port for Local', () => {
    const s = sim(svc('lb1', '{type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 80}]}') + svc('lb2', '{type: LoadBalancer, allocateLoadBalancerNodePorts: false, ports: [{port: 80}]}'));
    expect([s.svc('lb1')!.loadBalancerIPs, s.svc('lb2')!.loadBalancerIPs]).toEqual([['172.18.255.200'], ['172.18.255.201']]);
    expect(s.svc('lb1')!.ports[0]!.nodePort).toBeDefined();
    expect(s.svc('lb2')!.ports[0]!.nodePort).toBeUndefined();
    expect(s.svc('lb1')!.healthCheckNodePort).toBeGreaterThanOrEqual(30086);
    expect(s.svc('lb2')!.healthCheckNodePort).toBeUndefined();
  });

  it('leaves a LoadBalancer pending when the pool is exhausted', () => {
    const yaml = Array.from({ length: 9 }, (_, i) => svc(`lb${i}`, '{type: LoadBalancer, ports: [{port: 80}]}')).join('');
    const s = sim(yaml);
    expect(s.svc('lb8')!.loadBalancerIPs).toEqual([]);
    expect(s.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['loadbalancer-pool-exhausted']);
  });
});
