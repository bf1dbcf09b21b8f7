/**
 * The page benchmark (`npm run bench -- --only page`, or `tsx src/bench/page.ts`): the built site in headless
 * Chromium (Debian's), served from loopback, the way the browser tests run it (e2e/harness.ts).
 * Figures: cold load to the first painted graph and to a ready editor (median of fresh profiles), edit →
 * painted graph p50/p95 for a 40- and a 400-object scenario, frame times while panning (mouse drag) and zooming (mouse
 * wheel) a 723-node graph, and every JS/CSS chunk's gzip size (shell = what index.html loads before Monaco).
 * Edit → graph is timed inside the page: from just before the paste event to the `graph-painted` mark the
 * graph sets for the reply's revision (a task after the frame that drew it). At 400 objects a typed keystroke
 * (a digit of `replicas`) is timed too, from the key event to the mark.
 * Prints a table, then one JSON line `{rows: [[figure, value, target], ...], ...}` (read by run.ts).
 * Options: `--cold N` (default 5), `--edits N` (default 25), `--no-build`, `--pan-only` (frame times alone).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openBrowser } from '../../e2e/harness';
import { generateCluster, sizeFor } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
/** The bench builds into its own directory so that it never races a browser test rebuilding dist/. */
const SITE = join(ROOT, '.bench', 'site');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const COLD = arg('--cold', 5);
const EDITS = arg('--edits', 25);
const log = (s: string) => process.stderr.write(`page: ${s}\n`);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => (xs.length ? sorted(xs)[Math.floor(xs.length / 2)]! : NaN);
const p95 = (xs: number[]) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]! : NaN);
const ms = (x: number) => Math.round(x);

// ---- build -------------------------------------------------------------------------------------------

/** Builds the site when stale; returns a note when the figures are of an older build (this one failed). */
async function ensureBuilt(): Promise<string | null> {
  if (args.includes('--no-build') && existsSync(join(SITE, 'index.html'))) return null;
  const build = (await import(/* @vite-ignore */ join(ROOT, 'scripts', 'site-build.mjs'))) as { staleReason: (dir: string) => string | null };
  const why = build.staleReason(SITE);
  if (!why) return null;
  log(`building the site into .bench/site (${why})`);
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // NODE_ENV=production: a test runner's `test` would bundle React's development build.
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', SITE, '--emptyOutDir'], { cwd: ROOT, stdio: ['ignore', 2, 2], env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status === 0) return null;
  // The tree is shared with people mid-edit: measure the last good build rather than nothing, and say so.
  if (!existsSync(join(SITE, 'index.html'))) throw new Error('vite build failed and there is no earlier build to measure');
  const when = statSync(join(SITE, 'index.html')).mtime.toISOString();
  log(`vite build failed; measuring the previous build (${when})`);
  return `the working tree did not build; figures are of the build from ${when}`;
}

// ---- static server on loopback -------------------------------------------------------------------------

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.json': 'application/json' };

async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    let file = normalize(join(SITE, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(SITE + sep) && file !== SITE) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

// ---- scenarios -----------------------------------------------------------------------------------------

/** 40 objects: 8 apps (Deployment of 2 + Service + NetworkPolicy), a Namespace and 15 ConfigMaps. Edit i sets app0's replicas to 2 + i % 2. */
function forty(i: number): string {
  const docs: string[] = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench\n'];
  for (let a = 0; a < 8; a++) {
    const replicas = a === 0 ? 2 + (i % 2) : 2;
    docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${a}\n  namespace: bench\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: app${a}}\n  template:\n    metadata:\n      labels: {app: app${a}}\n    spec:\n      containers:\n      - name: c\n        image: x\n        ports:\n        - {containerPort: 8080}\n        env:\n        - {name: NEXT, value: "http://app${(a + 1) % 8}:80"}\n`);
    docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: app${a}\n  namespace: bench\nspec:\n  selector: {app: app${a}}\n  ports:\n  - {port: 80, targetPort: 8080}\n`);
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: app${a}\n  namespace: bench\nspec:\n  podSelector:\n    matchLabels: {app: app${a}}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: app${(a + 7) % 8}}\n`);
  }
  for (let c = 0; c < 15; c++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${c}\n  namespace: bench\ndata: {k: "v"}\n`);
  return docs.join('---\n');
}

