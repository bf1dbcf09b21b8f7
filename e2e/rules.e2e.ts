import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, pasteAll, ready, serveSite, shot, type Browser, type Site } from './harness';

type Marker = { line: number; column: number; code?: string; message: string };
const markers = (b: Browser) => b.page.evaluate(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers());

const SCENARIO = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector: {app: nothing}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-api, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: api}}}]
    ports: [{port: 80}]
`;

/** The rule reference ships with the site, and every rule id the Problems panel shows links to its entry. */
describe('rule references', () => {
  let site: Site;
  let b: Browser;

  beforeAll(async () => {
    // Under a path prefix, as a static host serves a project page: links must stay relative.
    site = await serveSite('/playground/');
    b = await openBrowser();
    await b.page.goto(site.url);
    await ready(b.page);
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  it('links every rule id in the Problems panel to an entry of rules.html, opened in a new tab of the same site', async () => {
    await pasteAll(b.page, SCENARIO);
    await b.page.click('button[role="tab"]:has-text("Problems")');
    await b.page.waitForSelector('.problems a.rule-link', { timeout: 20_000 });
    const links = await b.page.$$eval('.problems a.rule-link', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target'), abs: (a as HTMLAnchorElement).href })));
    expect(links.map((l) => l.text)).toEqual(expect.arrayContaining(['EPS-4', 'KP-5', 'SVC-5', 'NP-2']));
    for (const l of links) {
      expect(l.href).toMatch(/^rules\.html#[\w.-]+$/);
      expect(l.target).toBe('_blank');
      expect(l.abs.startsWith(`${site.url}rules.html#`)).toBe(true);
    }
    // Each link lands on an element with that id in the page the site serves.
    const page = await b.context.newPage();
    await page.goto(`${site.url}rules.html`);
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    const missing = links.map((l) => decodeURIComponent(l.href!.split('#')[1]!)).filter((id) => !ids.includes(id));
    expect(missing).toEqual([]);
    await page.goto(links.find((l) => l.text === 'KP-5')!.abs);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toMatch(/^KP-5: /);
    await shot(page, 'rules-kp-5');
    await page.close();
    await shot(b.page, 'rules-problems-links');
    expect(b.outside).toEqual([]);
  });

  it('a row of the Problems panel still jumps to its place in the editor', async () => {
    await b.page.click('.problems li:has-text("matches no pod") .problem-jump');
    await b.page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') != null, undefined, { timeout: 10_000 });
  });

  it('shows one indentation message at the right line for a manifest pasted with its indentation lost', async () => {
    await pasteAll(b.page, SCENARIO.split('---\n')[0]!.replace(/^ +/gm, ''));
    await b.page.waitForFunction(() => (window as unknown as { __playground: { markers(): Marker[] } }).__playground.markers().some((m) => m.code === 'yaml-indentation'), undefined, { timeout: 20_000 });
    const sim = await markers(b);
    expect(sim.map((m) => [m.code, m.line])).toEqual([['yaml-indentation', 4]]);
    expect(sim[0]!.message).toMatch(/indentation of this document was lost/);
    await shot(b.page, 'rules-flattened-paste');
    expect(b.errors).toEqual([]);
  });
});
