import { describe, expect, it } from 'vitest';
import { buildTopology, simulate } from '../core/index';
import type { SimulatedReply } from '../worker/protocol';
import { objectAt } from './selection';

const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-db, namespace: shop}
spec: {podSelector: {matchLabels: {app: db}}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: selects-nothing, namespace: shop}
spec: {podSelector: {matchLabels: {app: none}}}
`;

describe('a click in the YAML selects the object it declares on the graph', () => {
  // The parts of a worker reply that objectAt reads (the worker builds them the same way).
  const sim = simulate([{ name: 'playground.yaml', text: TEXT }]);
  const objects = [...sim.world.pods, ...sim.world.networkPolicies].map((o) => ({ id: o.id, file: 0, start: o.source.range.start, end: o.source.range.end }));
  const reply = { topology: buildTopology(sim), objects, layout: {} } as unknown as SimulatedReply;
  const at = (needle: string) => objectAt(reply, TEXT.indexOf(needle));

  it.each([
    { where: 'the pod', needle: 'name: db-0', want: 'Pod/shop/db-0' },
    { where: 'a NetworkPolicy: the pod it isolates', needle: 'name: deny-db', want: 'Pod/shop/db-0' },
    { where: 'a NetworkPolicy that isolates nothing: nothing', needle: 'name: selects-nothing', want: null },
  ])('$where', ({ needle, want }) => {
    expect(at(needle)).toBe(want);
  });
});
