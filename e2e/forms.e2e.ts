import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openBrowser, openPlayground, pasteAll, serveSite, shot, type Browser } from './harness';

/** Load a gallery lesson the way a person does: ☰ Scenarios, then its Load button. */
async function loadLesson(page: Page, id: string, waitFor: string): Promise<void> {
  await page.click('.topbar button:has-text("Scenarios")');
  await page.click(`.card[data-scenario="${id}"] button`);
  await page.waitForSelector(`.react-flow__node[data-object="${waitFor}"]`, { timeout: 20_000 });
}

async function openTab(page: Page, label: string): Promise<void> {
  await page.click(`button[role="tab"]:has-text("${label}")`);
  await page.waitForSelector('.query-form');
}

/** The backends the Routes answer lists, as `ns/name`, once an answer is on screen. */
async function routedBackends(page: Page): Promise<string[]> {
  await page.waitForSelector('.route-result', { timeout: 15_000 });
  return page.locator('.route-backends li').evaluateAll((els) => els.map((e) => e.getAttribute('data-backend') ?? ''));
}

/** Press the form's button and wait for its next answer (`data-answers` counts them). */
async function submit(page: Page): Promise<void> {
  const before = Number(await page.locator('.query').getAttribute('data-answers'));
  await page.click('.query-form button[type="submit"]');
  await page.waitForSelector(`.query[data-answers="${before + 1}"]`, { timeout: 15_000 });
}

async function route(page: Page): Promise<string[]> {
  await submit(page);
  return routedBackends(page);
}

/** A Gateway with a GRPCRoute for shop.Cart/AddItem only. */
const GRPC = [
  'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.com/gc}\n',
  'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec: {gatewayClassName: gc, listeners: [{name: http, protocol: HTTP, port: 80}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: cart-0, labels: {app: cart}}\nspec: {containers: [{name: c, image: example, ports: [{containerPort: 9090}]}]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: cart}\nspec: {selector: {app: cart}, ports: [{port: 9090}]}\n',
  'apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata: {name: cart}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [grpc.example.com]\n  rules:\n  - matches: [{method: {service: shop.Cart, method: AddItem}}]\n    backendRefs: [{name: cart, port: 9090}]\n',
].join('---\n');

