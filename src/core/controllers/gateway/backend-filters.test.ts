import { describe, expect, it } from 'vitest';
import { parseRequestURL } from '../../http';
import { simulate } from '../../simulate';
import { routeGateways } from './index';

/**
 * GW-18: filters on a backendRef apply only to the requests sent to that backend, after the rule's own.
 * Restates kubernetes-sigs/gateway-api conformance/tests/httproute-backend-url-rewrite.{go,yaml}
 * (HTTPRouteBackendURLRewrite: /full/original → /rewritten-full, /prefix/original → /rewritten-prefix/original)
 * and the backendRef RequestHeaderModifier of apis/v1/httproute_types.go (HTTPBackendRef.Filters).
 */
const NS = 'gateway-conformance-infra';
const base = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.net/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: same-namespace, namespace: ${NS}}
spec:
  gatewayClassName: gc
  listeners: [{name: http, port: 80, protocol: HTTP}]
${['infra-backend-v1', 'infra-backend-v2'].map((n) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${n}, namespace: ${NS}}\nspec: {selector: {app: ${n}}, ports: [{port: 8080}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${n}, namespace: ${NS}, labels: {app: ${n}}}\nspec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}\n`).join('')}`;

function ask(route: string, url: string, headers: [string, string][] = []) {
  const sim = simulate([{ name: 'in.yaml', text: base + route }]);
  return routeGateways(sim.world, sim.options, parseRequestURL(url, headers)!, `${NS}/same-namespace`)[0]!;
}

describe('backendRef filters (GW-18)', () => {
  const rewrite = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: backend-url-rewrite, namespace: ${NS}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /full}}]
    backendRefs:
    - name: infra-backend-v1
      port: 8080
      filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /rewritten-full}}}]
  - matches: [{path: {type: PathPrefix, value: /prefix}}]
    backendRefs:
    - name: infra-backend-v1
      port: 8080
      filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /rewritten-prefix}}}]
`;
  const cases: [string, string][] = [
    ['http://example.com/full/original', '/rewritten-full'],
    ['http://example.com/prefix/original', '/rewritten-prefix/original'],
  ];
  for (const [url, path] of cases) {
    it(`URLRewrite on the backendRef: ${url} reaches infra-backend-v1 as ${path}`, () => {
      const r = ask(rewrite, url);
      expect(r.status).toBe(200);
      expect(r.backends.map((b) => b.name)).toEqual(['infra-backend-v1']);
      expect(r.upstream?.path).toBe(path);
    });
  }

  it('a header filter on one backendRef changes only the requests sent to that backend', () => {
    const split = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: split, namespace: ${NS}}
spec:
  parentRefs: [{name: same-namespace}]
  rules:
  - filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: X-Rule, value: "1"}]}}]
    backendRefs:
    - {name: infra-backend-v1, port: 8080, weight: 3, filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: X-Backend, value: v1}], remove: [X-Drop]}}]}
    - {name: infra-backend-v2, port: 8080, weight: 1}
`;
    const r = ask(split, 'http://example.com/', [['X-Drop', 'yes']]);
    // The largest share (v1) is the request CLI `upstream` shows; v2 keeps the rule's effect only.
    expect(r.upstream?.headers).toEqual({ 'x-rule': '1', 'x-backend': 'v1' });
    expect(r.backends.find((b) => b.name === 'infra-backend-v2')!.upstream?.headers).toEqual({ 'x-drop': 'yes', 'x-rule': '1' });
  });
});
