import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { parseRequestURL } from '../../http';
import { effectiveHostnames, hostnameMatches, intersectHostname } from './hostnames';
import { replacePrefix } from './filters';
import { GATEWAY_CODES } from './codes';
import { routeGateways } from './index';

const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: pg}
spec: {controllerName: example.net/pg}
`;

/** A Service `name` in `ns` with one ready pod behind it, port 80 → 8080. */
function backend(name: string, ns = 'infra'): string {
  return `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}-pod, namespace: ${ns}, labels: {app: ${name}}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ports: [{port: 80, targetPort: 8080}]}
`;
}

function gateway(listeners: string, ns = 'infra', name = 'gw'): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${ns}}
spec:
  gatewayClassName: pg
  listeners: ${listeners}
`;
}

function httpRoute(name: string, spec: string, extra = ''): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: infra${extra}}
spec:
${spec}`;
}

function run(text: string) {
  const sim = simulate([{ name: 'in.yaml', text }]);
  const ask = (url: string, headers: [string, string][] = [], method = 'GET') => routeGateways(sim.world, sim.options, parseRequestURL(url, headers, method)!, 'infra/gw')[0]!;
  // The status the Gateway API controller stage wrote into each Gateway and Route.
  const w = sim.world;
  const status = { gateways: w.gateways.map((g) => g.status!), routes: [...w.httpRoutes, ...w.grpcRoutes].map((r) => ({ name: r.name, ...r.status! })) };
  return { sim, ask, status };
}

describe('GW-5 hostname intersection', () => {
  it.each([
    ['very.specific.com', ['non.matching.com', '*.specific.com'], ['very.specific.com']],
    ['*.wildcard.io', ['wildcard.io', 'foo.wildcard.io', 'foo.bar.wildcard.io'], ['foo.wildcard.io', 'foo.bar.wildcard.io']],
    ['*.example.com', ['*.com'], ['*.example.com']],
    ['*.com', ['*.example.com'], ['*.example.com']],
    [undefined, [], [undefined]],
    [undefined, ['a.com'], ['a.com']],
    ['foo.com', ['bar.com'], []],
    ['*.a.com', ['*.b.com'], []],
  ] as [string | undefined, string[], (string | undefined)[]][])('listener %s with route hostnames %j serves %j', (listener, route, want) => {
    expect(effectiveHostnames(listener, route)).toEqual(want);
  });

  it.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['foo.com', 'foo.com', true],
    [undefined, '10.0.0.1', true],
    ['foo.com', '10.0.0.1', false],
  ] as [string | undefined, string, boolean][])('GW-4: %s matches host %s → %s', (pattern, host, want) => {
    expect(hostnameMatches(pattern, host)).toBe(want);
  });

  it('intersection of two precise names is the name or nothing', () => {
    expect(intersectHostname('a.com', 'a.com')).toBe('a.com');
    expect(intersectHostname('a.com', 'b.com')).toBeNull();
  });
});

describe('GW-9 precedence', () => {
  const base = CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + ['a', 'b', 'c', 'd'].map((n) => backend(n)).join('');
  it.each([
    [
      'a longer prefix beats more headers (R1 older with a header, R2 longer prefix)',
      httpRoute('r1', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /api}, headers: [{name: x-env, value: canary}]}], backendRefs: [{name: a, port: 80}]}]\n') +
        httpRoute('r2', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /api/v1}}], backendRefs: [{name: b, port: 80}]}]\n'),
      'http://x/api/v1/users',
      [['x-env', 'canary']],
      'b',
    ],
    [
      'a method condition beats two headers',
      httpRoute('r3', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /api}, method: GET}], backendRefs: [{name: a, port: 80}]}]\n') +
        httpRoute('r4', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /api}, headers: [{name: h1, value: "1"}, {name: h2, value: "2"}]}], backendRefs: [{name: b, port: 80}]}]\n'),
      'http://x/api',
      [['h1', '1'], ['h2', '2']],
      'a',
    ],
    [
      'Exact beats any PathPrefix, even a longer one (edge case 47)',
      httpRoute('r5', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /api/}}], backendRefs: [{name: a, port: 80}]}, {matches: [{path: {type: Exact, value: /api}}], backendRefs: [{name: b, port: 80}]}]\n'),
      'http://x/api',
      [],
      'b',
    ],
    [
      'RegularExpression ranks after Exact and before PathPrefix ([SIM] I-17)',
      httpRoute('r6', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /api/v1/users}}], backendRefs: [{name: a, port: 80}]}, {matches: [{path: {type: RegularExpression, value: "/api/.*"}}], backendRefs: [{name: c, port: 80}]}]\n'),
      'http://x/api/v1/users',
      [],
      'c',
    ],
    [
      'the older route wins a tie, by creationTimestamp not input order (edge case 48)',
      httpRoute('newer', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: a, port: 80}]}]\n', ', creationTimestamp: "2024-02-01T00:00:00Z"') +
        httpRoute('older', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: d, port: 80}]}]\n', ', creationTimestamp: "2024-01-01T00:00:00Z"'),
      'http://x/',
      [],
      'd',
    ],
    [
      'without timestamps the routes tie on age and namespace/name decides, not input order (GW-9 step 8)',
      httpRoute('zz', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: a, port: 80}]}]\n') + httpRoute('aa', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: b, port: 80}]}]\n'),
      'http://x/',
      [],
      'b',
    ],
    [
      'a precise hostname beats a wildcard regardless of paths',
      httpRoute('w', '  parentRefs: [{name: gw}]\n  hostnames: ["*.x.com"]\n  rules: [{matches: [{path: {type: Exact, value: /p}}], backendRefs: [{name: a, port: 80}]}]\n') +
        httpRoute('p', '  parentRefs: [{name: gw}]\n  hostnames: [a.x.com]\n  rules: [{backendRefs: [{name: b, port: 80}]}]\n'),
      'http://a.x.com/p',
      [],
      'b',
    ],
    [
      'PathPrefix is element-wise: /abc does not match /abcd',
      httpRoute('e', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /abc/}}], backendRefs: [{name: a, port: 80}]}, {backendRefs: [{name: b, port: 80}]}]\n'),
      'http://x/abcd',
      [],
      'b',
    ],
  ] as [string, string, string, [string, string][], string][])('%s', (_name, routes, url, headers, want) => {
    const res = run(base + routes).ask(url, headers);
    expect(res.status).toBe(200);
    expect(res.backends.map((b) => b.name)).toEqual([want]);
  });

  it('answers 404 when nothing matches', () => {
    const res = run(base + httpRoute('r', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {type: Exact, value: /a}}], backendRefs: [{name: a, port: 80}]}]\n')).ask('http://x/b');
    expect(res.status).toBe(404);
    expect(res.route).toBeNull();
  });
});

describe('GW-11 weights', () => {
  const base = CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + backend('v1') + backend('v2');
  it.each([
    [90, 10, { v1: 0.9, v2: 0.1 }, 200],
    [1, 0, { v1: 1, v2: 0 }, 200],
    [3, 1, { v1: 0.75, v2: 0.25 }, 200],
    [0, 0, { v1: 0, v2: 0 }, 500],
  ])('weights v1=%i v2=%i → shares %j, status %i', (w1, w2, shares, code) => {
    const res = run(base + httpRoute('r', `  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: v1, port: 80, weight: ${w1}}, {name: v2, port: 80, weight: ${w2}}]}]\n`)).ask('http://x/');
    const total = res.backends.reduce((n, b) => n + b.weight, 0);
    expect(Object.fromEntries(res.backends.map((b) => [b.name, total ? b.weight / total : 0]))).toEqual(shares);
    expect(res.status).toBe(code);
  });

  it('a rule without backendRefs answers 500', () => {
    expect(run(base + httpRoute('r', '  parentRefs: [{name: gw}]\n  rules: [{matches: [{path: {value: /}}]}]\n')).ask('http://x/').status).toBe(500);
  });

  it('a Service without ready endpoints answers 503', () => {
    const text = base + httpRoute('r', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: empty, port: 80}]}]\n') + `---