/** A generated cluster (src/bench/generate.ts); edit i gives the first Deployment one more replica when i is odd. */
function generated(pods: number, i: number): string {
  const text = generateCluster(sizeFor(pods));
  const first = /replicas: (\d+)/.exec(text)!;
  return text.replace(first[0], `replicas: ${Number(first[1]) + (i % 2)}`);
}
const objectCount = (text: string) => text.split(/^---$/m).filter((d) => /\bkind:/.test(d)).length;

// ---- page helpers --------------------------------------------------------------------------------------

type Mark = { rev: number; nodes: number; t: number };

async function marks(page: Page): Promise<Mark[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('graph-painted').map((m) => {
      const d = (m as PerformanceMark).detail as { rev: number; nodes: number };
      return { rev: d.rev, nodes: d.nodes, t: m.startTime };
    }),
  );
}

async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-editor-ready="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('graph-painted').length > 0, undefined, { timeout: 60_000, polling: 20 });
}

/**
 * Replace the editor's text with a paste (as a user would) and time it in the page: from just before the
 * paste event to the first `graph-painted` mark of a later revision with the expected node count.
 */
async function timedPaste(page: Page, text: string, nodes: ((n: number) => boolean) | null): Promise<{ ms: number; nodes: number }> {
  const before = await marks(page);
  const lastRev = Math.max(0, ...before.map((m) => m.rev));
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('ControlOrMeta+A');
  const t0 = await page.evaluate((t) => {
    // The paste event goes where the browser sends a real one: the focused element (Monaco's EditContext
    // element in Chromium; a paste on its hidden textarea is lost).
    const target = document.activeElement as HTMLElement;
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const start = performance.now();
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    return start;
  }, text);
  const handle = await page.waitForFunction(
    (rev) => {
      const m = performance.getEntriesByName('graph-painted').filter((e) => ((e as PerformanceMark).detail as { rev: number }).rev > rev);
      const last = m[m.length - 1] as PerformanceMark | undefined;
      return last ? { t: last.startTime, nodes: (last.detail as { nodes: number }).nodes } : null;
    },
    lastRev,
    { timeout: 60_000, polling: 10 },
  );
  let r = (await handle.jsonValue()) as { t: number; nodes: number };
  // A reply for an intermediate revision can be painted first; wait for the one that shows the edit.
  if (nodes && !nodes(r.nodes)) {
    const h2 = await page.waitForFunction(
      ([rev]) => {
        const m = performance.getEntriesByName('graph-painted').filter((e) => ((e as PerformanceMark).detail as { rev: number }).rev > rev);
        return m.length > 1 ? m[m.length - 1]!.startTime : null;
      },
      [lastRev] as const,
      { timeout: 60_000, polling: 10 },
    );
    const all = await marks(page);
    const last = all[all.length - 1]!;
    r = { t: (await h2.jsonValue()) as number, nodes: last.nodes };
  }
  return { ms: r.t - t0, nodes: r.nodes };
}

// ---- measurements --------------------------------------------------------------------------------------

async function coldLoads(url: string): Promise<{ graph: number[]; editor: number[]; nodes: number }> {
  const graph: number[] = [];
  const editor: number[] = [];
  let nodes = 0;
  for (let i = 0; i < COLD; i++) {
    const b = await openBrowser();
    try {
      await b.page.goto(url);
      await waitReady(b.page);
      const m = await marks(b.page);
      graph.push(m[0]!.t);
      nodes = m[0]!.nodes;
      editor.push(await b.page.evaluate(() => (window as unknown as { __playground: { editorReady: number } }).__playground.editorReady));
      if (b.errors.length) log(`console errors: ${b.errors.join(' | ')}`);
    } finally {
      await b.close();
    }
  }
  return { graph, editor, nodes };
}

interface EditFigures {
  objects: number;
  nodes: number;
  ms: number[];
  simulate: number[];
  layout: number[];
}

