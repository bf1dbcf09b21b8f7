import { describe, expect, it } from 'vitest';
import { simulate } from '../core/index';
import { checkExercise } from '../core/exercise/check';
import { CONCEPTS, SCENARIOS } from './index';
import { parseScenarioHeader } from './header';
import { LABS } from './solutions';

/** Scenarios whose check cannot pass yet, each with the reason (printed, never silent). */
const SKIP: Record<string, string> = {};

/**
 * What each gallery scenario's explanation claims, written as exercise goals and checked against the
 * simulation, so an explanation cannot silently become false when a controller changes.
 */
const CLAIMS: Record<string, string[]> = {
  'clusterip-port-targetport': [
    'request: {from: demo/client, url: "http://hello.demo/", expect: delivered}',
    'dns: {from: demo/client, name: hello.demo, expect: resolves}',
  ],
  // 172.18.0.2 and .4: the first and third default nodes (§0); a NodePort answers on every node.
  nodeport: [
    'request: {from: "ip:203.0.113.7", url: "http://172.18.0.2:30080/", expect: delivered}',
    'request: {from: "ip:203.0.113.7", url: "http://172.18.0.4:30080/", expect: delivered}',
  ],
  // 172.18.255.200: the first address of the default load balancer pool.
  'loadbalancer-local': ['request: {from: "ip:203.0.113.7", url: "https://172.18.255.200/", expect: delivered}'],
  externalname: [
    'dns: {from: shop/checkout, name: payments.shop.svc.cluster.local, type: CNAME, answer: api.payments.example.com, expect: resolves}',
  ],
  'headless-statefulset': [
    'dns: {name: redis-0.redis.cache.svc.cluster.local, expect: resolves}',
    'dns: {name: redis-2.redis.cache.svc.cluster.local, expect: resolves}',
  ],
  'selector-matches-nothing': ['dns: {name: api.shop.svc.cluster.local, expect: resolves}'],
  'ingress-host-path-tls': [
    'route: {url: "https://shop.example.com/api/cart", expect: {status: 200, backend: shop/api}}',
    'route: {url: "https://shop.example.com/apix", expect: {status: 200, backend: shop/web}}',
    'route: {url: "https://admin.example.com/", expect: {status: 200, backend: shop/api}}',
  ],
  'canary-ingress-nginx': [
    'route: {url: "http://shop.example.com/checkout", headers: {X-Canary: always}, expect: {status: 200, backend: shop/checkout-v2}}',
    'route: {url: "http://shop.example.com/checkout", headers: {X-Canary: never}, expect: {status: 200, backend: shop/checkout-v1}}',
  ],
  'gateway-httproute': [
    'route: {url: "http://reviews.example.com/reviews", headers: {env: beta}, expect: {status: 200, backend: reviews/reviews-v2}}',
    'route: {url: "http://reviews.example.com/reviews", expect: {status: 200, backend: reviews/reviews-v1}}',
  ],
  referencegrant: [
    'route: {url: "http://site.example/api", expect: {status: 200, backend: backend/api}}',
    'route: {url: "http://site.example/legacy", expect: {status: 500}}',
  ],
  'default-deny': [
    '{from: open/visitor, to: locked/app, port: 8080, expect: denied}',
    'dns: {from: locked/app, name: app.locked, expect: fails}',
  ],
  'allow-frontend-api-database': [
    '{from: app/frontend, to: app/api, port: 8080, expect: allowed}',
    '{from: app/api, to: app/database, port: 5432, expect: allowed}',
    '{from: app/frontend, to: app/database, port: 5432, expect: denied}',
    '{from: app/database, to: app/api, port: 8080, expect: denied}',
  ],
  'tenant-isolation': [
    '{from: tenant-a/app, to: tenant-b/app, port: 8080, expect: denied}',
    '{from: tenant-b/app, to: tenant-a/app, port: 8080, expect: denied}',
    '{from: tenant-a/worker, to: tenant-a/app, port: 8080, expect: allowed}',
  ],
  'allow-ingress-controller': ['request: {from: "ip:203.0.113.9", url: "http://shop.example.com/", expect: delivered}'],
  'dns-egress': [
    'request: {from: app/api, url: "http://database.app:5432/", expect: delivered}',
    'dns: {from: app/api, name: database.app, expect: resolves}',
  ],
  'ipblock-except': [
    '{from: reporting/exporter, to: "ip:192.168.20.5", port: 443, expect: denied}',
    '{from: reporting/exporter, to: "ip:192.168.30.1", port: 443, expect: allowed}',
    '{from: reporting/exporter, to: "ip:8.8.8.8", port: 443, expect: denied}',
  ],
  sidecar: ['{from: "ip:203.0.113.9", to: mesh/orders, port: 8443, expect: allowed}'],
};

