/**
 * What the worker keeps between edits (issue 15: parsed documents, call verdicts, the last picture) changes
 * its work, never its answer: after every edit of a sequence, one long-lived worker holds exactly the reply
 * and the graph (cites with their places) that a fresh worker computes from the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCluster, sizeFor } from '../bench/generate';
import { createState, handle, type WorkerState } from './handler';

const BASE = generateCluster(sizeFor(60));

/** One-field edits of the kinds a person makes, each a no-op where its text is gone. */
const EDITS: [string, (t: string) => string][] = [
  ['one more replica', (t) => t.replace(/replicas: (\d+)/, (_, n: string) => `replicas: ${Number(n) + 1}`)],
  ['an image', (t) => t.replace(/image: (\S+)\n/, 'image: $1-b\n')],
  ['a Service port', (t) => t.replace('port: 80, targetPort: http', 'port: 81, targetPort: http')],
  ['a comment line on top', (t) => `# note\n${t}`],
  ['a label on a policy', (t) => t.replace(/metadata: \{name: (policy-\d+), namespace: ([\w-]+)\}/, 'metadata: {name: $1, namespace: $2, labels: {owner: $2}}')],
  ['a policy port', (t) => t.replace('ports: [{port: 8080}]', 'ports: [{port: 9090}]')],
  ['a pod label', (t) => t.replace('role: web}', 'role: db}')],
  ['a namespace label', (t) => t.replace('tier: backend', 'tier: frontend')],
  ['a called port', (t) => t.replace(/"http:\/\/(app-\d+\.team-\d+):80"/, '"http://$1:9090"')],
  ['a Deployment removed', (t) => t.split('\n---\n').filter((d, i) => i !== t.split('\n---\n').findIndex((x) => x.includes('kind: Deployment'))).join('\n---\n')],
];

/** What a worker holds after a reply: the reply as compared (timings are clock readings) and the graph's edges. */
function held(state: WorkerState) {
  const { timings: _t, ...sent } = state.sent!;
  return { sent, edges: [...state.edges!.values()] };
}

function fresh(text: string, rev: number) {
  const state = createState();
  handle(state, { type: 'simulate', rev, text, options: {} });
  return held(state);
}

describe('the worker with its caches', () => {
  it('holds what a fresh worker would, after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: EDITS.length - 1 }), { minLength: 1, maxLength: 4 }), (steps) => {
        const state = createState();
        let text = BASE;
        handle(state, { type: 'simulate', rev: 1, text, options: {} });
        steps.forEach((k, i) => {
          text = EDITS[k]![1](text);
          const r = handle(state, { type: 'simulate', rev: i + 2, text, options: {} });
          expect(r.type, EDITS[k]![0]).toBe('simulated-delta');
          expect(held(state), EDITS[k]![0]).toEqual(fresh(text, i + 2));
        });
      }),
      { numRuns: 10, seed: 15 },
    );
  });

  it('reuses the picture when an edit changes nothing the layout reads, and only then', () => {
    const state = createState();
    handle(state, { type: 'simulate', rev: 1, text: BASE, options: {} });
    const picture = state.layoutCache.layout;
    handle(state, { type: 'simulate', rev: 2, text: `# note\n${BASE}`, options: {} });
    expect(state.layoutCache.layout).toBe(picture);
    handle(state, { type: 'simulate', rev: 3, text: EDITS[1]![1](BASE), options: {} });
    expect(state.layoutCache.layout).not.toBe(picture);
  });
});