describe('request forms that teach', () => {
  let b: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, close } = await openPlayground());
  });
  afterAll(async () => {
    await close?.();
  });

  it('the canary lesson pre-fills X-Canary: always; the header changes the routed backend', async () => {
    const page = b.page;
    await loadLesson(page, 'canary-ingress-nginx', 'Service/shop/checkout-v2');
    await openTab(page, 'Routes');
    // The lesson's request is in the form: its URL and its header row.
    expect(await page.inputValue('.query-form label.grow input')).toBe('http://shop.example.com/checkout');
    expect(await page.inputValue('[aria-label="header 1 name"]')).toBe('X-Canary');
    expect(await page.inputValue('[aria-label="header 1 value"]')).toBe('always');
    expect(await route(page)).toEqual(['shop/checkout-v2']);
    // The backend receives the header as sent, and the proxy's own headers are marked as added.
    expect(await page.locator('[data-forwarded]').innerText()).toMatch(/x-canary: always[\s\S]*\+ x-forwarded-host: shop\.example\.com/);
    const axe = await new AxeBuilder({ page }).include('.dock').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
    await shot(page, 'forms-canary-always');

    // Typed with real key presses: never → always the main Service.
    await page.click('[aria-label="header 1 value"]', { clickCount: 3 });
    await page.keyboard.type('never');
    expect(await route(page)).toEqual(['shop/checkout-v1']);

    // Without the header, the canary weight splits 90/10: both backends, each with its share in percent.
    await page.click('[aria-label="remove header X-Canary"]');
    expect(await page.locator('[data-header-row]').count()).toBe(0);
    expect(await route(page)).toEqual(['shop/checkout-v1', 'shop/checkout-v2']);
    const shares = await page.locator('.route-backends .share').evaluateAll((els) => els.map((e) => e.textContent));
    expect(shares).toEqual(['90%', '10%']);

    // Added back with the + header button and typed.
    await page.click('.request-fields button:has-text("+ header")');
    await page.click('[aria-label="header 1 name"]');
    await page.keyboard.type('X-Canary');
    await page.click('[aria-label="header 1 value"]');
    await page.keyboard.type('always');
    expect(await route(page)).toEqual(['shop/checkout-v2']);
  });

  it('the canary edge on the graph carries its weight', async () => {
    const label = b.page.locator('[data-share-edge="Ingress/shop/checkout-canary->Service/shop/checkout-v2"]');
    expect(await label.innerText()).toBe('10%');
    expect(await label.getAttribute('title')).toMatch(/canary-weight 10 of 100/);
  });

  it('the Gateway lesson: env: beta goes to reviews-v2 only; without it 90/10, also on the graph edges', async () => {
    const page = b.page;
    await loadLesson(page, 'gateway-httproute', 'Service/reviews/reviews-v1');
    await openTab(page, 'Routes');
    expect(await page.inputValue('[aria-label="header 1 name"]')).toBe('env');
    expect(await route(page)).toEqual(['reviews/reviews-v2']);
    await page.click('[aria-label="remove header env"]');
    expect(await route(page)).toEqual(['reviews/reviews-v1', 'reviews/reviews-v2']);
    expect(await page.locator('.route-backends .share').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(['90%', '10%']);
    expect(await page.locator('[data-share-edge="HTTPRoute/reviews/reviews->Service/reviews/reviews-v1"]').innerText()).toBe('90%');
    expect(await page.locator('[data-share-edge="HTTPRoute/reviews/reviews->Service/reviews/reviews-v2"]').innerText()).toBe('10%');
    // Rule 1 (env: beta) sends all its requests to reviews-v2: the label's explanation says so.
    expect(await b.page.locator('[data-share-edge="HTTPRoute/reviews/reviews->Service/reviews/reviews-v2"]').getAttribute('title')).toMatch(/rule 1 sends all its requests here; rule 2 sends 10%/);
    await shot(page, 'forms-gateway-weights');
    // Clicking the share opens its edge in the Inspector, which says whose share it is.
    await page.click('[data-share-edge="HTTPRoute/reviews/reviews->Service/reviews/reviews-v1"]');
    await page.waitForSelector('[data-share-why]', { timeout: 5_000 });
    expect(await page.locator('[data-share-why]').innerText()).toBe('90% of the requests: rule 2 sends 90% of its requests here (weight 90 of 100) (GW-11).');
  });

  it('a TLS host answers 308: the Location, why, and a button that asks again over https://', async () => {
    const page = b.page;
    await loadLesson(page, 'ingress-host-path-tls', 'Ingress/shop/shop');
    await openTab(page, 'Routes');
    await page.click('.query-form label.grow input', { clickCount: 3 });
    await page.keyboard.type('http://shop.example.com/');
    await route(page);
    const redirect = page.locator('.route-result [data-redirect]');
    expect(await redirect.getAttribute('data-redirect')).toBe('https://shop.example.com');
    expect(await redirect.innerText()).toMatch(/has TLS in Ingress\/shop\/shop/);
    await shot(page, 'forms-tls-308');
    const before = Number(await page.locator('.query').getAttribute('data-answers'));
    await page.click('.route-result button.use-https');
    await page.waitForSelector(`.query[data-answers="${before + 1}"]`, { timeout: 15_000 });
    expect(await page.inputValue('.query-form label.grow input')).toBe('https://shop.example.com/');
    expect(await page.locator('.route-result h2').first().innerText()).toMatch(/→ 200/);
    expect(await page.locator('.route-result [data-redirect]').count()).toBe(0);
  });

  it('Trace sends the headers too: the canary header decides which pods the request reaches', async () => {
    const page = b.page;
    await loadLesson(page, 'canary-ingress-nginx', 'Service/shop/checkout-v2');
    await openTab(page, 'Trace');
    expect(await page.inputValue('[aria-label="header 1 value"]')).toBe('always');
    await submit(page);
    await page.waitForSelector('.react-flow__node[data-object="Service/shop/checkout-v2"][data-trace="ok"]', { timeout: 15_000 });
    expect(await page.locator('.react-flow__node[data-object="Service/shop/checkout-v1"][data-trace]').count()).toBe(0);
  });

  it('a debug pod in a chosen namespace, with chosen labels, for DNS and Trace (kubectl run debugging on any scenario)', async () => {
    const page = b.page;
    await loadLesson(page, 'allow-frontend-api-database', 'Service/app/api');
    await openTab(page, 'DNS');
    await page.selectOption('.query-form select >> nth=0', 'debug pod…');
    await page.selectOption('[aria-label="debug pod namespace"]', 'app');
    await page.click('.query-form label:has-text("name") input', { clickCount: 3 });
    await page.keyboard.type('api');
    await submit(page);
    // The short name resolves in the debug pod's namespace first (its search path starts with app.svc).
    expect(await page.locator('.tried li').first().innerText()).toMatch(/^api\.app\.svc\.cluster\.local\. NOERROR/);

    await openTab(page, 'Trace');
    await page.selectOption('.query-form select >> nth=0', 'debug pod…');
    await page.selectOption('[aria-label="debug pod namespace"]', 'app');
    await page.click('.query-form label.grow input', { clickCount: 3 });
    await page.keyboard.type('http://api.app:8080/');
    // kubectl run's own label: the policy admits only tier=frontend to the api, so the request is blocked.
    await submit(page);
    expect(await page.locator('.trace-verdict strong').innerText()).toBe('blocked');
    await page.click('[aria-label="debug pod labels"]', { clickCount: 3 });
    await page.keyboard.type('tier=frontend');
    await submit(page);
    expect(await page.locator('.trace-verdict strong').innerText()).toBe('delivered');
    expect(await page.locator('.hops').innerText()).toContain('app/debug');
    await shot(page, 'forms-debug-pod');
    // The new controls (debug pod fields, header rows, gRPC) pass axe, as the rest of the page does.
    await page.click('.request-fields button:has-text("+ header")');
    const r = await new AxeBuilder({ page }).include('.dock').analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
  });

  it('a gRPC call: service and method typed into the form reach the GRPCRoute that matches them', async () => {
    const page = b.page;
    await pasteAll(page, GRPC);
    await page.waitForSelector('.react-flow__node[data-object="GRPCRoute/default/cart"]', { timeout: 20_000 });
    await openTab(page, 'Routes');
    await page.click('.query-form label.grow input', { clickCount: 3 });
    await page.keyboard.type('http://grpc.example.com');
    await page.click('[aria-label="gRPC call"]');
    await page.click('[aria-label="gRPC service"]');
    await page.keyboard.type('shop.Cart');
    await page.click('[aria-label="gRPC method"]');
    await page.keyboard.type('AddItem');
    await shot(page, 'forms-grpc');
    expect(await route(page)).toEqual(['default/cart']);
    expect(await page.locator('[data-forwarded]').innerText()).toMatch(/Path: \/shop\.Cart\/AddItem/);
    await page.click('[aria-label="gRPC method"]', { clickCount: 3 });
    await page.keyboard.type('Remove');
    await submit(page);
    expect(await page.locator('.route-result h2').first().innerText()).toMatch(/→ 404/);
  });
});

