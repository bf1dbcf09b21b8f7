import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import type { Protocol } from '../../model/meta';
import { NETPOL_CODES } from './index';
import { checkPeers as check, matrixOf as matrix, reachDNSOf as reachDNS } from '../../queries/testing';

/** A small cluster: shop/api, shop/web, data/db, data/cache on two nodes, a hostNetwork pod on node-1. */
const BASE = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: shop}}
---
apiVersion: v1
kind: Namespace
metadata: {name: data, labels: {team: data}}
---
apiVersion: v1
kind: Node
metadata: {name: node-1}
status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}
---
apiVersion: v1
kind: Node
metadata: {name: node-2}
status: {addresses: [{type: InternalIP, address: 172.18.0.3}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api, role: client}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {nodeName: node-2, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.244.2.10}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: data, labels: {app: db}}
spec: {nodeName: node-1, containers: [{name: c, ports: [{name: pg, containerPort: 5432}, {name: sctp, containerPort: 7777, protocol: SCTP}]}]}
status: {phase: Running, podIP: 10.244.1.20}
---
apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: data, labels: {app: cache, role: client}}
spec: {nodeName: node-2, containers: [{name: c, ports: [{name: redis, containerPort: 6379}]}]}
status: {phase: Running, podIP: 10.244.2.20}
---
apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: data, labels: {app: agent}}
spec: {nodeName: node-1, hostNetwork: true, containers: [{name: c, ports: [{containerPort: 9100}]}]}
status: {phase: Running, podIP: 172.18.0.2}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, clusterIP: 10.96.0.50, ports: [{port: 80, targetPort: 8080}]}
`;

const np = (ns: string, name: string, spec: string) => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, '  ')}\n`;

function sim(extra: string, opts?: Parameters<typeof simulate>[1]) {
  return simulate([{ name: 'test.yaml', text: BASE + extra }], opts);
}

function verdict(s: ReturnType<typeof sim>, from: string, to: string, port: number, protocol: Protocol = 'TCP') {
  const r = check(s, { from, to, port, protocol });
  if (!r.ok) throw new Error(r.error);
  return r.result.verdict;
}

type Row = [string, string, string, string, number, Protocol, 'allowed' | 'denied'];

const DENY_INGRESS_DB = np('data', 'deny', 'podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress]');

