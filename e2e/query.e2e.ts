/**
 * One truth (issue 13) in real Chromium: a host page on another origin asks the running playground
 * questions through the message API (`{knet: 1, type: 'query', query, args}`) and gets exactly what
 * `knet <query> --json` prints for the same scenario and flags, computed here in Node by the CLI itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { deflateSync, strToU8 } from 'fflate';
import { runKnet } from '../src/cli/testing';
import { SCENARIOS } from '../src/scenarios/index';
import { LABS } from '../src/scenarios/solutions';
import { openBrowser, serveSite, type Browser, type Site } from './harness';

const LAB = SCENARIOS.find((s) => s.id === 'exercises/fix-dns-egress')!.text;
/** The lab solved: `diff` from it to the lab as shipped shows what the broken policy closes. */
const SOLVED = LABS['exercises/fix-dns-egress']!.solve(LAB);
/** The name the page simulates its editor text under (src/worker/handler.ts EDITOR_FILE). */
const FILE = 'playground.yaml';

function hashOf(text: string): string {
  return `#v1.${Buffer.from(deflateSync(strToU8(JSON.stringify({ text })), { level: 9 })).toString('base64url')}`;
}

function hostPage(src: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body>
<iframe id="pg" src="${src}" width="1000" height="600" title="playground"></iframe>
<script>
  window.log = [];
  const frame = document.getElementById('pg');
  const PG = new URL(frame.src).origin;
  window.addEventListener('message', (e) => {
    if (e.origin !== PG || e.source !== frame.contentWindow) return;
    if (e.data && e.data.knet === 1) window.log.push(e.data);
  });
  window.send = (m) => frame.contentWindow.postMessage(m, PG);
</script></body></html>`;
}

type Msg = { type: string; id?: string; [k: string]: unknown };

describe('the message API answers questions as knet does', () => {
  let site: Site;
  let host: Server;
  let hostOrigin = '';
  let b: Browser;

  beforeAll(async () => {
    site = await serveSite('/');
    host = createServer((_req, res) => {
      const src = `${site.url}?embed=1&origin=${encodeURIComponent(hostOrigin)}${hashOf(LAB)}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostPage(src));
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    hostOrigin = `http://localhost:${(host.address() as { port: number }).port}`;
    b = await openBrowser({ width: 1100, height: 800 });
  });

  afterAll(async () => {
    await b?.close();
    await site?.close();
    await new Promise((ok) => host?.close(ok));
  });

  const log = () => b.page.evaluate(() => (window as unknown as { log: Msg[] }).log);
  const waitFor = async (pred: (m: Msg) => boolean) => {
    await expect.poll(async () => (await log()).some(pred), { timeout: 30_000, interval: 100 }).toBe(true);
    return (await log()).filter(pred).at(-1)!;
  };
  const send = (m: unknown) => b.page.evaluate((x) => (window as unknown as { send(m: unknown): void }).send(x), m);

  const questions: [string, Record<string, unknown>, string[]][] = [
    ['dns', { from: 'app/api', name: 'database.app', type: 'A' }, ['dns', FILE, '--from', 'app/api', '--type', 'A', 'database.app', '--json']],
    ['check', { from: 'app/api', to: 'app/database', port: 5432 }, ['check', FILE, '--from', 'app/api', '--to', 'app/database', '--port', '5432', '--json']],
    ['matrix', { port: ['5432', '9090'] }, ['matrix', FILE, '--port', '5432', '--port', '9090', '--json']],
    ['trace', { from: 'app/api', url: 'http://database.app:5432/' }, ['trace', FILE, '--from', 'app/api', '--url', 'http://database.app:5432/', '--json']],
    ['validate', {}, ['validate', FILE, '--json']],
    ['diff', { before: SOLVED }, ['diff', 'before.yaml', FILE, '--json']],
  ];

  it('gives the CLI document for each question, and the DNS lookup the policy blocks times out', async () => {
    await b.page.goto(`${hostOrigin}/`);
    await waitFor((m) => m.type === 'ready');
    for (const [query, args, argv] of questions) {
      const id = `q-${query}`;
      await send({ knet: 1, type: 'query', id, query, args });
      const answer = await waitFor((m) => m.id === id);
      const cli = await runKnet(argv, { [FILE]: LAB, 'before.yaml': SOLVED });
      expect(answer, query).toMatchObject({ type: 'query-result', query });
      expect(answer.result, query).toEqual(JSON.parse(cli.stdout));
    }
    const dns = (await log()).find((m) => m.id === 'q-dns')!;
    expect(dns.result).toMatchObject({ status: 'TIMEOUT', rcode: null });
    const diff = (await log()).find((m) => m.id === 'q-diff')!.result as { dns: { after: string }[] };
    expect(diff.dns.some((d) => d.after === 'TIMEOUT')).toBe(true);
    expect(b.errors).toEqual([]);
    expect(b.outside).toEqual([]);
  });

  it('says why a question cannot be asked, or cannot be answered, as knet exits 2 or 1', async () => {
    await send({ knet: 1, type: 'query', id: 'bad', query: 'dns', args: { from: 'app/api' } });
    expect(await waitFor((m) => m.id === 'bad')).toMatchObject({ type: 'error', code: 'bad-query' });
    await send({ knet: 1, type: 'query', id: 'none', query: 'frobnicate', args: {} });
    expect(await waitFor((m) => m.id === 'none')).toMatchObject({ type: 'error', code: 'bad-query' });
    await send({ knet: 1, type: 'query', id: 'ghost', query: 'check', args: { from: 'app/ghost', to: 'app/api', port: 80 } });
    const ghost = await waitFor((m) => m.id === 'ghost');
    expect(ghost).toMatchObject({ type: 'error', code: 'query-failed' });
    const cli = await runKnet(['check', FILE, '--from', 'app/ghost', '--to', 'app/api', '--port', '80'], { [FILE]: LAB });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(ghost.message as string);
  });
});
