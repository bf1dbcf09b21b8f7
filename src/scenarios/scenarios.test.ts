import { describe, expect, it } from 'vitest';
import { checkExercise, simulate } from '../core/index';
import { CONCEPTS, SCENARIOS } from './index';
import { parseScenarioHeader } from './header';

/** Scenarios whose check cannot pass yet, each with the reason (printed, never silent). */
const SKIP: Record<string, string> = {};

/**
 * Exercises that start broken (labs): the goals that fail as shipped, and a model solution that makes them
 * all pass. Exercises not listed here are worked examples: every goal passes as written.
 */
const TENANT_B_SAME_NAMESPACE = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: same-namespace-only
  namespace: tenant-b
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
`;

const LABS: Record<string, { failingAtStart: number[]; solve: (text: string) => string; pitfall?: { apply: (text: string) => string; failing: number[] } }> = {
  'exercises/isolate-the-tenants': {
    failingAtStart: [1],
    // The obvious fix isolates tenant-b but also shuts out the ingress controller's pods (ING-13, NP-12).
    pitfall: { apply: (text) => text.replace('---\napiVersion: playground.knet.dev/v1', `${TENANT_B_SAME_NAMESPACE}---\napiVersion: playground.knet.dev/v1`), failing: [3] },
    solve: (text) =>
      text.replace(
        '---\napiVersion: playground.knet.dev/v1',
        `${TENANT_B_SAME_NAMESPACE}    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx
---
apiVersion: playground.knet.dev/v1`,
      ),
  },
  'exercises/fix-dns-egress': {
    failingAtStart: [1, 2],
    solve: (text) =>
      text.replace(
        '---\napiVersion: playground.knet.dev/v1',
        `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress-dns
  namespace: app
spec:
  podSelector:
    matchLabels:
      tier: api
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
---
apiVersion: playground.knet.dev/v1`,
      ),
  },
  'exercises/route-the-shop': {
    failingAtStart: [1, 3],
    solve: (text) =>
      text.replace('              number: 8080\n', '              number: 80\n').replace(
        '---\napiVersion: playground.knet.dev/v1',
        `  - host: admin.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: admin
            port:
              number: 80
---
apiVersion: playground.knet.dev/v1`,
      ),
  },
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
      const errors = sim.diagnostics.filter((d) => d.severity === 'error').map((d) => `${located(s.text, d.range.start)} ${d.code}: ${d.message}`);
      expect(errors).toEqual([]);
    });

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
          expect(checkExercise(sim).filter((g) => !g.passed).map((g) => `${g.goal}: got ${g.actual}`)).toEqual([]);
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
    const text = '# title: A lab\n# concepts: nodeport, canary\n# summary: |\n#   First line\n#   second line.\napiVersion: v1\n# title: not this\n';
    expect(parseScenarioHeader(text)).toEqual({ title: 'A lab', concepts: ['nodeport', 'canary'], summary: 'First line second line.' });
  });
  it('gives empty fields for a file without a header', () => {
    expect(parseScenarioHeader('apiVersion: v1\n')).toEqual({ title: '', summary: '', concepts: [] });
  });
});
