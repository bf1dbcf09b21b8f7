import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { matrixOf as matrix } from '../../queries/testing';

/**
 * matrix() over some of the pods (the CLI leaves the simulator's own out) must give, cell for cell, what the
 * whole matrix gives for those pods. The subset path copies the selected columns in runs of up to 32 bits and
 * writes destinations that share an allowed set together, so the cluster here is wider than one 32-bit word
 * (70 pods) and subsets are runs that start and end anywhere, plus scattered pods.
 */

const PORTS = [{ port: 8080, protocol: 'TCP' as const }, { port: 53, protocol: 'UDP' as const }];

function cluster(): string {
  const docs: string[] = [];
  for (let d = 0; d < 14; d++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${d}, namespace: ns-${d % 3}}\nspec:\n  replicas: 5\n  selector: {matchLabels: {app: app-${d}}}\n  template:\n    metadata: {labels: {app: app-${d}, role: ${d % 4 === 0 ? 'db' : 'web'}}}\n    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}`,
    );
  }
  docs.push('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ns-0}\nspec: {podSelector: {}, policyTypes: [Ingress]}');
  docs.push('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: ns-0}\nspec:\n  podSelector: {matchLabels: {role: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {role: web}}}], ports: [{port: http}]}]');
  docs.push('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out, namespace: ns-1}\nspec:\n  podSelector: {matchLabels: {app: app-1}}\n  policyTypes: [Egress]\n  egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns-2}}}]}]');
  docs.push('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: any, namespace: ns-2}\nspec:\n  podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [app-2]}]}\n  ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 8000, endPort: 8100}]}]');
  return docs.join('\n---\n');
}

describe('matrix() over a subset of the pods', () => {
  const sim = simulate([{ name: 'c.yaml', text: cluster() }]);
  const n = sim.world.pods.length;
  const whole = matrix(sim, { ports: PORTS });

  const subsets = fc.oneof(
    // One run, anywhere: [from, from + length).
    fc.tuple(fc.nat(n - 1), fc.nat(n)).map(([from, length]) => Array.from({ length: Math.min(length, n - from) }, (_, k) => from + k)),
    // Two runs with a gap, as pods left out in the middle leave them.
    fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.nat(n - 1)).map(([a, b, c]) => {
      const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
      return [...Array.from({ length: x }, (_, k) => k), ...Array.from({ length: z - y }, (_, k) => y + k)];
    }),
    // Scattered pods.
    fc.uniqueArray(fc.nat(n - 1), { maxLength: n }).map((xs) => xs.sort((p, q) => p - q)),
  );

  it('is wider than one word of bits, so runs cross word boundaries', () => {
    expect(n).toBeGreaterThan(64);
  });

  it('gives each selected pair the verdict of the whole matrix', () => {
    fc.assert(
      fc.property(subsets, (sel) => {
        const part = matrix(sim, { ports: PORTS, pods: sel });
        expect(part.pods).toEqual(sel.map((i) => whole.pods[i]));
        for (const pk of PORTS) {
          const key = `${pk.port}/${pk.protocol}`;
          const expected = sel.map((i) => sel.map((j) => whole.matrix[key]![i]![j]).join(''));
          expect(part.matrix[key]).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});
