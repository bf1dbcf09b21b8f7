/** The page's graph elements, built from what the worker replies (a test here, where the handler may be imported). */
import { describe, expect, it } from 'vitest';
import { createState, handle } from './handler';
import type { SimulatedReply } from './protocol';
import { DEFAULT_SCENARIO } from '../ui/default-scenario';
import { flowElements, nothingKept } from '../ui/graph/flow-elements';
import { absoluteBoxes } from '../ui/graph/Overview';
import type { TraceOverlay } from '../ui/graph/trace-overlay';

const simulate = (text: string) => handle(createState(), { type: 'simulate', rev: 1, text, options: {} }) as SimulatedReply;

describe('the flow elements of a reply', () => {
  const reply = simulate(DEFAULT_SCENARIO);

  it('keeps every node and edge, and the arrays, for an equal reply (a fresh copy of it)', () => {
    const kept = { current: nothingKept() };
    const a = flowElements(reply, null, null, kept);
    const b = flowElements(structuredClone(reply), null, null, kept);
    expect(b).toEqual(a);
    expect(b.nodes).toBe(a.nodes);
    expect(b.edges).toBe(a.edges);
  });

  it('builds again only what a selection changes', () => {
    const kept = { current: nothingKept() };
    const a = flowElements(reply, null, null, kept);
    const id = reply.topology.edges[0]!.id;
    const b = flowElements(reply, { type: 'edge', id }, null, kept);
    const changed = b.edges.filter((e, i) => e !== a.edges[i]).map((e) => e.id);
    expect(changed).toEqual([id]);
    expect(b.edges.find((e) => e.id === id)!.selected).toBe(true);
    expect(b.nodes.every((n, i) => n === a.nodes[i])).toBe(true);
    // The nodes array itself too: React Flow tells every node about a new one.
    expect(b.nodes).toBe(a.nodes);
  });

  it('keeps the edges array when only a node changes', () => {
    const kept = { current: nothingKept() };
    const a = flowElements(reply, null, null, kept);
    const b = flowElements(reply, { type: 'node', id: reply.topology.nodes[0]!.id }, null, kept);
    expect(b.nodes).not.toBe(a.nodes);
    expect(b.edges).toBe(a.edges);
  });

  describe('a trace-only step between two nodes of one column runs beside the column, across no node', () => {
    const boxes = absoluteBoxes(reply.layout);
    const pods = reply.topology.nodes.filter((n) => /^Pod\/shop\/(api-|db-0)/.test(n.id)).map((n) => ({ id: n.id, ...boxes.get(n.id)! }));
    pods.sort((p, q) => p.y - q.y);
    const [top, middle, db] = pods as [(typeof pods)[number], (typeof pods)[number], (typeof pods)[number]];
    const step = (from: string, to: string) => {
      const overlay: TraceOverlay = { source: from, nodes: new Map(), edges: new Map(), extra: [{ id: `trace:${from}->${to}`, from, to, mark: 'blocked' }], end: [to] };
      const edge = flowElements(reply, null, overlay, { current: nothingKept() }).edges.find((e) => e.id === `trace:${from}->${to}`)!;
      return (edge.data as { route?: [number, number][] }).route;
    };
    const mid = (b: { y: number; height: number }) => b.y + b.height / 2;

    it('past a pod between them: out of the right side, along the first lane right of the column, in from the right', () => {
      expect(db.id).toBe('Pod/shop/db-0');
      expect(middle.x).toBe(top.x);
      const right = top.x + top.width;
      expect(step(top.id, db.id)).toEqual([
        [right, mid(top)],
        [right + 10, mid(top)],
        [right + 10, mid(db)],
        [right, mid(db)],
      ]);
    });
    it('upwards the same way', () => {
      const right = top.x + top.width;
      expect(step(db.id, top.id)).toEqual([
        [right, mid(db)],
        [right + 10, mid(db)],
        [right + 10, mid(top)],
        [right, mid(top)],
      ]);
    });
    it('to the next node of the column: straight down', () => {
      const cx = middle.x + middle.width / 2;
      expect(step(middle.id, db.id)).toEqual([
        [cx, middle.y + middle.height],
        [cx, db.y],
      ]);
    });
    it('between columns: no route (the curve between the two nodes)', () => {
      expect(step('Service/shop/db', db.id)).toBeUndefined();
    });
  });
});

