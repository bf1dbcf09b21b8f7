import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorText, openBrowser, pasteAll, pasteKeys, ready, serveSite, shot, SHOTS, type Browser, type Site } from './harness';

type Hooks = { markers(): { line: number; code?: string; severity: number }[]; decorations(): { startLine: number; endLine: number }[] };
const hooks = (b: Browser) => ({
  markers: () => b.page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.markers()),
  decorations: () => b.page.evaluate(() => (window as unknown as { __playground: Hooks }).__playground.decorations()),
});

const SCENARIO = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: demo
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: web-a
  namespace: demo
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: web-b
  namespace: demo
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 8080
`;

const metrics: Record<string, number> = {};

describe('the playground page', () => {
  let site: Site;
  let b: Browser;

  beforeAll(async () => {
    site = await serveSite('/training/k8s/');
    b = await openBrowser();
  });

  afterAll(async () => {
    writeFileSync(join(SHOTS, 'metrics.json'), JSON.stringify(metrics, null, 2));
    await b?.close();
    await site?.close();
  });

  it('opens under a path prefix and draws nodes and edges that carry the data attributes', async () => {
    const t0 = Date.now();
    await b.page.goto(site.url);
    await ready(b.page);
    const editorReadyMs = Date.now() - t0;
    metrics.editorReadyMs = editorReadyMs;
    metrics.graphNodes = await b.page.locator('.react-flow__node').count();
    const nodes = await b.page.$$eval('.react-flow__node', (els) => els.map((e) => ({ kind: e.getAttribute('data-kind'), object: e.getAttribute('data-object') })));
    expect(nodes.length).toBeGreaterThan(3);
    for (const n of nodes) {
      expect(n.kind).toBeTruthy();
      expect(n.object?.startsWith(`${n.kind}/`)).toBe(true);
    }
    expect(nodes.map((n) => n.object)).toContain('Client/internet');
    expect(nodes.map((n) => n.object)).toContain('Namespace/shop');
    expect(nodes.map((n) => n.object)).toContain('Service/shop/api');
    const drawn = new Set(nodes.map((n) => n.object));
    const edges = await b.page.$$eval('.react-flow__edge', (els) => els.map((e) => ({ v: e.getAttribute('data-verdict'), from: e.getAttribute('data-from'), to: e.getAttribute('data-to') })));
    for (const e of edges) {
      expect(['allowed', 'blocked', 'unknown']).toContain(e.v);
      expect(drawn.has(e.from)).toBe(true);
      expect(drawn.has(e.to)).toBe(true);
    }
    await shot(b.page, '01-default-scenario');
  });

  it('keeps pasted text exactly and draws its Service and pods', async () => {
    const t0 = Date.now();
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForSelector('.react-flow__node[data-object="Service/demo/web"]', { timeout: 15_000 });
    metrics.pasteToGraphMs = Date.now() - t0;
    expect(await editorText(b.page)).toBe(SCENARIO);
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/demo/web-a"]');
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/demo/web-b"]');
    await b.page.waitForSelector('.react-flow__node[data-object="Namespace/demo"]');
    await shot(b.page, '02-pasted');
  });

  it('puts a marker on the line of a broken field', async () => {
    const broken = SCENARIO.replace('  - port: 80\n', '  - port: 99999\n');
    const line = broken.split('\n').findIndex((l) => l.includes('99999')) + 1;
    await pasteAll(b.page, broken);
    await b.page.waitForFunction((l) => (window as unknown as { __playground: Hooks }).__playground.markers().some((m) => m.line === l), line, { timeout: 15_000 });
    const markers = await hooks(b).markers();
    expect(markers.filter((m) => m.line === line).length).toBeGreaterThan(0);
    await b.page.waitForSelector('.monaco-editor .squiggly-error');
    await shot(b.page, '03-marker');
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForFunction(() => (window as unknown as { __playground: Hooks }).__playground.markers().length === 0, undefined, { timeout: 15_000 });
  });

  it('validates each YAML document against the schema of its kind (monaco-yaml with the local schemas)', async () => {
    // A value only the schema checks: where the simulator reports the problem too, the schema's marker is
    // dropped so the hover says it once (issue 16; the matrix-embed browser test checks that).
    const bad = SCENARIO.replace('type: NodePort', 'type: NodePort\n  ipFamilyPolicy: Bogus');
    const line = bad.split('\n').findIndex((l) => l.includes('Bogus')) + 1;
    await pasteAll(b.page, bad);
    await b.page.waitForFunction(
      (l) => (window as unknown as { __playground: { markers(o: string): { line: number }[] } }).__playground.markers('yaml').some((m) => m.line === l),
      line,
      { timeout: 20_000 },
    );
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForFunction(() => (window as unknown as { __playground: { markers(o: string): unknown[] } }).__playground.markers('yaml').length === 0, undefined, { timeout: 20_000 });
  });

  it('completes fields from the schema of the kind and explains them on hover', async () => {
    try {
      await pasteAll(b.page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: demo\nspec:\n  sessionA');
      await b.page.keyboard.press('ControlOrMeta+End');
      // Typing a letter opens the suggestions as a person sees them (quick suggestions).
      await b.page.keyboard.type('f');
      const row = b.page.locator('.monaco-editor .suggest-widget .monaco-list-row', { hasText: 'sessionAffinity' });
      // The YAML worker answers once it has read the document: ask again (Ctrl+Space, the editor focused
      // at the end of the text) until the schema's suggestion shows.
      const seen: string[] = [];
      const shown = expect
        .poll(
          async () => {
            if ((await row.count()) === 0) {
              await b.page.keyboard.press('Escape');
              await b.page.locator('.monaco-editor .view-line').last().click({ position: { x: 300, y: 5 } });
              await b.page.keyboard.press('ControlOrMeta+End');
              await b.page.keyboard.press('Control+Space');
              await row.first().waitFor({ timeout: 2_000 }).catch(() => undefined);
              seen.push(await b.page.evaluate(() => `${document.activeElement?.className ?? ''} | ${document.querySelector('.monaco-editor .suggest-widget')?.textContent?.slice(0, 80) ?? 'no widget'}`));
            }
            return row.count();
          },
          { timeout: 30_000, interval: 100 },
        )
        .toBeGreaterThan(0);
      await shown.catch((err: unknown) => {
        throw new Error(`No sessionAffinity suggestion in 30 s (focus | widget: ${seen.slice(-3).join(' ; ')}): ${String(err)}`);
      });
      await b.page.keyboard.press('Enter');
      await expect.poll(() => editorText(b.page)).toContain('  sessionAffinity');
      await shot(b.page, '03b-completion');
      // Hover over the key just completed: the field's documentation from the schema of a Service.
      const key = b.page.locator('.monaco-editor .view-line span', { hasText: /^sessionAffinity$/ }).first();
      await key.hover();
      const hover = b.page.locator('.monaco-editor .monaco-hover:not(.hidden)');
      await expect.poll(() => hover.textContent(), { timeout: 15_000 }).toContain('ClientIP pins each client to one endpoint');
    } finally {
      // The tests after this one work on the scenario: put it back whatever happened here.
      await b.page.mouse.move(0, 0);
      await b.page.keyboard.press('Escape');
      await pasteAll(b.page, SCENARIO);
    }
  });

  it('explains a top-level key on hover from its first character, not the mapping above it', async () => {
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: demo\nspec:\n  podSelector: {}\n';
    try {
      await pasteAll(b.page, policy);
      const key = b.page.locator('.monaco-editor .view-line span', { hasText: /^spec$/ }).first();
      // The pointer on the first letter of `spec`, which ends the `metadata` mapping above it in the text.
      await key.hover({ position: { x: 2, y: 6 } });
      const hover = b.page.locator('.monaco-editor .monaco-hover:not(.hidden)');
      await expect.poll(() => hover.textContent(), { timeout: 15_000 }).toContain('Policy spec');
      expect(await hover.textContent()).not.toContain('Standard object metadata');
    } finally {
      await b.page.mouse.move(0, 0);
      await b.page.keyboard.press('Escape');
      await pasteAll(b.page, SCENARIO);
    }
  });

  it('highlights the YAML responsible for a selected edge and explains it', async () => {
    const edge = b.page.locator('.react-flow__edge[data-from="Client/internet"][data-to="Service/demo/web"]');
    await edge.waitFor({ state: 'attached', timeout: 15_000 });
    await edge.locator('path').first().dispatchEvent('click');
    await b.page.waitForSelector('.monaco-editor .yaml-highlight');
    const decos = await hooks(b).decorations();
    const typeLine = SCENARIO.split('\n').findIndex((l) => l.includes('type: NodePort')) + 1;
    expect(decos.some((d) => d.startLine <= typeLine && d.endLine >= typeLine)).toBe(true);
    await expect.poll(() => b.page.locator('.inspector .verdict').textContent()).toContain('allowed');
    expect((await b.page.locator('.inspector .reason').textContent())?.length).toBeGreaterThan(10);
    await shot(b.page, '04-edge-selected');
  });

  it('selects an object on the graph when its YAML is clicked', async () => {
    const podLine = SCENARIO.split('\n').findIndex((l) => l.includes('name: web-b')) + 1;
    await b.page.evaluate((l) => {
      const w = window as unknown as { __playground: { reveal?: (line: number) => void } };
      w.__playground.reveal?.(l);
    }, podLine);
    const lineEl = b.page.locator('.monaco-editor .view-line', { hasText: 'name: web-b' });
    await lineEl.click();
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/demo/web-b"].selected');
  });

  it('keeps the address in step with the text and restores the work after a reload', async () => {
    const edited = SCENARIO.replace('name: web-b', 'name: web-c');
    await pasteAll(b.page, edited);
    await b.page.waitForFunction(() => location.hash.startsWith('#v1.'));
    await b.page.waitForTimeout(1000);
    const url = b.page.url();
    await b.page.reload();
    await ready(b.page);
    expect(await editorText(b.page)).toBe(edited);
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/demo/web-c"]');
    // A fresh profile opening the same address sees the same text.
    const other = await openBrowser();
    try {
      await other.page.goto(url);
      await ready(other.page);
      expect(await editorText(other.page)).toBe(edited);
      expect(other.outside).toEqual([]);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('opens with an explanation, not a blank page, on a broken link', async () => {
    const other = await openBrowser();
    try {
      await other.page.goto(`${site.url}#v1:not-really-deflate`);
      await other.page.waitForSelector('.notice');
      await ready(other.page);
      expect(await other.page.locator('.notice').textContent()).toMatch(/broken|truncated/);
      await shot(other.page, '05-broken-link');
    } finally {
      await other.close();
    }
  });

  it('runs a trace from the internet and lights up its hops on the graph', async () => {
    const other = await openBrowser();
    try {
      await other.page.goto(site.url);
      await ready(other.page);
      await other.page.click('button[role="tab"]:has-text("Trace")');
      await other.page.fill('.query-form input', 'http://shop.example.com/api');
      await other.page.click('.query-form button[type="submit"]');
      await other.page.waitForSelector('.hops li', { timeout: 15_000 });
      expect(await other.page.locator('.hops li').count()).toBeGreaterThan(1);
      await other.page.waitForSelector('.react-flow__node[data-trace-source]');
      expect(await other.page.locator('.react-flow__node[data-trace]').count()).toBeGreaterThan(3);
      await shot(other.page, '07-trace');
      expect(other.errors).toEqual([]);
      expect(other.outside).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('keeps a read-only view read-only: typing and pasting change neither the text nor the address', async () => {
    const other = await openBrowser();
    try {
      await other.page.goto(`${site.url}?readonly=1${new URL(b.page.url()).hash}`);
      await ready(other.page);
      // It says so before anyone types.
      expect(await other.page.locator('.editor-readonly').innerText()).toContain('Read-only');
      const before = await editorText(other.page);
      const hash = await other.page.evaluate(() => location.hash);
      await other.page.click('.monaco-editor .view-lines');
      await other.page.keyboard.type('xyz');
      await other.page.keyboard.press('Backspace');
      await pasteKeys(other.page, 'kind: Nothing\n');
      await other.page.waitForTimeout(1200);
      expect(await editorText(other.page)).toBe(before);
      expect(await other.page.evaluate(() => location.hash)).toBe(hash);
      // Nor can the gallery replace the text.
      await other.page.click('.topbar button:has-text("Scenarios")');
      await other.page.waitForSelector('.gallery .card');
      expect(await other.page.locator('.gallery .card button:not([disabled])').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('shows the compact embed layout with a link to the full playground carrying the scenario', async () => {
    const other = await openBrowser({ width: 800, height: 600 });
    try {
      await other.page.goto(`${site.url}?embed=1`);
      await other.page.waitForSelector('.react-flow__node[data-kind="Service"]');
      const href = await other.page.locator('.tools a[target=_blank]').getAttribute('href');
      expect(href).toContain('#v1.');
      const full = new URL(href!, other.page.url());
      expect(full.origin + full.pathname).toBe(new URL(site.url).origin + new URL(site.url).pathname);
      await shot(other.page, '08-embed');
    } finally {
      await other.close();
    }
  });

  it('made no request outside loopback and logged no console errors', async () => {
    // Dark theme screenshot for the record, then the checks.
    await b.page.keyboard.press('Escape');
    await b.page.click('button[aria-label="Toggle dark theme"]');
    await b.page.waitForTimeout(300);
    await shot(b.page, '06-dark');
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
