/**
 * The "Allow this" quick fix in real Chromium: a blocked call edge, one click in the Inspector, the edge
 * turns allowed through one edit of the YAML, the Inspector shows the lines it added, and Ctrl+Z in the
 * editor brings the text (and the blocked edge) back. Then the NP-14 warning's "Allow DNS" code action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openPlayground, pasteAll, shot, type Browser } from './harness';

const SCENARIO = `# web calls the api; the shop namespace denies ingress by default
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports:
  - port: 80
    targetPort: http
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
    env:
    - name: API_URL
      value: http://api.shop:80/
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  labels: {app: api}
spec:
  containers:
  - name: api
    image: ghcr.io/example/api:1.0
    ports:
    - name: http
      containerPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const EGRESS_DENY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
`;

type Marker = { line: number; column: number; code?: string; message: string };
const markers = (b: Browser) => b.page.evaluate(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers());

describe('Allow this', () => {
  let b: Browser;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const p = await openPlayground();
    b = p.b;
    close = p.close;
  });
  afterAll(async () => close?.());

  const edge = () => b.page.locator('.react-flow__edge[data-from="Pod/shop/web"][data-to="Service/shop/api"]');

  it('turns a blocked edge allowed with one undoable edit and shows the diff', async () => {
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, SCENARIO);
    await edge().and(b.page.locator('[data-verdict="blocked"]')).waitFor({ state: 'attached', timeout: 20_000 });
    // The edge's own hit area, clicked with the mouse where it is drawn.
    const hit = edge().locator('.react-flow__edge-interaction').first();
    const box = await hit.boundingBox();
    if (box) await b.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const button = b.page.locator('.inspector button.allow-this');
    if (!(await button.isVisible().catch(() => false))) await edge().locator('path').first().dispatchEvent('click');
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await shot(b.page, 'allow-00-blocked-edge');
    await button.click();

    await b.page.waitForSelector('.react-flow__edge[data-from="Pod/shop/web"][data-to="Service/shop/api"][data-verdict="allowed"]', { timeout: 20_000 });
    const after = await editorText(b.page);
    expect(after.startsWith(SCENARIO)).toBe(true);
    expect(after.slice(SCENARIO.length)).toContain('name: allow-web-to-api');
    expect(after.slice(SCENARIO.length)).toContain('port: http');
    const added = await b.page.locator('.fix-diff .d-add').allTextContents();
    expect(added.some((l) => l.includes('allow-web-to-api'))).toBe(true);
    expect(await b.page.locator('.fix-changes').textContent()).toContain('Created NetworkPolicy/shop/allow-web-to-api');
    await shot(b.page, 'allow-01-applied');

    // One Ctrl+Z in the editor undoes the whole fix.
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Z');
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, SCENARIO, { timeout: 10_000 });
    await b.page.waitForSelector('.react-flow__edge[data-from="Pod/shop/web"][data-to="Service/shop/api"][data-verdict="blocked"]', { timeout: 20_000 });
    expect(await b.page.locator('.fix-result h4').textContent()).toContain('undone');
  });

  it('offers "Allow this" as a code action in the policy that blocks the call, applied as one undoable edit', async () => {
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, SCENARIO);
    await edge().and(b.page.locator('[data-verdict="blocked"]')).waitFor({ state: 'attached', timeout: 20_000 });
    // The cursor on the policy's `podSelector: {}` line, moved there with the keyboard, then Ctrl+.
    const line = SCENARIO.split('\n').findIndex((l) => l.includes('podSelector: {}')) + 1;
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < line; i++) await b.page.keyboard.press('ArrowDown');
    await b.page.keyboard.press('End');
    await b.page.keyboard.press('ControlOrMeta+Period');
    const item = b.page.locator('.action-widget .monaco-list-row.action', { hasText: 'Allow Pod/shop/web → Service/shop/api:80' }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await shot(b.page, 'allow-04-code-action');
    // The only fix here is the focused row: Enter applies it, as a person would.
    expect(await item.getAttribute('class')).toContain('focused');
    await b.page.keyboard.press('Enter');
    await b.page.waitForSelector('.react-flow__edge[data-from="Pod/shop/web"][data-to="Service/shop/api"][data-verdict="allowed"]', { timeout: 20_000 });
    expect((await editorText(b.page)).slice(SCENARIO.length)).toContain('name: allow-web-to-api');
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Z');
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, SCENARIO, { timeout: 10_000 });
  });

  it('offers "Allow DNS" on the NP-14 warning, which makes the warning go away', async () => {
    const text = SCENARIO + EGRESS_DENY;
    await pasteAll(b.page, text);
    await b.page.waitForFunction(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers().some((m) => (m.code ?? '').startsWith('netpol-blocks-dns')), undefined, { timeout: 20_000 });
    const warn = (await markers(b)).find((m) => (m.code ?? '').startsWith('netpol-blocks-dns'))!;
    // Put the cursor on the warned line with the keyboard, then ask for quick fixes (Ctrl+.).
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 1; i < warn.line; i++) await b.page.keyboard.press('ArrowDown');
    await b.page.keyboard.press('Home');
    for (let i = 1; i < warn.column + 2; i++) await b.page.keyboard.press('ArrowRight');
    const item = b.page.locator('.action-widget .monaco-list-row.action', { hasText: 'Allow DNS for shop/web' }).first();
    // Ask for the quick fixes (Ctrl+.) and, as a person would when nothing shows, once more: in one CI run of
    // many the first request showed nothing in 10 s. What the editor had then is in the error.
    for (let attempt = 0; ; attempt++) {
      await b.page.keyboard.press('ControlOrMeta+Period');
      const shown = await item.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 2) {
        const state = await b.page.evaluate(() => ({
          focus: document.activeElement?.className,
          selection: (window as unknown as { __playground: { selectedText(): string } }).__playground.selectedText(),
          widget: document.querySelector('.action-widget')?.textContent?.slice(0, 200) ?? 'no action widget',
        }));
        throw new Error(`no "Allow DNS" quick fix after three Ctrl+. at line ${warn.line}, column ${warn.column}: ${JSON.stringify(state)}`);
      }
      await b.page.keyboard.press('Escape');
    }
    await shot(b.page, 'allow-02-dns-action');
    // The preferred fix is the focused row: Enter applies it, as a person would.
    expect(await item.getAttribute('class')).toContain('focused');
    await b.page.keyboard.press('Enter');
    await b.page.waitForFunction(() => !(window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers().some((m) => (m.code ?? '').startsWith('netpol-blocks-dns')), undefined, { timeout: 20_000 });
    const after = await editorText(b.page);
    expect(after).toContain('k8s-app: kube-dns');
    expect(after).toContain('protocol: UDP');
    expect(await b.page.locator('.fix-result h4').textContent()).toContain('Allow DNS for shop/web');
    await shot(b.page, 'allow-03-dns-applied');
  });

  it('allows a denied cell of the Policy matrix from the panel', async () => {
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, SCENARIO);
    await edge().and(b.page.locator('[data-verdict="blocked"]')).waitFor({ state: 'attached', timeout: 20_000 });
    await b.page.getByRole('tab', { name: 'Policy matrix' }).click();
    const port = b.page.locator('form label', { hasText: 'port' }).locator('input');
    await port.click();
    await b.page.keyboard.press('ControlOrMeta+A');
    await b.page.keyboard.type('8080');
    await b.page.getByRole('button', { name: 'Compute' }).click();
    const cell = b.page.getByRole('button', { name: 'shop/web to shop/api: denied' });
    await cell.click();
    const allowBtn = b.page.locator('.answer-block button.allow-this');
    await allowBtn.click();
    await b.page.waitForSelector('.react-flow__edge[data-from="Pod/shop/web"][data-to="Service/shop/api"][data-verdict="allowed"]', { timeout: 20_000 });
    expect(await editorText(b.page)).toContain('name: allow-web-to-api');
    expect(await b.page.locator('.answer-block .fix-changes').textContent()).toContain('NetworkPolicy/shop/allow-web-to-api');
    await b.page.getByRole('button', { name: 'Compute' }).click();
    await b.page.getByRole('button', { name: 'shop/web to shop/api: allowed' }).waitFor({ timeout: 10_000 });
    await shot(b.page, 'allow-04-matrix');
  });

  it('allows a trace that a policy stopped, from the Trace panel', async () => {
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, SCENARIO);
    await edge().and(b.page.locator('[data-verdict="blocked"]')).waitFor({ state: 'attached', timeout: 20_000 });
    await b.page.getByRole('tab', { name: 'Trace' }).click();
    const from = b.page.locator('form label', { hasText: 'from' }).locator('select');
    const pods = await from.locator('option').allTextContents();
    await from.selectOption(pods.find((p) => p.endsWith('shop/web'))!);
    const url = b.page.locator('form label', { hasText: 'URL' }).locator('input');
    await url.click();
    await b.page.keyboard.press('ControlOrMeta+A');
    await b.page.keyboard.type('http://api.shop/');
    await b.page.getByRole('button', { name: 'Trace', exact: true }).click();
    const allowBtn = b.page.locator('.answer-block button.allow-this');
    await allowBtn.click();
    await b.page.waitForSelector('.react-flow__edge[data-from="Pod/shop/web"][data-to="Service/shop/api"][data-verdict="allowed"]', { timeout: 20_000 });
    expect(await editorText(b.page)).toContain('name: allow-web-to-api');
    await shot(b.page, 'allow-05-trace');
  });
});
