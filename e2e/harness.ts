/**
 * What every browser test needs: the built site on a loopback static server (optionally under a path
 * prefix), a fresh Chromium profile with the flags that keep it from calling out, a
 * recorder that fails the test on any request leaving loopback, and console errors from page and workers.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'test-results', 'e2e');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** Serve dist/ at http://127.0.0.1:<port><prefix>. */
export async function serveSite(prefix = '/'): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(DIST, path.slice(prefix.length)));
    if (!file.startsWith(DIST + sep) && file !== DIST) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave loopback. */
  outside: string[];
  /** console.error / uncaught errors from the page and its workers. */
  errors: string[];
  close(): Promise<void>;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'knet-e2e-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, viewport });
  // Tests paste as a person does (Ctrl+V), from a clipboard the page writes.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    const local = u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1' || u.hostname === 'localhost';
    if (local) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('worker', (w) => {
      w.on('console', (m) => {
        if (m.type() === 'error') errors.push(`worker ${w.url()}: ${m.text()}`);
      });
    });
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    outside,
    errors,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The built site served at `prefix` and a fresh browser on it, the editor and graph ready. */
export async function openPlayground(prefix = '/'): Promise<{ site: Site; b: Browser; close(): Promise<void> }> {
  const site = await serveSite(prefix);
  const b = await openBrowser();
  await b.page.goto(site.url);
  await ready(b.page);
  const close = async () => {
    await b.close();
    await site.close();
  };
  return { site, b, close };
}

/** Wait for the editor and a drawn graph. */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('html[data-editor-ready="true"]', { timeout: 30_000 });
  await page.waitForSelector('.react-flow__node[data-kind]', { timeout: 30_000 });
}

/**
 * Wait until the graph's view stops moving (it eases to a new first view for 200 ms when the set of objects
 * changes): a click on a node in flight can land on the pane beside it.
 */
export async function viewSettled(page: Page): Promise<void> {
  const at = () => page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '');
  let last = await at();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(120);
    const now = await at();
    if (now === last) return;
    last = now;
  }
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __playground: { text(): string } }).__playground.text());
}

/**
 * Replace the whole editor text the way a person does: click in the editor, Ctrl+A, Ctrl+V with `text` on
 * the clipboard. Waits until the editor holds `text`, so a lost paste fails here and not three steps later.
 * (A synthetic paste event on Monaco's textarea was lost about one time in three: in Chromium Monaco
 * listens on its EditContext element, not on that textarea.)
 */
export async function pasteAll(page: Page, text: string): Promise<void> {
  await pasteKeys(page, text);
  await page
    .waitForFunction((t) => (window as unknown as { __playground: { text(): string } }).__playground.text() === t, text, { timeout: 20_000 })
    .catch(() => {
      throw new Error('pasteAll: the editor does not hold the pasted text');
    });
}

/** Ctrl+A then Ctrl+V with `text` on the clipboard, without waiting for the editor to take it (read-only). */
export async function pasteKeys(page: Page, text: string): Promise<void> {
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

/**
 * Open the scenario gallery with the header's button and wait for its cards. When they do not come, the
 * error says which panel is open instead and a screenshot is kept (`gallery-missing.png`).
 */
export async function openGallery(page: Page): Promise<void> {
  await page.click('.topbar button:has-text("Scenarios")');
  try {
    await page.waitForSelector('.gallery .card', { timeout: 15_000 });
  } catch {
    const tab = await page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? 'no tab selected');
    const file = await shot(page, 'gallery-missing');
    throw new Error(`the gallery did not open after a click on Scenarios: the open panel is "${tab}" (screenshot ${file})`);
  }
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
