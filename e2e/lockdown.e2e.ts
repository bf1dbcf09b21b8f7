import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openGallery, openPlayground, shot, type Browser } from './harness';
import { SCENARIOS } from '../src/scenarios/index';

type Probe = { rev: number; replyRev: number; errors: number };

async function settled(b: Browser): Promise<void> {
  await b.page.waitForFunction(
    () => {
      const p = (window as unknown as { __playground?: { sim(): Probe } }).__playground?.sim();
      return !!p && p.replyRev === p.rev;
    },
    undefined,
    { timeout: 20_000 },
  );
}

/** The call edges the graph draws (pod → Service, inferred from the configuration) with their verdicts. */
const calls = (b: Browser) =>
  b.page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.react-flow__edge[data-relation="call"]')].map((e) => [`${e.getAttribute('data-from')} → ${e.getAttribute('data-to')}`, e.getAttribute('data-verdict')]),
    ),
  );

/** Issue 17: "Lock down namespace…" on a gallery scenario previews the policies and keeps its calls green. */
describe('lock down a namespace', () => {
  const shop = SCENARIOS.find((s) => s.id === 'microservices-shop')!;
  let b: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, close } = await openPlayground());
    await openGallery(b.page);
    await b.page.click(`.card[data-scenario="${shop.id}"] button`);
    if (await b.page.locator('.gallery .confirm').count()) await b.page.click('.gallery .confirm button:has-text("Replace")');
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, shop.text, { timeout: 10_000 });
    await settled(b);
    await b.page.waitForSelector('.react-flow__edge[data-relation="call"]');
  });
  afterAll(async () => {
    await close?.();
  });

  it('shows the generated YAML beside what it changes, inserts it as one edit, and every call stays allowed', async () => {
    const before = await calls(b);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(Object.values(before).every((v) => v === 'allowed')).toBe(true);

    await b.page.locator('.react-flow__node[data-object^="Pod/boutique/frontend-"]').first().click();
    await b.page.click('.inspector button:has-text("Lock down namespace boutique")');
    const dialog = b.page.locator('[role="dialog"][data-lockdown="boutique"]');
    await dialog.waitFor();
    const yaml = (await dialog.locator('[data-lockdown-yaml]').textContent()) ?? '';
    expect(yaml).toContain('name: default-deny');
    expect(yaml).toContain('# frontend calls cartservice:7070 (env CART_SERVICE_ADDR)');
    // Without policies every pod could reach every other: the preview lists pairs the lock-down denies.
    expect(await dialog.locator('[data-lockdown-denied] li').count()).toBeGreaterThan(0);
    expect(await dialog.locator('[data-lockdown-kept]').textContent()).toContain(`${Object.keys(before).length} calls`);
    await shot(b.page, 'lockdown-preview');

    await dialog.locator('button:has-text("Insert into the editor")').click();
    await b.page.waitForFunction(() => (window as unknown as { __playground: { text(): string } }).__playground.text().includes('knet-policies'), undefined, { timeout: 10_000 });
    await settled(b);
    const text = await editorText(b.page);
    expect(text.startsWith(shop.text.trimEnd())).toBe(true);
    // The pods are now isolated, and every call the graph drew is still allowed.
    await b.page.locator('.react-flow__node[data-object^="Pod/boutique/frontend-"]').first().click();
    await expect.poll(() => b.page.locator('.inspector .isolation').textContent()).toContain('default-deny');
    const after = await calls(b);
    expect(after).toEqual(before);
    await shot(b.page, 'lockdown-applied');

    // One undoable edit: Undo in the editor brings back the scenario as it was.
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Z');
    await b.page.waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, shop.text, { timeout: 10_000 });
  });
});
