/**
 * Replies as changes (issue 15): the page, fed deltas by the real handler through the real sim-client, ends up
 * with exactly the reply a fresh worker would send whole, after every kind of edit, in order or dropped as stale.
 */
import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { applyPatch, diff, rangesByDocument, rangesInText } from '../core/index';
import { generateCluster, sizeFor } from '../bench/generate';
import { createSimClient } from '../ui/sim-client';
import { DEFAULT_SCENARIO } from '../ui/default-scenario';
import { createState, handle } from './handler';
import type { Reply, Request, SimulatedReply, WorkerReply } from './protocol';

/** A Worker that runs the handler: replies arrive in order, one task later, as postMessage delivers them. */
function fakeWorker(sent: WorkerReply[]): () => Worker {
  return () => {
    const state = createState();
    const listeners: ((e: { data: WorkerReply }) => void)[] = [];
    return {
      addEventListener: (type: string, f: (e: { data: WorkerReply }) => void) => void (type === 'message' && listeners.push(f)),
      postMessage: (m: Request) => {
        const r = handle(state, m);
        sent.push(r);
        queueMicrotask(() => listeners.forEach((f) => f({ data: r })));
      },
      terminate: () => {},
    } as unknown as Worker;
  };
}

/** What a fresh worker answers whole, with the timings (a clock reading) left out of the comparison. */
const whole = (text: string, rev: number): SimulatedReply => ({ ...(handle(createState(), { type: 'simulate', rev, text, options: {} }) as SimulatedReply), timings: { simulate: 0, layout: 0 } });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('simulation replies sent as changes', () => {
  const base = generateCluster(sizeFor(60));
  const edits = [
    base,
    base.replace('replicas: 5', 'replicas: 6'),
    '# a comment line above everything\n' + base.replace('replicas: 5', 'replicas: 6'),
    base.replace('image: example/app-3\n', 'image: example/app-3b\n'),
    base.split('\n---\n').slice(4).join('\n---\n'),
    DEFAULT_SCENARIO,
    'kind: [',
    base,
  ];

  it('give the page the same reply as a whole one, after every edit', async () => {
    const sent: WorkerReply[] = [];
    const seen: Reply[] = [];
    const client = createSimClient({ onReply: (r) => seen.push(r), onNotice: () => {} }, fakeWorker(sent));
    for (const [rev, text] of edits.entries()) {
      client.simulate({ rev, text, options: {} });
      await tick();
    }
    expect(sent.filter((r) => r.type === 'simulated-delta').length).toBeGreaterThan(4);
    expect(seen.map((r) => ('rev' in r ? r.rev : -1))).toEqual(edits.map((_, i) => i));
    seen.forEach((r, i) => {
      if (r.type === 'simulated') expect({ ...r, timings: { simulate: 0, layout: 0 } }).toEqual(whole(edits[i]!, i));
    });
  });

  it('keep the page in step when it sends edits faster than the worker answers', async () => {
    const sent: WorkerReply[] = [];
    const seen: Reply[] = [];
    const client = createSimClient({ onReply: (r) => seen.push(r), onNotice: () => {} }, fakeWorker(sent));
    edits.forEach((text, rev) => client.simulate({ rev, text, options: {} }));
    await tick();
    const last = seen[seen.length - 1]!;
    expect(last.type).toBe('simulated');
    expect({ ...last, timings: { simulate: 0, layout: 0 } }).toEqual(whole(edits[edits.length - 1]!, edits.length - 1));
  });

  it('send a one-field edit at 382 objects in under 50 KB, though it moves the address of nearly every pod (issue 15)', () => {
    const big = generateCluster(sizeFor(500));
    const first = /replicas: (\d+)/.exec(big)!;
    const state = createState();
    const whole = handle(state, { type: 'simulate', rev: 1, text: big, options: {} });
    const edit = handle(state, { type: 'simulate', rev: 2, text: big.replace(first[0], `replicas: ${Number(first[1]) + 1}`), options: {} });
    expect(edit.type).toBe('simulated-delta');
    // Bytes of structured clone, as postMessage copies them.
    expect(serialize(whole).length).toBeGreaterThan(1_000_000);
    expect(serialize(edit).length).toBeLessThan(50 * 1024);
  });

  it('send a line added at the top as little more than the new document starts', () => {
    const state = createState();
    handle(state, { type: 'simulate', rev: 1, text: base, options: {} });
    const r = handle(state, { type: 'simulate', rev: 2, text: `# note\n${base}`, options: {} });
    expect(r.type).toBe('simulated-delta');
    // Only the first document's places move (the line is in it); every other cite is counted from its document.
    const all = JSON.stringify(handle(createState(), { type: 'simulate', rev: 2, text: `# note\n${base}`, options: {} })).length;
    expect(JSON.stringify(r).length).toBeLessThan(all / 50);
  });
});

