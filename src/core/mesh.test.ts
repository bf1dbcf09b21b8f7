import { describe, expect, it } from 'vitest';
import { parseRequestURL } from './http';
import { route } from './route';
import { simulate } from './simulate';
import { trace } from './trace/index';
import { buildTopology } from './topology/index';

/**
 * GW-19 (GAMMA): HTTPRoutes whose parentRef is a Service, restating kubernetes-sigs/gateway-api
 * conformance/tests/mesh/mesh-split.go (MeshTrafficSplit: GET /v1 → echo-v1, /v2 → echo-v2) and
 * mesh-consumer-route.go (MeshConsumerRoute: a route in another namespace than its Service applies only to
 * requests from its own namespace), with site-src/mesh/index.md ("requests that do not match at least one
 * of the Routes will be rejected").
 */
const MESH = 'gateway-conformance-mesh';
const CONSUMER = 'gateway-conformance-mesh-consumer';
const app = (name: string, ns = MESH) =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: {app: ${name}}, ports: [{name: http, port: 80, targetPort: 8080}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}\nspec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}\n`;
const client = (ns: string, env = '') => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: ${ns}, labels: {app: client}}\nspec: {containers: [{name: c${env}}]}\n`;
const split = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh-split, namespace: ${MESH}}
spec:
  parentRefs: [{group: "", kind: Service, name: echo, port: 80}]
  rules:
  - matches: [{path: {type: Exact, value: /v1}}]
    backendRefs: [{name: echo-v1, port: 80}]
  - matches: [{path: {type: Exact, value: /v2}}]
    backendRefs: [{name: echo-v2, port: 80}]
`;
const consumerRoute = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh-consumer-route, namespace: ${CONSUMER}}
spec:
  parentRefs: [{group: "", kind: Service, name: echo-v1, namespace: ${MESH}, port: 80}]
  rules:
  - filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Header-Set, value: set}]}}]
    backendRefs: [{name: echo-v1, namespace: ${MESH}, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: consumer, namespace: ${MESH}}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${CONSUMER}}]
  to: [{group: "", kind: Service}]
`;
const text = app('echo') + app('echo-v1') + app('echo-v2') + split + consumerRoute + client(MESH, ', env: [{name: ECHO, value: "http://echo/v2"}]') + client(CONSUMER);
const sim = simulate([{ name: 'mesh.yaml', text }]);
const ask = (from: string, url: string) => route(sim, parseRequestURL(url)!, { from });

describe('routes attached to a Service (GW-19)', () => {
  it('are accepted on the Service, with no "parent not found" warning', () => {
    // The status the Gateway API controller stage wrote into each route.
    expect(sim.world.httpRoutes.map((r) => `${r.name} ${r.status!.parents.map((p) => `${p.accepted} ${p.serviceId}`).join()}`)).toEqual([
      `mesh-split true Service/${MESH}/echo`,
      `mesh-consumer-route true Service/${MESH}/echo-v1`,
    ]);
    expect(sim.diagnostics.filter((d) => d.code === 'route-parent-not-found')).toEqual([]);
  });

  const cases: [string, string, string][] = [
    ['GET /v1 → echo-v1', 'http://echo/v1', 'echo-v1'],
    ['GET /v2 → echo-v2', 'http://echo/v2', 'echo-v2'],
    ['the ClusterIP\'s name with namespace works the same', `http://echo.${MESH}.svc.cluster.local/v2`, 'echo-v2'],
  ];
  for (const [name, url, want] of cases) {
    it(`MeshTrafficSplit: ${name}`, () => {
      const r = ask(`${MESH}/client`, url);
      expect(r.error).toBeUndefined();
      expect(r.results[0]).toMatchObject({ status: 200, entry: { kind: 'Service', name: 'echo', port: 80 }, route: { kind: 'HTTPRoute', name: 'mesh-split' } });
      expect(r.results[0]!.backends.map((b) => b.name)).toEqual([want]);
    });
  }

  it('a request that matches none of the Service\'s routes is rejected (404)', () => {
    expect(ask(`${MESH}/client`, 'http://echo/other').results[0]).toMatchObject({ status: 404, route: null });
  });

  it('MeshConsumerRoute: the consumer namespace gets its own route (header set), the producer namespace does not', () => {
    const consumer = ask(`${CONSUMER}/client`, `http://echo-v1.${MESH}/`).results[0]!;
    expect(consumer.route?.name).toBe('mesh-consumer-route');
    expect(consumer.upstream?.headers['x-header-set']).toBe('set');
    const producer = ask(`${MESH}/client`, 'http://echo-v1/').results[0]!;
    expect(producer.route).toBeNull();
    expect(producer.status).toBe(200);
    expect(producer.upstream).toBeUndefined();
  });

  it('trace follows the route before kube-proxy and checks policies from the client pod to the routed backend', () => {
    const t = trace(sim, { from: `${MESH}/client`, url: 'http://echo/v1' });
    expect(t.verdict).toBe('delivered');
    expect(t.hops.map((h) => `${h.step} ${h.object ?? ''}`.trim())).toEqual(['dns', `service Service/${MESH}/echo`, `route HTTPRoute/${MESH}/mesh-split`, `service Service/${MESH}/echo-v1`, 'endpoint', 'policy-egress', 'policy-ingress', `pod Pod/${MESH}/echo-v1`]);
    expect(trace(sim, { from: `${MESH}/client`, url: 'http://echo/nope' })).toMatchObject({ verdict: 'failed' });
  });

  it('the graph draws the call through the route: client → echo → HTTPRoute → echo-v1 / echo-v2', () => {
    const g = buildTopology(sim);
    const call = g.edges.find((e) => e.from === `Pod/${MESH}/client` && e.to === `Service/${MESH}/echo`)!;
    expect(call).toMatchObject({ relation: 'call', verdict: 'allowed' });
    expect(call.reason).toContain('mesh-split');
    expect(g.edges.find((e) => e.from === `Service/${MESH}/echo` && e.to === `HTTPRoute/${MESH}/mesh-split`)).toMatchObject({ relation: 'route', label: 'mesh' });
    expect(g.edges.filter((e) => e.from === `HTTPRoute/${MESH}/mesh-split`).map((e) => `${e.to} ${e.relation} ${e.verdict}`)).toEqual([`Service/${MESH}/echo-v1 backend allowed`, `Service/${MESH}/echo-v2 backend allowed`]);
  });

  it('a parentRef to a Service port that does not exist is not accepted', () => {
    const bad = simulate([{ name: 'bad.yaml', text: app('echo') + split.replace('port: 80}]\n  rules', 'port: 81}]\n  rules') }]);
    const p = bad.world.httpRoutes[0]!.status!.parents[0]!;
    expect(p).toMatchObject({ accepted: false, reason: 'NoMatchingParent' });
  });
});
