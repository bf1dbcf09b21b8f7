/**
 * Sharing, embedding, teaching (issue 7) in real Chromium: links and the local draft, a host page on
 * another origin driving an embedded playground with postMessage, read-only, the gallery, exercises,
 * exports, and the page's Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { deflateSync, strToU8 } from 'fflate';
import { decodeState, scenarioFromPNG, scenarioFromSVG } from '../src/share/index';
import { SCENARIOS } from '../src/scenarios/index';
import { LABS } from '../src/scenarios/solutions';
import { editorText, openBrowser, pasteAll, ready, serveSite, shot, type Browser, type Site } from './harness';

type Probe = { rev: number; replyRev: number; errors: number; goalsRev: number };
type Marker = { line: number; severity: number; code?: string; message: string };
type Hooks = { sim(): Probe; markers(owner?: string): Marker[] };

/** Wait until the graph and panels show the simulation of the text now in the editor. */
async function settled(b: Browser): Promise<Probe> {
  await b.page.waitForFunction(
    () => {
      const p = (window as unknown as { __playground?: Hooks }).__playground?.sim();
      return !!p && p.replyRev === p.rev;
    },
    undefined,
    { timeout: 20_000 },
  );
  return b.page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.sim());
}

/** Monaco may apply a paste in a later task: wait for it, or `settled` can see the previous revision answered. */
async function pasted(b: Browser, text: string): Promise<void> {
  await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, text, { timeout: 10_000 });
}

const errorMarkers = (b: Browser) =>
  b.page.evaluate(() => {
    const h = (window as unknown as { __playground: Hooks }).__playground;
    return [...h.markers('sim'), ...h.markers('yaml')].filter((m) => m.severity === 8);
  });

const SMALL = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: demo
spec:
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: api-0
  namespace: demo
  labels:
    app: api
spec:
  containers:
  - name: api
    image: nginx
    ports:
    - containerPort: 8080
`;

const DENY = `---
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: demo
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    env:
    - name: API_URL
      value: http://api.demo:80/
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: demo
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Ingress
`;

function hashOf(text: string): string {
  return `#v1.${Buffer.from(deflateSync(strToU8(JSON.stringify({ text })), { level: 9 })).toString('base64url')}`;
}

