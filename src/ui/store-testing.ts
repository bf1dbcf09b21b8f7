/** For the store's tests: a StoreEnv that records what the store asked for instead of doing it. */
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
