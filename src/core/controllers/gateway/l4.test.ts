import { describe, expect, it } from 'vitest';
import { parseRequestURL } from '../../http';
import { simulate } from '../../simulate';
import { routeGateways } from './index';

/**
 * GW-17 (TLSRoute, TCPRoute, UDPRoute) and GW-20 (listener choice by port, SNI and Host; 421; refused),
 * restating kubernetes-sigs/gateway-api conformance/tests:
 * - tlsroute-simple-same-namespace.{go,yaml} (TLSRouteSimpleSameNamespace)
 * - gateway-https-and-tls-passthrough-same-port.{go,yaml} (GatewayHTTPSAndTLSPassthroughSamePort)
 * - udproute-simple.yaml (UDPRoute on a UDP listener)
 * and geps/gep-3567 (a request whose Host belongs to another HTTPS listener than its TLS connection's → 421).
 */
const NS = 'gateway-conformance-infra';
const CLASS = 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.net/gc}\n';
const secret = `---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls-checks-certificate, namespace: ${NS}}\ntype: kubernetes.io/tls\ndata: {tls.crt: "", tls.key: ""}\n`;
const backend = (name: string, port: number, protocol = 'TCP') =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${NS}}\nspec: {selector: {app: ${name}}, ports: [{port: ${port}, protocol: ${protocol}}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${NS}, labels: {app: ${name}}}\nspec: {containers: [{name: c, ports: [{containerPort: ${port}, protocol: ${protocol}}]}]}\n`;

function run(yaml: string, gw: string) {
  const text = CLASS + secret + yaml.replaceAll('"{GATEWAY_CLASS_NAME}"', 'gc');
  const sim = simulate([{ name: 'in.yaml', text }]);
  const ask = (url: string, sni?: string) => routeGateways(sim.world, sim.options, parseRequestURL(url, [], 'GET', { transport: true, ...(sni ? { sni } : {}) })!, `${NS}/${gw}`)[0]!;
  return { sim, ask };
}
/** `status connection kind/name → backend`, the notation of these tests. */
const said = (r: ReturnType<ReturnType<typeof run>['ask']>) => `${r.status} ${r.connection ?? '-'} ${r.route ? `${r.route.kind}/${r.route.name}` : '-'} → ${r.backends.map((b) => `${b.name}:${b.port}`).join(',') || '-'}`;

describe('TLSRoute on a TLS Passthrough listener (GW-17)', () => {
  const yaml = `---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: gateway-conformance-infra-test, namespace: ${NS}}
spec:
  parentRefs: [{name: gateway-tlsroute, namespace: ${NS}}]
  hostnames: [abc.example.com]
  rules: [{backendRefs: [{name: l4-backend, port: 8443}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gateway-tlsroute, namespace: ${NS}}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
  - {name: https, port: 443, protocol: TLS, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}, tls: {mode: Passthrough}}
${backend('l4-backend', 8443)}`;
  const { sim, ask } = run(yaml, 'gateway-tlsroute');
  it('the route is accepted on the listener', () => {
    // The status the Gateway API controller stage wrote into the route.
    const rs = sim.world.tlsRoutes[0]!.status!;
    expect(rs.parents.map((p) => `${p.accepted} ${p.listeners.join()}`)).toEqual(['true https']);
  });
  it('SNI abc.example.com is passed through to the backend', () => expect(said(ask('https://abc.example.com/'))).toBe('200 established TLSRoute/gateway-conformance-infra-test → l4-backend:8443'));
  it('another name of the listener matches no TLSRoute hostname: the connection is closed', () => expect(said(ask('https://xyz.example.com/'))).toBe('0 reset - → -'));
});

describe('an HTTPS and a TLS Passthrough listener on one port, picked by SNI (GW-20)', () => {
  const yaml = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gateway-https-tls-passthrough-same-port, namespace: ${NS}}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
  - {name: https-terminate, port: 8884, protocol: HTTPS, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: HTTPRoute}]}, tls: {mode: Terminate, certificateRefs: [{name: tls-checks-certificate}]}}
  - {name: tls-passthrough, port: 8884, protocol: TLS, hostname: abc.example.com, allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}, tls: {mode: Passthrough}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: gateway-conformance-https-terminate, namespace: ${NS}}
spec:
  parentRefs: [{name: gateway-https-tls-passthrough-same-port, namespace: ${NS}, sectionName: https-terminate}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: gateway-conformance-tls-passthrough, namespace: ${NS}}
spec:
  parentRefs: [{name: gateway-https-tls-passthrough-same-port, namespace: ${NS}, sectionName: tls-passthrough}]
  hostnames: [abc.example.com]
  rules: [{backendRefs: [{name: tcp-backend, port: 8443}]}]
${backend('infra-backend-v1', 8080)}${backend('tcp-backend', 8443)}`;
  const { sim, ask } = run(yaml, 'gateway-https-tls-passthrough-same-port');
  it('both listeners are accepted, each with one route', () => {
    const gs = sim.world.gateways[0]!.status!;
    expect(gs.listeners.map((l) => `${l.name} ${l.ready} ${l.attachedRoutes}`)).toEqual(['https-terminate true 1', 'tls-passthrough true 1']);
  });
  const cases: [string, string, string][] = [
    ['SNI matching the wildcard hostname is terminated by the Gateway', 'https://other.example.com:8884/', '200 - HTTPRoute/gateway-conformance-https-terminate → infra-backend-v1:8080'],
    ['SNI matching the exact hostname is passed through to the backend', 'https://abc.example.com:8884/', '200 established TLSRoute/gateway-conformance-tls-passthrough → tcp-backend:8443'],
    ['an https:// request on a port with no listener is refused, not answered 404', 'https://other.example.com:9443/', '0 refused - → -'],
    ['plain http:// to the TLS port fails the handshake', 'http://other.example.com:8884/', '0 reset - → -'],
  ];
  for (const [name, url, want] of cases) it(`${name}: ${url}`, () => expect(said(ask(url))).toBe(want));
});

