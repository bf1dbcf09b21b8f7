import { describe, expect, it } from 'vitest';
import { createState, handle } from './handler';
import { DEFAULT_SCENARIO } from '../ui/default-scenario';

describe('the worker handler', () => {
  it('answers a simulate request with the same revision, a topology and a placement for every node', () => {
    const state = createState();
    const r = handle(state, { type: 'simulate', rev: 7, text: DEFAULT_SCENARIO, options: {} });
    expect(r.type).toBe('simulated');
    if (r.type !== 'simulated') return;
    expect(r.rev).toBe(7);
    expect(r.topology.nodes.length).toBeGreaterThan(3);
    for (const n of r.topology.nodes) expect(r.layout[n.id]).toBeDefined();
    for (const n of r.topology.nodes) if (n.namespace) expect(r.layout[`Namespace/${n.namespace}`]).toBeDefined();
    // The hostnames Ingress rules serve, for the query panels' suggestions.
    expect(r.hosts).toContain('shop.example.com');
  });

  it('places a node at the same spot when an unrelated object is added (one that widens no column)', () => {
    const state = createState();
    const a = handle(state, { type: 'simulate', rev: 1, text: DEFAULT_SCENARIO, options: {} });
    const extra = `${DEFAULT_SCENARIO}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: zz, namespace: other}\nspec: {clusterIP: None, ports: [{port: 1}]}\n`;
    const b = handle(state, { type: 'simulate', rev: 2, text: extra, options: {} });
    if (a.type !== 'simulated' || b.type !== 'simulated') throw new Error('not simulated');
    const svc = a.topology.nodes.find((n) => n.kind === 'Service')!;
    expect(b.layout[svc.id]).toEqual(a.layout[svc.id]);
  });

  it('says which query kinds it cannot answer instead of throwing', () => {
    const state = createState();
    handle(state, { type: 'simulate', rev: 1, text: DEFAULT_SCENARIO, options: {} });
    const r = handle(state, { type: 'query', id: 3, query: { kind: 'dns', args: {} } });
    expect(r).toMatchObject({ type: 'answer', id: 3, ok: false });
  });

  it('reports a failed simulation with its revision instead of crashing the worker', () => {
    const state = createState();
    const r = handle(state, { type: 'simulate', rev: 4, text: 'kind: [', options: {} });
    expect(['simulated', 'failed']).toContain(r.type);
    expect('rev' in r && r.rev).toBe(4);
  });
});
