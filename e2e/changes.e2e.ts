/**
 * "What changed" (issue 17): after an edit typed like a person types it, the header says what it opened or
 * closed; the Changes panel lists each change, and a click selects its edge and shows the YAML that caused
 * it; "compare with" a pasted version answers against that version instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPlayground, pasteAll, shot, type Browser } from './harness';

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, env: [{name: API, value: "http://api.shop:80"}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{port: 80}]}
`;

/** Typed at the end of the text, one top-level line at a time (no indentation for the editor to add to). */
const POLICY_LINES = ['---', 'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: api-deny, namespace: shop}', 'spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}'];

/** Wait until the changes on screen are those of the latest text (it was simulated and rested). */
async function restedOnLatest(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const sim = (window as unknown as { __playground: { sim(): { rev: number; replyRev: number; changesRev: number } } }).__playground.sim();
      return sim.replyRev === sim.rev && sim.changesRev === sim.rev;
    },
    undefined,
    { timeout: 20_000 },
  );
}

describe('what changed', () => {
  let b: Browser;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const p = await openPlayground();
    b = p.b;
    close = p.close;
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  it('says what an edit closed, lists it, and shows its edge and the policy that caused it', async () => {
    const page = b.page;
    await pasteAll(page, SHOP);
    await page.waitForSelector('.react-flow__node[data-object="Service/shop/api"]');
    // The paste is one edit: the text rests on it (its changes are shown) before the policy is typed.
    await restedOnLatest(page);
    await page.keyboard.press('ControlOrMeta+End');
    for (const line of POLICY_LINES) {
      // Escape first: Enter would accept the completion the editor offers for `kind: NetworkPolicy`.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    // The typing is the next edit, compared with the pasted version however fast the worker kept up.
    await restedOnLatest(page);
    const chip = await page.waitForSelector('[data-changes*="closed"]');
    expect(await chip.getAttribute('data-changes')).not.toContain('opened');
    await chip.click();
    expect(await page.getAttribute('#tab-changes', 'aria-selected')).toBe('true');
    const entry = page.locator('[data-change="connection"]', { hasText: 'Deployment/shop/web → Deployment/shop/api 80/TCP' });
    expect(await entry.textContent()).toContain('allowed → denied');
    expect(await entry.textContent()).toContain('because of NetworkPolicy/shop/api-deny');
    await entry.locator('button').click();
    const edge = await page.waitForSelector('.react-flow__edge.selected');
    expect(await edge.getAttribute('data-from')).toMatch(/^Pod\/shop\/web-/);
    expect(await edge.getAttribute('data-to')).toBe('Service/shop/api');
    // The panel stays open and the editor selects the policy's YAML.
    expect(await page.getAttribute('#tab-changes', 'aria-selected')).toBe('true');
    await page.waitForSelector('.monaco-editor .selected-text');
    const selected = await page.evaluate(() => (window as unknown as { __playground: { selectedText(): string } }).__playground.selectedText());
    expect(selected).toContain('name: api-deny');
    await shot(page, 'changes-1440');
  }, 60_000);

  it('compares with a pasted version instead', async () => {
    const page = b.page;
    await page.selectOption('select[aria-label="Compare with"]', 'pasted');
    await page.click('textarea[aria-label="The version to compare with (YAML)"]');
    await page.keyboard.type(SHOP);
    await page.click('.paste-version button[type="submit"]');
    // Against the version without the policy, the same connection is closed; against itself nothing changes.
    await page.waitForSelector('[data-change="connection"]');
    expect(await page.textContent('[data-changes-summary]')).toMatch(/closed/);
    await page.click('textarea[aria-label="The version to compare with (YAML)"]');
    await page.keyboard.press('ControlOrMeta+End');
    for (const line of POLICY_LINES) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await page.click('.paste-version button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-changes-summary]')?.textContent === 'no change');
    expect(await page.locator('[data-change]').count()).toBe(0);
    await shot(page, 'changes-pasted-1440');
  }, 60_000);
});
