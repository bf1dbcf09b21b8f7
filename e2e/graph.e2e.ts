import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlayground, pasteAll, shot, type Browser } from './harness';

const deployment = (name: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}\n`;
const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {selector: {app: ${name}}, ports: [{port: 80, targetPort: 8080}]}\n`;
const LONG = 'payments-authorisation-gateway-with-a-very-long-name';
const SCENARIO = [deployment('web', 3), service('web'), deployment(LONG, 2), service(LONG)].join('---\n');

const transform = (b: Browser) => b.page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
const scale = (t: string) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? NaN);

/** Issue 6: the graph pans and zooms (mouse drag, wheel, the overview), and clicks still select afterwards. */
describe('moving around the graph', () => {
  let b: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, close } = await openPlayground());
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForSelector(`.react-flow__node[data-object^="Pod/shop/${LONG}"]`, { timeout: 20_000 });
    await b.page.waitForTimeout(600); // the fit-to-view animation
  });
  afterAll(async () => {
    await close?.();
  });

  it('cuts a long name in the middle to fit the node and keeps the whole id in its tooltip', async () => {
    const node = b.page.locator(`.react-flow__node[data-object="Service/shop/${LONG}"]`);
    const name = (await node.locator('.obj-name').textContent()) ?? '';
    const [head, tail] = name.split('…');
    expect(tail).toBeDefined();
    expect(LONG.startsWith(head!) && LONG.endsWith(tail!) && tail!.length > 0).toBe(true);
    expect(await node.locator('.obj').getAttribute('title')).toContain(`Service/shop/${LONG}`);
    // The text stays inside its node.
    const [box, text] = await Promise.all([node.boundingBox(), node.locator('.obj-name').boundingBox()]);
    expect(text!.x + text!.width).toBeLessThanOrEqual(box!.x + box!.width);
  });

  it('tells what a line is when the pointer rests on it, and lights it up', async () => {
    const edge = b.page.locator('.react-flow__edge[data-from="Service/shop/web"]').first();
    const to = (await edge.getAttribute('data-to'))!;
    expect(await edge.locator('title').textContent()).toBe(`allowed: Service/shop/web → ${to} (click for why)`);
    const path = edge.locator('.react-flow__edge-path');
    const box = (await path.boundingBox())!;
    await b.page.mouse.move(box.x + box.width / 2 - 20, box.y + box.height / 2 - 20);
    await b.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await expect.poll(() => path.evaluate((el) => getComputedStyle(el).filter)).toContain('drop-shadow');
    await b.page.mouse.move(5, 5);
  });

  it('pans by dragging the pane, and a click on a node afterwards still selects it', async () => {
    const before = await transform(b);
    const pane = (await b.page.locator('.react-flow__pane').boundingBox())!;
    // Grab an empty spot: the bottom right of the pane, away from nodes and panels.
    const x = pane.x + pane.width * 0.75;
    const y = pane.y + pane.height * 0.85;
    await b.page.mouse.move(x, y);
    await b.page.mouse.down();
    for (let i = 1; i <= 10; i++) await b.page.mouse.move(x - i * 8, y - i * 3);
    expect(await b.page.locator('.react-flow.moving').count()).toBe(1);
    await b.page.mouse.up();
    await expect.poll(() => b.page.locator('.react-flow.moving').count()).toBe(0);
    expect(await transform(b)).not.toBe(before);
    await b.page.locator('.react-flow__node[data-object="Service/shop/web"]').click();
    await expect.poll(() => b.page.locator('.inspector').textContent()).toContain('shop/web');
  });

  it('zooms with the mouse wheel and settles crisp (no composited layer left behind)', async () => {
    const before = scale(await transform(b));
    const pane = (await b.page.locator('.react-flow__pane').boundingBox())!;
    await b.page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 3; i++) await b.page.mouse.wheel(0, -120);
    await expect.poll(async () => scale(await transform(b))).toBeGreaterThan(before);
    await expect.poll(() => b.page.locator('.react-flow.moving').count()).toBe(0);
    const willChange = await b.page.$eval('.react-flow__viewport', (e) => getComputedStyle(e).willChange);
    expect(willChange).toBe('auto');
  });

  it('draws every node in the overview and moves the view to where it is clicked', async () => {
    // The overview shows while part of the drawing is out of view (zoomed in here), and hides when all of it is.
    await b.page.click('.zoom-buttons button:has-text("Fit all")');
    await expect.poll(() => b.page.locator('.overview').count()).toBe(0);
    for (let i = 0; i < 3; i++) await b.page.click('.zoom-buttons button[aria-label="Zoom in"]');
    await b.page.waitForSelector('.overview');
    const overview = b.page.locator('.overview');
    const nodes = await b.page.locator('.react-flow__node:not([data-kind="Namespace"])').count();
    expect(Number(await overview.locator('canvas').getAttribute('data-nodes'))).toBe(nodes);
    // And they are painted: the node colours cover part of the canvas.
    const painted = await overview.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 200) n++;
      return n / (c.width * c.height);
    });
    expect(painted).toBeGreaterThan(0.05);
    expect(await overview.locator('.overview-bar').count()).toBe(4);
    const box = (await overview.boundingBox())!;
    const before = await transform(b);
    await b.page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.2);
    await expect.poll(() => transform(b)).not.toBe(before);
    const after = await transform(b);
    await b.page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.8);
    await expect.poll(() => transform(b)).not.toBe(after);
    // A move the page makes (not a drag or the wheel) never leaves the drawing composited.
    await b.page.click('.zoom-buttons button:has-text("Fit all")');
    await b.page.waitForTimeout(400);
    expect(await b.page.locator('.react-flow.moving').count()).toBe(0);
    await shot(b.page, '12-graph-moved');
  });

  it('resizes the panels under the graph with the bar between them, by keyboard and by drag', async () => {
    const height = () => b.page.locator('.dock').evaluate((e) => e.getBoundingClientRect().height);
    const before = await height();
    await b.page.focus('.dock-splitter');
    for (let i = 0; i < 3; i++) await b.page.keyboard.press('ArrowUp');
    await expect.poll(height).toBeGreaterThan(before + 50);
    const bar = (await b.page.locator('.dock-splitter').boundingBox())!;
    await b.page.mouse.move(bar.x + bar.width / 2, bar.y + 3);
    await b.page.mouse.down();
    await b.page.mouse.move(bar.x + bar.width / 2, bar.y + 200, { steps: 5 });
    await b.page.mouse.up();
    await expect.poll(height).toBeLessThan(before);
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
