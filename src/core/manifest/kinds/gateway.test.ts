import { describe, expect, it } from 'vitest';
import { readManifests } from '../read';
import { withDefaults } from '../../options';
import type { Diagnostic } from '../../diagnostics/diagnostic';

function read(text: string) {
  const diags: Diagnostic[] = [];
  const world = readManifests([{ name: 'in.yaml', text }], withDefaults(), diags);
  return { world, diags, errors: diags.filter((d) => d.severity === 'error') };
}

const route = (spec: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
${spec}`;

describe('Gateway API readers (ADM-5)', () => {
  it('defaults parentRefs, backendRefs and an absent rules list', () => {
    const { world, errors } = read(route('  parentRefs: [{name: gw}]\n'));
    expect(errors).toEqual([]);
    const r = world.httpRoutes[0]!;
    expect(r.parentRefs[0]).toMatchObject({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'app', name: 'gw' });
    expect(r.rules).toHaveLength(1);
    expect(r.rules[0]!.matches[0]!.path).toEqual({ type: 'PathPrefix', value: '/' });
  });

  it('defaults a backendRef to a Service in the route namespace with weight 1', () => {
    const { world } = read(route('  rules:\n  - backendRefs: [{name: svc, port: 80}]\n    matches: [{headers: [{name: x, value: y}]}]\n'));
    const rule = world.httpRoutes[0]!.rules[0]!;
    expect(rule.backendRefs[0]).toMatchObject({ group: '', kind: 'Service', namespace: 'app', weight: 1, port: 80 });
    expect(rule.matches[0]!.path).toEqual({ type: 'PathPrefix', value: '/' });
    expect(rule.matches[0]!.headers[0]!.type).toBe('Exact');
  });

  it.each([
    ['a Service backendRef without port', '  rules:\n  - backendRefs: [{name: svc}]\n', 'spec.rules.0.backendRefs.0.port'],
    ['a path with //', '  rules:\n  - matches: [{path: {type: Exact, value: "/a//b"}}]\n', 'spec.rules.0.matches.0.path.value'],
    ['a path ending in /..', '  rules:\n  - matches: [{path: {value: "/a/.."}}]\n', 'spec.rules.0.matches.0.path.value'],
    ['a path with %2F', '  rules:\n  - matches: [{path: {value: "/a%2Fb"}}]\n', 'spec.rules.0.matches.0.path.value'],
    ['ReplacePrefixMatch with an Exact match', '  rules:\n  - matches: [{path: {type: Exact, value: /a}}]\n    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]\n', 'spec.rules.0.filters.0'],
    ['ReplacePrefixMatch with two matches', '  rules:\n  - matches: [{path: {value: /a}}, {path: {value: /b}}]\n    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}}}]\n', 'spec.rules.0.filters.0'],
    ['RequestRedirect with URLRewrite', '  rules:\n  - filters: [{type: RequestRedirect, requestRedirect: {hostname: a.com}}, {type: URLRewrite, urlRewrite: {hostname: b.com}}]\n', 'spec.rules.0.filters'],
    ['two parentRefs to one Gateway without sectionName', '  parentRefs: [{name: gw}, {name: gw}]\n', 'spec.parentRefs.1'],
  ])('rejects %s', (_what, spec, path) => {
    const { world, errors } = read(route(spec));
    expect(world.httpRoutes).toHaveLength(0);
    expect(errors.map((d) => d.path)).toContain(path);
  });

  it('defaults RequestRedirect statusCode to 302', () => {
    const { world } = read(route('  rules:\n  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]\n'));
    expect(world.httpRoutes[0]!.rules[0]!.filters[0]!.config.statusCode).toBe(302);
  });

  it('defaults listener allowedRoutes to from: Same and reads GRPCRoute v1alpha2 and ReferenceGrant v1beta1', () => {
    const { world, errors } = read(`apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: GRPCRoute
metadata: {name: g}
spec:
  rules: [{matches: [{method: {service: a.B}}], backendRefs: [{name: s, port: 9000}]}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: rg}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: app}]
  to: [{group: "", kind: Service}]
`);
    expect(errors).toEqual([]);
    expect(world.gateways[0]!.listeners[0]!.allowedRoutes.namespaces.from).toBe('Same');
    expect(world.grpcRoutes[0]!.rules[0]!.matches[0]!.method).toEqual({ type: 'Exact', service: 'a.B' });
    expect(world.referenceGrants[0]!.to[0]).toEqual({ group: '', kind: 'Service' });
  });
});