const TABLE: Row[] = [
  ['NP-2: no policy leaves every pod open', '', 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-2: a policy in another namespace does not select the pod', np('shop', 'p', 'podSelector: {}\npolicyTypes: [Ingress]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-1 (edge 52): egress rules without policyTypes also isolate ingress', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\negress: [{to: [{podSelector: {}}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-1 (edge 53): egress: [] without policyTypes leaves egress open', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\negress: []'), 'data/db', 'shop/api', 8080, 'TCP', 'allowed'],
  ['NP-4 (edge 54): ingress: [{}] allows everything', np('data', 'p', 'podSelector: {}\ningress: [{}]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-4 (edge 54): ingress: [] denies everything', np('data', 'p', 'podSelector: {}\ningress: []'), 'shop/api', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-5 (edge 55): namespaceSelector AND podSelector in one item admits the matching pod', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}, podSelector: {matchLabels: {role: client}}}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-5 (edge 55): AND in one item rejects a pod of the namespace without the label', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}, podSelector: {matchLabels: {role: client}}}]}]'), 'shop/web', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-5 (edge 55): two items are OR: any pod of the namespace', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}}, {podSelector: {matchLabels: {role: client}}}]}]'), 'shop/web', 'data/db', 5432, 'TCP', 'allowed'],
  ["NP-5 (edge 56): podSelector {} means the policy's namespace only", np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{podSelector: {}}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'denied'],
  ["NP-5 (edge 56): podSelector {} admits the policy's own namespace", np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{podSelector: {}}]}]'), 'data/cache', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-5 (edge 56): namespaceSelector {} means every namespace', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {}}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-5: matchExpressions NotIn also matches pods without the key', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {}, podSelector: {matchExpressions: [{key: role, operator: NotIn, values: [client]}]}}]}]'), 'shop/web', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-6 (edge 57): port 53 without protocol is TCP: UDP 53 stays blocked', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{ports: [{port: 53}]}]'), 'shop/api', 'data/cache', 53, 'UDP', 'denied'],
  ['NP-6: port 53 without protocol admits TCP 53', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{ports: [{port: 53}]}]'), 'shop/api', 'data/cache', 53, 'TCP', 'allowed'],
  ['NP-6: endPort admits the whole range', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: 5000, endPort: 6000}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-6: endPort excludes ports past it', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: 5000, endPort: 5400}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-6: a named ingress port resolves on the selected pod', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: pg}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-6: a named port does not match another number', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: pg}]}]'), 'shop/api', 'data/db', 5433, 'TCP', 'denied'],
  ['NP-6: a named egress port resolves on the destination pod', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{ports: [{port: redis}]}]'), 'shop/api', 'data/cache', 6379, 'TCP', 'allowed'],
  ['NP-6: a named egress port the destination does not declare denies', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{ports: [{port: redis}]}]'), 'shop/api', 'data/db', 6379, 'TCP', 'denied'],
  ['NP-6 (edge 62): a named port never matches an outside address', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: http}]}]'), 'shop/api', 'ip:8.8.8.8', 8080, 'TCP', 'denied'],
  ['NP-6: SCTP is not TCP', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: 7777, protocol: SCTP}]}]'), 'shop/api', 'data/db', 7777, 'TCP', 'denied'],
  ['NP-6: SCTP rule admits SCTP', np('data', 'p', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: 7777, protocol: SCTP}]}]'), 'shop/api', 'data/db', 7777, 'SCTP', 'allowed'],
  ['NP-7: egress of the source and ingress of the destination must both allow', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]'), 'shop/api', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-7: traffic from outside is judged on ingress only', np('shop', 'p', 'podSelector: {}\npolicyTypes: [Egress]'), 'ip:203.0.113.9', 'shop/api', 8080, 'TCP', 'allowed'],
  ['NP-8 (edge 61): a pod can always reach itself', DENY_INGRESS_DB + np('data', 'e', 'podSelector: {}\npolicyTypes: [Egress]'), 'data/db', 'data/db', 5432, 'TCP', 'allowed'],
  ["NP-8 (edge 60): traffic from the pod's own node is allowed under default deny", DENY_INGRESS_DB, 'node:node-1', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-8 (edge 60): traffic from another node is not exempt', DENY_INGRESS_DB, 'node:node-2', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-9: ipBlock 0.0.0.0/0 admits pods under the default (Calico-style) option', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'allowed'],
  ['NP-9: ipBlock except removes the pod IP', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}]}]'), 'shop/api', 'data/db', 5432, 'TCP', 'denied'],
  ['NP-9: ipBlock admits outside addresses', np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 8.8.8.0/24}}]}]'), 'shop/api', 'ip:8.8.8.8', 443, 'TCP', 'allowed'],
  ['NP-10 (edge 58): an egress rule on the Service port is blocked after DNAT', np('data', 'p', 'podSelector: {matchLabels: {app: cache}}\npolicyTypes: [Egress]\negress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}]}]'), 'data/cache', 'service:shop/api', 80, 'TCP', 'denied'],
  ['NP-10 (edge 58): an egress rule on the targetPort admits the Service traffic', np('data', 'p', 'podSelector: {matchLabels: {app: cache}}\npolicyTypes: [Egress]\negress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}], ports: [{port: 8080}]}]'), 'data/cache', 'ip:10.96.0.50', 80, 'TCP', 'allowed'],
  ['NP-10 (edge 58): an ipBlock on the ClusterIP does not match', np('data', 'p', 'podSelector: {matchLabels: {app: cache}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 10.96.0.0/12}}]}]'), 'data/cache', 'service:shop/api', 80, 'TCP', 'denied'],
  ['NP-11: a host-network pod is not isolated by a namespace-wide policy', np('data', 'p', 'podSelector: {}\npolicyTypes: [Ingress]'), 'shop/api', 'data/agent', 9100, 'TCP', 'allowed'],
  ['NP-11: pod selectors do not match a host-network source', np('shop', 'p', 'podSelector: {matchLabels: {app: web}}\ningress: [{from: [{namespaceSelector: {}}]}]'), 'data/agent', 'shop/web', 8080, 'TCP', 'denied'],
  ['NP-11 + NP-8: a host-network pod reaches pods on its own node', np('shop', 'p', 'podSelector: {}\npolicyTypes: [Ingress]'), 'data/agent', 'shop/api', 8080, 'TCP', 'allowed'],
  ['NP-11: an ipBlock covering the node IP admits a host-network source', np('shop', 'p', 'podSelector: {matchLabels: {app: web}}\ningress: [{from: [{ipBlock: {cidr: 172.18.0.0/24}}]}]'), 'data/agent', 'shop/web', 8080, 'TCP', 'allowed'],
];

