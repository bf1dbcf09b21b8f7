import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openPlayground, ready, shot, type Browser } from './harness';

/** Issue 12 ("typing works"): every key a person presses reaches the editor, and the keyboard gets around. */
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

  it('starts a new line on Enter after a word typed whole, even while completion offers that same word', async () => {
    const objects = async () => Number(/(\d+) objects/.exec(await b.page.locator('header .status').innerText())?.[1]);
    const objectsBefore = await objects();
    const before = await editorText(b.page);
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+End');
    await b.page.keyboard.press('Enter');
    // At a person's pace, so that the schema's suggestions ("v1", "Namespace") are up when Enter comes: Enter
    // took the suggestion that changed nothing and the next line was joined on (`kind: Namespacemetadata:`).
    for (const line of ['---', 'apiVersion: v1', 'kind: Namespace', 'metadata:']) {
      await b.page.keyboard.type(line, { delay: 60 });
      await b.page.waitForTimeout(300);
      await b.page.keyboard.press('Enter');
    }
    await b.page.keyboard.type('  name: typed', { delay: 60 });
    await b.page.keyboard.press('Escape');
    await expect.poll(() => editorText(b.page)).toBe(`${before}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: typed`);
    // The simulator reads the typed Namespace as one more object.
    await expect.poll(() => objects(), { timeout: 10_000 }).toBe(objectsBefore + 1);
  });

  it('leaves the graph alone while Shift or Ctrl is held in the editor (no selection mode switched on the graph)', async () => {
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+End'); // the caret back at the end, where the next test types
    const pane = b.page.locator('.react-flow__pane');
    for (const key of ['Shift', 'Control']) {
      await b.page.keyboard.down(key);
      // React Flow marks its pane `selection` in box-selection mode; at 700 nodes switching it cost ~80 ms a press.
      await b.page.waitForTimeout(100);
      expect(await pane.getAttribute('class'), key).not.toMatch(/\bselection\b/);
      await b.page.keyboard.up(key);
    }
  });

  it('keeps the view on the line being typed while something is selected (no jump back to its YAML at each edit)', async () => {
    // A click in a workload's YAML selects it (its lines are lit); then the person types at the end.
    await b.page.click('.monaco-editor .view-lines');
    await b.page.keyboard.press('ControlOrMeta+Home');
    await b.page.click('.monaco-editor .view-line:has-text("replicas: 2")', { timeout: 5_000 });
    await b.page.waitForSelector('.react-flow__node.selected');
    // Its pod is made by the Deployment, from the template: the Inspector says so (not "declared in" the pod).
    await expect.poll(() => b.page.locator('.inspector').innerText()).toContain('Made by Deployment/shop/frontend from its pod template');
    const painted = () => b.page.evaluate(() => performance.getEntriesByName('graph-painted').length);
    const before = await painted();
    await b.page.keyboard.press('ControlOrMeta+End');
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type('# my note');
    // The edit's graph is drawn, and some time after it the view is still where the typing is.
    await expect.poll(painted, { timeout: 15_000 }).toBeGreaterThan(before);
    await b.page.waitForTimeout(500);
    const inView = await b.page.evaluate(() => {
      const ed = document.querySelector('.monaco-editor .view-lines')!.closest('.monaco-editor')!.getBoundingClientRect();
      const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.textContent?.replace(/\u00a0/g, ' ').includes('# my note'));
      const r = line?.getBoundingClientRect();
      return !!r && r.top >= ed.top && r.bottom <= ed.bottom;
    });
    expect(inView).toBe(true);
    expect(await b.page.locator('.react-flow__node.selected').count()).toBe(1);
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

  it('visits nodes before edges, rings the focused node, opens it with Enter and follows edges with the arrows', async () => {
    await b.page.focus('.react-flow__node[data-kind]:not([data-kind="Namespace"])');
    const visited: string[] = [];
    for (let i = 0; i < 6; i++) {
      visited.push(
        (await b.page.evaluate(
          () => document.activeElement?.className.match(/react-flow__(node|edge)\b/)?.[0] ?? document.activeElement?.tagName,
        )) ?? '',
      );
      await b.page.keyboard.press('Tab');
    }
    expect(visited).toEqual(Array(6).fill('react-flow__node'));
    // A name cut to fit is shown whole while its node has the keyboard focus.
    const pod = b.page.locator('.react-flow__node[data-object^="Pod/shop/frontend-"]').first();
    const full = (await pod.getAttribute('data-object'))!.split('/')[2]!;
    expect(await pod.locator('.obj-name').textContent()).not.toBe(full);
    await pod.focus();
    await b.page.keyboard.press('ArrowDown');
    await b.page.keyboard.press('ArrowUp');
    await expect.poll(() => b.page.locator('.react-flow__node:focus-visible .full-name').textContent()).toBe(full);
    await b.page.focus('.react-flow__node[data-object="Service/shop/api"]');
    await b.page.keyboard.press('Shift+Tab');
    await b.page.keyboard.press('Tab');
    const ring = await b.page.$eval(
      '.react-flow__node[data-object="Service/shop/api"] .obj',
      (o) => getComputedStyle(o).outlineStyle + ' ' + getComputedStyle(o).outlineWidth,
    );
    expect(ring).toBe('solid 3px');
    await shot(b.page, '40-focus-ring');
    await b.page.keyboard.press('Enter');
    await expect.poll(() => b.page.locator('.inspector h2').textContent()).toContain('Service/shop/api');
    await b.page.focus('.react-flow__node[data-object="Service/shop/api"]');
    await b.page.keyboard.press('ArrowRight');
    const edge = await b.page.evaluate(() => ({
      cls: document.activeElement?.getAttribute('class'),
      from: document.activeElement?.getAttribute('data-from'),
      to: document.activeElement?.getAttribute('data-to'),
    }));
    expect(edge.cls).toContain('react-flow__edge');
    expect(edge.from).toBe('Service/shop/api');
    await b.page.keyboard.press(' ');
    await expect.poll(() => b.page.locator('.inspector .path').textContent()).toContain(edge.to!);
    await b.page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        b.page.evaluate(() => document.activeElement?.getAttribute('data-object') ?? document.activeElement?.outerHTML.slice(0, 120)),
      )
      .toBe(edge.to);
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
