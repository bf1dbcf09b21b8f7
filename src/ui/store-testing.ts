/** For the store's tests: a StoreEnv that records what the store asked for instead of doing it. */
import type { SimulatedReply } from '../worker/protocol';
import type { StoreEnv } from './store';

export function fakeEnv(): StoreEnv & { runs: number[]; saved: string[]; urls: string[] } {
  const runs: number[] = [];
  const saved: string[] = [];
  const urls: string[] = [];
  return {
    runs,
    saved,
    urls,
    sim: { simulate: (r) => runs.push(r.rev), query: () => Promise.reject(new Error('no worker in this test')), cites: () => Promise.resolve(null), dispose: () => {} },
    save: (s) => saved.push(s.text),
    writeUrl: (t) => urls.push(t),
    saveUi: () => {},
    delays: { run: 10, url: 20 },
  };
}

/** A simulation reply with the given revision and pods, for the store to receive. */
export function reply(rev: number, nodes: string[] = []): SimulatedReply {
  return {
    type: 'simulated',
    rev,
    diagnostics: [],
    topology: { nodes: nodes.map((id) => ({ id, kind: 'Pod', label: id, namespace: 'x', layer: 5, status: 'ok' })), edges: [] },
    layout: {},
    routes: {},
    summary: { objects: 0, pods: 0, services: 0, errors: 0, warnings: 0 },
    objects: [],
    pods: [],
    services: [],
    hosts: [],
    matrixPorts: [],
    queries: [],
    timings: { simulate: 0, layout: 0 },
  };
}
