import { describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { runKnet } from '../testing';

const run = runKnet;

const YAML = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend: {service: {name: api, port: {name: http}}}
---
apiVersion: v1
kind: Pod
metadata: {name: api-0, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: 8080}]}
`;

describe('knet route', () => {
  it('prints the contract JSON shape with the matched Ingress rule and its backend', async () => {
    const r = await run(['route', 'in.yaml', '--url', 'http://shop.example.com/api/v1', '--json'], { 'in.yaml': YAML });
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { results: { entry: unknown; status: number; route: unknown; backends: { namespace: string; name: string; port: number; weight: number; endpoints: { pod: string }[] }[]; source: { line: number } }[] };
    expect(doc.results).toHaveLength(1);
    const res = doc.results[0]!;
    expect(res.entry).toEqual({ kind: 'IngressClass', name: 'nginx', controller: 'k8s.io/ingress-nginx' });
    expect(res.status).toBe(200);
    expect(res.route).toEqual({ kind: 'Ingress', namespace: 'shop', name: 'shop', rule: 0 });
    expect(res.backends.map((b) => [b.namespace, b.name, b.port, b.weight])).toEqual([['shop', 'api', 80, 1]]);
    expect(res.backends[0]!.endpoints.map((e) => e.pod)).toEqual(['shop/api-0']);
    expect(res.source.line).toBe(9);
  });
  it('lists the entry point, the rule with file:line and the endpoints for people', async () => {
    const r = await run(['route', 'in.yaml', '--url', 'http://shop.example.com/api'], { 'in.yaml': YAML });
    expect(r.stdout).toContain('IngressClass nginx (k8s.io/ingress-nginx): 200');
    expect(r.stdout).toContain('in.yaml:9');
    expect(r.stdout).toMatch(/→ 10\.244\.\d+\.\d+:8080 {2}pod shop\/api-0/);
  });
  it('answers 404 for a host no rule claims', async () => {
    const r = await run(['route', 'in.yaml', '--url', 'http://other.example.com/', '--json'], { 'in.yaml': YAML });
    expect((JSON.parse(r.stdout) as { results: { status: number }[] }).results[0]!.status).toBe(404);
  });
  it.each([
    ['a host no listener accepts', 'http://nomatch.example/', null],
    ['a host the listener accepts', 'http://a.example.com/', 'http'],
  ])('gives a Gateway entry a listener key even for %s (null when no listener matched)', async (_name, url, listener) => {
    const gw = `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: pg}\nspec: {controllerName: example.net/gateway-controller}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec:\n  gatewayClassName: pg\n  listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]\n`;
    const r = await run(['route', 'gw.yaml', '--url', url, '--gateway', 'infra/gw', '--json'], { 'gw.yaml': gw });
    const entry = (JSON.parse(r.stdout) as { results: { entry: Record<string, unknown> }[] }).results[0]!.entry;
    expect(entry).toHaveProperty('listener', listener);
  });
  const usage: [string, string[]][] = [
    ['no --url', ['route', 'in.yaml']],
    ['a URL that is not http(s)', ['route', 'in.yaml', '--url', 'ftp://x/']],
    ['a header without a colon', ['route', 'in.yaml', '--url', 'http://x/', '--header', 'nope']],
    ['both --gateway and --ingress-class', ['route', 'in.yaml', '--url', 'http://x/', '--gateway', 'a/b', '--ingress-class', 'nginx']],
  ];
  for (const [what, argv] of usage) {
    it(`exits 2 for ${what}`, async () => expect((await run(argv, { 'in.yaml': YAML })).code).toBe(EXIT.USAGE));
  }
  it('exits 1 for an IngressClass the input does not have', async () => {
    expect((await run(['route', 'in.yaml', '--url', 'http://x/', '--ingress-class', 'missing'], { 'in.yaml': YAML })).code).toBe(EXIT.INPUT);
  });
});
