/**
 * `diff` over pairs of versions of one small shop, each expected change worked out by hand from the
 * Kubernetes rules: pods are the same pods when they have the same owner, a NetworkPolicy isolates what it
 * selects (NP-2) and only its rules let traffic back in (NP-7), a pod whose egress cannot reach the
 * cluster DNS gets no reply (NP-14).
 */
import { describe, expect, it } from 'vitest';
import { runQuery } from '../queries/index';
import { simulate } from '../simulate';
import type { Protocol } from '../model/meta';
import type { ConnectionChange, ConnectionVerdict, ScenarioDiff } from './index';

const SHOP = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{containerPort: 80}, {containerPort: 9090}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`;

const API_DENY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
`;

const API_FROM_WEB_80 = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 80}]}]
`;

const WEB_EGRESS_ONLY_API = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}]}]
`;

const WEB_SERVICE = `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 8080}]}
`;

const WEB = 'Deployment/shop/web';
const API = 'Deployment/shop/api';
const NGINX = 'Deployment/ingress-nginx/ingress-nginx-controller';
const COREDNS = 'Deployment/kube-system/coredns';
const NONE: ScenarioDiff = { connections: [], routes: [], dns: [] };

const conn = (from: string, to: string, port: number, protocol: Protocol, before: ConnectionVerdict, after: ConnectionVerdict, because: string | null): ConnectionChange => ({ from, to, port, protocol, before, after, because });

/** Every pod that may call api now meets api-deny on each port api declares. */
const denyIntoApi = (port: number) => [NGINX, COREDNS, WEB].map((from) => conn(from, API, port, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/api-deny'));

const CASES: { name: string; before: string; after: string; want: ScenarioDiff }[] = [
  { name: 'the same text', before: SHOP, after: SHOP, want: NONE },
  {
    name: 'a pod-template change (new pod names, same owner) is not a change',
    before: SHOP,
    after: SHOP.replace('metadata: {labels: {app: web}}', 'metadata: {labels: {app: web}, annotations: {restartedAt: "2026-01-01"}}'),
    want: NONE,
  },
  { name: 'one more replica is not a change', before: SHOP, after: SHOP.replace('replicas: 2', 'replicas: 3'), want: NONE },
  {
    name: 'a policy selecting api closes every port api declares, from every pod',
    before: SHOP,
    after: SHOP + API_DENY,
    want: { ...NONE, connections: [...denyIntoApi(80), ...denyIntoApi(9090)].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.port - b.port)) },
  },
  {
    name: 'a policy that opens one port opens exactly web → api on 80',
    before: SHOP + API_DENY,
    after: SHOP + API_DENY + API_FROM_WEB_80,
    want: { ...NONE, connections: [conn(WEB, API, 80, 'TCP', 'denied', 'allowed', 'NetworkPolicy/shop/api-from-web')] },
  },
  {
    name: 'relabelling web takes it out of the allow rule: the Deployment is why',
    before: SHOP + API_DENY + API_FROM_WEB_80,
    after: (SHOP + API_DENY + API_FROM_WEB_80).replace('selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}', 'selector: {matchLabels: {app: shop-web}}\n  template:\n    metadata: {labels: {app: shop-web}}'),
    want: { ...NONE, connections: [conn(WEB, API, 80, 'TCP', 'allowed', 'denied', WEB)] },
  },
  {
    name: 'an Ingress path sent to a Service that does not exist: 200 → 503',
    before: SHOP,
    after: SHOP.replace('service: {name: api,', 'service: {name: web,'),
    want: { ...NONE, routes: [{ entry: 'IngressClass/nginx', url: 'http://shop.example.com/api', before: { status: 200, backends: ['shop/api'] }, after: { status: 503, backends: ['shop/web'] }, because: 'Ingress/shop/shop' }] },
  },
  {
    name: 'egress from web only to api:80 closes the rest and DNS (NP-14)',
    before: SHOP,
    after: SHOP + WEB_EGRESS_ONLY_API,
    want: {
      connections: [
        conn(WEB, NGINX, 80, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
        conn(WEB, NGINX, 443, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
        conn(WEB, COREDNS, 53, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
        conn(WEB, COREDNS, 53, 'UDP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
        conn(WEB, COREDNS, 9153, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
        conn(WEB, API, 9090, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
        conn(WEB, WEB, 8080, 'TCP', 'allowed', 'denied', 'NetworkPolicy/shop/web-egress'),
      ],
      routes: [],
      dns: [{ from: WEB, name: 'api.shop', type: 'A', before: 'NOERROR', after: 'TIMEOUT', because: 'NetworkPolicy/shop/web-egress' }],
    },
  },
  {
    name: 'a new Service answers its name from every workload',
    before: SHOP,
    after: SHOP + WEB_SERVICE,
    want: {
      ...NONE,
      dns: [API, WEB].map((from) => ({ from, name: 'web.shop', type: 'A' as const, before: 'NXDOMAIN', after: 'NOERROR', because: 'Service/shop/web' })),
    },
  },
];

describe('diff between two versions of a scenario', () => {
  it.each(CASES)('$name', ({ before, after, want }) => {
    const r = runQuery(simulate([{ name: 'after.yaml', text: after }]), 'diff', { before });
    expect(r).toEqual({ ok: true, result: want });
  });

  it('reads the other version as files too, and refuses anything else', () => {
    const sim = simulate([{ name: 'after.yaml', text: SHOP + API_DENY }]);
    const asFiles = runQuery(sim, 'diff', { before: [{ name: 'a.yaml', text: SHOP }] });
    expect(asFiles).toEqual(runQuery(sim, 'diff', { before: SHOP }));
    expect(runQuery(sim, 'diff', {})).toMatchObject({ ok: false, kind: 'usage' });
    expect(runQuery(sim, 'diff', { before: SHOP, port: 80 })).toMatchObject({ ok: false, kind: 'usage', error: 'unknown option --port' });
  });

  it('swapping the versions swaps before and after', () => {
    const forward = runQuery(simulate([{ name: 'a', text: SHOP + WEB_EGRESS_ONLY_API }]), 'diff', { before: SHOP });
    const back = runQuery(simulate([{ name: 'a', text: SHOP }]), 'diff', { before: SHOP + WEB_EGRESS_ONLY_API });
    if (!forward.ok || !back.ok) throw new Error('diff did not answer');
    expect(back.result.connections.map((c) => [c.from, c.to, c.port, c.protocol, c.after, c.before])).toEqual(forward.result.connections.map((c) => [c.from, c.to, c.port, c.protocol, c.before, c.after]));
    expect(back.result.dns.map((d) => [d.from, d.name, d.after, d.before])).toEqual(forward.result.dns.map((d) => [d.from, d.name, d.before, d.after]));
  });
});