describe('diff and applyPatch', () => {
  const record = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), x: fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), y: fc.option(fc.array(fc.integer(), { maxLength: 3 }), { nil: undefined }) });
  const records = fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 6 });
  // Maps with many keys are patched by key position, long strings by their changed middle, lists keyed by `target` too.
  const keys = Array.from({ length: 24 }, (_, i) => `Pod/ns/p${i}`);
  const many = fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.record({ x: fc.integer(), y: fc.integer() }), fc.array(fc.tuple(fc.integer(), fc.integer()), { maxLength: 3 })), { minKeys: 14 });
  const sentence = fc.tuple(fc.constantFrom('', 'x'), fc.string({ maxLength: 4 })).map(([a, b]) => `${a}${'a long sentence naming a pod, '.repeat(3)}${b}`);
  const targets = fc.uniqueArray(fc.record({ target: fc.constantFrom('t1', 't2', 't3', 't4'), address: fc.constantFrom('10.0.0.1', '10.0.0.2') }), { selector: (r) => r.target, maxLength: 4 });
  const value = fc.record({
    list: records,
    names: fc.uniqueArray(fc.constantFrom('p', 'q', 'r', 's'), { maxLength: 4 }),
    n: fc.integer(),
    nested: fc.dictionary(fc.constantFrom('k', 'l'), fc.jsonValue({ maxDepth: 2 })),
    many,
    reason: sentence,
    targets,
  });

  it('applyPatch(prev, diff(prev, next)) is next, and prev is left as it was (property)', () => {
    fc.assert(
      fc.property(value, value, (prev, next) => {
        const before = JSON.stringify(prev);
        const got = applyPatch(prev, diff(prev, next));
        expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(next)));
        expect(JSON.stringify(prev)).toBe(before);
      }),
      { numRuns: 1000 },
    );
  });

  const map = (n: number, f: (i: number) => unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Pod/ns/p${i}`, f(i)]));
  const long = 'Pod ns/a → Service ns/b:80/TCP is denied: ns/b-1 is isolated for ingress by ns/deny and no rule admits it.';
  it.each([
    ['a record added in the middle: its position and itself, not the order', [{ id: 'a' }, { id: 'c' }], [{ id: 'a' }, { id: 'b' }, { id: 'c' }], { a: { k: 'id', n: [1, { id: 'b' }] } }],
    ['a record gone: its old position', [{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'a' }, { id: 'c' }], { a: { k: 'id', x: [1] } }],
    ['records that swap places: the new order', [{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'b' }, { id: 'a' }, { id: 'c' }], { a: { k: 'id', p: 0, s: 1, m: ['b', 'a'] } }],
    ['a field of two records: one column of (position, value)', [{ id: 'a', ip: '1' }, { id: 'b', ip: '2' }], [{ id: 'a', ip: '3' }, { id: 'b', ip: '4' }], { a: { k: 'id', f: { ip: [0, '3', 1, '4'] } } }],
    // Sorted, p3 comes after p0, p1, p10 … p19 and p2.
    ['one entry of a map with many keys: by its sorted position', map(20, (i) => i), map(20, (i) => (i === 3 ? 9 : i)), { r: { c: [13, { v: 9 }] } }],
    ['a field of an entry of such a map: a column', map(20, (i) => ({ y: i })), map(20, (i) => ({ y: i === 3 ? 9 : i })), { r: { f: { y: [13, 9] } } }],
    ['a long sentence with one name changed: the name', long, long.replace('ns/deny', 'ns/deny-all'), { t: [long.indexOf('ns/deny') + 7, long.length - long.indexOf('ns/deny') - 7, '-all'] }],
  ])('%s', (_, prev, next, want) => {
    const p = diff(prev, next);
    expect(p).toEqual(want);
    expect(applyPatch(prev, p)).toEqual(next);
  });

  it('keeps a field named __proto__ as a field (a ConfigMap key may be called so), not as the prototype', () => {
    const prev = JSON.parse('{"data": {"__proto__": {"x": 1}, "a": 1}, "list": [{"id": "p", "__proto__": 2}]}') as unknown;
    const next = JSON.parse('{"data": {"__proto__": {"x": 2}, "a": 1}, "list": [{"id": "p", "__proto__": 3}]}') as unknown;
    const got = applyPatch(prev, diff(prev, next)) as { data: object; list: object[] };
    expect(Object.getPrototypeOf(got.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(got.data).sort()).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(got)).toBe(JSON.stringify(next));
    const moved = rangesInText(rangesByDocument(next, [0]), [0]) as { data: object };
    expect(Object.getOwnPropertyNames(moved.data).sort()).toEqual(['__proto__', 'a']);
  });

  it('counts ranges from their document and back', () => {
    const x = { cites: [{ object: 'Pod/a/b', file: 0, range: { start: 25, end: 30 } }], objects: [{ id: 'x', file: 0, start: 12, end: 40 }], other: { range: 'not a place' } };
    const byDoc = rangesByDocument(x, [0, 10, 20]);
    expect(byDoc.cites[0]!.range).toEqual({ start: 5, end: 10, doc: 2 });
    expect(byDoc.objects[0]).toEqual({ id: 'x', file: 0, start: 2, end: 30, doc: 1 });
    expect(rangesInText(byDoc, [0, 10, 20])).toEqual(x);
  });
});