apiVersion: v1
kind: Service
metadata: {name: empty, namespace: infra}
spec: {selector: {app: none}, ports: [{port: 80}]}
`;
    expect(run(text).ask('http://x/').status).toBe(503);
  });
});

describe('GW-12 ReferenceGrant', () => {
  const grant = (from: string, to: string, ns = 'other') => `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: ${ns}}
spec:
  from: [${from}]
  to: [${to}]
`;
  const route = httpRoute('r', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: svc2, namespace: other, port: 80}]}]\n');
  const base = CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + backend('svc2', 'other') + route;
  it.each([
    ['no grant', '', false],
    ['a grant for HTTPRoutes from infra to all Services', grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}', '{group: "", kind: Service}'), true],
    ['a grant naming the Service', grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}', '{group: "", kind: Service, name: svc2}'), true],
    ['a grant naming another Service', grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}', '{group: "", kind: Service, name: svc3}'), false],
    ['a grant in the route namespace (edge case 46)', grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}', '{group: "", kind: Service}', 'infra'), false],
    ['a grant from Gateways (edge case 46)', grant('{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}', '{group: "", kind: Service}'), false],
    ['a grant from the core group (edge case 46)', grant('{group: "", kind: HTTPRoute, namespace: infra}', '{group: "", kind: Service}'), false],
    ['a grant for GRPCRoutes only', grant('{group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: infra}', '{group: "", kind: Service}'), false],
  ])('%s → resolved %s', (_name, g, ok) => {
    const { status, ask } = run(base + g);
    const parent = status.routes[0]!.parents[0]!;
    expect(parent.accepted).toBe(true);
    expect(parent.conditions.find((c) => c.type === 'ResolvedRefs')).toMatchObject(ok ? { status: 'True' } : { status: 'False', reason: 'RefNotPermitted' });
    expect(ask('http://x/').status).toBe(ok ? 200 : 500);
  });

  it('T3: attaches via a.b.example.com, refuses the cross-namespace half (50 % → 500), 404 for example.com', () => {
    const text =
      CLASS +
      gateway('[{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]') +
      backend('svc') +
      backend('svc2', 'other') +
      httpRoute('r', '  parentRefs: [{name: gw}]\n  hostnames: ["example.com", "a.b.example.com"]\n  rules: [{backendRefs: [{name: svc, port: 80}, {name: svc2, namespace: other, port: 80}]}]\n');
    const { status, ask, sim } = run(text);
    const parent = status.routes[0]!.parents[0]!;
    expect(parent.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=False/RefNotPermitted']);
    const res = ask('http://a.b.example.com/');
    expect(res.backends.map((b) => [b.name, b.weight, b.state])).toEqual([
      ['svc', 1, 'ok'],
      ['svc2', 1, 'refused'],
    ]);
    expect(ask('http://example.com/').status).toBe(404);
    const d = sim.diagnostics.find((x) => x.code === GATEWAY_CODES.BACKEND_NOT_RESOLVED)!;
    expect(d.path).toBe('spec.rules.0.backendRefs.1');
    expect(text.slice(d.range.start, d.range.end)).toContain('svc2');
  });
});

describe('§5.2 attachment and its diagnostics', () => {
  it.each([
    ['a route in another namespace with from: Same (edge case 42)', '[{name: http, port: 80, protocol: HTTP}]', '{name: gw, namespace: infra}', 'app', 'NotAllowedByListeners'],
    ['a sectionName that names no listener (edge case 43)', '[{name: http, port: 80, protocol: HTTP}]', '{name: gw, sectionName: https}', 'infra', 'NoMatchingParent'],
    ['a port that no listener has', '[{name: http, port: 80, protocol: HTTP}]', '{name: gw, port: 8080}', 'infra', 'NoMatchingParent'],
    ['hostnames that do not intersect (edge case 44)', '[{name: http, port: 80, protocol: HTTP, hostname: foo.com}]', '{name: gw}', 'infra', 'NoMatchingListenerHostname'],
  ])('%s → %s', (_name, listeners, parent, ns, reason) => {
    const text = `${CLASS}${gateway(listeners)}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ${ns}}
