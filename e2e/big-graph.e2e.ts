/**
 * A graph too big to show whole (a 382-object cluster, about 700 nodes): every node is in the page, in view or
 * not (tests and embedders find them there), and the keyboard reaches every one (the view follows it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCluster, sizeFor } from '../src/bench/generate';
import { encodeScenario } from '../src/ui/url-state';
import { openBrowser, ready, serveSite, shot, type Browser, type Site } from './harness';

const OBJECTS = '.react-flow__node[data-kind]:not([data-kind="Namespace"])';

describe('a graph of 700 nodes', () => {
  let site: Site;
  let b: Browser;
  beforeAll(async () => {
    site = await serveSite('/');
    b = await openBrowser();
    await b.context.addInitScript(() => location.protocol.startsWith('http') && localStorage.clear());
    await b.page.goto(`${site.url}${encodeScenario(generateCluster(sizeFor(500)))}`);
    await ready(b.page);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  /** The objects whose node is (at least partly) inside the graph's pane. */
  const inView = () =>
    b.page.locator(OBJECTS).evaluateAll((ns) => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return ns
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
        })
        .map((n) => n.getAttribute('data-object'));
    });

  it('keeps every node in the page, also those out of view', async () => {
    const total = await b.page.evaluate(() => {
      const m = performance.getEntriesByName('graph-painted').at(-1) as PerformanceMark;
      return (m.detail as { nodes: number }).nodes;
    });
    expect(total).toBeGreaterThan(600);
    // Every object of the reply but the namespaces' boxes is a node element.
    const groups = await b.page.locator('.react-flow__node[data-kind="Namespace"]').count();
    expect(await b.page.locator(OBJECTS).count()).toBe(total);
    expect(groups).toBeGreaterThan(0);
    expect((await inView()).length).toBeLessThan(total / 2);
  });

  it('lays one box under the whole drawing, sized on the viewport alone (its size is not inherited by the nodes)', async () => {
    const sizes = await b.page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const box = getComputedStyle(viewport, '::before');
      // The drawing in flow coordinates: the far edges of every node (positions are the viewport's own).
      let w = 0;
      let h = 0;
      for (const n of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(n.style.transform);
        if (!m) continue;
        w = Math.max(w, Number(m[1]) + n.offsetWidth);
        h = Math.max(h, Number(m[2]) + n.offsetHeight);
      }
      const node = getComputedStyle(document.querySelector('.react-flow__node')!);
      return { boxW: parseFloat(box.width), boxH: parseFloat(box.height), w, h, nodeSees: node.getPropertyValue('--graph-h').trim() };
    });
    expect(sizes.h).toBeGreaterThan(5000); // 700 nodes, a few columns: a tall drawing
    expect(sizes.boxW).toBeGreaterThanOrEqual(sizes.w);
    expect(sizes.boxH).toBeGreaterThanOrEqual(sizes.h);
    // Not inherited: a new size restyles the box, not the 14,000 elements under the viewport.
    expect(sizes.nodeSees).toBe('0px');
  });

  it('moves the view with the arrow keys to a node that was out of it, and focuses it there', async () => {
    const before = new Set(await inView());
    await b.page.focus(`${OBJECTS}[data-kind="Pod"]`);
    let reached: string | null = null;
    for (let i = 0; i < 60 && !reached; i++) {
      await b.page.keyboard.press('ArrowDown');
      // Focus never falls off the graph: each press lands on a node.
      await expect
        .poll(() => b.page.evaluate(() => document.activeElement?.classList.contains('react-flow__node') ?? false))
        .toBe(true);
      const id = await b.page.evaluate(() => document.activeElement!.getAttribute('data-object'));
      if (id && !before.has(id)) reached = id;
    }
    expect(reached).not.toBeNull();
    const shown = await b.page.evaluate(() => {
      const n = document.activeElement!.getBoundingClientRect();
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return n.top >= pane.top && n.bottom <= pane.bottom && n.left >= pane.left && n.right <= pane.right;
    });
    expect(shown).toBe(true);
    await shot(b.page, '60-big-graph-keyboard');
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