describe('GEP-3567: SNI and Host that select different HTTPS listeners → 421 (GW-20)', () => {
  const yaml = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: wildcard-tls-gateway, namespace: ${NS}}
spec:
  gatewayClassName: gc
  listeners:
  - {name: foo-https, protocol: HTTPS, port: 443, hostname: foo.example.com, tls: {certificateRefs: [{name: tls-checks-certificate}]}}
  - {name: wildcard-https, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: {certificateRefs: [{name: tls-checks-certificate}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: any, namespace: ${NS}}
spec:
  parentRefs: [{name: wildcard-tls-gateway}]
  rules: [{backendRefs: [{name: infra-backend-v1, port: 8080}]}]
${backend('infra-backend-v1', 8080)}`;
  const { ask } = run(yaml, 'wildcard-tls-gateway');
  it('a connection made for bar.example.com reused for foo.example.com is answered 421', () => {
    const r = ask('https://foo.example.com/', 'bar.example.com');
    expect(r.status).toBe(421);
    expect(r.entry).toMatchObject({ listener: 'wildcard-https' });
  });
  it('with SNI and Host on the same listener the request is served', () => {
    expect(ask('https://foo.example.com/', 'foo.example.com').status).toBe(200);
    expect(ask('https://bar.example.com/').status).toBe(200);
  });
});

describe('UDPRoute and TCPRoute (GW-17)', () => {
  const yaml = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: udp-gateway, namespace: ${NS}}
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
  - {name: l4-echo, protocol: UDP, port: 5300, allowedRoutes: {kinds: [{kind: UDPRoute}]}}
  - {name: db, protocol: TCP, port: 5432}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: udp-l4-backend, namespace: ${NS}}
spec:
  parentRefs: [{name: udp-gateway, sectionName: l4-echo}]
  rules: [{backendRefs: [{name: l4-backend, port: 53}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: pg, namespace: ${NS}}
spec:
  parentRefs: [{name: udp-gateway, sectionName: db}]
  rules: [{backendRefs: [{name: pg, port: 5432, weight: 3}, {name: missing, port: 5432}]}]
${backend('l4-backend', 53, 'UDP')}${backend('pg', 5432)}`;
  const { sim, ask } = run(yaml, 'udp-gateway');
  const cases: [string, string, string][] = [
    ['a UDP datagram to the UDP listener goes to the UDPRoute backend on its UDP port', 'udp://udp-gateway.example.com:5300', '0 established UDPRoute/udp-l4-backend → l4-backend:53'],
    ['a TCP connection to the UDP port is refused', 'tcp://udp-gateway.example.com:5300', '0 refused - → -'],
    ['a TCP connection to the TCP listener goes to the TCPRoute, split by weight', 'tcp://udp-gateway.example.com:5432', '0 established TCPRoute/pg → pg:5432,missing:5432'],
    ['an http request over the TCP listener reaches the backend, which answers it', 'http://udp-gateway.example.com:5432/', '200 established TCPRoute/pg → pg:5432,missing:5432'],
  ];
  for (const [name, url, want] of cases) it(`${name}: ${url}`, () => expect(said(ask(url))).toBe(want));
  it('the invalid backend\'s share is refused, not answered 500', () => {
    expect(ask('tcp://x:5432').backends.find((b) => b.name === 'missing')).toMatchObject({ state: 'unresolved' });
    expect(sim.diagnostics.find((d) => d.code === 'route-backend-not-resolved')?.object).toBe(`TCPRoute/${NS}/pg`);
  });
});
