import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { resolve } from './resolver';

const CLIENT = 'apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {containers: [{name: c, image: x}]}\n---\n';
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx
  rules:
  - {host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}
  - {host: "*.wild.example.com", http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
`;
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.net/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  addresses: [{value: 172.18.255.50}]
  listeners: [{name: http, port: 80, protocol: HTTP, hostname: api.example.org}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec: {parentRefs: [{name: gw}], hostnames: [app.example.net, example.com]}
---
apiVersion: v1
kind: Service
metadata: {name: out}
spec: {type: ExternalName, externalName: nowhere.invalid}
---
apiVersion: v1
kind: Service
metadata: {name: docs}
spec: {type: ExternalName, externalName: www.example.org}
---
`;

const sim = simulate([{ name: 'in.yaml', text: CLIENT + INGRESS + GATEWAY }]);
const nginxLB = sim.world.services.find((s) => s.name === 'ingress-nginx-controller')!.loadBalancerIPs[0]!;

describe('the simulated upstream resolver (DNS-12 [SIM])', () => {
  it.each([
    ["an Ingress host resolves to the ingress-nginx controller's load-balancer address", 'shop.example.com', 'A', 'NOERROR', [nginxLB]],
    ['a wildcard Ingress host publishes no name', 'x.wild.example.com', 'A', 'NXDOMAIN', []],
    ["a Gateway listener hostname resolves to the Gateway's address", 'api.example.org', 'A', 'NOERROR', ['172.18.255.50']],
    ["an attached HTTPRoute hostname resolves to the Gateway's address", 'app.example.net', 'A', 'NOERROR', ['172.18.255.50']],
    ['a name the cluster publishes wins over the RFC 2606 documentation address', 'example.com.', 'A', 'NOERROR', ['172.18.255.50']],
    ['an RFC 2606 name resolves to the RFC 5737 documentation address', 'www.example.net', 'A', 'NOERROR', ['192.0.2.10']],
    ['an RFC 2606 name resolves to the RFC 3849 documentation address for AAAA', 'example.org', 'AAAA', 'NOERROR', ['2001:db8::10']],
    ['an IPv4-only published host has no AAAA record (NOERROR, no data)', 'shop.example.com', 'AAAA', 'NOERROR', []],
    ['any other name is NXDOMAIN', 'nothing.example.edu', 'A', 'NXDOMAIN', []],
    ['an ExternalName to an unknown target is a CNAME answer with NXDOMAIN (DNS-12)', 'out', 'A', 'NXDOMAIN', ['nowhere.invalid.']],
    ['an ExternalName to an RFC 2606 name is followed upstream', 'docs', 'A', 'NOERROR', ['www.example.org.', '192.0.2.10']],
  ] as const)('%s', (_name, name, type, rcode, data) => {
    const r = resolve(sim.world, sim.options, { from: 'default/client', name, type });
    expect([r.rcode, r.forwarded, r.answers.map((a) => a.data)]).toEqual([rcode, true, data]);
    expect(r.assumptions.some((a) => a.startsWith('[SIM]') && a.includes('DNS-12'))).toBe(true);
  });

  it('keeps rcode null only for a lookup that timed out (blocked by policy)', () => {
    const blocked = () => ({ allowed: false, reason: 'denied', policies: ['default/deny'] });
    const r = resolve(sim.world, sim.options, { from: 'default/client', name: 'example.com' }, blocked);
    expect([r.status, r.rcode]).toEqual(['TIMEOUT', null]);
  });
});
