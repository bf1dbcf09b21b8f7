import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, pasteAll, ready, serveSite, SHOTS, type Site } from './harness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/** 40 objects: 8 apps of a Deployment (2 replicas) + Service + NetworkPolicy, plus namespaces and an Ingress. */
function fortyObjects(tag: string): string {
  const docs: string[] = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench\n'];
  for (let i = 0; i < 8; i++) {
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\n  namespace: bench\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: app${i}}\n  template:\n    metadata:\n      labels: {app: app${i}}\n    spec:\n      containers:\n      - name: c\n        image: x\n        ports:\n        - {containerPort: 8080}\n        env:\n        - {name: NEXT, value: "http://app${(i + 1) % 8}:80"}\n`);
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: app${i}\n  namespace: bench\nspec:\n  selector: {app: app${i}}\n  ports:\n  - {port: 80, targetPort: 8080}\n`);
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: app${i}\n  namespace: bench\nspec:\n  podSelector:\n    matchLabels: {app: app${i}}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: app${(i + 7) % 8}}\n`);
  }
  for (let i = 0; i < 15; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${i}\n  namespace: bench\ndata: {k: "${tag}"}\n`);
  return docs.join('---\n');
}

describe('performance (cold load and edit → graph, measured in Chromium)', () => {
  let site: Site;
  beforeAll(async () => {
    site = await serveSite('/');
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('measures cold loads and edits and reports the figures', async () => {
    const editor: number[] = [];
    const graph: number[] = [];
    for (let i = 0; i < 5; i++) {
      const b = await openBrowser();
      try {
        await b.page.goto(site.url);
        await ready(b.page);
        const t = await b.page.evaluate(() => (window as unknown as { __playground: { editorReady: number; graphDrawn: number } }).__playground);
        editor.push(t.editorReady);
        graph.push(t.graphDrawn);
      } finally {
        await b.close();
      }
    }
    const b = await openBrowser();
    const edits: number[] = [];
    const worker: { simulate: number; layout: number; editToPaint: number }[] = [];
    try {
      await b.page.goto(site.url);
      await ready(b.page);
      for (let i = 0; i < 12; i++) {
        const text = fortyObjects(`v${i}`).replace('replicas: 2', `replicas: ${2 + (i % 2)}`);
        const t0 = Date.now();
        await pasteAll(b.page, text);
        const want = `Pod/bench/`;
        await b.page.waitForFunction(
          ([n, p]) => document.querySelectorAll(`.react-flow__node[data-object^="${p}"]`).length === n,
          [16 + (i % 2), want] as const,
          { timeout: 20_000 },
        );
        edits.push(Date.now() - t0);
        await b.page.waitForTimeout(100);
        worker.push(await b.page.evaluate(() => (window as unknown as { __playground: { timings: { simulate: number; layout: number; editToPaint: number } } }).__playground.timings));
      }
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
    const figures = {
      editorReadyMedianMs: Math.round(median(editor)),
      graphDrawnMedianMs: Math.round(median(graph)),
      editToGraphP95Ms: p95(edits.slice(2)),
      editToGraphMedianMs: median(edits.slice(2)),
      inPageEditToPaintP95Ms: Math.round(p95(worker.slice(2).map((w) => w.editToPaint))),
      inPageEditToPaintMedianMs: Math.round(median(worker.slice(2).map((w) => w.editToPaint))),
      workerSimulateMedianMs: Math.round(median(worker.slice(2).map((w) => w.simulate))),
      workerLayoutMedianMs: Math.round(median(worker.slice(2).map((w) => w.layout))),
      note: 'editToGraph* is measured from the test (paste round-trips + polling); inPage* from the store action to the next frame; no debounce: an edit runs at once when the worker is idle',
    };
    writeFileSync(join(SHOTS, 'perf.json'), JSON.stringify(figures, null, 2));
    console.log(figures);
    expect(editor.length).toBe(5);
  });
});