describe('every panel is in reach', () => {
  it('at 1024x700 with problem and goal badges, no tab is pushed out of view', async () => {
    const site = await serveSite('/');
    const b = await openBrowser({ width: 1024, height: 700 });
    try {
      await b.page.goto(site.url);
      await b.page.waitForSelector('.react-flow__node[data-kind]', { timeout: 30_000 });
      await loadLesson(b.page, 'exercises/fix-dns-egress', 'Service/app/database');
      await b.page.waitForSelector('.tabs .count-bad');
      const bar = await b.page.locator('.tabs').evaluate((e) => ({ ...e.getBoundingClientRect().toJSON(), scroll: e.scrollWidth - e.clientWidth }) as { left: number; right: number; bottom: number; scroll: number });
      expect(bar.scroll).toBe(0);
      const tabs = await b.page.locator('.tabs button').evaluateAll((els) => els.map((e) => ({ text: e.textContent, ...e.getBoundingClientRect().toJSON() }) as { text: string; left: number; right: number }));
      for (const t of tabs) {
        expect(t.left, t.text).toBeGreaterThanOrEqual(bar.left);
        expect(t.right, t.text).toBeLessThanOrEqual(bar.right);
      }
      await shot(b.page, 'forms-tabs-1024');
    } finally {
      await b.close();
      await site.close();
    }
  });

  it('the shortcut help in Settings lists every tab, and each listed Alt+key opens its panel', async () => {
    const { b, close } = await openPlayground();
    try {
      const page = b.page;
      const tabs = await page.locator('.tabs button[role="tab"]').evaluateAll((els) => els.map((e) => e.id.replace(/^tab-/, '')));
      const labels = await page.locator('.tabs button[role="tab"]').evaluateAll((els) => els.map((e) => e.childNodes[0]?.textContent ?? ''));
      await page.click('.topbar button:has-text("Settings")');
      const help = await page.locator('.shortcuts li').allInnerTexts();
      for (const [i, label] of labels.entries()) {
        const line = help.find((l) => new RegExp(`^Alt\\+\\w ${label}:`).test(l));
        expect(line, `${label} in the shortcut help`).toBeDefined();
        const key = /^Alt\+(\w)/.exec(line!)![1]!;
        await page.keyboard.press(`Alt+${/\d/.test(key) ? key : `Key${key.toUpperCase()}`}`);
        await page.waitForSelector(`#tab-${tabs[i]}[aria-selected="true"]`, { timeout: 5_000 });
      }
    } finally {
      await close();
    }
  });
});

describe('the Policy matrix in a wide dock', () => {
  it('shows the pods whole where the panel has room for their names', async () => {
    const { b, close } = await openPlayground();
    try {
      const page = b.page;
      await page.click('button[role="tab"]:has-text("Policy matrix")');
      await page.click('.query-form button[type="submit"]');
      await page.waitForSelector('table.matrix tbody th.row');
      // The default scenario's pods are named as ReplicaSets name them (shop/frontend-5876995497-hdxmw): 30 characters.
      const rows = await page.locator('table.matrix tbody th.row').evaluateAll((ths) =>
        ths.map((th) => ({ shown: th.querySelector('.name')!.textContent, whole: th.getAttribute('title') })),
      );
      expect(rows.length).toBeGreaterThan(3);
      expect(Math.max(...rows.map((r) => r.whole!.length))).toBeGreaterThan(22);
      for (const r of rows) expect(r.shown).toBe(r.whole);
      await shot(page, 'forms-matrix-wide');
      expect(b.errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
