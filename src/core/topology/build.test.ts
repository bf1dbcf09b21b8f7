import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { buildTopology } from './build';

const YAML = `
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-manual
  namespace: shop
  labels:
    kubernetes.io/service-name: web
addressType: IPv4
ports: [{port: 80}]
endpoints:
- addresses: [10.244.1.5]
  conditions: {ready: true}
  targetRef: {kind: Pod, namespace: shop, name: web-1}
- addresses: [10.244.1.6]
  conditions: {ready: false, serving: true, terminating: true}
  targetRef: {kind: Pod, namespace: shop, name: web-1}
`;

describe('buildTopology', () => {
  const sim = simulate([{ name: 'a.yaml', text: YAML }]);
  // The builder is tested on its own: join the slice to its Service here even if the reader has not
  // (dotted label keys such as kubernetes.io/service-name were misread by FieldReader.strMap when written).
  for (const es of sim.world.endpointSlices) es.serviceName ??= 'web';
  const topo = buildTopology(sim);
  const node = (id: string) => topo.nodes.find((n) => n.id === id);

  it('draws the internet client, the Service, its slice and the pod in their layers', () => {
    expect(node('Client/internet')?.layer).toBe(0);
    expect(node('Service/shop/web')?.layer).toBe(3);
    expect(node('EndpointSlice/shop/web-manual')?.layer).toBe(4);
    expect(node('Pod/shop/web-1')?.layer).toBe(5);
  });

  it('starts every node id with its kind', () => {
    for (const n of topo.nodes) expect(n.id.startsWith(`${n.kind}/`)).toBe(true);
  });

  it('joins the Service to its slice and the slice to the pod of a ready endpoint', () => {
    const edges = topo.edges.map((e) => `${e.from} -> ${e.to} ${e.verdict}`);
    expect(edges).toContain('Service/shop/web -> EndpointSlice/shop/web-manual allowed');
    expect(edges).toContain('EndpointSlice/shop/web-manual -> Pod/shop/web-1 allowed');
  });

  it('draws an entry edge from the internet to a NodePort Service', () => {
    expect(topo.edges.some((e) => e.from === 'Client/internet' && e.to === 'Service/shop/web' && e.relation === 'entry')).toBe(true);
  });

  it('only draws edges between drawn nodes', () => {
    const ids = new Set(topo.nodes.map((n) => n.id));
    for (const e of topo.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
  });
});

describe('pods isolated by NetworkPolicies (NP-2)', () => {
  const pod = (name: string, app: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: x}]}\n`;
  const policy = (name: string, app: string, types: string) =>
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec: {podSelector: {matchLabels: {app: ${app}}}, policyTypes: [${types}]}\n`;
  const sim = simulate([{ name: 'a.yaml', text: [pod('db-0', 'db'), pod('web-0', 'web'), pod('free', 'none'), policy('deny-db', 'db', 'Ingress'), policy('lock-web', 'web', 'Ingress, Egress')].join('---\n') }]);
  const node = (id: string) => buildTopology(sim).nodes.find((n) => n.id === id);

  it.each([
    { pod: 'Pod/shop/db-0', want: { ingress: ['NetworkPolicy/shop/deny-db'], egress: [] } },
    { pod: 'Pod/shop/web-0', want: { ingress: ['NetworkPolicy/shop/lock-web'], egress: ['NetworkPolicy/shop/lock-web'] } },
    { pod: 'Pod/shop/free', want: undefined },
  ])('$pod is isolated by $want', ({ pod, want }) => {
    expect(node(pod)?.isolation).toEqual(want);
  });
});

describe('an Ingress whose backend Service does not exist (ING-12)', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: hosts, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: foo.bar.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: service1, port: {number: 80}}}}]}
  - host: bar.foo.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
`;
  const ing = buildTopology(simulate([{ name: 'a.yaml', text }])).nodes.find((n) => n.id === 'Ingress/shop/hosts');

  it('is marked as needing attention and names the missing Service', () => {
    expect(ing?.status).toBe('warning');
    expect(ing?.detail).toContain('no Service service1 (503)');
  });
});

describe('an Ingress backend port the Service does not have (ING-12, ING-14)', () => {
  const ingress = (port: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: ${port}}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, labels: {app: web}}
spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080}, {name: dns, port: 53, protocol: UDP}]}
`;
  const edge = (port: string) => {
    const e = buildTopology(simulate([{ name: 'a.yaml', text: ingress(port) }])).edges.find((x) => x.from === 'Ingress/shop/shop' && x.to === 'Service/shop/web');
    return e && `${e.verdict}: ${e.reason}`;
  };
  // The same answer as the route query (knet route) and the Problems panel: the controller answers 503.
  it.each([
    ['{number: 8080}', 'blocked: shop.example/ → Service web:8080. Service shop/web has no TCP port 8080 (it has 80 (http), 53 (dns)) — the number is a targetPort; an Ingress names the Service port (ING-12) → 503 (ING-14).'],
    ['{name: web}', 'blocked: shop.example/ → Service web:web. Service shop/web has no TCP port named "web" (it has 80 (http), 53 (dns)) — port.name is a Service port name, not a container port name (ING-12) → 503 (ING-14).'],
    // Port 53 is UDP here: the controller proxies HTTP over TCP only.
    ['{number: 53}', 'blocked: shop.example/ → Service web:53. Service shop/web has no TCP port 53 (it has 80 (http), 53 (dns)) — the number is a targetPort; an Ingress names the Service port (ING-12) → 503 (ING-14).'],
  ])('port %s → %s', (port, want) => {
    expect(edge(port)).toBe(want);
  });
  it('port {number: 80} is judged by the policies on the way (none here): allowed', () => {
    expect(edge('{number: 80}')).toMatch(/^allowed: /);
  });
});

describe('an Ingress backend naming a port an ExternalName Service lacks', () => {
  it('is blocked and says the port name is missing, in the route query\'s words', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ext, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: ext.example
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: out, port: {name: web}}}}]}
---
apiVersion: v1
kind: Service
metadata: {name: out, namespace: shop}
spec: {type: ExternalName, externalName: example.org, ports: [{name: http, port: 80}]}
`;
    const e = buildTopology(simulate([{ name: 'a.yaml', text }])).edges.find((x) => x.from === 'Ingress/shop/ext' && x.to === 'Service/shop/out');
    expect(e && `${e.verdict}: ${e.reason}`).toBe(
      'blocked: ext.example/ → Service out:web. Service shop/out has no TCP port named "web" (it has 80 (http)) — port.name is a Service port name, not a container port name (ING-12) → 503 (ING-14).',
    );
  });
});
