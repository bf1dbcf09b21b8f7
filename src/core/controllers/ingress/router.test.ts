import { describe, expect, it } from 'vitest';
import { parseRequestURL } from '../../http';
import type { DeepPartial, SimOptions } from '../../options';
import { route, type EntryResult } from '../../route';
import { simulate, type Simulation } from '../../simulate';

/** A Service `name` on port 80 (targetPort 8080, named `http`) with one ready pod behind it. */
function backend(ns: string, name: string): string {
  return `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: ${name}-pod, namespace: ${ns}, labels: {app: ${name}}}
spec:
  containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]
`;
}

function ingress(name: string, paths: [string, string, string][], opts: { host?: string; ns?: string; annotations?: Record<string, string>; extra?: string; ts?: string } = {}): string {
  const ann = opts.annotations ? `\n  annotations:\n${Object.entries(opts.annotations).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}` : '';
  const ts = opts.ts ? `\n  creationTimestamp: "${opts.ts}"` : '';
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${opts.ns ?? 'shop'}${ann}${ts}
spec:${opts.extra ?? ''}
  rules:
  - ${opts.host === '' ? '' : `host: "${opts.host ?? 'shop.example.com'}"\n    `}http:
      paths:
${paths.map(([p, t, svc]) => `      - {path: "${p}", pathType: ${t}, backend: {service: {name: ${svc}, port: {number: 80}}}}`).join('\n')}
`;
}

function sim(yaml: string, options?: DeepPartial<SimOptions>): Simulation {
  return simulate([{ name: 'test.yaml', text: yaml }], options);
}

function go(s: Simulation, url: string, headers: [string, string][] = []): EntryResult {
  const r = route(s, parseRequestURL(url, headers)!).results;
  expect(r).toHaveLength(1);
  return r[0]!;
}

/** Kubernetes notation: `Service/ns/name:port`, weights when split, or the status (with Location). */
function notation(r: EntryResult): string {
  if (r.redirect) return `${r.status} ${r.redirect.location}`;
  if (r.status === 404) return '404';
  const bs = r.backends.map((b) => `Service/${b.namespace}/${b.name}:${b.port}${r.backends.length > 1 ? ` (${b.weight})` : ''}`).join(' + ');
  return r.status === 200 ? bs : `${r.status} ${bs}`;
}

const SERVICES = ['a', 'b', 'c', 'd', 'w', 'h', 'def', 'canary', 'old', 'new'].map((n) => backend('shop', n)).join('');

describe('ING-9 precedence: which matching path wins', () => {
  const t4 = SERVICES + ingress('shop', [['/', 'Prefix', 'a'], ['/api', 'Prefix', 'b'], ['/api', 'Exact', 'd']]);
  const table: [string, string][] = [
    ['http://shop.example.com/api', 'Service/shop/d:80'],
    ['http://shop.example.com/api/', 'Service/shop/b:80'],
    ['http://shop.example.com/api/v1', 'Service/shop/b:80'],
    ['http://shop.example.com/apiary', 'Service/shop/a:80'],
    ['http://shop.example.com/', 'Service/shop/a:80'],
    ['http://other.example.com/', '404'],
  ];
  const s = sim(t4);
  for (const [url, want] of table) it(`{${url}} → ${want}`, () => expect(notation(go(s, url))).toBe(want));

  const withC = SERVICES + ingress('shop', [['/', 'Prefix', 'a'], ['/api', 'Prefix', 'b'], ['/api', 'Exact', 'd'], ['/api/', 'Prefix', 'c']]);
  it('a longer Prefix /api/ beats Exact /api for /api under the API rules (edge case 36)', () => {
    expect(notation(go(sim(withC), 'http://shop.example.com/api'))).toBe('Service/shop/c:80');
  });
  it('in ingress-nginx path mode Exact /api wins as nginx `location =` does (I-14)', () => {
    const r = go(sim(withC, { ingress: { pathMode: 'ingress-nginx' } }), 'http://shop.example.com/api');
    expect(notation(r)).toBe('Service/shop/d:80');
    expect(r.assumptions.some((a) => a.includes('I-14'))).toBe(true);
  });
  it('cites the path that decided, by field path', () => {
    expect(go(s, 'http://shop.example.com/api').cite?.path).toBe('spec.rules.0.http.paths.2');
  });
});

describe('ING-7 host groups and ING-10 default backends', () => {
  const yaml =
    SERVICES +
    ingress('precise', [['/exact-only', 'Prefix', 'a']], { host: 'x.example.com' }) +
    ingress('wild', [['/', 'Prefix', 'w']], { host: '*.example.com' }) +
    ingress('any', [['/', 'Prefix', 'h']], { host: '' }) +
    ingress('catch', [], { extra: '\n  defaultBackend: {service: {name: def, port: {number: 80}}}' }).replace(/\n {2}rules:[\s\S]*$/, '\n');
  const s = sim(yaml);
  const table: [string, string][] = [
    ['http://x.example.com/exact-only', 'Service/shop/a:80'],
    ['http://x.example.com/other', '404'], // no fallback to the wildcard or host-less group
    ['http://y.example.com/', 'Service/shop/w:80'],
    ['http://a.b.example.com/', 'Service/shop/h:80'], // the wildcard covers one label only
    ['http://10.0.0.1/', 'Service/shop/h:80'],
  ];
  for (const [url, want] of table) it(`{${url}} → ${want}`, () => expect(notation(go(s, url))).toBe(want));

  it('an Ingress with only defaultBackend catches requests no host rule claims', () => {
    const only = sim(SERVICES + ingress('precise', [['/x', 'Prefix', 'a']], { host: 'x.example.com' }) + ingress('catch', [], { extra: '\n  defaultBackend: {service: {name: def, port: {number: 80}}}' }).replace(/\n {2}rules:[\s\S]*$/, '\n'));
    const r = go(only, 'http://elsewhere.example.com/anything');
    expect(notation(r)).toBe('Service/shop/def:80');
    expect(r.route?.rule).toBeNull();
  });
  it("uses the host group's own defaultBackend when no path matches", () => {
    const own = sim(SERVICES + ingress('precise', [['/x', 'Exact', 'a']], { host: 'x.example.com', extra: '\n  defaultBackend: {service: {name: def, port: {number: 80}}}' }));
    expect(notation(go(own, 'http://x.example.com/y'))).toBe('Service/shop/def:80');
  });
});

describe('ING-11 duplicates and ING-12/14 backends', () => {
  it('gives an identical host/path to the older Ingress', () => {
    const s = sim(SERVICES + ingress('zz-new', [['/', 'Prefix', 'new']], { ts: '2024-02-01T00:00:00Z' }) + ingress('aa-old', [['/', 'Prefix', 'old']], { ts: '2024-01-01T00:00:00Z' }));
    expect(notation(go(s, 'http://shop.example.com/'))).toBe('Service/shop/old:80');
  });
  it('resolves port.name to the Service port, not a container port (edge case 40)', () => {
    const y = SERVICES + ingress('n', [['/', 'Prefix', 'a']]).replace('port: {number: 80}', 'port: {name: http}');
    expect(notation(go(sim(y), 'http://shop.example.com/'))).toBe('Service/shop/a:80');
  });
  it('answers 503 when the port number is a targetPort rather than a Service port', () => {
    const y = SERVICES + ingress('n', [['/', 'Prefix', 'a']]).replace('port: {number: 80}', 'port: {number: 8080}');
    const r = go(sim(y), 'http://shop.example.com/');
    expect(r.status).toBe(503);
    expect(r.backends[0]!.state).toBe('port-missing');
  });
  it('answers 503 for a Service with no ready endpoint', () => {
    const y = ingress('n', [['/', 'Prefix', 'lonely']]) + '---\napiVersion: v1\nkind: Service\nmetadata: {name: lonely, namespace: shop}\nspec: {selector: {app: none}, ports: [{port: 80}]}\n';
    expect(go(sim(y), 'http://shop.example.com/').backends[0]!.state).toBe('no-ready-endpoints');
  });
  it('lists the pod endpoints behind the backend, at the targetPort (ING-13)', () => {
    const r = go(sim(SERVICES + ingress('n', [['/', 'Prefix', 'a']])), 'http://shop.example.com/');
    expect(r.backends[0]!.endpoints.map((e) => `${e.pod}@:${e.port}`)).toEqual(['shop/a-pod@:8080']);
  });
});

describe('ingress-nginx annotations (controller-specific)', () => {
  const canary = (ann: Record<string, string>) => sim(SERVICES + ingress('main', [['/', 'Prefix', 'a']]) + ingress('canary', [['/', 'Prefix', 'canary']], { annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', ...ann } }));
  it('splits traffic by canary-weight', () => {
    expect(notation(go(canary({ 'nginx.ingress.kubernetes.io/canary-weight': '20' }), 'http://shop.example.com/'))).toBe('Service/shop/a:80 (80) + Service/shop/canary:80 (20)');
  });
  it('sends everything to the canary when canary-by-header is "always"', () => {
    const s = canary({ 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary', 'nginx.ingress.kubernetes.io/canary-weight': '10' });
    expect(notation(go(s, 'http://shop.example.com/', [['X-Canary', 'always']]))).toBe('Service/shop/canary:80');
    expect(notation(go(s, 'http://shop.example.com/', [['X-Canary', 'never']]))).toBe('Service/shop/a:80');
  });
  it('matches canary-by-header-value exactly', () => {
    const s = canary({ 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Env', 'nginx.ingress.kubernetes.io/canary-by-header-value': 'beta' });
    expect(notation(go(s, 'http://shop.example.com/', [['X-Env', 'beta']]))).toBe('Service/shop/canary:80');
    expect(notation(go(s, 'http://shop.example.com/', [['X-Env', 'prod']]))).toBe('Service/shop/a:80');
  });
  it('shows the path the backend receives under rewrite-target with capture groups', () => {
    const s = sim(SERVICES + ingress('rw', [['/shop(/|$)(.*)', 'ImplementationSpecific', 'a']], { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' } }));
    const r = go(s, 'http://shop.example.com/SHOP/cart/1');
    expect(notation(r)).toBe('Service/shop/a:80');
    expect(r.upstreamPath).toBe('/cart/1');
  });
  it('makes every path of the host a regex when one Ingress sets use-regex (edge case 38)', () => {
    const s = sim(SERVICES + ingress('plain', [['/foo', 'Prefix', 'a']]) + ingress('rx', [['/bar', 'Prefix', 'b']], { annotations: { 'nginx.ingress.kubernetes.io/use-regex': 'true' } }));
    expect(notation(go(s, 'http://shop.example.com/foobar'))).toBe('Service/shop/a:80');
  });
  const tls = '\n  tls: [{hosts: [shop.example.com], secretName: shop-tls}]';
  const secret = '---\napiVersion: v1\nkind: Secret\nmetadata: {name: shop-tls, namespace: shop}\ntype: kubernetes.io/tls\ndata: {tls.crt: "", tls.key: ""}\n';
  it('redirects plain HTTP for a TLS host with 308 (ING-15)', () => {
    expect(notation(go(sim(SERVICES + secret + ingress('t', [['/', 'Prefix', 'a']], { extra: tls })), 'http://shop.example.com/x?q=1'))).toBe('308 https://shop.example.com/x?q=1');
  });
  it('does not redirect when ssl-redirect is "false", and does with force-ssl-redirect without TLS', () => {
    expect(notation(go(sim(SERVICES + secret + ingress('t', [['/', 'Prefix', 'a']], { extra: tls, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } })), 'http://shop.example.com/'))).toBe('Service/shop/a:80');
    expect(notation(go(sim(SERVICES + ingress('t', [['/', 'Prefix', 'a']], { annotations: { 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' } })), 'http://shop.example.com/'))).toBe('308 https://shop.example.com/');
  });
  it('routes HTTPS for the TLS host to the backend', () => {
    expect(notation(go(sim(SERVICES + secret + ingress('t', [['/', 'Prefix', 'a']], { extra: tls })), 'https://shop.example.com/'))).toBe('Service/shop/a:80');
  });
  it('notes backend-protocol on the hop to the pods', () => {
    const r = go(sim(SERVICES + ingress('g', [['/', 'Prefix', 'a']], { annotations: { 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPC' } })), 'http://shop.example.com/');
    expect(r.backends[0]!.protocol).toBe('GRPC');
  });
  it('sends through the ClusterIP with service-upstream', () => {
    const s = sim(SERVICES + ingress('u', [['/', 'Prefix', 'a']], { annotations: { 'nginx.ingress.kubernetes.io/service-upstream': 'true' } }));
    const r = go(s, 'http://shop.example.com/');
    const ip = s.world.services.find((x) => x.id === 'Service/shop/a')!.clusterIPs[0]!;
    expect(r.backends[0]!.reason).toContain(`ClusterIP ${ip}:80`);
    expect(r.proxy?.note).toContain('service-upstream');
  });
  it('ignores nginx annotations and redirects under another controller', () => {
    const cls = '---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: other}\nspec: {controller: example.com/other}\n';
    const y = cls + SERVICES + secret + ingress('t', [['/', 'Prefix', 'a']], { extra: tls + '\n  ingressClassName: other', annotations: { 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' } });
    expect(notation(go(sim(y), 'http://shop.example.com/'))).toBe('Service/shop/a:80');
  });
});

describe('ING-1/ING-3 classes and the controller as pods', () => {
  it('stamps the built-in nginx class on a bare Ingress and routes through it', () => {
    const s = sim(SERVICES + ingress('n', [['/', 'Prefix', 'a']]));
    expect(s.world.ingresses[0]!.ingressClassName).toBe('nginx');
    expect(s.diagnostics.map((d) => d.code)).toContain('ingress-class-defaulted');
    expect(go(s, 'http://shop.example.com/').entry).toMatchObject({ kind: 'IngressClass', name: 'nginx' });
  });
  it('leaves a bare Ingress unserved when the built-in class is not marked default', () => {
    const s = sim(SERVICES + ingress('n', [['/', 'Prefix', 'a']]), { ingress: { defaultClass: false } });
    expect(s.diagnostics.find((d) => d.code === 'ingress-not-served')?.object).toBe('Ingress/shop/n');
    expect(notation(go(s, 'http://shop.example.com/'))).toBe('404');
  });
  it('does not stamp a default class created after the Ingress (edge case 39)', () => {
    const cls = '---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: late, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}\nspec: {controller: k8s.io/ingress-nginx}\n';
    const s = sim(SERVICES + ingress('n', [['/', 'Prefix', 'a']]) + cls);
    expect(s.world.ingresses[0]!.ingressClassName).toBeUndefined();
    expect(s.diagnostics.map((d) => d.code)).toContain('ingress-default-class-after-ingress');
  });
  it('runs ingress-nginx as pods in namespace ingress-nginx that send the request (NP-12)', () => {
    const s = sim(SERVICES + ingress('n', [['/', 'Prefix', 'a']]));
    const pods = s.world.pods.filter((p) => p.namespace === 'ingress-nginx');
    expect(pods).toHaveLength(1);
    expect(pods[0]!.labels['app.kubernetes.io/component']).toBe('controller');
    // "allow from namespace ingress-nginx" selects by this label (NP-12).
    expect(s.world.namespaces.find((n) => n.name === 'ingress-nginx')?.labels['kubernetes.io/metadata.name']).toBe('ingress-nginx');
    expect(s.world.services.find((x) => x.id === 'Service/ingress-nginx/ingress-nginx-controller')?.type).toBe('LoadBalancer');
    expect(go(s, 'http://shop.example.com/').proxy?.pods).toEqual([`ingress-nginx/${pods[0]!.name}`]);
  });
  it('keeps a controller Deployment the input defines instead of adding one', () => {
    const dep = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: my-nginx, namespace: edge}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}}
  template:
    metadata: {labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}}
    spec: {containers: [{name: c, image: x}]}
`;
    const s = sim(SERVICES + ingress('n', [['/', 'Prefix', 'a']]) + dep);
    expect(s.world.workloads.filter((w) => w.namespace === 'ingress-nginx')).toEqual([]);
  });
});