spec:
  parentRefs: [${parent}]
  hostnames: [bar.com]
`;
    const { status, sim } = run(text);
    const p = status.routes[0]!.parents[0]!;
    expect({ accepted: p.accepted, reason: p.reason }).toEqual({ accepted: false, reason });
    const d = sim.diagnostics.find((x) => x.code === GATEWAY_CODES.ROUTE_NOT_ACCEPTED)!;
    expect(d.path).toBe('spec.parentRefs.0');
    expect(text.slice(d.range.start, d.range.end)).toContain('name: gw');
  });

  it('a Gateway whose class does not exist gets a diagnostic on gatewayClassName and serves nothing', () => {
    const text = gateway('[{name: http, port: 80, protocol: HTTP}]');
    const { sim, status } = run(text);
    const d = sim.diagnostics.find((x) => x.code === GATEWAY_CODES.GATEWAY_CLASS_NOT_FOUND)!;
    expect(text.slice(d.range.start, d.range.end)).toContain('gatewayClassName: pg');
    expect(status.gateways[0]!.ours).toBe(false);
    expect(sim.world.workloads.some((w) => w.namespace === 'infra')).toBe(false);
  });

  it('GW-15: the controller writes the status into the World, naming the proxy pods and the Service that implement the Gateway', () => {
    const { sim, ask } = run(CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + backend('x') + httpRoute('r', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: x, port: 80}]}]\n'));
    const gw = sim.world.gateways[0]!;
    expect(gw.status).toMatchObject({ ours: true, controllerName: 'example.net/pg', addresses: gw.addresses });
    expect(gw.status!.implementation).toEqual({ namespace: 'infra', service: 'Service/infra/gw-pg', pods: [expect.stringMatching(/^Pod\/infra\/gw-pg-/)] });
    expect(sim.world.gatewayClasses[0]!.status).toMatchObject({ accepted: true });
    expect(sim.world.httpRoutes[0]!.status!.parents[0]).toMatchObject({ accepted: true, gatewayId: gw.id, listeners: ['http'] });
    // The router reads that status: the proxy it names is the implementation's pod.
    expect(ask('http://x/').proxy!.pods).toEqual(gw.status!.implementation!.pods.map((id) => id.slice(4)));
  });

  it('GW-2: two listeners with the same port, protocol and hostname are both Conflicted', () => {
    const { status } = run(CLASS + gateway('[{name: a, port: 80, protocol: HTTP, hostname: a.com}, {name: b, port: 80, protocol: HTTP, hostname: a.com}, {name: c, port: 80, protocol: HTTP, hostname: "*.com"}]'));
    const ls = status.gateways[0]!.listeners;
    expect(ls.map((l) => l.conditions.find((c) => c.type === 'Conflicted')!.reason)).toEqual(['HostnameConflict', 'HostnameConflict', 'NoConflicts']);
    expect(status.gateways[0]!.conditions[0]).toMatchObject({ type: 'Accepted', status: 'True', reason: 'ListenersNotValid' });
  });

  it('GW-6: listener isolation sends specific.example.com to the specific listener, which has no route → 404 (edge case 49)', () => {
    const text =
      CLASS +
      gateway('[{name: a, port: 80, protocol: HTTP, hostname: specific.example.com}, {name: b, port: 80, protocol: HTTP, hostname: "*.example.com"}]') +
      backend('x') +
      httpRoute('r', '  parentRefs: [{name: gw, sectionName: b}]\n  rules: [{backendRefs: [{name: x, port: 80}]}]\n');
    const { ask } = run(text);
    expect(ask('http://specific.example.com/x')).toMatchObject({ status: 404, entry: { listener: 'a' } });
    expect(ask('http://other.example.com/x')).toMatchObject({ status: 200, entry: { listener: 'b' } });
  });
});

describe('GW-14 filters', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo', '/foo', '', '/'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
  ])('ReplacePrefixMatch: %s with match %s and replacement %j → %s', (path, match, repl, want) => {
    expect(replacePrefix(path, match, repl)).toBe(want);
  });

  it('a redirect answers with its status and Location; a rewrite shows the upstream path', () => {
    const text =
      CLASS +
      gateway('[{name: http, port: 80, protocol: HTTP}]') +
      backend('a') +
      httpRoute('r', `  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]
  - matches: [{path: {value: /app}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]
    backendRefs: [{name: a, port: 80}]
`);
    const { ask } = run(text);
    expect(ask('http://shop.com/old/x')).toMatchObject({ status: 301, redirect: { status: 301, location: 'https://shop.com/old/x' }, backends: [] });
    expect(ask('http://shop.com/app/page')).toMatchObject({ status: 200, upstreamPath: '/page' });
  });
});

describe('GW-15 gateway pods', () => {
  it('adds a Deployment and LoadBalancer Service <gateway>-<class> whose pods carry the gateway-name label, and an address', () => {
    const { sim, ask } = run(CLASS + gateway('[{name: http, port: 80, protocol: HTTP}, {name: web, port: 8080, protocol: HTTP}]'));
    const svc = sim.world.services.find((s) => s.id === 'Service/infra/gw-pg')!;
    expect(svc).toMatchObject({ type: 'LoadBalancer', system: true, selector: { 'gateway.networking.k8s.io/gateway-name': 'gw' } });
    expect(svc.ports.map((p) => p.port)).toEqual([80, 8080]);
    const gw = sim.world.gateways[0]!;
    expect(gw.addresses).toHaveLength(1);
    expect(svc.loadBalancerIPs).toEqual(gw.addresses);
    const pods = sim.world.pods.filter((p) => p.labels['gateway.networking.k8s.io/gateway-name'] === 'gw');
    expect(pods.length).toBeGreaterThan(0);
    expect(ask('http://x/').proxy!.pods).toEqual(pods.map((p) => `infra/${p.name}`).sort());
  });

  it('keeps a Deployment the input defines instead of adding one', () => {
    const text = CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: gw-pg, namespace: infra}
spec:
  replicas: 2
  selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: gw}}
  template:
    metadata: {labels: {gateway.networking.k8s.io/gateway-name: gw}}
    spec: {containers: [{name: envoy, image: envoy}]}
`;
    const { sim } = run(text);
    expect(sim.world.workloads.filter((w) => w.namespace === 'infra').map((w) => [w.name, w.replicas, !!w.system])).toEqual([['gw-pg', 2, false]]);
    expect(sim.diagnostics.some((d) => d.code === GATEWAY_CODES.GATEWAY_IMPLEMENTATION_FROM_INPUT)).toBe(true);
  });
});

