import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

const SVC = `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
`;

function ing(name: string, body: string, meta = ''): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop${meta}
spec:
${body}`;
}

const paths = (...ps: string[]) => `  rules:
  - host: shop.example.com
    http:
      paths:
${ps.join('\n')}
`;
const path = (p: string, t: string, svc = 'web', port = 'number: 80') => `      - path: ${p}
        pathType: ${t}
        backend: {service: {name: ${svc}, port: {${port}}}}`;

/** Diagnostics as `code@text-at-range` so the assertion checks both the code and the exact field. */
function found(text: string, code?: string): string[] {
  const s = simulate([{ name: 'in.yaml', text }]);
  return s.diagnostics.filter((d) => !code || d.code === code).map((d) => `${d.code}@${text.slice(d.range.start, d.range.end).split('\n')[0]}`);
}

describe('ingress diagnostics', () => {
  const table: [string, string, string, string[]][] = [
    ['an Exact path a longer Prefix always beats (ING-9)', SVC + ing('i', paths(path('/api', 'Exact'), path('/api/', 'Prefix'))), 'ingress-path-shadowed', ['ingress-path-shadowed@path: /api']],
    ['a Prefix path a trailing-slash twin always beats (ING-9)', SVC + ing('i', paths(path('/api', 'Prefix'), path('/api/', 'Prefix'))), 'ingress-path-shadowed', ['ingress-path-shadowed@path: /api']],
    ['an identical path in a newer Ingress (ING-11)', SVC + ing('a', paths(path('/', 'Prefix'))) + ing('b', paths(path('/', 'Prefix'))), 'ingress-duplicate-path', ['ingress-duplicate-path@path: /']],
    ['a backend Service that does not exist, on its name field', SVC + ing('i', paths(path('/', 'Prefix', 'nope'))), 'ingress-backend-service-missing', ['ingress-backend-service-missing@name: nope']],
    ['a Service port that does not exist, on the port field', SVC + ing('i', paths(path('/', 'Prefix', 'web', 'number: 8080'))), 'ingress-backend-port-missing', ['ingress-backend-port-missing@port: {number: 8080}']],
    ['a port name that is a container port name, not a Service port name', SVC + ing('i', paths(path('/', 'Prefix', 'web', 'name: web-8080'))), 'ingress-backend-port-missing', ['ingress-backend-port-missing@port: {name: web-8080}']],
    ['a missing TLS secret', SVC + ing('i', `  tls: [{hosts: [shop.example.com], secretName: gone}]\n` + paths(path('/', 'Prefix'))), 'ingress-tls-secret-missing', ['ingress-tls-secret-missing@secretName: gone']],
    ['an IngressClass that does not exist', SVC + ing('i', '  ingressClassName: missing\n' + paths(path('/', 'Prefix'))), 'ingress-not-served', ['ingress-not-served@ingressClassName: missing']],
    ['a canary without a main Ingress', SVC + ing('i', paths(path('/lonely', 'Prefix')), '\n  annotations: {nginx.ingress.kubernetes.io/canary: "true"}'), 'ingress-canary-without-main', ['ingress-canary-without-main@path: /lonely']],
  ];
  for (const [what, text, code, want] of table) it(`reports ${what}`, () => expect(found(text, code)).toEqual(want));

  it('reports nothing for a clean Ingress with distinct paths', () => {
    const text = SVC + ing('i', paths(path('/', 'Prefix'), path('/api', 'Prefix'), path('/api', 'Exact')));
    expect(found(text).filter((d) => d.startsWith('ingress-') && !d.startsWith('ingress-class-defaulted'))).toEqual([]);
  });
});

describe('Ingress admission (ING-2, ING-4, removed versions)', () => {
  const table: [string, string, string][] = [
    ['class field and annotation that disagree (ING-2)', ing('i', '  ingressClassName: a\n' + paths(path('/', 'Prefix')), '\n  annotations: {kubernetes.io/ingress.class: b}'), 'invalid-value@ingressClassName: a'],
    ['a path without pathType (ING-4)', ing('i', paths('      - path: /\n        backend: {service: {name: web, port: {number: 80}}}')), 'required-field@path: /'],
    ['a Prefix path with //', ing('i', paths(path('/a//b', 'Prefix'))), 'invalid-value@path: /a//b'],
    ['a host that is an IP', ing('i', paths(path('/', 'Prefix')).replace('shop.example.com', '10.0.0.1')), 'invalid-value@host: 10.0.0.1'],
    ['a wildcard that is not the first label', ing('i', paths(path('/', 'Prefix')).replace('shop.example.com', 'shop.*.com')), 'invalid-value@host: shop.*.com'],
    ['a port with both number and name', ing('i', paths(path('/', 'Prefix', 'web', 'number: 80, name: http'))), 'invalid-value@port: {number: 80, name: http}'],
    ['neither rules nor defaultBackend', ing('i', '  tls: []\n'), 'required-field@spec:'],
    ['extensions/v1beta1', ing('i', paths(path('/', 'Prefix'))).replace('networking.k8s.io/v1', 'extensions/v1beta1'), 'unsupported-api-version@apiVersion: extensions/v1beta1'],
  ];
  for (const [what, text, want] of table) {
    it(`rejects ${what}`, () => {
      const s = simulate([{ name: 'in.yaml', text }]);
      expect(found(text)[0]).toBe(want);
      expect(s.world.ingresses).toEqual([]);
    });
  }
});
