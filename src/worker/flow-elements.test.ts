/** The page's graph elements, built from what the worker replies (a test here, where the handler may be imported). */
import { describe, expect, it } from 'vitest';
import { createState, handle } from './handler';
import type { SimulatedReply } from './protocol';
import { DEFAULT_SCENARIO } from '../ui/default-scenario';
import { flowElements, nothingKept } from '../ui/graph/flow-elements';

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
});