describe('NetworkPolicy verdicts (§6, §8 items 52–62)', () => {
  for (const [name, policies, from, to, port, protocol, want] of TABLE) {
    it(`${name}: ${from} → ${to}:${port}/${protocol} is ${want}`, () => {
      expect(verdict(sim(policies), from, to, port, protocol)).toBe(want);
    });
  }

  it('NP-9: under the Cilium-style option ipBlock 0.0.0.0/0 no longer admits pods, and the explanation names the option', () => {
    const policies = np('shop', 'p', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]');
    const s = sim(policies, { policy: { ipBlockMatchesPods: false } });
    const r = check(s, { from: 'shop/api', to: 'data/db', port: 5432 });
    expect(r.ok && r.result.verdict).toBe('denied');
    expect(r.ok && r.result.assumptions.some((a) => a.includes('ipBlockMatchesPods'))).toBe(true);
    expect(verdict(s, 'shop/api', 'ip:8.8.8.8', 443)).toBe('allowed');
    const calico = check(sim(policies), { from: 'shop/api', to: 'data/db', port: 5432 });
    expect(calico.ok && calico.result.assumptions.some((a) => a.includes('Calico'))).toBe(true);
  });
});

describe('NP-13: ICMP', () => {
  it.each([
    ['a rule without ports admits ICMP', 'podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {}}]}]', 'allowed'],
    ['a rule with ports never admits ICMP', 'podSelector: {matchLabels: {app: db}}\ningress: [{ports: [{port: 5432}]}]', 'denied'],
  ])('%s, and the assumption is named', (_name, spec, want) => {
    const r = check(sim(np('data', 'p', spec)), { from: 'shop/api', to: 'data/db', port: 0, protocol: 'ICMP' });
    expect(r.ok && r.result.verdict).toBe(want);
    expect(r.ok && r.result.assumptions.some((a) => a.includes('NP-13'))).toBe(true);
  });
});

