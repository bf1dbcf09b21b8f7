import { describe, expect, it } from 'vitest';
import { buildTopology, simulate } from '../core/index';
import { generateCluster, sizeFor } from '../bench/generate';
import { createState, EDITOR_FILE, handle } from './handler';
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

  it('maps TLS, TCP and UDP routes to their text, as every other drawn object, and offers TLSRoute hostnames', () => {
    const routes = ['TLSRoute', 'TCPRoute', 'UDPRoute']
      .map((kind) => `---\napiVersion: gateway.networking.k8s.io/v1alpha2\nkind: ${kind}\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n${kind === 'TLSRoute' ? '  hostnames: [tls.example.com]\n' : ''}  rules: [{backendRefs: [{name: s, port: 443}]}]\n`)
      .join('');
    const r = handle(createState(), { type: 'simulate', rev: 1, text: DEFAULT_SCENARIO + '\n' + routes, options: {} });
    if (r.type !== 'simulated') throw new Error('not simulated');
    expect(r.objects.map((o) => o.id).filter((id) => /^(TLS|TCP|UDP)Route\//.test(id))).toEqual(['TLSRoute/default/r', 'TCPRoute/default/r', 'UDPRoute/default/r']);
    expect(r.hosts).toContain('tls.example.com');
  });

  it('places a node at the same spot when an unrelated object is added (one that widens no column)', () => {
    const state = createState();
    const a = handle(state, { type: 'simulate', rev: 1, text: DEFAULT_SCENARIO, options: {} });
    const extra = `${DEFAULT_SCENARIO}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: zz, namespace: other}\nspec: {clusterIP: None, ports: [{port: 1}]}\n`;
    const b = handle(state, { type: 'simulate', rev: 2, text: extra, options: {}, full: true });
    if (a.type !== 'simulated' || b.type !== 'simulated') throw new Error('not simulated');
    const svc = a.topology.nodes.find((n) => n.kind === 'Service')!;
    expect(b.layout[svc.id]).toEqual(a.layout[svc.id]);
  });

  it('answers a question with the CLI document, and says why when it cannot instead of throwing', () => {
    const state = createState();
    handle(state, { type: 'simulate', rev: 1, text: DEFAULT_SCENARIO, options: {} });
    expect(handle(state, { type: 'query', id: 2, query: 'endpoints', args: {} })).toMatchObject({ type: 'answer', id: 2, ok: true, query: 'endpoints', result: { services: expect.any(Array) } });
    // No name: the question cannot be asked (knet would exit 2).
    expect(handle(state, { type: 'query', id: 3, query: 'dns', args: {} as never })).toMatchObject({ type: 'answer', id: 3, ok: false, kind: 'usage' });
    // An unknown pod: this scenario cannot answer it (knet would exit 1).
    expect(handle(state, { type: 'query', id: 4, query: 'dns', args: { name: 'x', from: 'nope/nope' } })).toMatchObject({ type: 'answer', id: 4, ok: false, kind: 'input' });
    // A name a host page made up.
    expect(handle(state, { type: 'query', id: 5, query: 'frobnicate' as never, args: {} })).toMatchObject({ type: 'answer', id: 5, ok: false, kind: 'usage' });
  });

  it('answers a question whose flags imply other options from a simulation with them, as knet would', () => {
    const state = createState();
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: b}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: by-address}\nspec:\n  podSelector: {matchLabels: {app: b}}\n  ingress: [{from: [{ipBlock: {cidr: 10.244.0.0/16}}]}]\n`;
    handle(state, { type: 'simulate', rev: 1, text, options: {} });
    const calico = handle(state, { type: 'query', id: 1, query: 'check', args: { from: 'a', to: 'b', port: 80 } });
    const cilium = handle(state, { type: 'query', id: 2, query: 'check', args: { from: 'a', to: 'b', port: 80, 'ipblock-ignores-pods': true } });
    expect(calico).toMatchObject({ ok: true, result: { verdict: 'allowed' } });
    expect(cilium).toMatchObject({ ok: true, result: { verdict: 'denied' } });
  });

  it('sends edge cites as object and field, and gives their ranges when asked, as the graph has them', () => {
    const state = createState();
    const r = handle(state, { type: 'simulate', rev: 1, text: DEFAULT_SCENARIO, options: {} });
    if (r.type !== 'simulated') throw new Error('not simulated');
    const full = buildTopology(simulate([{ name: EDITOR_FILE, text: DEFAULT_SCENARIO }], {}), { showSystem: false });
    const cited = full.edges.filter((e) => e.cites.length > 0);
    expect(cited.length).toBeGreaterThan(0);
    for (const e of r.topology.edges) for (const c of e.cites) expect(c).not.toHaveProperty('range');
    for (const e of cited) {
      expect(r.topology.edges.find((x) => x.id === e.id)!.cites).toEqual(e.cites.map(({ object, file, path }) => ({ object, file, ...(path ? { path } : {}) })));
      expect(handle(state, { type: 'cites', id: 9, edge: e.id })).toEqual({ type: 'cites', id: 9, cites: e.cites });
    }
    expect(handle(state, { type: 'cites', id: 10, edge: 'Pod/x/y->Pod/x/z' })).toEqual({ type: 'cites', id: 10, cites: null });
  });

  it('keeps the lanes of other routes when an edge is added to a crowded gap (only what changed is sent)', () => {
    const text = generateCluster(sizeFor(100));
    const first = /replicas: (\d+)/.exec(text)!;
    const a = handle(createState(), { type: 'simulate', rev: 1, text, options: {} });
    const b = handle(createState(), { type: 'simulate', rev: 2, text: text.replace(first[0], `replicas: ${Number(first[1]) + 1}`), options: {} });
    if (a.type !== 'simulated' || b.type !== 'simulated') throw new Error('not simulated');
    // x of each point: the lanes (heights move with the pods below the new one).
    const xs = (r: typeof a) => Object.fromEntries(Object.entries(r.routes).map(([id, pts]) => [id, pts.map((p) => p[0])]));
    const before = xs(a);
    const after = xs(b);
    const kept = Object.keys(before).filter((id) => id in after);
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]))).toEqual([]);
  });

  it('reports a failed simulation with its revision instead of crashing the worker', () => {
    const state = createState();
    const r = handle(state, { type: 'simulate', rev: 4, text: 'kind: [', options: {} });
    expect(['simulated', 'failed']).toContain(r.type);
    expect('rev' in r && r.rev).toBe(4);
  });
});
