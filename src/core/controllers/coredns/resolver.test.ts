import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER, type World } from '../../model/world';
import type { SimOptions } from '../../options';
import type { PodDNSConfig } from '../../model/core';
import { formatResolvConf, podResolvConf } from './resolv-conf';
import { resolve, searchCandidates, type ReachDNS } from './resolver';
import { slice, worldOf } from './testing';

const PODS = `
apiVersion: v1
kind: Service
metadata: {name: data, namespace: prod}
spec: {clusterIP: 10.96.7.7, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: nginx, namespace: test}
spec: {clusterIP: None, ports: [{name: web, port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: test}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: host, namespace: test}
spec: {hostNetwork: true, containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: hostfixed, namespace: test}
spec: {hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet, containers: [{name: c, image: busybox}]}
`;

const sim = (opts?: Parameters<typeof worldOf>[2]) => worldOf(PODS, [slice('test', 'nginx', [['web', 80]], ['10.244.1.10 web-0'])], opts);
/** The resolver over a simulated World, with its options. */
const ask = (s: { world: World; options: SimOptions }, ...rest: Parameters<typeof resolve> extends [unknown, unknown, ...infer R] ? R : never) => resolve(s.world, s.options, ...rest);

describe("the pod's resolv.conf (DNS-13/14)", () => {
  const pod = (
    dnsPolicy: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None',
    hostNetwork = false,
    dnsConfig?: PodDNSConfig,
  ) => ({ namespace: 'shop', dnsPolicy, hostNetwork, ...(dnsConfig ? { dnsConfig } : {}) });
  it.each([
    {
      name: 'ClusterFirst uses the cluster DNS and the namespace search list',
      p: pod('ClusterFirst'),
      text: 'nameserver 10.96.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5',
    },
    {
      name: 'ClusterFirst on the host network falls back to the node (edge 30)',
      p: pod('ClusterFirst', true),
      text: 'nameserver 172.18.0.1',
    },
    {
      name: 'ClusterFirstWithHostNet keeps the cluster DNS',
      p: pod('ClusterFirstWithHostNet', true),
      text: 'nameserver 10.96.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5',
    },
    { name: "Default is the node's resolv.conf", p: pod('Default'), text: 'nameserver 172.18.0.1' },
    {
      name: 'None uses only dnsConfig',
      p: pod('None', false, { nameservers: ['1.1.1.1'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }] }),
      text: 'nameserver 1.1.1.1\nsearch corp.example\noptions ndots:2',
    },
    {
      name: 'dnsConfig is appended, de-duplicated, and its options win',
      p: pod('ClusterFirst', false, {
        nameservers: ['10.96.0.10', '8.8.8.8'],
        searches: ['svc.cluster.local', 'corp.example'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      }),
      text: 'nameserver 10.96.0.10\nnameserver 8.8.8.8\nsearch shop.svc.cluster.local svc.cluster.local cluster.local corp.example\noptions ndots:2 edns0',
    },
  ])('$name', ({ p, text }) => {
    expect(formatResolvConf(podResolvConf(p, DEFAULT_CLUSTER))).toBe(text);
  });

  it('cuts nameservers past three and search domains past 32 (edge 34)', () => {
    const searches = Array.from({ length: 40 }, (_, i) => `d${i}.example`);
    const rc = podResolvConf(
      pod('ClusterFirst', false, { nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3'], searches, options: [] }),
      DEFAULT_CLUSTER,
    );
    expect(rc.nameservers).toEqual(['10.96.0.10', '1.1.1.1', '2.2.2.2']);
    expect(rc.searches).toHaveLength(32);
    expect(rc.truncated).toHaveLength(2);
  });

  it("appends the node's search domains after the cluster ones", () => {
    const rc = podResolvConf(pod('ClusterFirst'), {
      ...DEFAULT_CLUSTER,
      nodeResolvConf: { nameservers: ['172.18.0.1'], searches: ['corp.example', 'cluster.local'] },
    });
    expect(rc.searches).toEqual(['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example']);
  });
});

describe('search list and ndots (DNS-15/16)', () => {
  const rc = { searches: ['test.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 };
  it.each([
    {
      name: 'data',
      resolver: 'glibc' as const,
      tried: ['data.test.svc.cluster.local.', 'data.svc.cluster.local.', 'data.cluster.local.', 'data.'],
    },
    { name: 'api.example.com.', resolver: 'glibc' as const, tried: ['api.example.com.'] },
    {
      name: 'a.b.c.d.e.f',
      resolver: 'glibc' as const,
      tried: ['a.b.c.d.e.f.', 'a.b.c.d.e.f.test.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.'],
    },
    { name: 'a.b.c.d.e.f', resolver: 'musl' as const, tried: ['a.b.c.d.e.f.'] },
  ])('$resolver tries $name as $tried', ({ name, resolver, tried }) => {
    expect(searchCandidates(name, rc, resolver)).toEqual(tried);
  });
});

describe('resolving from a pod', () => {
  it('a short name only finds Services of its own namespace (edge 32)', () => {
    const r = ask(sim(), { from: 'test/client', name: 'data' });
    expect(r.tried.map((t) => `${t.name} ${t.status}`)).toEqual([
      'data.test.svc.cluster.local. NXDOMAIN',
      'data.svc.cluster.local. NXDOMAIN',
      'data.cluster.local. NXDOMAIN',
      'data. FORWARDED',
    ]);
    expect(r.status).toBe('FORWARDED');
    // DNS-12 [SIM]: the simulated upstream does not know `data.` either.
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.answers).toEqual([]);
  });

  it('name.namespace resolves through the second search domain', () => {
    const r = ask(sim(), { from: 'test/client', name: 'data.prod' });
    expect(r.tried.map((t) => `${t.name} ${t.status}`)).toEqual([
      'data.prod.test.svc.cluster.local. NXDOMAIN',
      'data.prod.svc.cluster.local. NOERROR',
    ]);
    expect(r.rcode).toBe('NOERROR');
    expect(r.answers.map((a) => `${a.name} ${a.ttl} IN ${a.type} ${a.data}`)).toEqual(['data.prod.svc.cluster.local. 30 IN A 10.96.7.7']);
  });

  it('a StatefulSet pod name resolves from its namespace', () => {
    const r = ask(sim(), { from: 'test/client', name: 'web-0.nginx' });
    expect(r.answers.map((a) => a.data)).toEqual(['10.244.1.10']);
    expect(r.tried).toHaveLength(1);
  });

  it('a name that exists without the type is NODATA after every candidate', () => {
    const r = ask(sim(), { from: 'test/client', name: 'data.prod.svc.cluster.local', type: 'AAAA' });
    expect(r.status).toBe('NODATA');
    expect(r.rcode).toBe('NOERROR');
  });

  it('a hostNetwork pod with ClusterFirst cannot resolve Services (edge 30)', () => {
    const r = ask(sim(), { from: 'test/host', name: 'data.prod.svc.cluster.local.' });
    expect(r.nameserver).toBe('172.18.0.1');
    expect(r.status).toBe('NXDOMAIN');
    expect(ask(sim(), { from: 'test/hostfixed', name: 'data.prod.svc.cluster.local.' }).status).toBe('NOERROR');
  });

  it('PTR questions accept an address', () => {
    const r = ask(sim(), { name: '10.96.7.7', type: 'PTR' });
    expect(r.tried.map((t) => t.name)).toEqual(['7.7.96.10.in-addr.arpa.']);
    expect(r.answers.map((a) => a.data)).toEqual(['data.prod.svc.cluster.local.']);
  });

  it('an unknown client pod is an error, not an answer', () => {
    expect(ask(sim(), { from: 'test/ghost', name: 'data' }).error?.code).toBe('unknown-pod');
  });

  it('blocked UDP 53 makes the lookup time out and names the policy', () => {
    const calls: string[] = [];
    const deny: ReachDNS = (pod, ip, proto, port) => {
      calls.push(`${pod} ${ip} ${proto}/${port}`);
      return { allowed: false, reason: 'egress denied', policies: ['test/deny-all'] };
    };
    const r = ask(sim(), { from: 'test/client', name: 'data.prod' }, deny);
    expect(calls).toEqual(['Pod/test/client 10.96.0.10 UDP/53']);
    expect(r.status).toBe('TIMEOUT');
    expect(r.rcode).toBeNull();
    expect(r.reason).toContain('test/deny-all');
  });

  it('an allowed network does not change the answer', () => {
    const allow: ReachDNS = () => ({ allowed: true, reason: 'no policy', policies: [] });
    expect(ask(sim(), { from: 'test/client', name: 'data.prod' }, allow).answers.map((a) => a.data)).toEqual(['10.96.7.7']);
  });

  it('musl sends a name with ndots dots only as written (DNS-16)', () => {
    const r = ask(sim({ dns: { resolver: 'musl' } }), { from: 'test/client', name: 'a.b.c.d.e.f' });
    expect(r.tried.map((t) => t.name)).toEqual(['a.b.c.d.e.f.']);
  });
});
