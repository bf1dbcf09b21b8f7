import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { buildTopology } from './build';

const GATEWAY = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec: {gatewayClassName: gc, listeners: [{name: http, protocol: HTTP, port: 80}]}
`;
const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: web}\nspec: {selector: {app: ${name}}, ports: [{port: 80}]}\n`;
const route = (rules: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: web}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n${rules}`;

/** The share written on each backend edge of the route, by Service. */
function shares(yaml: string): Record<string, string | undefined> {
  const t = buildTopology(simulate([{ name: 'in.yaml', text: yaml }]));
  return Object.fromEntries(t.edges.filter((e) => e.relation === 'backend').map((e): [string, string | undefined] => [e.to.split('/')[2] ?? '', e.share?.text]));
}

describe('backend edges carry the share of the requests their rule sends (GW-11, ING-16)', () => {
  it.each([
    { name: 'one backendRef: no split, no share', rules: '  - backendRefs: [{name: a, port: 80}]\n', want: { a: undefined } },
    { name: 'weights 90/10', rules: '  - backendRefs: [{name: a, port: 80, weight: 90}, {name: b, port: 80, weight: 10}]\n', want: { a: '90%', b: '10%' } },
    { name: 'weights are relative: 1 and 3', rules: '  - backendRefs: [{name: a, port: 80, weight: 1}, {name: b, port: 80, weight: 3}]\n', want: { a: '25%', b: '75%' } },
    { name: 'default weight 1 each', rules: '  - backendRefs: [{name: a, port: 80}, {name: b, port: 80}]\n', want: { a: '50%', b: '50%' } },
    { name: 'weight 0 gets nothing', rules: '  - backendRefs: [{name: a, port: 80, weight: 0}, {name: b, port: 80, weight: 5}]\n', want: { a: '0%', b: '100%' } },
    {
      name: 'a Service two rules send to shows the weighted share',
      rules: '  - matches: [{headers: [{name: env, value: beta}]}]\n    backendRefs: [{name: b, port: 80}]\n  - backendRefs: [{name: a, port: 80, weight: 9}, {name: b, port: 80, weight: 1}]\n',
      want: { a: '90%', b: '10%' },
    },
  ])('$name', ({ rules, want }) => {
    expect(shares([GATEWAY, svc('a'), svc('b'), route(rules)].join('---\n'))).toEqual(want);
  });

  it('says which rules send to a Service, weighted or not', () => {
    const rules = '  - matches: [{headers: [{name: env, value: beta}]}]\n    backendRefs: [{name: b, port: 80}]\n  - backendRefs: [{name: a, port: 80, weight: 9}, {name: b, port: 80, weight: 1}]\n';
    const t = buildTopology(simulate([{ name: 'in.yaml', text: [GATEWAY, svc('a'), svc('b'), route(rules)].join('---\n') }]));
    expect(t.edges.find((e) => e.to === 'Service/web/b')?.share?.why).toBe('rule 1 sends all its requests here; rule 2 sends 10% of its requests here (weight 1 of 10) (GW-11).');
  });

  it('an ingress-nginx canary Ingress: canary-weight of canary-weight-total', () => {
    const ing = (name: string, backend: string, annotations: string) =>
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: web, annotations: {${annotations}}}\nspec:\n  rules: [{host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ${backend}, port: {number: 80}}}}]}}]\n`;
    const yaml = [
      svc('a'),
      svc('b'),
      ing('main', 'a', ''),
      ing('canary', 'b', 'nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-weight: "3", nginx.ingress.kubernetes.io/canary-weight-total: "12"'),
    ].join('---\n');
    expect(shares(yaml)).toEqual({ a: undefined, b: '25%' });
  });
});