async function edits(url: string, make: (i: number) => string, count: number): Promise<EditFigures> {
  const b = await openBrowser();
  try {
    await b.page.goto(url);
    await waitReady(b.page);
    const base = await timedPaste(b.page, make(0), null);
    await b.page.waitForTimeout(500);
    const out: EditFigures = { objects: objectCount(make(0)), nodes: base.nodes, ms: [], simulate: [], layout: [] };
    for (let i = 1; i <= count; i++) {
      const want = base.nodes + (i % 2);
      const r = await timedPaste(b.page, make(i), (n) => n === want);
      if (r.nodes !== want) log(`edit ${i}: ${r.nodes} nodes drawn, expected ${want}`);
      out.ms.push(r.ms);
      const t = await b.page.evaluate(() => (window as unknown as { __playground: { timings?: { simulate: number; layout: number } } }).__playground.timings);
      if (t) {
        out.simulate.push(t.simulate);
        out.layout.push(t.layout);
      }
      // Let the editor's own work (schema validation, markers) settle, as between keystrokes of a person.
      await b.page.waitForTimeout(250);
    }
    if (b.errors.length) log(`console errors: ${b.errors.join(' | ')}`);
    return out;
  } finally {
    await b.close();
  }
}

/**
 * Keystroke → graph at 400 objects: the digit of the first Deployment's `replicas` is selected (Shift+←) and
 * typed over, alternately one more and the original, with real key presses; timed from the key's own event
 * time (`KeyboardEvent.timeStamp`) to the `graph-painted` mark of a reply with the expected node count.
 */
async function keystrokes(url: string, text: string, count: number): Promise<{ nodes: number; ms: number[] }> {
  const b = await openBrowser();
  try {
    await b.page.goto(url);
    await waitReady(b.page);
    const base = await timedPaste(b.page, text, null);
    await b.page.waitForTimeout(800);
    const m = /replicas: (\d+)/.exec(text)!;
    const line = text.slice(0, m.index).split('\n').length;
    const digits = [String(Number(m[1]) + 1), m[1]];
    await b.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < line; i++) await b.page.keyboard.press('ArrowDown');
    await b.page.keyboard.press('End');
    await b.page.evaluate(() => {
      const w = window as unknown as { __key?: number };
      addEventListener('keydown', (e) => (w.__key = e.timeStamp), true);
    });
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const digit = digits[i % 2]!;
      const want = base.nodes + (i % 2 === 0 ? 1 : 0);
      const lastRev = Math.max(0, ...(await marks(b.page)).map((x) => x.rev));
      // Select the value now in the text (the original, or the one typed last).
      const current = i % 2 === 0 ? m[1]! : digits[0]!;
      for (let k = 0; k < current.length; k++) await b.page.keyboard.press('Shift+ArrowLeft');
      await b.page.keyboard.type(digit);
      const h = await b.page.waitForFunction(
        ([rev, n]) => {
          const got = performance.getEntriesByName('graph-painted').filter((e) => {
            const d = (e as PerformanceMark).detail as { rev: number; nodes: number };
            return d.rev > rev && d.nodes === n;
          });
          const key = (window as unknown as { __key: number }).__key;
          return got.length ? got[0]!.startTime - key : null;
        },
        [lastRev, want] as const,
        { timeout: 60_000, polling: 10 },
      );
      out.push((await h.jsonValue()) as number);
      await b.page.waitForTimeout(250);
    }
    if (b.errors.length) log(`console errors: ${b.errors.join(' | ')}`);
    return { nodes: base.nodes, ms: out };
  } finally {
    await b.close();
  }
}

