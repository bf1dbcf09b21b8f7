import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openPlayground, ready, shot, type Browser } from './harness';

/** Issue 12 (UI.md "Typing works"): every key a person presses reaches the editor, and the keyboard gets around. */
describe('typing and moving with the keyboard', () => {
  let b: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, close } = await openPlayground());
  });
  afterAll(async () => {
    await close?.();
  });

  it('types Space, Tab, Enter, Backspace and Shift+letters into the editor with real key presses', async () => {
    const before = await editorText(b.page);
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+End');
    await b.page.keyboard.press('Enter');
    // A comment line: no completion pops up to take Enter or Tab.
    await b.page.keyboard.type('# a b c');
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type('# Space Bar!');
    await b.page.keyboard.press('Tab');
    await b.page.keyboard.type('xz');
    await b.page.keyboard.press('Backspace');
    await b.page.keyboard.type('y!');
    await expect.poll(() => editorText(b.page)).toBe(`${before}\n# a b c\n# Space Bar!  xy!`);
    // The graph did not take Space for its pan key: the editor still has the focus.
    expect(await b.page.evaluate(() => !!document.activeElement?.closest('#editor-pane'))).toBe(true);
  });

  it('leaves the editor with Escape then Tab (and says so), and Tab alone indents', async () => {
    expect(await b.page.locator('.editor-hint').textContent()).toMatch(/Esc.*then.*Tab.*leaves the editor/);
    await b.page.keyboard.press('Tab');
    expect(await b.page.evaluate(() => !!document.activeElement?.closest('#editor-pane'))).toBe(true);
    await b.page.keyboard.press('Escape');
    await b.page.keyboard.press('Tab');
    expect(await b.page.evaluate(() => !!document.activeElement?.closest('#editor-pane'))).toBe(false);
    await b.page.keyboard.press('Shift+Tab');
    await b.page.keyboard.press('Escape');
    await b.page.keyboard.press('Shift+Tab');
    const back = await b.page.evaluate(() => ({
      inEditor: !!document.activeElement?.closest('#editor-pane'),
      tag: document.activeElement?.tagName,
    }));
    expect(back.inEditor).toBe(false);
  });

  it('offers skip links first in the tab order', async () => {
    await b.page.reload();
    await ready(b.page);
    await b.page.keyboard.press('Tab');
    expect(await b.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the editor');
    await b.page.keyboard.press('Tab');
    expect(await b.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the graph');
    await shot(b.page, '40-skip-link');
    await b.page.keyboard.press('Enter');
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute('data-kind'))).toBeTruthy();
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