describe('explanations', () => {
  it('names the NP-11 assumption when a host-network peer is denied', () => {
    const r = check(sim(np('shop', 'p', 'podSelector: {matchLabels: {app: web}}\ningress: [{from: [{namespaceSelector: {}}]}]')), { from: 'data/agent', to: 'shop/web', port: 8080 });
    expect(r.ok && r.result.verdict).toBe('denied');
    expect(r.ok && r.result.assumptions.some((a) => a.includes('NP-11'))).toBe(true);
  });

  it('names the isolating policies and says no rule admitted the peer, with the podSelector located', () => {
    const text = BASE + np('data', 'default-deny', 'podSelector: {}\npolicyTypes: [Ingress]');
    const s = simulate([{ name: 'test.yaml', text }]);
    const r = check(s, { from: 'shop/api', to: 'data/db', port: 5432 });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.ingress).toMatchObject({ verdict: 'denied', isolated: true, policies: ['data/default-deny'], decidedBy: 'networkpolicy' });
    expect(r.result.ingress.rule).toBeUndefined();
    expect(r.result.egress).toMatchObject({ verdict: 'allowed', isolated: false, decidedBy: 'none' });
    expect(r.result.reason).toContain('data/default-deny');
    const c = r.result.ingress.cites[0]!;
    expect(c).toMatchObject({ object: 'NetworkPolicy/data/default-deny', path: 'spec.podSelector' });
    expect(text.slice(c.range.start, c.range.end)).toMatch(/^podSelector/);
  });

  it('names the deciding rule by policy, rule, peer and port indexes with the port item located', () => {
    const text = BASE + np('data', 'allow', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: nobody}}}]\n- from: [{ipBlock: {cidr: 1.2.3.0/24}}, {namespaceSelector: {matchLabels: {team: shop}}}]\n  ports: [{port: 1}, {port: pg}]');
    const s = simulate([{ name: 'test.yaml', text }]);
    const r = check(s, { from: 'shop/api', to: 'data/db', port: 5432 });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.ingress.rule).toMatchObject({ kind: 'NetworkPolicy', policy: 'data/allow', direction: 'ingress', rule: 1, peer: 1, port: 1 });
    const c = r.result.ingress.rule!.cite;
    expect(c.path).toBe('spec.ingress.1.ports.1');
    expect(text.slice(c.range.start, c.range.end)).toContain('pg');
  });

  it('judges a Service per backend after DNAT and reports the targetPort', () => {
    const r = check(sim(''), { from: 'data/db', to: 'service:shop/api', port: 80 });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.service?.backends.map((b) => `${b.to} ${b.ip}:${b.port}`)).toEqual(['shop/api 10.244.1.10:8080']);
    expect(r.result.reason).toContain('NP-10');
  });

  it('NP-10: egress to the kubernetes Service is judged at the API server host IP and port 6443', () => {
    const allow = (cidr: string, port: number) => np('shop', 'p', `podSelector: {}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: ${cidr}}}], ports: [{port: ${port}}]}]`);
    const s = sim(allow('172.18.0.0/24', 6443));
    const r = check(s, { from: 'shop/api', to: 'service:default/kubernetes', port: 443 });
    expect(r.ok && r.result.service?.backends.map((b) => b.port)).toEqual([6443]);
    expect(r.ok && r.result.verdict).toBe('allowed');
    expect(verdict(sim(allow('172.18.0.0/24', 443)), 'shop/api', 'service:default/kubernetes', 443)).toBe('denied');
    expect(verdict(sim(allow('10.96.0.0/12', 443)), 'shop/api', 'service:default/kubernetes', 443)).toBe('denied');
    expect(verdict(sim(allow('172.18.0.0/24', 6443), { policy: { ipBlockMatchesPods: false } }), 'shop/api', 'service:default/kubernetes', 443)).toBe('denied');
  });

  it('refuses an unknown pod with an error instead of a verdict', () => {
    expect(check(sim(''), { from: 'shop/nope', to: 'data/db', port: 1 })).toEqual({ ok: false, error: 'no pod shop/nope' });
  });
});

