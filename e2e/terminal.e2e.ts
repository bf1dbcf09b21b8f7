import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openPlayground, pasteAll, ready, shot, type Browser, type Site } from './harness';

/** shop/web may not reach shop/db (policy); addresses are written so the answers can be read exactly. */
const pod = (name: string, app: string, ip: string, port: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {app: ${app}}}\nspec: {nodeName: node-1, containers: [{name: c, image: example, ports: [{containerPort: ${port}}]}]}\nstatus: {phase: Running, podIP: ${ip}}\n`;
const svc = (name: string, ip: string, port: number) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {clusterIP: ${ip}, selector: {app: ${name}}, ports: [{port: ${port}}]}\n`;
const SCENARIO = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
  pod('api-0', 'api', '10.244.1.10', 8080),
  pod('db-0', 'db', '10.244.1.11', 5432),
  svc('api', '10.96.100.10', 8080),
  svc('db', '10.96.100.20', 5432),
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-from-api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]\n',
].join('---\n');

const output = (page: Page) => page.locator('[data-terminal-output]');

/** Type a command with real key presses and wait until its answer is on screen. */
async function type(page: Page, line: string, answer: string | RegExp): Promise<void> {
  await page.click('#term-line');
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => output(page).innerText(), { timeout: 15_000, interval: 200 }).toMatch(answer);
}

describe('the terminal', () => {
  let b: Browser;
  let site: Site;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, site, close } = await openPlayground());
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/shop/db-0"]', { timeout: 20_000 });
    await b.page.click('button[role="tab"]:has-text("Terminal")');
    await b.page.waitForSelector('#term-line');
  });
  afterAll(async () => {
    await close?.();
  });

  it('answers kubectl, a one-shot busybox pod and wget as the real tools do, a blocked request included', async () => {
    const page = b.page;
    await type(page, 'kubectl get endpoints -n shop', /api\s+10\.244\.1\.10:8080\s+5m\n.*db\s+10\.244\.1\.11:5432\s+5m/s);
    expect(await output(page).innerText()).toContain('Warning: v1 Endpoints is deprecated in v1.33+');
    await type(page, 'kubectl run tmp --image=busybox --rm -it --restart=Never -- nslookup api.shop.svc.cluster.local', /Name:\s+api\.shop\.svc\.cluster\.local\nAddress: 10\.96\.100\.10/);
    expect(await output(page).innerText()).toContain('pod "tmp" deleted from default namespace');
    await type(page, 'wget -qO- -T 2 http://api.shop:8080', /\napi-0\n/);
    await type(page, 'wget -qO- -T 2 http://db.shop:5432', 'wget: download timed out');
    // The simulator says why, apart from the tool's output.
    expect(await output(page).innerText()).toMatch(/# .*db-from-api/);
    await shot(page, 'terminal-blocked');
  });

  it('lights the blocked request on the graph: the stop carries data-trace=blocked', async () => {
    await b.page.waitForSelector('.react-flow__node[data-object="Service/shop/db"][data-trace="ok"]', { timeout: 10_000 });
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/shop/db-0"][data-trace="blocked"]', { timeout: 10_000 });
  });

  it('draws the request again after an edit: without the policy it reaches the pod', async () => {
    await pasteAll(b.page, SCENARIO.split('---\n').slice(0, -1).join('---\n'));
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/shop/db-0"][data-trace="ok"]', { timeout: 15_000 });
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/shop/db-0"][data-trace="blocked"]', { timeout: 15_000 });
    await b.page.click('button[role="tab"]:has-text("Terminal")');
  });

  it('keeps a history (Up/Down), completes with Tab, cancels with Ctrl+C and clears with Ctrl+L', async () => {
    const page = b.page;
    const field = page.locator('#term-line');
    await field.click();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => field.inputValue()).toBe('wget -qO- -T 2 http://db.shop:5432');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => field.inputValue()).toBe('wget -qO- -T 2 http://api.shop:8080');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => field.inputValue()).toBe('');
    // endpoints and endpointslices share a prefix: Tab completes it, a second Tab lists both.
    await page.keyboard.type('kubectl get endp');
    await page.keyboard.press('Tab');
    await expect.poll(() => field.inputValue()).toBe('kubectl get endpoints');
    await page.keyboard.press('Tab');
    await expect.poll(() => output(page).innerText()).toContain('endpoints  endpointslices');
    await page.keyboard.type(' -n s');
    await page.keyboard.press('Tab');
    await expect.poll(() => field.inputValue()).toBe('kubectl get endpoints -n shop ');
    await page.keyboard.press('Control+C');
    await expect.poll(() => field.inputValue()).toBe('');
    expect(await output(page).innerText()).toContain('kubectl get endpoints -n shop ^C');
    await page.keyboard.press('Control+L');
    await expect.poll(() => output(page).innerText()).toBe('');
  });

  it('selects an object when its name is clicked in the output, and stays in the terminal', async () => {
    const page = b.page;
    await type(page, 'kubectl get svc -n shop', /db\s+ClusterIP\s+10\.96\.100\.20/);
    await output(page).locator('button.term-obj', { hasText: 'db' }).first().click();
    await page.waitForSelector('.react-flow__node.selected[data-object="Service/shop/db"]', { timeout: 10_000 });
    expect(await page.locator('#term-line').count()).toBe(1);
  });

  it('enters a pod with kubectl exec -it, shows where the shell runs, and leaves it with exit', async () => {
    const page = b.page;
    await type(page, 'kubectl exec -it api-0 -n shop -- sh', /kubectl exec -it api-0 -n shop -- sh/);
    await expect.poll(() => page.locator('.term-input label').innerText()).toMatch(/shop\/api-0\s+\/ #/);
    await type(page, 'nc -zv -w 1 db 5432', 'db (10.96.100.20:5432) open');
    await type(page, 'exit', /exit/);
    await type(page, 'exit', /exit/);
    await expect.poll(() => page.locator('.term-input label').innerText()).toMatch(/your machine\s+\$/);
    await type(page, 'curl -sS http://api.shop', 'curl: (6) Could not resolve host: api.shop');
  });

  it('has no axe violations, in both themes', async () => {
    const found: string[] = [];
    for (let i = 0; i < 2; i++) {
      const theme = await b.page.evaluate(() => document.documentElement.dataset.theme);
      const r = await new AxeBuilder({ page: b.page }).include('.terminal').analyze();
      found.push(...r.violations.map((v) => `${theme}: ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`));
      await b.page.click('button[aria-label="Toggle dark theme"]');
      await b.page.waitForTimeout(200);
    }
    expect(found).toEqual([]);
  });

  it('opens with a command from the address (cmd=, run=1)', async () => {
    const hash = await b.page.evaluate(() => location.hash);
    await b.page.goto(`${site.url}?cmd=${encodeURIComponent('kubectl get pods -n shop')}&run=1${hash}`);
    await ready(b.page);
    await expect.poll(() => output(b.page).innerText(), { timeout: 15_000 }).toMatch(/api-0\s+1\/1\s+Running/);
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