/** A course page on another origin (localhost vs the site's 127.0.0.1) that embeds the playground. */
function hostPage(src: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body>
<h1>Course page</h1>
<iframe id="pg" src="${src}" width="1000" height="600" title="playground"></iframe>
<script>
  window.log = [];
  const frame = document.getElementById('pg');
  const PG = new URL(frame.src).origin;
  window.addEventListener('message', (e) => {
    if (e.origin !== PG || e.source !== frame.contentWindow) return;
    if (e.data && e.data.knet === 1) window.log.push(e.data);
  });
  window.send = (m) => frame.contentWindow.postMessage(m, PG);
</script></body></html>`;
}

describe('sharing, embedding and teaching', () => {
  let site: Site;
  let host: Server;
  let hostPort = 0;
  let hostHtml = '';
  let b: Browser;

  beforeAll(async () => {
    site = await serveSite('/');
    const example = readFileSync(new URL('../docs/example-host.html', import.meta.url), 'utf8');
    host = createServer((req, res) => {
      const body = req.url === '/example-host.html' ? example : hostHtml;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    hostPort = (host.address() as { port: number }).port;
    b = await openBrowser();
    await b.page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
    await new Promise((ok) => host?.close(ok));
  });

  it('serves the page with a Content-Security-Policy that forbids inline and remote scripts, and works under it', async () => {
    await b.page.goto(site.url);
    await ready(b.page);
    const csp = await b.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self'");
    // An inline script injected now is refused by the policy (and reported as a violation).
    const ran = await b.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 100));
      const w = window as unknown as { __inline?: boolean; __csp: string[] };
      const v = [...w.__csp];
      w.__csp.length = 0;
      return { inline: w.__inline === true, violations: v };
    });
    expect(ran.inline).toBe(false);
    expect(ran.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    b.errors.length = 0; // the refused script logs its own console error
    // The page itself (editor, workers, graph, a trace) runs without any violation.
    await b.page.click('button[role="tab"]:has-text("Trace")');
    await b.page.click('.query-form button[type="submit"]');
    await b.page.waitForSelector('.hops li', { timeout: 15_000 });
    expect(await b.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('writes a #v1. link within a second of an edit that a fresh profile opens byte for byte', async () => {
    const text = `${SMALL}# ünïcode ✓ 日本\ttab  \n`;
    await pasteAll(b.page, text);
    const t0 = Date.now();
    await b.page.waitForFunction(() => location.hash.startsWith('#v1.') && location.hash.length > 20, undefined, { timeout: 5000 });
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, text);
    await expect
      .poll(async () => decodeState(await b.page.evaluate(() => location.hash)), { timeout: 1000, interval: 50 })
      .toMatchObject({ ok: true, state: { text } });
    expect(Date.now() - t0).toBeLessThan(2000);
    const url = b.page.url();
    const other = await openBrowser();
    try {
      await other.page.goto(url);
      await ready(other.page);
      expect(await editorText(other.page)).toBe(text);
      expect(await other.page.locator('.link-prompt').count()).toBe(0);
      await other.page.waitForSelector('.react-flow__node[data-object="Service/demo/api"]');
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('still opens a link written by the first placeholder codec (#v1: + deflate of the text)', async () => {
    const other = await openBrowser();
    try {
      const legacy = `#v1:${Buffer.from(deflateSync(strToU8(SMALL), { level: 9 })).toString('base64url')}`;
      await other.page.goto(`${site.url}${legacy}`);
      await ready(other.page);
      expect(await editorText(other.page)).toBe(SMALL);
      // ...and rewrites the address in the current format.
      await other.page.waitForFunction(() => location.hash.startsWith('#v1.'));
    } finally {
      await other.close();
    }
  });

  it('asks before a shared link replaces unsaved local work, with a bar that covers neither editor nor graph', async () => {
    // b's local draft is the unicode scenario typed above; open a link to a different one in the same profile.
    const draft = await editorText(b.page);
    const linkText = SMALL + DENY;
    await b.page.goto(`${site.url}${hashOf(linkText)}`);
    await ready(b.page);
    await b.page.waitForSelector('.link-prompt');
    expect(await editorText(b.page)).toBe(draft);
    // Not a modal: the editor and graph stay usable around it.
    const bar = (await b.page.locator('.link-prompt').boundingBox())!;
    const editor = (await b.page.locator('.monaco-editor').boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(editor.y + 1);
    await shot(b.page, '20-link-prompt');
    await b.page.click('.link-prompt button:has-text("Open the link")');
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, linkText);
    expect(await b.page.locator('.link-prompt').count()).toBe(0);
    await b.page.waitForSelector('.react-flow__edge[data-verdict="blocked"]');
    // Undo brings back the draft the link replaced.
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Z');
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, draft);
  });

  it('keeps the local draft and explains a broken, truncated or hostile link', async () => {
    const draft = await editorText(b.page);
    const good = hashOf(SMALL);
    for (const bad of [good.slice(0, good.length - 9), '#v1.!!!<script>alert(1)</script>', '#v7.AAAA', `#v1.${'A'.repeat(70_000)}`]) {
      await b.page.goto(`${site.url}${bad}`);
      await ready(b.page);
      await b.page.waitForSelector('.notice');
      expect(await b.page.locator('.notice').textContent()).toMatch(/link/i);
      expect(await editorText(b.page)).toBe(draft);
    }
    await shot(b.page, '21-broken-link');
    await b.page.click('.notice button[aria-label="Dismiss"]');
  });

  it('warns when the link grows past what chat tools keep', async () => {
    const big = Array.from({ length: 60 }, (_, i) => SMALL.replace(/api/g, `api${i}`).replace('namespace: demo', `namespace: ns${i}`)).join(
      '---\n',
    );
    await pasteAll(b.page, big);
    await b.page.waitForSelector('.link-size', { timeout: 10_000 });
    expect(await b.page.locator('.link-size').textContent()).toMatch(/long link/);
    await pasteAll(b.page, SMALL);
    await b.page.waitForSelector('.link-size', { state: 'detached' });
  });

  it('loads every built-in scenario from the gallery with zero error markers', async () => {
    await b.page.click('.topbar button:has-text("Scenarios")');
    await b.page.waitForSelector('.gallery .card');
    expect(await b.page.locator('.gallery .card').count()).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      if (!(await b.page.locator('.gallery').count())) await b.page.click('.topbar button:has-text("Scenarios")');
      await b.page.click(`.card[data-scenario="${s.id}"] button`);
      if (await b.page.locator('.gallery .confirm').count()) await b.page.click('.gallery .confirm button:has-text("Replace")');
      await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, s.text, {
        timeout: 10_000,
      });
      const p = await settled(b);
      expect(p.errors, s.id).toBe(0);
      await b.page.waitForTimeout(150); // markers follow the reply
      expect(await errorMarkers(b), s.id).toEqual([]);
      expect(await b.page.locator('.react-flow__node[data-kind]').count(), s.id).toBeGreaterThan(0);
    }
    await b.page.click('.topbar button:has-text("Scenarios")');
    await shot(b.page, '22-gallery');
  });

  it('asks before a gallery scenario replaces edited work', async () => {
    await pasteAll(b.page, SMALL + '# my own edit\n');
    await b.page.click('.topbar button:has-text("Scenarios")');
    await b.page.click(`.card[data-scenario="${SCENARIOS[0]!.id}"] button`);
    await b.page.waitForSelector('.gallery .confirm');
    await b.page.click('.gallery .confirm button:has-text("Cancel")');
    expect(await editorText(b.page)).toBe(SMALL + '# my own edit\n');
  });

  it('shows an exercise failing as shipped, and every goal passing once the YAML is fixed', async () => {
    const lab = SCENARIOS.find((s) => s.id === 'exercises/fix-dns-egress')!;
    await b.page.click('.topbar button:has-text("Scenarios")');
    await b.page.click(`.card[data-scenario="${lab.id}"] button`);
    if (await b.page.locator('.gallery .confirm').count()) await b.page.click('.gallery .confirm button:has-text("Replace")');
    await b.page.waitForSelector('.exercise .goal');
    await b.page.waitForSelector('.goal[data-passed="false"]');
    const failing = await b.page.locator('.goal[data-passed="false"]').count();
    expect(failing).toBeGreaterThan(0);
    expect(await b.page.locator('.goal[data-passed="false"] .goal-reason').first().textContent()).not.toBe('');
    await shot(b.page, '23-exercise-failing');
    // A goal leads to its YAML.
    await b.page.click('.goal[data-passed="false"] button.goal-text');
    await b.page.waitForSelector('.monaco-editor .selected-text');
    expect(await b.page.locator('.exercise').count()).toBe(1);
    const fixed = LABS[lab.id]!.solve(lab.text);
    await pasteAll(b.page, fixed);
    await pasted(b, fixed);
    if (!(await b.page.locator('.exercise').count())) await b.page.click('button[role="tab"]:has-text("Exercise")');
    await settled(b);
    await b.page.waitForSelector('.exercise .goal');
    await b.page.waitForSelector('.goal[data-passed="false"]', { state: 'detached', timeout: 15_000 });
    const goals = await b.page.locator('.goal').count();
    expect(goals).toBeGreaterThan(0);
    expect(await b.page.locator('.goal[data-passed="true"]').count()).toBe(goals);
    await shot(b.page, '24-exercise-passing');
  });

  it('exports the graph as SVG and PNG that carry the scenario, the YAML, the matrix and a trace, from a keyboard menu', async () => {
    await pasteAll(b.page, SMALL + DENY);
    await pasted(b, SMALL + DENY);
    await settled(b);
    const text = await editorText(b.page);
    const take = async (id: string): Promise<Buffer> => {
      await b.page.focus('button[aria-haspopup="menu"]');
      await b.page.keyboard.press('ArrowDown');
      await b.page.waitForSelector('[role="menu"]');
      const items = await b.page.$$eval('[role="menuitem"]', (els) => els.map((e) => e.getAttribute('data-export')));
      for (let i = 0; i < items.indexOf(id); i++) await b.page.keyboard.press('ArrowDown');
      expect(await b.page.evaluate(() => document.activeElement?.getAttribute('data-export'))).toBe(id);
      const [dl] = await Promise.all([b.page.waitForEvent('download'), b.page.keyboard.press('Enter')]);
      return readFileSync((await dl.path())!);
    };
    const svg = (await take('svg')).toString('utf8');
    const blocked = await b.page.locator('.react-flow__edge[data-verdict="blocked"]').count();
    expect(blocked).toBeGreaterThan(0);
    expect(svg.match(/<path data-from="[^"]*" data-to="[^"]*" data-verdict="blocked"/g)?.length).toBe(blocked);
    expect(decodeState(scenarioFromSVG(svg)!)).toMatchObject({ ok: true, state: { text } });
    const png = await take('png');
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(decodeState(scenarioFromPNG(new Uint8Array(png))!)).toMatchObject({ ok: true, state: { text } });
    expect((await take('yaml')).toString('utf8')).toBe(text);
    await b.page.click('button[role="tab"]:has-text("Policy matrix")');
    await b.page.fill('.query-form input', '8080');
    await b.page.click('.query-form button[type="submit"]');
    await b.page.waitForSelector('.panel-body table, .panel-body .matrix', { timeout: 15_000 }).catch(() => undefined);
    const csv = (await take('csv')).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('demo/api-0');
    expect(csv).toContain('denied');
    expect((await take('md')).toString('utf8')).toContain('| from \\ to |');
    await b.page.click('button[role="tab"]:has-text("Trace")');
    await b.page.click('.query-form button[type="submit"]');
    await b.page.waitForSelector('.hops li', { timeout: 15_000 });
    const trace = (await take('trace')).toString('utf8');
    expect(trace).toMatch(/^trace /);
    expect(trace).toMatch(/DELIVERED|BLOCKED|FAILED/);
    // Open the menu once more for the record.
    await b.page.click('button[aria-haspopup="menu"]');
    await shot(b.page, '25-export-menu');
    await b.page.keyboard.press('Escape');
    expect(await b.page.locator('[role="menu"]').count()).toBe(0);
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
  });

  it('is driven by a host page on another origin through postMessage, with the origin checked', async () => {
    const hostOrigin = `http://localhost:${hostPort}`;
    const src = `${site.url}?embed=1&readonly=1&origin=${encodeURIComponent(hostOrigin)}${hashOf(SMALL)}`;
    hostHtml = hostPage(src);
    const other = await openBrowser({ width: 1100, height: 800 });
    type Msg = { type: string; id?: string; [k: string]: unknown };
    const log = () => other.page.evaluate(() => (window as unknown as { log: Msg[] }).log);
    const waitFor = async (pred: (m: Msg) => boolean) => {
      await expect.poll(async () => (await log()).some(pred), { timeout: 20_000, interval: 100 }).toBe(true);
      return (await log()).filter(pred).at(-1)!;
    };
    const send = (m: unknown) => other.page.evaluate((x) => (window as unknown as { send(m: unknown): void }).send(x), m);
    try {
      await other.page.goto(`${hostOrigin}/`);
      await waitFor((m) => m.type === 'ready');
      send({ knet: 1, type: 'subscribe', id: 's1' });
      await waitFor((m) => m.type === 'ack' && m.id === 's1');
      const first = await waitFor((m) => m.type === 'verdicts');
      expect((first.edges as unknown[]).length).toBeGreaterThan(0);
      expect(first.changed).toEqual(first.edges);
      // load works in a read-only page (the host is the author) and the verdicts that changed are notified.
      send({ knet: 1, type: 'load', id: 'l1', text: SMALL + DENY });
      await waitFor((m) => m.type === 'ack' && m.id === 'l1');
      const after = await waitFor(
        (m) => m.type === 'verdicts' && (m.changed as { verdict: string }[]).some((e) => e.verdict === 'blocked'),
      );
      expect((after.changed as unknown[]).length).toBeLessThan((after.edges as unknown[]).length + 1);
      send({ knet: 1, type: 'select', id: 'sel', object: 'Service/demo/api' });
      await waitFor((m) => m.type === 'ack' && m.id === 'sel');
      const frame = other.page.frameLocator('iframe');
      await frame.locator('.react-flow__node[data-object="Service/demo/api"] .obj.selected').waitFor({ timeout: 10_000 });
      send({ knet: 1, type: 'select', id: 'bad', object: 'Pod/demo/nope' });
      expect((await waitFor((m) => m.id === 'bad')).type).toBe('error');
      send({ knet: 1, type: 'trace', id: 't1', from: 'ip:203.0.113.9', url: 'http://api.demo/' });
      const tr = await waitFor((m) => m.type === 'trace-result' && m.id === 't1');
      expect(['delivered', 'blocked', 'failed']).toContain(tr.verdict);
      expect((tr.hops as unknown[]).length).toBeGreaterThan(0);
      // The learner sees the same trace in the Trace panel, hops lit on the graph.
      await frame.locator('.hops li').first().waitFor({ timeout: 10_000 });
      expect(await frame.locator('.hops li').count()).toBe((tr.hops as unknown[]).length);
      send({ knet: 1, type: 'get-state', id: 'g1' });
      const st = await waitFor((m) => m.type === 'state' && m.id === 'g1');
      expect(st.text).toBe(SMALL + DENY);
      expect(decodeState(st.hash as string)).toMatchObject({ ok: true, state: { text: SMALL + DENY } });
      send({ knet: 1, type: 'select', id: 'x', object: 42 });
      expect(await waitFor((m) => m.id === 'x')).toMatchObject({ type: 'error', code: 'bad-message' });
      await shot(other.page, '26-host-page');
      expect(other.errors).toEqual([]);
      expect(other.outside).toEqual([]);

      // The same page embedded with another origin= ignores this host entirely.
      hostHtml = hostPage(src.replace(encodeURIComponent(hostOrigin), encodeURIComponent('http://localhost:1')));
      await other.page.goto(`${hostOrigin}/`);
      await frame.locator('.react-flow__node[data-kind]').first().waitFor({ timeout: 20_000 });
      send({ knet: 1, type: 'get-state', id: 'g2' });
      await other.page.waitForTimeout(1000);
      expect(await log()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('works with the example host page in docs/ (every button answered)', async () => {
    const other = await openBrowser({ width: 1200, height: 1000 });
    const logText = () => other.page.locator('#log').textContent();
    const until = (re: RegExp) => expect.poll(logText, { timeout: 20_000, interval: 100 }).toMatch(re);
    try {
      await other.page.goto(`http://localhost:${hostPort}/example-host.html`);
      await other.page.fill('#playground-url', site.url);
      await other.page.click('#reload');
      await until(/"type":"ready"/);
      await other.page.click('#subscribe');
      await until(/"type":"verdicts"/);
      await other.page.click('#load');
      await until(/"type":"ack","id":"m\d+","of":"load"/);
      await other.page.click('#select');
      await until(/"of":"select"/);
      await other.page.click('#trace');
      await until(/"type":"trace-result"/);
      await other.page.click('#query');
      await until(/"type":"query-result","id":"m\d+","query":"check","result":\{"verdict":"denied"/);
      await other.page.click('#get-state');
      await until(/"type":"state"/);
      expect(await logText()).not.toMatch(/"type":"error"/);
      await shot(other.page, '28-example-host');
    } finally {
      await other.close();
    }
  });

  it('opens the embed view with the graph first, a collapsible editor and the initial view from the query', async () => {
    const other = await openBrowser({ width: 900, height: 640 });
    try {
      await other.page.goto(`${site.url}?embed=1&select=Service/demo/api&trace=demo/api-0+http://api.demo/${hashOf(SMALL)}`);
      await other.page.waitForSelector('.react-flow__node[data-object="Service/demo/api"] .obj.selected', { timeout: 20_000 });
      await other.page.waitForSelector('.react-flow__node[data-object^="Pod/demo/api-0"][data-trace-source]', { timeout: 20_000 });
      expect(await other.page.locator('.monaco-editor').count()).toBe(0);
      const link = other.page.locator('a[target=_blank]:has-text("Open in playground")');
      const href = (await link.getAttribute('href'))!;
      const full = new URL(href, other.page.url());
      expect(full.origin + full.pathname).toBe(new URL(site.url).origin + new URL(site.url).pathname);
      expect(full.search).toBe('');
      expect(decodeState(full.hash)).toMatchObject({ ok: true, state: { text: SMALL } });
      await shot(other.page, '27-embed-initial-view');
      // The editor opens below the graph.
      await other.page.click('button:has-text("Show editor")');
      await other.page.waitForSelector('.monaco-editor');
      const g = (await other.page.locator('.react-flow').boundingBox())!;
      const e = (await other.page.locator('.monaco-editor').boundingBox())!;
      expect(g.y).toBeLessThan(e.y);
      // The link opens the full playground with the same text.
      const [popup] = await Promise.all([other.context.waitForEvent('page'), link.click()]);
      await ready(popup);
      expect(await editorText(popup)).toBe(SMALL);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