/** Frame times (rAF deltas) while the pane is dragged back and forth (`pan`) or wheel-zoomed in and out (`zoom`) for ~3 s. */
async function gesture(url: string, text: string, kind: 'pan' | 'zoom'): Promise<{ nodes: number; frames: number[]; moved: boolean }> {
  const b = await openBrowser();
  try {
    await b.page.goto(url);
    await waitReady(b.page);
    const r = await timedPaste(b.page, text, null);
    await b.page.waitForTimeout(1500); // the fit-to-view animation
    const box = (await b.page.locator('.react-flow').boundingBox())!;
    // A point on the empty pane (not a node, edge or control) to grab.
    const spot = await b.page.evaluate(
      ({ x, y, width, height }) => {
        for (let fy = 0.5; fy < 0.95; fy += 0.05)
          for (let fx = 0.3; fx < 0.9; fx += 0.05) {
            const px = x + width * fx;
            const py = y + height * fy;
            const el = document.elementFromPoint(px, py);
            if (el?.classList.contains('react-flow__pane')) return { px, py };
          }
        return { px: x + width / 2, py: y + height / 2 };
      },
      { x: box.x, y: box.y, width: box.width, height: box.height },
    );
    const transform = () => b.page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
    const t0 = await transform();
    // A string, not a function: tsx would wrap the named callback in a `__name` helper the page lacks.
    await b.page.evaluate(`(() => {
      window.__frames = [];
      window.__stop = false;
      let last = 0;
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
    })()`);
    await b.page.mouse.move(spot.px, spot.py);
    if (kind === 'pan') await b.page.mouse.down();
    const start = Date.now();
    let moved = false;
    for (let k = 0; Date.now() - start < 3000; k++) {
      if (kind === 'pan') {
        const dx = Math.round(250 * Math.sin(k / 12));
        const dy = Math.round(120 * Math.sin(k / 19));
        await b.page.mouse.move(spot.px + dx, spot.py + dy);
      } else {
        // Ten notches in, ten out, as a mouse wheel turns.
        await b.page.mouse.wheel(0, Math.floor(k / 10) % 2 === 0 ? -100 : 100);
        await b.page.waitForTimeout(16);
      }
      if (k % 20 === 10 && !moved) moved = (await transform()) !== t0;
    }
    if (kind === 'pan') await b.page.mouse.up();
    const frames = await b.page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames.slice(1);
    });
    if (b.errors.length) log(`console errors: ${b.errors.join(' | ')}`);
    return { nodes: r.nodes, frames, moved };
  } finally {
    await b.close();
  }
}

/** Every JS/CSS asset with its gzip size; the shell is what index.html loads by itself. */
function bundles(): { chunks: { file: string; kb: number; gzKB: number; shell: boolean }[]; shellJsGzKB: number; shellCssGzKB: number } {
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  const shellFiles = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!));
  const chunks = readdirSync(join(SITE, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const buf = readFileSync(join(SITE, 'assets', f));
      return { file: f, kb: Math.round(buf.length / 102.4) / 10, gzKB: Math.round(gzipSync(buf, { level: 9 }).length / 102.4) / 10, shell: shellFiles.has(`assets/${f}`) };
    })
    .sort((a, b) => b.gzKB - a.gzKB);
  const sum = (ext: string) => Math.round(chunks.filter((c) => c.shell && c.file.endsWith(ext)).reduce((n, c) => n + c.gzKB, 0) * 10) / 10;
  return { chunks, shellJsGzKB: sum('.js'), shellCssGzKB: sum('.css') };
}