describe('NP-12: external clients through a LoadBalancer', () => {
  const lb = (etp: string) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: pub, namespace: shop}\nspec: {type: LoadBalancer, externalTrafficPolicy: ${etp}, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}\nstatus: {loadBalancer: {ingress: [{ip: 172.18.255.200}]}}\n`;
  const allowClient = np('shop', 'p', 'podSelector: {matchLabels: {app: web}}\ningress: [{from: [{ipBlock: {cidr: 198.51.100.0/24}}]}]');
  it('externalTrafficPolicy Local keeps the client IP, so a client ipBlock admits it', () => {
    expect(verdict(sim(lb('Local') + allowClient), 'ip:198.51.100.7', 'ip:172.18.255.200', 80)).toBe('allowed');
  });
  it('externalTrafficPolicy Cluster SNATs to a node IP, so a client ipBlock does not admit it', () => {
    const r = check(sim(lb('Cluster') + allowClient), { from: 'ip:198.51.100.7', to: 'ip:172.18.255.200', port: 80 });
    expect(r.ok && r.result.verdict).toBe('denied');
    expect(r.ok && r.result.assumptions.some((a) => a.includes('SNAT'))).toBe(true);
  });
});

describe('admin policy tiers (ANP-2, edge cases 64–65)', () => {
  const tenants = `
---
apiVersion: v1
kind: Namespace
metadata: {name: tenant-a, labels: {tenant: a}}
---
apiVersion: v1
kind: Namespace
metadata: {name: tenant-b, labels: {tenant: b}}
---
apiVersion: v1
kind: Namespace
metadata: {name: tenant-c, labels: {tenant: c}}
${['tenant-a/x', 'tenant-a/y', 'tenant-b/z', 'tenant-c/w', 'tenant-c/v'].map((id, k) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${id.split('/')[1]}, namespace: ${id.split('/')[0]}}\nspec: {nodeName: node-1, containers: [{name: c}]}\nstatus: {phase: Running, podIP: 10.244.1.${100 + k}}`).join('\n')}
${np('tenant-a', 'own-tenant', 'podSelector: {}\ningress: [{from: [{podSelector: {}}]}]')}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: pass-a}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {tenant: a}}}
  ingress: [{action: Pass, from: [{namespaces: {matchLabels: {tenant: a}}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: deny-a}
spec:
  priority: 20
  subject: {namespaces: {matchLabels: {tenant: a}}}
  ingress: [{action: Deny, from: [{namespaces: {}}]}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {tenant: b}}}]}, {action: Allow, from: [{namespaces: {}}]}]
`;
  const rows: [string, string, string, 'allowed' | 'denied', string][] = [
    ['ANP Pass hands over to NetworkPolicy, which allows same-tenant traffic', 'tenant-a/x', 'tenant-a/y', 'allowed', 'networkpolicy'],
    ['a lower-priority ANP Deny decides before NetworkPolicy', 'tenant-b/z', 'tenant-a/y', 'denied', 'admin'],
    ['with no ANP and no NetworkPolicy the BANP decides (Allow)', 'tenant-c/w', 'tenant-c/v', 'allowed', 'baseline'],
    ['the BANP Deny applies when nothing else decided', 'tenant-b/z', 'tenant-c/v', 'denied', 'baseline'],
  ];
  for (const [name, from, to, want, by] of rows) {
    it(`${name}: ${from} → ${to}`, () => {
      const s = sim(tenants);
      const r = check(s, { from, to, port: 80 });
      if (!r.ok) throw new Error(r.error);
      expect([r.result.verdict, r.result.ingress.decidedBy]).toEqual([want, by]);
      const m = matrix(s, { ports: [{ port: 80, protocol: 'TCP' }], pods: [s.world.pods.findIndex((p) => `${p.namespace}/${p.name}` === from), s.world.pods.findIndex((p) => `${p.namespace}/${p.name}` === to)] });
      expect(m.matrix['80/TCP']![0]![1]).toBe(want === 'allowed' ? '1' : '0');
    });
  }

  it('edge 64: ANP Pass with no NetworkPolicy selecting the pod falls through to the BANP', () => {
    const s = sim(tenants.replace(/own-tenant[\s\S]*?---/, 'own-tenant}\nspec: {podSelector: {matchLabels: {none: none}}, ingress: [{}]}\n---'));
    const r = check(s, { from: 'tenant-a/x', to: 'tenant-a/y', port: 80 });
    expect(r.ok && [r.result.verdict, r.result.ingress.decidedBy, r.result.ingress.passedBy?.policy]).toEqual(['allowed', 'baseline', 'pass-a']);
  });

  it('edge 65: ANP egress networks 0.0.0.0/0 with Deny blocks pod-to-pod traffic too', () => {
    const deny = `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: no-egress}\nspec:\n  priority: 5\n  subject: {namespaces: {matchLabels: {team: shop}}}\n  egress: [{action: Deny, to: [{networks: [0.0.0.0/0]}]}]\n`;
    expect(verdict(sim(deny), 'shop/api', 'data/db', 5432)).toBe('denied');
    expect(verdict(sim(deny), 'data/db', 'shop/api', 8080)).toBe('allowed');
  });

  it('ANP-2: a BaselineAdminNetworkPolicy not named default is rejected', () => {
    const s = sim(`---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: other}\nspec: {subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}\n`);
    expect(s.world.adminNetworkPolicies).toEqual([]);
    expect(s.diagnostics.some((d) => d.rule === 'ANP-2' && d.path === 'metadata.name')).toBe(true);
  });
});

