import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlayground, pasteAll, shot, viewSettled, type Browser } from './harness';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: demo, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}\n`;
const SCENARIO = [
  pod('a'),
  pod('b'),
  pod('c'),
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-c, namespace: demo}\nspec: {podSelector: {matchLabels: {app: c}}, policyTypes: [Ingress]}\n',
].join('---\n');

/** Issue 6: pod-to-pod verdicts as an overlay on the graph, not as n² edges. */
describe('the reachability overlay', () => {
  let b: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ b, close } = await openPlayground());
  });
  afterAll(async () => {
    await close?.();
  });

  it('marks the pods the selected pod may reach and those a policy blocks, by outline style and a mark', async () => {
    await pasteAll(b.page, SCENARIO);
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/demo/c"]', { timeout: 20_000 });
    const edgesBefore = await b.page.locator('.react-flow__edge').count();
    await viewSettled(b.page);
    // Ticked before any pod is chosen: it says what to do, and marks nothing.
    await b.page.check('.reach-toggle input');
    await expect.poll(() => b.page.locator('.reach-hint').textContent()).toContain('select a pod');
    expect(await b.page.locator('style[data-reach]').count()).toBe(0);
    await b.page.uncheck('.reach-toggle input');
    await b.page.click('.react-flow__node[data-object="Pod/demo/a"]');
    await expect.poll(() => b.page.locator('.inspector h2').textContent()).toContain('Pod/demo/a');
    await b.page.check('.reach-toggle input');
    await b.page.waitForSelector('style[data-reach="Pod/demo/a"]', { state: 'attached', timeout: 15_000 });
    const outline = (id: string) => b.page.$eval(`.react-flow__node[data-object="${id}"]`, (e) => getComputedStyle(e).outlineStyle);
    const mark = (id: string) => b.page.$eval(`.react-flow__node[data-object="${id}"]`, (e) => getComputedStyle(e, '::after').content);
    expect(await outline('Pod/demo/b')).toBe('solid');
    expect(await mark('Pod/demo/b')).toBe('"✓"');
    expect(await outline('Pod/demo/c')).toBe('dashed');
    expect(await mark('Pod/demo/c')).toBe('"⊘"');
    // An overlay, not n² edges.
    expect(await b.page.locator('.react-flow__edge').count()).toBe(edgesBefore);
    await shot(b.page, 'overlay-reachability');
    await b.page.uncheck('.reach-toggle input');
    await b.page.waitForSelector('style[data-reach]', { state: 'detached' });
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
