import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { buildTopology } from './build';

const deploy = (ns: string, app: string, port: number, env = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: ${port}}]${env}}]}\n`;
const service = (ns: string, app: string, port: number, extra = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${app}, namespace: ${ns}}\nspec: {selector: {app: ${app}}, ports: [{port: ${port}, targetPort: http}]${extra}}\n`;
const policy = (ns: string, name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec}\n`;
const env = (value: string) => `, env: [{name: DATABASE_URL, value: "${value}"}]`;

/** Edges of one relation as `from → to: verdict`, pod names shortened to their app label. */
function edges(docs: string[], relation: string): string[] {
  const sim = simulate([{ name: 't.yaml', text: docs.join('---\n') }]);
  const app = (id: string) => {
    const p = sim.world.pods.find((x) => x.id === id);
    return p ? `Pod(${p.labels.app})` : id;
  };
  return buildTopology(sim)
    .edges.filter((e) => e.relation === relation)
    .map((e) => `${app(e.from)} → ${app(e.to)}: ${e.verdict}`);
}

const SHOP = [deploy('shop', 'api', 9000, env('postgres://db.data:5432/shop')), service('shop', 'api', 80), deploy('data', 'db', 5432), service('data', 'db', 5432)];

describe('east-west calls revealed by the manifests', () => {
  it.each([
    ['a call with no policy in force is allowed', SHOP, ['Pod(api) → Service/data/db: allowed']],
    ['a default-deny on the database blocks the call', [...SHOP, policy('data', 'deny', '  podSelector: {}\n  policyTypes: [Ingress]')], ['Pod(api) → Service/data/db: blocked']],
    [
      'an allow rule for the caller reopens it',
      [
        ...SHOP,
        policy('data', 'deny', '  podSelector: {}\n  policyTypes: [Ingress]'),
        policy('data', 'allow-api', '  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: api}}}]\n    ports: [{port: 5432}]'),
      ],
      ['Pod(api) → Service/data/db: allowed'],
    ],
    ['default-deny egress on the caller blocks the DNS lookup first (NP-14)', [...SHOP, policy('shop', 'deny-out', '  podSelector: {}\n  policyTypes: [Egress]')], ['Pod(api) → Service/data/db: blocked']],
    ['a short name resolves only in the caller\'s namespace (edge case 32)', [deploy('shop', 'api', 9000, env('postgres://db:5432/shop')), deploy('data', 'db', 5432), service('data', 'db', 5432)], []],
    ['a port the Service does not have is blocked', [deploy('shop', 'api', 9000, env('postgres://db.data:6543/shop')), deploy('data', 'db', 5432), service('data', 'db', 5432)], ['Pod(api) → Service/data/db: blocked']],
  ])('%s', (_title, docs, expected) => {
    expect(edges(docs, 'call')).toEqual(expected);
  });

  it('cites the env var the call was inferred from', () => {
    const sim = simulate([{ name: 't.yaml', text: SHOP.join('---\n') }]);
    const e = buildTopology(sim).edges.find((x) => x.relation === 'call')!;
    expect(e.cites[0]!.path).toBe('spec.containers.0.env.0.value');
    expect(e.reason).toContain('Inferred from spec.containers.0.env.0.value');
  });
});

describe('entry points drawn with the verdict of their real path', () => {
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]\n';
  it.each([
    ['an Ingress backend is allowed when nothing isolates it', [...SHOP, ingress], ['Ingress/shop/shop → Service/shop/api: allowed']],
    ['a default-deny on the backend blocks the controller pods (ING-13)', [...SHOP, ingress, policy('shop', 'deny', '  podSelector: {}\n  policyTypes: [Ingress]')], ['Ingress/shop/shop → Service/shop/api: blocked']],
    [
      'allowing the ingress-nginx namespace reopens it',
      [...SHOP, ingress, policy('shop', 'from-nginx', '  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]')],
      ['Ingress/shop/shop → Service/shop/api: allowed'],
    ],
  ])('%s', (_title, docs, expected) => {
    expect(edges(docs, 'backend')).toEqual(expected);
  });

  it('draws a Gateway, its route and a backend refused for want of a ReferenceGrant (GW-12)', () => {
    const gw = [
      'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.net/gw}\n',
      'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec:\n  gatewayClassName: gc\n  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]\n',
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: infra}\nspec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: api, namespace: shop, port: 80}]}]\n',
    ];
    expect(edges([...SHOP, ...gw], 'route')).toEqual(['Gateway/infra/gw → HTTPRoute/infra/r: allowed']);
    expect(edges([...SHOP, ...gw], 'backend')).toEqual(['HTTPRoute/infra/r → Service/shop/api: blocked']);
    const grant = 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: shop}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]\n  to: [{group: "", kind: Service}]\n';
    expect(edges([...SHOP, ...gw, grant], 'backend')).toEqual(['HTTPRoute/infra/r → Service/shop/api: allowed']);
  });

  it('marks a LoadBalancer edge unknown only when a preserved client IP lets ipBlock rules decide (NP-12)', () => {
    const byCIDR = policy('shop', 'office', '  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 192.0.2.0/24}}]');
    const lb = (etp: string) => [deploy('shop', 'web', 8080), service('shop', 'web', 80, `, type: LoadBalancer, externalTrafficPolicy: ${etp}`)];
    expect(edges(lb('Cluster'), 'entry')).toEqual(['Client/internet → Service/shop/web: allowed']);
    // Cluster: the backend sees a node address, so an office-range allow-list admits nobody.
    expect(edges([...lb('Cluster'), byCIDR], 'entry')).toEqual(['Client/internet → Service/shop/web: blocked']);
    expect(edges([...lb('Local'), byCIDR], 'entry')).toEqual(['Client/internet → Service/shop/web: unknown']);
  });
});