describe('v1alpha2 ClusterNetworkPolicy (ANP-6)', () => {
  const cnp = (name: string, tier: string, priority: number, ingress: string) =>
    `---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  tier: ${tier}\n  priority: ${priority}\n  subject: {namespaces: {matchLabels: {team: data}}}\n  ingress: ${ingress}\n`;
  it.each([
    ['an Admin Accept allows before a NetworkPolicy deny', cnp('a', 'Admin', 1, '[{action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 5432}}}]}]') + DENY_INGRESS_DB, 5432, 'allowed', 'admin'],
    ['an Admin Deny on a port range denies', cnp('a', 'Admin', 1, '[{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 5000, end: 6000}}}}]}]'), 5432, 'denied', 'admin'],
    ['tcp without destinationPort covers every TCP port', cnp('a', 'Admin', 1, '[{action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}], protocols: [{tcp: {}}]}]'), 5432, 'denied', 'admin'],
    ['a Baseline Deny applies when no NetworkPolicy isolates the pod', cnp('b', 'Baseline', 1, '[{action: Deny, from: [{namespaces: {matchLabels: {team: shop}}}]}]'), 5432, 'denied', 'baseline'],
    ['a Baseline Pass ends in the default allow', cnp('b', 'Baseline', 1, '[{action: Pass, from: [{namespaces: {}}]}]') + cnp('c', 'Baseline', 2, '[{action: Deny, from: [{namespaces: {}}]}]'), 5432, 'allowed', 'baseline'],
  ])('%s', (_name, docs, port, want, by) => {
    const s = sim(docs);
    expect(s.diagnostics.filter((d) => d.severity === 'error' && d.object?.startsWith('ClusterNetworkPolicy'))).toEqual([]);
    const r = check(s, { from: 'shop/api', to: 'data/db', port });
    expect(r.ok && [r.result.verdict, r.result.ingress.decidedBy]).toEqual([want, by]);
    if (r.ok && r.result.ingress.rule) expect(r.result.ingress.rule.kind).toBe('ClusterNetworkPolicy');
  });
});

describe('admission (ADM-6) and policy diagnostics', () => {
  const codes = (extra: string) => sim(extra).diagnostics.filter((d) => d.object?.startsWith('NetworkPolicy/')).map((d) => [d.code, d.path]);

  it('edge 63: except equal to cidr is a validation error and the policy is left out', () => {
    const s = sim(np('shop', 'p', 'podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]}]'));
    expect(s.diagnostics.filter((d) => d.rule === 'ADM-6').map((d) => d.path)).toEqual(['spec.ingress.0.from.0.ipBlock.except.0']);
    expect(s.world.networkPolicies).toEqual([]);
  });
  it.each([
    ['a peer with ipBlock and podSelector', 'podSelector: {}\ningress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]', 'spec.ingress.0.from.0.ipBlock'],
    ['an empty peer', 'podSelector: {}\ningress: [{from: [{}]}]', 'spec.ingress.0.from.0'],
    ['endPort with a named port', 'podSelector: {}\ningress: [{ports: [{port: http, endPort: 90}]}]', 'spec.ingress.0.ports.0.endPort'],
    ['endPort below port', 'podSelector: {}\ningress: [{ports: [{port: 90, endPort: 80}]}]', 'spec.ingress.0.ports.0.endPort'],
    ['an unknown policyType', 'podSelector: {}\npolicyTypes: [Both]', 'spec.policyTypes.0'],
  ])('ADM-6 rejects %s', (_name, spec, path) => {
    const s = sim(np('shop', 'p', spec));
    expect(s.diagnostics.filter((d) => d.severity === 'error' && d.object === 'NetworkPolicy/shop/p').map((d) => d.path)).toContain(path);
  });

  it('NP-2: a policy that selects no pod is noted on its podSelector', () => {
    expect(codes(np('shop', 'p', 'podSelector: {matchLabels: {app: ghost}}\ningress: []'))).toContainEqual([NETPOL_CODES.SELECTS_NOTHING, 'spec.podSelector']);
  });
  it('NP-14 (edge 59): default-deny egress warns that DNS is blocked; allowing UDP 53 to kube-dns silences it', () => {
    expect(codes(np('shop', 'p', 'podSelector: {}\npolicyTypes: [Egress]'))).toContainEqual([NETPOL_CODES.BLOCKS_DNS, 'spec.policyTypes']);
    const fixed = np('shop', 'p', 'podSelector: {}\npolicyTypes: [Egress]\negress:\n- to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n  ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]');
    expect(codes(fixed).map(([c]) => c)).not.toContain(NETPOL_CODES.BLOCKS_DNS);
  });
  it('NP-14: a default-deny ingress in kube-system warns that DNS breaks for the other namespaces', () => {
    const c = codes(np('kube-system', 'deny', 'podSelector: {}\npolicyTypes: [Ingress]'));
    expect(c).toContainEqual([NETPOL_CODES.BLOCKS_DNS, 'spec.policyTypes']);
    const open = codes(np('kube-system', 'deny', 'podSelector: {}\ningress: [{from: [{namespaceSelector: {}}], ports: [{port: 53, protocol: UDP}]}]'));
    expect(open.map(([code]) => code)).not.toContain(NETPOL_CODES.BLOCKS_DNS);
  });
  it('NP-6 (edge 57): ports [{port: 53}] without UDP is flagged', () => {
    expect(codes(np('shop', 'p', 'podSelector: {}\npolicyTypes: [Egress]\negress: [{ports: [{port: 53}]}]'))).toContainEqual([NETPOL_CODES.DNS_TCP_ONLY, 'spec.egress.0.ports.0']);
  });
  it('NP-10 (edge 58): an egress port equal to the Service port but not the targetPort is flagged, as is an ipBlock on the Service CIDR', () => {
    const c = codes(np('data', 'p', 'podSelector: {}\npolicyTypes: [Egress]\negress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}]}, {to: [{ipBlock: {cidr: 10.96.0.0/16}}]}]'));
    expect(c).toContainEqual([NETPOL_CODES.SERVICE_PORT, 'spec.egress.0.ports.0']);
    expect(c).toContainEqual([NETPOL_CODES.SERVICE_IP, 'spec.egress.1.to.0.ipBlock']);
  });
});

