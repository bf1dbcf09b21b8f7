import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { openBrowser, ready, serveSite, type Browser, type Site } from './harness';

describe('accessibility', () => {
  let site: Site;
  let b: Browser;

  beforeAll(async () => {
    site = await serveSite('/');
    b = await openBrowser();
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  it.each(['light', 'dark'])('shows no axe violations outside Monaco in the %s theme', async (theme) => {
    await b.page.goto(site.url);
    await ready(b.page);
    if ((await b.page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await b.page.click('button[aria-label="Toggle dark theme"]');
    await b.page.waitForTimeout(300);
    const r = await new AxeBuilder({ page: b.page }).exclude('.monaco-editor').exclude('.react-flow__minimap').analyze();
    const found = r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
    expect(found).toEqual([]);
  });
});
