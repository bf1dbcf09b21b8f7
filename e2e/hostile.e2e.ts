import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openBrowser, pasteAll, ready, serveSite, shot, type Browser, type Site } from './harness';

type Marker = { line: number; code?: string };
const markers = (b: Browser) => b.page.evaluate(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers());

/** Hostile input in the page (issue 8): refused or reported, the page stays up, and the text is kept. */
describe('hostile input in the page', () => {
  let site: Site;
  let b: Browser;
  let dialogs = 0;

  beforeAll(async () => {
    site = await serveSite('/');
    b = await openBrowser();
    b.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await b.page.goto(site.url);
    await ready(b.page);
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  it('refuses a paste over the size limit with a located message, keeps the text and stays responsive', async () => {
    const huge = `# a paste of ${9_000_000} characters\n${'# filler line of a huge paste\n'.repeat(300_000)}`;
    await pasteAll(b.page, huge);
    await b.page.waitForFunction(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers().some((m) => m.code === 'input-limit'), undefined, { timeout: 60_000 });
    expect((await editorText(b.page)).length).toBe(huge.length);
    // Still responsive: the header and graph are there and answer at once.
    expect(await b.page.locator('header').count()).toBeGreaterThan(0);
    expect(await b.page.locator('.react-flow').count()).toBe(1);
    await shot(b.page, 'hostile-huge-paste');
  });

  it('refuses a Service with a misspelt field, located on the field, as kubectl apply does', async () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: demo}
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPrt: 8080
---
apiVersion: v1
kind: Pod
metadata: {name: web-0, namespace: demo, labels: {app: web}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
`;
    await pasteAll(b.page, text);
    await b.page.waitForFunction(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers().some((m) => m.code === 'unknown-field'), undefined, { timeout: 20_000 });
    const typo = (await markers(b)).filter((m) => m.code === 'unknown-field');
    expect(typo.map((m) => m.line)).toEqual([8]);
    // Left out, as kubectl would leave it: the pod is drawn, the Service is not, and the top bar counts an error.
    await b.page.waitForSelector('.react-flow__node[data-object="Pod/demo/web-0"]', { timeout: 20_000 });
    expect(await b.page.locator('.react-flow__node[data-object="Service/demo/web"]').count()).toBe(0);
    await expect.poll(() => b.page.locator('header .status .chip').first().innerText()).toMatch(/^1 error/);
    await b.page.locator('header .status .chip').first().click();
    await expect.poll(() => b.page.locator('.panel-body').innerText()).toContain('Did you mean targetPort?');
  });

  it('shows names and labels carrying HTML and script only as text', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: "<img src=x onerror=alert(1)>"
---
apiVersion: v1
kind: Namespace
metadata:
  name: demo
  labels: {x: "<script>alert(2)</script>"}
  annotations: {note: "<img src=y onerror=alert(3)><b>bold</b>"}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: demo, annotations: {html: "<svg onload=alert(4)>"}}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
    await pasteAll(b.page, text);
    await b.page.waitForFunction(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers().some((m) => m.code === 'invalid-name'), undefined, { timeout: 20_000 });
    await b.page.waitForSelector('.react-flow__node[data-object="Service/demo/web"]', { timeout: 20_000 });
    // Open every panel that lists objects, so their text is rendered.
    for (const tab of ['Problems', 'Endpoints', 'Inspector']) await b.page.click(`button[role="tab"]:has-text("${tab}")`);
    await b.page.click('.react-flow__node[data-object="Service/demo/web"]');
    expect(await b.page.evaluate(() => document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], script:not([src])').length)).toBe(0);
    expect(dialogs).toBe(0);
    expect((await markers(b)).map((m) => m.code)).toContain('invalid-label');
  });

  it('made no request outside loopback and logged no console errors', () => {
    expect(b.outside).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