describe('reachDNS hook (NP-14)', () => {
  it('answers pod → kube-dns after DNAT to the CoreDNS pods, naming the isolating policy', () => {
    const s = sim(np('shop', 'deny-egress', 'podSelector: {}\npolicyTypes: [Egress]'));
    const reach = reachDNS(s);
    const dnsIP = s.world.cluster.dnsServiceIP;
    expect(reach('Pod/shop/api', dnsIP, 'UDP', 53)).toMatchObject({ allowed: false, policies: ['shop/deny-egress'] });
    expect(reach('Pod/data/db', dnsIP, 'UDP', 53)).toMatchObject({ allowed: true });
  });
});

describe('Service backends as kube-proxy picks them (KP-2, SVC-12)', () => {
  const term = `---\napiVersion: v1\nkind: Pod\nmetadata: {name: old, namespace: shop, labels: {app: old}, deletionTimestamp: "2024-01-01T00:00:00Z"}\nspec: {nodeName: node-2, containers: [{name: c}]}\nstatus: {phase: Running, podIP: 10.244.2.30}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: old, namespace: shop}\nspec: {selector: {app: old}, ports: [{port: 80}]}\n`;
  const slice = (addresses: string[]) =>
    `---\napiVersion: v1\nkind: Service\nmetadata: {name: h, namespace: shop}\nspec: {ports: [{port: 80}]}\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: h-1, namespace: shop, labels: {kubernetes.io/service-name: h}}\naddressType: IPv4\nports: [{port: 8080}]\nendpoints:\n${addresses.map((a) => `- {addresses: ["${a}"]}`).join('\n')}\n`;
  it.each([
    ['a Service whose only endpoint is terminating but still serving is reachable through it (edge case 8, KP-2)', term, 'service:shop/old', ['10.244.2.30:80']],
    ['loopback, link-local and ClusterIP endpoint addresses are never backends (SVC-12)', slice(['127.0.0.1', '169.254.1.1', '10.96.0.50', '10.244.2.10']), 'service:shop/h', ['10.244.2.10:8080']],
  ])('%s', (_name, extra, to, want) => {
    const r = check(sim(extra), { from: 'shop/api', to, port: 80 });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.service?.backends.map((b) => `${b.ip}:${b.port}`)).toEqual(want);
    expect(r.result.verdict).toBe('allowed');
  });
});

