/**
 * Issue 16 in a browser: a policy matrix that reads in a narrow dock (no two column labels alike, headers
 * that stay in view, a cell's "Decided by" links into the YAML, the port the policies name), and an embed
 * at 800x500 and 600x400 that shows a `trace=` result without scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { encodeScenario } from '../src/ui/url-state';
import { openBrowser, ready, serveSite, shot, type Browser, type Site } from './harness';

/** Twelve pods of one Deployment (names that differ only at the end), a client, and a policy on 8080. */
const SCENARIO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp
  namespace: default
spec:
  replicas: 12
  selector:
    matchLabels: {app: myapp}
  template:
    metadata:
      labels: {app: myapp}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
        - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: default
  labels: {role: client}
spec:
  containers:
  - name: c
    image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: myapp
  namespace: default
spec:
  selector: {app: myapp}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: myapp-from-client
  namespace: default
spec:
  podSelector:
    matchLabels: {app: myapp}
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector:
        matchLabels: {role: client}
    ports:
    - port: 8080
`;

/** The 1-based line of the policy's `podSelector:`, which the matrix cites for an isolated pod. */
const POLICY_SELECTOR_LINE = SCENARIO.split('\n').findIndex((l, i, all) => l === '  podSelector:' && all.slice(0, i).some((x) => x === 'kind: NetworkPolicy')) + 1;

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

describe('issue 16: the matrix and the embed', () => {
  let site: Site;

  beforeAll(async () => {
    site = await serveSite();
  });
  afterAll(async () => {
    await site.close();
  });

  describe('the policy matrix in a narrow dock', () => {
    let b: Browser;
    beforeAll(async () => {
      b = await openBrowser({ width: 1440, height: 900 });
      await b.page.goto(`${site.url}${encodeScenario(SCENARIO)}`);
      await ready(b.page);
      // Widen the editor as a person would (the splitter and its arrow keys): the graph column becomes ~360 px.
      await b.page.focus('.splitter');
      for (let i = 0; i < 14; i++) await b.page.keyboard.press('ArrowRight');
      await b.page.focus('.dock-splitter');
      for (let i = 0; i < 2; i++) await b.page.keyboard.press('ArrowUp');
      await b.page.click('button[role="tab"]:has-text("Policy matrix")');
    });
    afterAll(async () => {
      await b.close();
    });

    it('opens on the port the policy names, not 80', async () => {
      expect((await box(b.page, '.panel-body')).width).toBeLessThan(400);
      expect(await b.page.inputValue('.query-form input')).toBe('8080');
      await b.page.click('.query-form button[type="submit"]');
      await b.page.waitForSelector('table.matrix');
      expect(await b.page.locator('.matrix-tools').innerText()).toMatch(/^8080\/TCP · /);
    });

    it('has no two identical visible column labels, nor row labels', async () => {
      const cols = await b.page.locator('table.matrix thead th.col').allInnerTexts();
      const rows = await b.page.locator('table.matrix tbody th.row').allInnerTexts();
      expect(cols).toHaveLength(13);
      expect(new Set(cols).size).toBe(cols.length);
      expect(rows).toHaveLength(13);
      expect(new Set(rows).size).toBe(rows.length);
      // Every full name is one hover away, on both axes.
      const titles = await b.page.locator('table.matrix thead th.col').evaluateAll((ths) => ths.map((th) => th.getAttribute('title')));
      const rowTitles = await b.page.locator('table.matrix tbody th.row').evaluateAll((ths) => ths.map((th) => th.getAttribute('title')));
      expect(titles).toEqual(rowTitles);
      expect(new Set(titles).size).toBe(13);
      await shot(b.page, '60-matrix-narrow');
    });

    it('keeps the column and row headers in view when the grid scrolls', async () => {
      const scrolled = await b.page.locator('.panel-body').evaluate((el) => {
        el.scrollTo(el.scrollWidth, el.scrollHeight);
        return { top: el.scrollTop, left: el.scrollLeft };
      });
      // The grid is taller and wider than the dock, so both headers had somewhere to go.
      expect(scrolled.top).toBeGreaterThan(0);
      expect(scrolled.left).toBeGreaterThan(0);
      const panel = await box(b.page, '.panel-body');
      const lastCol = await box(b.page, 'table.matrix thead th.col >> nth=-1');
      const lastRow = await box(b.page, 'table.matrix tbody th.row >> nth=-1');
      expect(inside(lastCol, panel)).toBe(true);
      expect(inside(lastRow, panel)).toBe(true);
      await shot(b.page, '61-matrix-scrolled');
      await b.page.locator('.panel-body').evaluate((el) => el.scrollTo(0, 0));
    });

    it("explains a cell with the edge Inspector's Decided-by links, and a link goes to the YAML line", async () => {
      // Row 1 (a myapp pod) to column 2 (another): isolated for ingress, and no rule admits it.
      await b.page.click('table.matrix tbody tr:nth-child(2) td:nth-of-type(3) button');
      await b.page.waitForSelector('.matrix-why h4:has-text("Decided by")');
      expect(await b.page.locator('.matrix-why p').first().innerText()).toMatch(/^denied /);
      const link = b.page.locator('.matrix-why button.link:has-text("NetworkPolicy/default/myapp-from-client")').first();
      expect(await link.innerText()).toContain(`line ${POLICY_SELECTOR_LINE}`);
      await link.click();
      await expect.poll(() => b.page.locator('.monaco-editor .line-numbers.active-line-number').first().innerText()).toBe(String(POLICY_SELECTOR_LINE));
      await shot(b.page, '62-matrix-decided-by');
    });

    it('follows an edit: the matrix on screen is asked again after the next simulation', async () => {
      const cell = 'table.matrix tbody tr:nth-child(1) td:nth-of-type(2) button';
      expect(await b.page.getAttribute(cell, 'aria-label')).toMatch(/: allowed$/);
      // The Decided-by link left the cursor on the policy's podSelector: eight lines down is its port. Type
      // over it as a person would: the client is no longer admitted on 8080.
      for (let i = 0; i < 8; i++) await b.page.keyboard.press('ArrowDown');
      await b.page.keyboard.press('End');
      for (let i = 0; i < 4; i++) await b.page.keyboard.press('Backspace');
      await b.page.keyboard.type('9999');
      await expect.poll(() => b.page.getAttribute(cell, 'aria-label'), { timeout: 15_000 }).toMatch(/: denied$/);
      // The explained cell is asked again too, and still cites the policy.
      await b.page.waitForSelector('.matrix-why h4:has-text("Decided by")');
      // A click in the YAML opens the Inspector; back on the tab, the matrix is there, asked again after the undo.
      await b.page.locator('.monaco-editor .view-line:has-text("- port: 9999")').click();
      await b.page.keyboard.press('ControlOrMeta+Z');
      await b.page.waitForSelector('button[role="tab"][aria-selected="true"]:has-text("Inspector")');
      await b.page.click('button[role="tab"]:has-text("Policy matrix")');
      await expect.poll(() => b.page.getAttribute(cell, 'aria-label'), { timeout: 15_000 }).toMatch(/: allowed$/);
    });

    it('exports the grid shown as CSV and Markdown from the panel', async () => {
      const take = async (label: string) => {
        const [dl] = await Promise.all([b.page.waitForEvent('download'), b.page.click(`.matrix-tools button:has-text("${label}")`)]);
        return readFileSync((await dl.path())!, 'utf8');
      };
      const pods = await b.page.locator('table.matrix thead th.col').evaluateAll((ths) => ths.map((th) => th.getAttribute('title')!));
      const csv = (await take('CSV')).split('\r\n');
      expect(csv[0]).toBe(['from', 'port', ...pods].join(','));
      expect(csv[2]!.split(',').slice(0, 2)).toEqual([pods[1], '8080/TCP']);
      const md = await take('Markdown');
      expect(md.startsWith('### 8080/TCP\n')).toBe(true);
      expect(md.split('\n').filter((l) => l.startsWith('| default/'))).toHaveLength(pods.length);
    });

    it('logged no console errors and made no request outside loopback', () => {
      expect(b.errors).toEqual([]);
      expect(b.outside).toEqual([]);
    });
  });

  describe('the editor hover', () => {
    let b: Browser;
    afterAll(async () => {
      await b.close();
    });

    it('shows one message per problem where the simulator and the schema both see it', async () => {
      b = await openBrowser({ width: 1440, height: 900 });
      const bad = SCENARIO.replace('  selector: {app: myapp}\n  ports:', '  type: ClusterIPX\n  selector: {app: myapp}\n  ports:');
      const line = bad.split('\n').findIndex((l) => l.includes('ClusterIPX')) + 1;
      await b.page.goto(`${site.url}${encodeScenario(bad)}`);
      await ready(b.page);
      type Hooks = { markers(owner: string): { line: number; message: string }[] };
      const on = (owner: string) => b.page.evaluate(([o, l]) => (window as unknown as { __playground: Hooks }).__playground.markers(o as string).filter((m) => m.line === l), [owner, line] as const);
      await expect.poll(() => on('sim').then((m) => m.length), { timeout: 20_000 }).toBe(1);
      expect(await on('yaml')).toEqual([]);
      // A person hovers the value: the hover holds the simulator's message once, and not the schema's.
      const value = '.monaco-editor .view-line:has-text("ClusterIPX")';
      await b.page.waitForSelector(value, { state: 'visible', timeout: 15_000 });
      // Moved onto the value as a hand does (a few steps), and again where the line is now if no hover came:
      // in one full run of many the hover never came after a single jump to coordinates read a moment before.
      const hovered = '.monaco-hover:has-text("ClusterIPX")';
      for (let attempt = 1; ; attempt++) {
        const at = await box(b.page, value);
        await b.page.mouse.move(at.x + 20, at.y + at.height / 2);
        await b.page.mouse.move(at.x + 80, at.y + at.height / 2, { steps: 4 });
        const shown = await b.page.waitForSelector(hovered, { timeout: 5_000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        if (attempt === 3) throw new Error(`no hover over the ClusterIPX line after 3 moves (line at ${JSON.stringify(at)})`);
      }
      const hover = await b.page.locator('.monaco-hover').allInnerTexts();
      const text = hover.join('\n');
      expect(text.split('spec.type must be one of').length - 1).toBe(1);
      expect(text).not.toContain('Value is not accepted');
      await shot(b.page, '65-hover-one-message');
      expect(b.errors).toEqual([]);
    });
  });

  it('brings a trace run from the Trace panel into view, where it stopped when all of it does not fit', async () => {
    const b = await openBrowser({ width: 800, height: 500 });
    try {
      await b.page.goto(site.url);
      await b.page.waitForSelector('.react-flow__node[data-kind="Pod"]', { timeout: 30_000 });
      const source = 'Pod/shop/api-55554b79c8-pbwhf';
      const node = `.react-flow__node[data-object="${source}"]`;
      const stop = '.react-flow__node[data-object="Pod/shop/db-0"]';
      const pane = () => box(b.page, '.react-flow');
      // The first view of the default scenario at 800x500 shows its left part: the api and db pods are out of it.
      expect(inside(await box(b.page, node), await pane())).toBe(false);
      expect(inside(await box(b.page, stop), await pane())).toBe(false);
      await b.page.click('button[role="tab"]:has-text("Trace")');
      await b.page.selectOption('.query-form select', source);
      await b.page.fill('.query-form input', 'http://db.shop:5432/');
      await b.page.click('.query-form button[type="submit"]');
      await b.page.waitForSelector(`${node}[data-trace-source]`, { timeout: 15_000 });
      // The graph pane is about 160 px tall here: api → db-0 does not fit at a readable zoom, so the view shows
      // the pod the request was blocked at, with the step into it.
      await expect.poll(async () => inside(await box(b.page, `${stop}[data-trace="blocked"]`), await pane()), { timeout: 5_000 }).toBe(true);
      await shot(b.page, '67-trace-panel-small-window');
      // The person moves the view away (a click in the overview's top-left corner), then edits: the trace runs
      // again for the new text, and the view stays where the person put it.
      await b.page.click('.overview-toggle');
      const overview = (await box(b.page, '.overview'))!;
      await b.page.mouse.click(overview.x + 4, overview.y + 4);
      await expect.poll(async () => inside(await box(b.page, stop), await pane())).toBe(false);
      const traced = await b.page.evaluate(() => performance.getEntriesByName('graph-painted').length);
      await b.page.locator('.monaco-editor .view-line').first().click();
      await b.page.keyboard.press('ControlOrMeta+End');
      await b.page.keyboard.type('\n# moved away');
      await b.page.waitForFunction((n) => performance.getEntriesByName('graph-painted').length > n, traced, { timeout: 15_000 });
      await b.page.waitForTimeout(1_000);
      expect(inside(await box(b.page, stop), await pane())).toBe(false);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('keeps a trace in view when "Show editor" halves the graph: the pod it stopped at stays on screen', async () => {
    const b = await openBrowser({ width: 800, height: 500 });
    try {
      // The default scenario: api → db is blocked by the default-deny policy, at db-0 (low in the drawing).
      await b.page.goto(`${site.url}?embed=1&panel=trace&trace=${encodeURIComponent('shop/api-55554b79c8-pbwhf')}+${encodeURIComponent('http://db.shop:5432/')}`);
      await b.page.waitForSelector('.react-flow__node[data-trace-source]', { timeout: 30_000 });
      const stop = '.react-flow__node[data-object="Pod/shop/db-0"][data-trace]';
      await b.page.waitForSelector(stop);
      await b.page.click('button:has-text("Show editor")');
      await b.page.waitForSelector('.monaco-editor');
      const inView = async () => inside(await box(b.page, stop), await box(b.page, '.react-flow')) && inside(await box(b.page, '.react-flow__node[data-trace-source]'), await box(b.page, '.react-flow'));
      await expect.poll(inView, { timeout: 5_000 }).toBe(true);
      // Still readable: titles at 9 px or more on screen.
      const zoom = await b.page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)?.[1]));
      expect(zoom * 14).toBeGreaterThanOrEqual(9 - 0.001);
      await shot(b.page, '66-embed-trace-editor-open');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  describe.each([
    [800, 500],
    [600, 400],
  ])('the embed at %ix%i with trace=', (width, height) => {
    let b: Browser;
    const url = 'http://myapp.default/';
    beforeAll(async () => {
      b = await openBrowser({ width, height });
      await b.page.goto(`${site.url}?embed=1&panel=trace&trace=${encodeURIComponent('default/client')}+${encodeURIComponent(url)}${encodeScenario(SCENARIO)}`);
      await b.page.waitForSelector('.react-flow__node[data-trace-source]', { timeout: 30_000 });
      await b.page.waitForSelector('.trace-verdict');
    });
    afterAll(async () => {
      await b.close();
    });

    it('shows the trace result without scrolling, and the form shows the traced peer and URL', async () => {
      const view = { x: 0, y: 0, width, height };
      expect(await b.page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
      expect(await b.page.locator('.panel-body').evaluate((el) => el.scrollTop)).toBe(0);
      const verdict = await box(b.page, '.trace-verdict');
      expect(inside(verdict, view)).toBe(true);
      expect(inside(verdict, await box(b.page, '.panel-body'))).toBe(true);
      expect(await b.page.locator('.trace-verdict').innerText()).toMatch(/^delivered /);
      // The form under it is in view too, showing what was traced (not the defaults).
      expect(inside(await box(b.page, '.query-form select'), view)).toBe(true);
      expect(inside(await box(b.page, '.query-form input'), view)).toBe(true);
      expect(await b.page.inputValue('.query-form select')).toBe('Pod/default/client');
      expect(await b.page.inputValue('.query-form input')).toBe(url);
      await shot(b.page, `63-embed-trace-${width}x${height}`);
    });

    it('keeps the tabs to one row and the open tab in view', async () => {
      const row = await box(b.page, '.tabs');
      const tab = await box(b.page, '.tabs [aria-selected="true"]');
      expect(await b.page.inputValue('.query-form input')).toBe(url);
      expect(row.height).toBeLessThan(40);
      expect(tab.x).toBeGreaterThanOrEqual(row.x - 0.5);
      expect(tab.x + tab.width).toBeLessThanOrEqual(row.x + row.width + 0.5);
    });

    it('gives the graph more room than the panels, with the overview folded', async () => {
      const graph = await box(b.page, '.react-flow');
      const dock = await box(b.page, '.dock');
      expect(graph.y + graph.height).toBeLessThanOrEqual(dock.y + 0.5);
      expect(graph.height).toBeGreaterThan(dock.height);
      expect(await b.page.locator('.overview').count()).toBe(0);
    });

    it('shows the editor in the panels\' place, overlapping no other text', async () => {
      await b.page.click('button:has-text("Show editor")');
      await b.page.waitForSelector('.monaco-editor');
      const editor = await box(b.page, '#editor-pane');
      const graph = await box(b.page, '.react-flow');
      expect(graph.y + graph.height).toBeLessThanOrEqual(editor.y + 0.5);
      expect(editor.y + editor.height).toBeLessThanOrEqual(height + 0.5);
      expect(await b.page.locator('.dock').count()).toBe(0);
      await shot(b.page, `64-embed-editor-${width}x${height}`);
      await b.page.click('button:has-text("Hide editor")');
      await b.page.waitForSelector('.trace-verdict');
    });

    it('logged no console errors and made no request outside loopback', () => {
      expect(b.errors).toEqual([]);
      expect(b.outside).toEqual([]);
    });
  });
});
