import { describe, expect, it } from 'vitest';
import { allowArgsForEdge, allowArgsForTrace, fixForEdge, fixesForPolicy, changedLines, dnsClientOf, singleEdit } from './quick-fix';
import { buildTopology, simulate } from '../core/index';

describe('quick fix helpers', () => {
  it.each([
    ['a blocked call to a Service port', { from: 'Pod/shop/web', to: 'Service/shop/api', verdict: 'blocked', label: ':80', relation: 'call' }, { from: 'Pod/shop/web', to: 'Service/shop/api', port: 80 }],
    ['an allowed call', { from: 'Pod/shop/web', to: 'Service/shop/api', verdict: 'allowed', label: ':80', relation: 'call' }, null],
    ['a call whose port is unknown', { from: 'Pod/shop/web', to: 'Service/shop/api', verdict: 'blocked', label: ':?', relation: 'call' }, null],
    ['a slice to its endpoint (not a connection)', { from: 'EndpointSlice/shop/api-x', to: 'Pod/shop/api', verdict: 'blocked', label: undefined, relation: 'endpoint' }, null],
  ] as const)('%s', (_name, edge, want) => {
    expect(allowArgsForEdge(edge)).toEqual(want);
  });

  it('reads the pod out of an NP-14 egress warning, and nothing out of the CoreDNS ingress one', () => {
    expect(dnsClientOf('shop/web-egress isolates shop/web for egress and no rule lets it reach CoreDNS on UDP 53')).toBe('shop/web');
    expect(dnsClientOf('kube-system/deny isolates the CoreDNS pods for ingress and no rule admits UDP 53')).toBeNull();
  });

  it.each([
    ['a rule appended', 'a\nb\nc\n', 'a\nb\n- x\nc\n'],
    ['a document added at the end', 'kind: Pod\n', 'kind: Pod\n---\nkind: NetworkPolicy\n'],
    ['a flow list made block', 'spec: {ingress: []}\n', 'spec:\n  ingress:\n  - from: []\n'],
    ['nothing', 'same\n', 'same\n'],
  ])('one replacement turns before into after: %s', (_name, before, after) => {
    const e = singleEdit(before, after);
    expect(before.slice(0, e.start) + e.text + before.slice(e.end)).toBe(after);
  });

  it('shows added and removed lines with their numbers, and unchanged lines as context', () => {
    const lines = changedLines('a\nb\nspec: {x: 1}\nc\nd\n', 'a\nb\nspec:\n  x: 1\n  y: 2\nc\nd\n', 1);
    expect(lines).toEqual([
      { kind: ' ', text: 'b', line: 2 },
      { kind: '-', text: 'spec: {x: 1}', line: 3 },
      { kind: '+', text: 'spec:', line: 3 },
      { kind: '+', text: '  x: 1', line: 4 },
      { kind: '+', text: '  y: 2', line: 5 },
      { kind: ' ', text: 'c', line: 6 },
    ]);
  });

  const hop = (step: string, object: string | null, result: 'ok' | 'blocked') => ({ step, object, result, reason: '', cites: [] }) as never;
  it.each([
    ['stopped by ingress policy at the Service backends', 'http://api.shop/', [hop('dns', null, 'ok'), hop('service', 'Service/shop/api', 'ok'), hop('policy-ingress', 'NetworkPolicy/shop/deny', 'blocked')], { from: 'shop/web', to: 'Service/shop/api', port: 80 }],
    ['with the port in the URL', 'http://api.shop:8080/x', [hop('service', 'Service/shop/api', 'ok'), hop('policy-egress', null, 'blocked')], { from: 'shop/web', to: 'Service/shop/api', port: 8080 }],
    ['through an entry point (the proxy, not the client, is judged)', 'http://shop.example/', [hop('entry', 'IngressClass/nginx', 'ok'), hop('service', 'Service/shop/api', 'ok'), hop('policy-ingress', null, 'blocked')], null],
    ['stopped by DNS, not a policy', 'http://api.shop/', [hop('dns', null, 'blocked')], null],
  ] as const)('a blocked trace %s', (_name, url, hops, want) => {
    expect(allowArgsForTrace({ from: 'shop/web', url }, { verdict: 'blocked', hops: [...hops] })).toEqual(want);
  });

  it('offers Allow DNS on a call that fails at the name lookup (NP-14), Allow this otherwise', () => {
    const call = { from: 'Pod/shop/web', to: 'Service/shop/api', verdict: 'blocked', label: ':80', relation: 'call' } as const;
    expect(fixForEdge({ ...call, reason: 'The name api.shop cannot be looked up: shop/web → 10.96.0.10:53/UDP is denied (NP-14) Inferred from env.' })).toEqual({ title: 'Allow DNS for shop/web', args: { from: 'Pod/shop/web', dns: true } });
    expect(fixForEdge({ ...call, reason: 'shop/web → Service shop/api:80/TCP is denied.' })).toEqual({ title: 'Allow Pod/shop/web → Service/shop/api:80', args: { from: 'Pod/shop/web', to: 'Service/shop/api', port: 80 } });
  });
});

describe('Allow this from the YAML of a policy', () => {
  const text = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers:
  - name: web
    image: nginx
    env: [{name: API_URL, value: "http://api.shop:80/"}]
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: unrelated, namespace: shop}
spec: {podSelector: {matchLabels: {app: nothing}}, policyTypes: [Egress]}
`;
  const edges = buildTopology(simulate([{ name: 'in.yaml', text }])).edges;

  it('offers the blocked call that the policy decides, once', () => {
    expect(fixesForPolicy('NetworkPolicy/shop/default-deny', edges)).toEqual([
      { title: 'Allow Pod/shop/web → Service/shop/api:80', args: { from: 'Pod/shop/web', to: 'Service/shop/api', port: 80 } },
    ]);
  });

  it('offers nothing in a policy that blocks no call', () => {
    expect(fixesForPolicy('NetworkPolicy/shop/unrelated', edges)).toEqual([]);
  });
});