const located = (text: string, start: number) => {
  const before = text.slice(0, start).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
};

describe('built-in scenarios', () => {
  it('there are scenarios and exercises to test', () => {
    expect(SCENARIOS.filter((s) => !s.exercise).length).toBeGreaterThanOrEqual(15);
    expect(SCENARIOS.filter((s) => s.exercise).length).toBeGreaterThanOrEqual(3);
  });

  it('every concept of the gallery is taught by at least one scenario', () => {
    const covered = new Set(SCENARIOS.flatMap((s) => s.concepts));
    expect(CONCEPTS.filter((c) => !covered.has(c))).toEqual([]);
  });

  describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (id, s) => {
    const skip = SKIP[id];
    // A skipped scenario shows its reason in the test name, so the report prints why.
    const why = skip ? ` (skipped: ${skip})` : '';

    it('has a title, a summary and known concepts in its header', () => {
      expect(s.title).not.toBe('');
      expect(s.summary.length).toBeGreaterThan(40);
      expect(s.concepts.filter((c) => !(CONCEPTS as readonly string[]).includes(c))).toEqual([]);
    });

    it.skipIf(Boolean(skip))(`simulates with no error diagnostics${why}`, () => {
      const sim = simulate([{ name: s.file, text: s.text }]);
      const errors = sim.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${located(s.text, d.range.start)} ${d.code}: ${d.message}`);
      expect(errors).toEqual([]);
    });

    const claims = CLAIMS[id];
    if (claims) {
      it.skipIf(Boolean(skip))(`does what its explanation says${why}`, () => {
        const goals = claims.map((c) => `  - ${c}`).join('\n');
        const text = `${s.text}---\napiVersion: playground.knet.dev/v1\nkind: Exercise\nmetadata:\n  name: claims\nspec:\n  goals:\n${goals}\n`;
        const sim = simulate([{ name: s.file, text }]);
        expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(
          checkExercise(sim)
            .filter((g) => !g.passed)
            .map((g) => `${g.goal}: got ${g.actual} (${g.reason})`),
        ).toEqual([]);
      });
    }

    if (s.exercise) {
      const lab = LABS[id];
      it.skipIf(Boolean(skip))(`fails exactly the goals the learner has to fix${why}`, () => {
        const goals = checkExercise(simulate([{ name: s.file, text: s.text }]));
        expect(goals.length).toBeGreaterThan(0);
        expect(goals.flatMap((g, i) => (g.passed ? [] : [i]))).toEqual(lab?.failingAtStart ?? []);
      });
      if (lab) {
        it.skipIf(Boolean(skip))(`passes every goal once the lab is solved${why}`, () => {
          const solved = lab.solve(s.text);
          expect(solved).not.toBe(s.text);
          const sim = simulate([{ name: s.file, text: solved }]);
          expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(
            checkExercise(sim)
              .filter((g) => !g.passed)
              .map((g) => `${g.goal}: got ${g.actual}`),
          ).toEqual([]);
        });
      }
      if (lab?.pitfall) {
        const { apply, failing } = lab.pitfall;
        it.skipIf(Boolean(skip))(`still fails the goals its known pitfall breaks${why}`, () => {
          const goals = checkExercise(simulate([{ name: s.file, text: apply(s.text) }]));
          expect(goals.flatMap((g, i) => (g.passed ? [] : [i]))).toEqual(failing);
        });
      }
    }
  });
});

describe('scenario headers', () => {
  it('reads title, concepts and a multi-line summary from the leading comments', () => {
    const text =
      '# title: A lab\n# concepts: nodeport, canary\n# summary: |\n#   First line\n#   second line.\napiVersion: v1\n# title: not this\n';
    expect(parseScenarioHeader(text)).toEqual({ title: 'A lab', concepts: ['nodeport', 'canary'], summary: 'First line second line.' });
  });
  it('gives empty fields for a file without a header', () => {
    expect(parseScenarioHeader('apiVersion: v1\n')).toEqual({ title: '', summary: '', concepts: [] });
  });
});