// ---- main ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  const stale = await ensureBuilt();
  const site = await serve();
  try {
    log(`load average before: ${loadBefore.join(' ')}`);
    if (args.includes('--pan-only')) {
      const p = await gesture(site.url, generated(500, 0), 'pan');
      const z = await gesture(site.url, generated(500, 0), 'zoom');
      const fig = (g: typeof p) => ({ nodes: g.nodes, frames: g.frames.length, moved: g.moved, medianMs: median(g.frames), p95Ms: p95(g.frames) });
      console.log(JSON.stringify({ rows: [], pan: fig(p), zoom: fig(z) }));
      return;
    }
    log('cold loads');
    const cold = await coldLoads(site.url);
    log('edits, 40 objects');
    const e40 = await edits(site.url, forty, EDITS);
    log('edits, 400 objects');
    // As many edits as at 40 objects: with 13, the p95 was the slowest of them.
    const e400 = await edits(site.url, (i) => generated(500, i), EDITS);
    log('keystrokes, 400 objects');
    const k400 = await keystrokes(site.url, generated(500, 0), EDITS);
    log('panning');
    const panned = await gesture(site.url, generated(500, 0), 'pan');
    log('zooming');
    const zoomed = await gesture(site.url, generated(500, 0), 'zoom');
    const b = bundles();
    const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
    const rows: [string, string | number, string][] = [
      [`cold load → first graph painted, median of ${cold.graph.length} fresh profiles (ms)`, ms(median(cold.graph)), '< 1500'],
      ['cold load → editor ready, median (ms)', ms(median(cold.editor)), '< 2000'],
      [`edit → graph painted, ${e40.objects} objects / ${e40.nodes} nodes, p50 (ms)`, ms(median(e40.ms)), ''],
      [`edit → graph painted, ${e40.objects} objects, p95 of ${e40.ms.length} (ms)`, ms(p95(e40.ms)), '< 150'],
      [`  of which worker simulate + topology / layout, median (ms)`, `${ms(median(e40.simulate))} / ${ms(median(e40.layout))}`, ''],
      [`edit → graph painted, ${e400.objects} objects / ${e400.nodes} nodes, p50 (ms)`, ms(median(e400.ms)), ''],
      [`edit → graph painted, ${e400.objects} objects, p95 of ${e400.ms.length} (ms)`, ms(p95(e400.ms)), '< 250'],
      [`  of which worker simulate + topology / layout, median (ms)`, `${ms(median(e400.simulate))} / ${ms(median(e400.layout))}`, ''],
      [`keystroke (replicas digit typed over) → graph painted, ${e400.objects} objects, p50 (ms)`, ms(median(k400.ms)), ''],
      [`keystroke → graph painted, ${e400.objects} objects, p95 of ${k400.ms.length} (ms)`, ms(p95(k400.ms)), ''],
      [`pan ${panned.nodes}-node graph by mouse drag, frame time median (ms)`, Math.round(median(panned.frames) * 10) / 10, '≈ 16.7'],
      [`pan, frame time p95 of ${panned.frames.length} frames (ms)${panned.moved ? '' : ' (VIEW DID NOT MOVE)'}`, Math.round(p95(panned.frames) * 10) / 10, 'smooth: < 33'],
      [`zoom ${zoomed.nodes}-node graph by mouse wheel, frame time median (ms)`, Math.round(median(zoomed.frames) * 10) / 10, '≈ 16.7'],
      [`zoom, frame time p95 of ${zoomed.frames.length} frames (ms)${zoomed.moved ? '' : ' (VIEW DID NOT MOVE)'}`, Math.round(p95(zoomed.frames) * 10) / 10, 'smooth: < 33'],
      ['shell JS (index.html, before Monaco), gzip (KB)', b.shellJsGzKB, '< 200'],
      ['shell CSS, gzip (KB)', b.shellCssGzKB, ''],
      ...b.chunks.map((c): [string, string | number, string] => [`  chunk ${c.file.replace(/-[\w-]{8}\.(js|css)$/, '.$1')}${c.shell ? ' (shell)' : ''}: ${c.kb} KB raw, gzip (KB)`, c.gzKB, '']),
      ['load average (1 min) before / after, 2 cores', `${loadBefore[0]} / ${loadAfter[0]}`, ''],
      ...(stale ? [[`NOTE: ${stale}`, '', ''] as [string, string, string]] : []),
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => String(r[1]).length));
    console.log(rows.map((r) => `${r[0].padEnd(w0)}  ${String(r[1]).padStart(w1)}  ${r[2]}`).join('\n'));
    const json = {
      rows,
      cold: { graphMs: cold.graph.map(ms), editorMs: cold.editor.map(ms), nodes: cold.nodes },
      edit40: { objects: e40.objects, nodes: e40.nodes, ms: e40.ms.map(ms), simulateMs: e40.simulate.map(ms), layoutMs: e40.layout.map(ms) },
      edit400: { objects: e400.objects, nodes: e400.nodes, ms: e400.ms.map(ms), simulateMs: e400.simulate.map(ms), layoutMs: e400.layout.map(ms) },
      keystroke400: { objects: e400.objects, nodes: k400.nodes, ms: k400.ms.map(ms) },
      pan: { nodes: panned.nodes, frames: panned.frames.length, moved: panned.moved, medianMs: median(panned.frames), p95Ms: p95(panned.frames) },
      zoom: { nodes: zoomed.nodes, frames: zoomed.frames.length, moved: zoomed.moved, medianMs: median(zoomed.frames), p95Ms: p95(zoomed.frames) },
      bundles: b,
      load: { before: loadBefore, after: loadAfter },
      ...(stale ? { stale } : {}),
    };
    console.log(JSON.stringify(json));
  } finally {
    await site.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