describe('GW-16 GRPCRoute', () => {
  it('matches service and method, and answers UNIMPLEMENTED (404) when nothing matches', () => {
    const text =
      CLASS +
      gateway('[{name: http, port: 80, protocol: HTTP}]') +
      backend('a') +
      backend('b') +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{method: {service: shop.Cart}}]
    backendRefs: [{name: a, port: 80}]
  - matches: [{method: {service: shop.Cart, method: Pay}}]
    backendRefs: [{name: b, port: 80}]
`;
    const { sim } = run(text);
    const ask = (service: string, method: string) => routeGateways(sim.world, sim.options, { ...parseRequestURL('http://x/')!, grpc: { service, method }, method: 'POST' }, 'infra/gw')[0]!;
    expect(ask('shop.Cart', 'Pay').backends.map((b) => b.name)).toEqual(['b']);
    expect(ask('shop.Cart', 'Add').backends.map((b) => b.name)).toEqual(['a']);
    expect(ask('shop.Other', 'Add').status).toBe(404);
  });
});

describe('gRPC requests given as HTTP', () => {
  it('treats content-type application/grpc on /pkg.Service/Method as a gRPC call (GW-16)', () => {
    const text =
      CLASS +
      gateway('[{name: http, port: 80, protocol: HTTP}]') +
      backend('a') +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{matches: [{method: {service: shop.Cart, method: Pay}}], backendRefs: [{name: a, port: 80}]}]
`;
    const { ask } = run(text);
    expect(ask('http://x/shop.Cart/Pay', [['content-type', 'application/grpc']], 'POST')).toMatchObject({ status: 200, route: { kind: 'GRPCRoute', name: 'g', rule: 0 } });
    expect(ask('http://x/shop.Cart/Pay').status).toBe(404);
  });
});

