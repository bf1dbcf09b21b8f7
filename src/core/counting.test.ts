import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTopology, parseRequestURL, simulate } from './index';
import { checkPeers as checkConnection } from './queries/testing';
import { route } from './route';
import { trace } from './trace/index';

// Explanations name the rule that decided, counted from 1 the way a person counts the items of a YAML list
// ("ingress rule 1"), while field paths keep their indexes (`spec.rules.0.http.paths.0`).
const scenario = (name: string) => simulate([{ name, text: readFileSync(new URL(`../scenarios/${name}`, import.meta.url), 'utf8') }]);
const policies = scenario('allow-frontend-api-database.yaml');
const gateway = scenario('gateway-httproute.yaml');
const ingress = scenario('ingress-host-path-tls.yaml');

const routeReasons = (sim: ReturnType<typeof simulate>, url: string, headers: [string, string][] = []) =>
  route(sim, parseRequestURL(url, headers)!).results.flatMap((r) => r.reasons);

const verdict = (from: string, to: string, port: number): string => {
  const out = checkConnection(policies, { from, to, port });
  return out.ok ? out.result.reason : out.error;
};

describe('explanations count rules from 1', () => {
  it.each([
    ['a NetworkPolicy verdict', () => [verdict('app/frontend', 'app/api', 8080)], 'app/api-from-frontend (ingress rule 1, from entry 1, ports entry 1)'],
    ['the policy hop of a trace', () => trace(policies, { from: 'app/frontend', url: 'http://api.app:8080/' }).hops.map((h) => h.reason), 'by NetworkPolicy app/api-from-frontend, ingress rule 1.'],
    ['the HTTPRoute rule a request matched', () => routeReasons(gateway, 'http://reviews.example.com/reviews', [['env', 'beta']]), 'HTTPRoute reviews/reviews rule 1 match 1 matches'],
    ['the second HTTPRoute rule', () => routeReasons(gateway, 'http://reviews.example.com/reviews'), 'HTTPRoute reviews/reviews rule 2 match 1 matches'],
    ['the Ingress rule a request matched', () => routeReasons(ingress, 'https://shop.example.com/api'), 'of Ingress/shop/shop rule 1:'],
    ['the graph edge from a route to its backend', () => buildTopology(gateway).edges.filter((e) => e.relation === 'backend').flatMap((e) => [e.label ?? '', e.reason]), 'rule 2 · weight 90'],
  ])('%s', (_name, texts, expected) => {
    const all = texts().join('\n');
    expect(all).toContain(expected);
    expect(all).not.toMatch(/\brule 0\b|\bentry 0\b|\bmatch 0\b/);
  });

  it('names duplicate parentRefs by their position from 1', () => {
    const sim = simulate([
      {
        name: 'r.yaml',
        text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}, {name: gw}]\n',
      },
    ]);
    expect(sim.diagnostics.map((d) => d.message)).toContain('parentRefs entries 1 and 2 name the same parent; both must set distinct sectionName or port.');
  });
});