describe('NP-12 / KP-6: the node that receives NodePort and load-balancer traffic', () => {
  // shop/web (the backend) runs on node-2 (172.18.0.3); shop/api on node-1 (172.18.0.2).
  const svc = (type: string) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: pub, namespace: shop}\nspec: {type: ${type}, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30081}]}\nstatus: {loadBalancer: {ingress: [{ip: 172.18.255.200}]}}\n`;
  const denyWeb = np('shop', 'deny', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]');
  const cases: [string, string, string, string, string | undefined, 'allowed' | 'denied', string, string | undefined][] = [
    ["an outside client on the backend's own node IP is SNAT'ed to that node, which NP-8 exempts (edge case 60)", svc('NodePort') + denyWeb, 'ip:8.8.8.8', 'ip:172.18.0.3', undefined, 'allowed', '172.18.0.3', 'node'],
    ["an outside client on another node's IP is SNAT'ed to that node, which a default deny blocks (edge case 60)", svc('NodePort') + denyWeb, 'ip:8.8.8.8', 'ip:172.18.0.2', undefined, 'denied', '172.18.0.2', 'networkpolicy'],
    ['load-balancer traffic received by the backend node is exempt (NP-12 with NP-8)', svc('LoadBalancer') + denyWeb, 'ip:8.8.8.8', 'ip:172.18.255.200', 'node-2', 'allowed', '172.18.0.3', 'node'],
    ['load-balancer traffic received by another node is judged as that node (NP-12)', svc('LoadBalancer') + denyWeb, 'ip:8.8.8.8', 'ip:172.18.255.200', 'node-1', 'denied', '172.18.0.2', 'networkpolicy'],
    ["a pod dialling another node's NodePort is SNAT'ed by the receiving node, not its own (edge case 19, KP-6)", svc('NodePort') + denyWeb, 'shop/api', 'ip:172.18.0.3', undefined, 'allowed', '172.18.0.3', 'node'],
    ["a pod dialling its own node's NodePort is masqueraded to its own node IP (KP-6)", svc('NodePort') + denyWeb, 'shop/api', 'ip:172.18.0.2', undefined, 'denied', '172.18.0.2', 'networkpolicy'],
  ];
  it.each(cases)('%s', (_name, extra, from, to, node, want, seen, decidedBy) => {
    const r = check(sim(extra), { from, to, port: to.endsWith('.200') ? 80 : 30081, ...(node ? { node } : {}) });
    if (!r.ok) throw new Error(r.error);
    expect(r.result.verdict).toBe(want);
    expect(r.result.service?.backends.map((b) => b.sourceSeen)).toEqual([seen]);
    expect(r.result.ingress.decidedBy).toBe(decidedBy);
    expect(r.result.service?.node).toBeDefined();
  });

  it("a pod dialling another node's NodePort is judged on egress at that node address and the nodePort, not the backend (KP-6)", () => {
    const egress = (cidr: string, port: number) => np('shop', 'e', `podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress: [{to: [{ipBlock: {cidr: ${cidr}}}], ports: [{port: ${port}}]}]`);
    expect(verdict(sim(svc('NodePort') + egress('172.18.0.3/32', 30081)), 'shop/api', 'ip:172.18.0.3', 30081)).toBe('allowed');
    expect(verdict(sim(svc('NodePort') + egress('10.244.2.10/32', 8080)), 'shop/api', 'ip:172.18.0.3', 30081)).toBe('denied');
  });

  it('names the SNAT address, not the outside client, when the ingress side denies it (NP-12)', () => {
    const r = check(sim(svc('NodePort') + denyWeb), { from: 'ip:8.8.8.8', to: 'ip:172.18.0.2', port: 30081 });
    expect(r.ok && r.result.reason).toContain('172.18.0.2');
    expect(r.ok && r.result.reason).not.toContain('admits ip:8.8.8.8');
  });

  it('keeps the [SIM] assumption of a node without the backend when the receiving node is unknown', () => {
    const r = check(sim(svc('LoadBalancer') + denyWeb), { from: 'ip:8.8.8.8', to: 'ip:172.18.255.200', port: 80 });
    expect(r.ok && r.result.verdict).toBe('denied');
    expect(r.ok && r.result.assumptions.some((a) => a.startsWith('assumed:'))).toBe(true);
    expect(r.ok && r.result.service?.node).toBeUndefined();
  });

  it.each([
    ['an unknown receiving node', 'ip:172.18.255.200', 80, 'node-9'],
    ['a receiving node other than the node whose address was dialled', 'ip:172.18.0.2', 30081, 'node-2'],
  ])('refuses %s with an error', (_name, to, port, node) => {
    expect(check(sim(svc('LoadBalancer')), { from: 'ip:8.8.8.8', to, port, node }).ok).toBe(false);
  });
});

describe('explanations name the right side', () => {
  it('says the source node is not a pod when egress does not apply to it', () => {
    const r = check(sim(DENY_INGRESS_DB), { from: 'node:node-1', to: 'data/db', port: 5432 });
    expect(r.ok && r.result.egress.decidedBy).toBe('not-a-pod');
    expect(r.ok && r.result.reason).toContain('node:node-1 is not a pod, so no egress policy applies');
    expect(r.ok && r.result.reason).not.toContain('data/db is not a pod');
  });
});