describe('GW-2 unsupported protocols', () => {
  it('a protocol the CRD accepts but the implementation does not serve → listener Accepted=False/UnsupportedProtocol', () => {
    const { status, sim } = run(CLASS + gateway('[{name: http, port: 80, protocol: HTTP}, {name: odd, port: 9000, protocol: example.com/quic}]'));
    const odd = status.gateways[0]!.listeners.find((l) => l.name === 'odd')!;
    expect(odd.conditions.find((c) => c.type === 'Accepted')).toMatchObject({ status: 'False', reason: 'UnsupportedProtocol' });
    expect(sim.diagnostics.filter((d) => d.code === GATEWAY_CODES.LISTENER_UNSUPPORTED_PROTOCOL).map((d) => d.path)).toEqual(['spec.listeners.1.protocol']);
  });
});

describe('more status edge cases', () => {
  it('edge case 51: a backendRef port that is the target port, not the Service port → BackendNotFound, 500', () => {
    const { status, ask } = run(CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + backend('a') + httpRoute('r', '  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: a, port: 8080}]}]\n'));
    expect(status.routes[0]!.backends[0]).toMatchObject({ resolved: false, reason: 'BackendNotFound' });
    expect(ask('http://x/')).toMatchObject({ status: 500, backends: [{ state: 'port-missing' }] });
  });

  it('§5.2: of an HTTPRoute and a GRPCRoute with intersecting hostnames on one listener, only the older is accepted', () => {
    const text =
      CLASS +
      gateway('[{name: http, port: 80, protocol: HTTP}]') +
      httpRoute('h', '  parentRefs: [{name: gw}]\n  hostnames: [a.com]\n', ', creationTimestamp: "2024-02-01T00:00:00Z"') +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: infra, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  hostnames: ["*.com"]
`;
    const { status, sim } = run(text);
    const byName = Object.fromEntries(status.routes.map((r) => [r.name, r.parents[0]!]));
    expect(byName.g).toMatchObject({ accepted: true });
    expect(byName.h).toMatchObject({ accepted: false, reason: 'Conflicted' });
    expect(status.gateways[0]!.listeners[0]!.attachedRoutes).toBe(1);
    expect(sim.diagnostics.some((d) => d.code === GATEWAY_CODES.ROUTE_CONFLICT && d.object === 'HTTPRoute/infra/h')).toBe(true);
  });

  it.each([
    ['a missing Secret', '', '{name: cert}', false, 'InvalidCertificateRef'],
    ['a Secret in the Gateway namespace', 'infra', '{name: cert}', true, 'ResolvedRefs'],
    ['a Secret in another namespace without a grant', 'certs', '{name: cert, namespace: certs}', false, 'RefNotPermitted'],
  ])('GW-3: an HTTPS listener with %s', (_name, secretNs, ref, ready, reason) => {
    const secret = secretNs ? `---\napiVersion: v1\nkind: Secret\nmetadata: {name: cert, namespace: ${secretNs}}\ntype: kubernetes.io/tls\n` : '';
    const { status } = run(CLASS + secret + gateway(`[{name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [${ref}]}}]`));
    const l = status.gateways[0]!.listeners[0]!;
    expect(l.ready).toBe(ready);
    expect(l.conditions.find((c) => c.type === 'ResolvedRefs')!.reason).toBe(reason);
  });
});

describe('Gateway addresses', () => {
  it('allocates from the top of the load balancer pool without a warning, distinct per Gateway', () => {
    const { sim } = run(CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]') + gateway('[{name: http, port: 80, protocol: HTTP}]', 'infra', 'gw2'));
    expect(sim.world.gateways.map((g) => g.addresses)).toEqual([['172.18.255.207'], ['172.18.255.206']]);
    expect(sim.diagnostics.filter((d) => d.code === GATEWAY_CODES.GATEWAY_NO_ADDRESS)).toEqual([]);
  });

  it('keeps spec.addresses as written', () => {
    const text = CLASS + gateway('[{name: http, port: 80, protocol: HTTP}]').replace('  gatewayClassName: pg', '  gatewayClassName: pg\n  addresses: [{value: 10.1.2.3}]');
    expect(run(text).sim.world.gateways[0]!.addresses).toEqual(['10.1.2.3']);
  });
});
