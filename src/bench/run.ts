/**
 * `npm run bench`: every performance figure the issues ask for, printed as tables and written as JSON
 * (.bench/latest.json, plus a dated copy in .bench/history/) for comparison over time.
 * Sections: core (simulate + matrix by cluster size, peak memory, growth), netpol (the 2,000-pod target),
 * terminal (each command of the Terminal at 40 objects),
 * links (share-link size and codec time per built-in scenario), page (headless Chromium).
 * `npm run bench -- --only core,links` runs some sections; `--quick` uses fewer sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNetpolBench } from './netpol.bench';
import { runTerminalBench } from './terminal.bench';
import { encodeState, decodeState, linkSize } from '../share/codec';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only'))?.split('=')[1] ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const quick = args.includes('--quick');
const want = (s: string) => !only || only.split(',').includes(s);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

function table(title: string, head: string[], rows: (string | number)[][]): void {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) => r.map((c, i) => (typeof c === 'number' ? String(c).padStart(w[i]!) : String(c).padEnd(w[i]!))).join('  ');
  console.log(`\n${title}\n${line(head)}\n${w.map((n) => '-'.repeat(n)).join('  ')}\n${rows.map(line).join('\n')}`);
}

if (want('core')) {
  const sizes = quick ? [100, 500] : [100, 500, 2000, 5000];
  const rows = sizes.map((pods) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'core-size.ts'), String(pods)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
  });
  results.core = rows;
  table(
    'core: simulate (read + every controller) and the full policy matrix on 2 ports, generated clusters (median)',
    ['pods', 'objects', 'Services', 'policies', 'YAML KB', 'simulate ms', 'matrix ms', 'peak RSS MB', 'growth (simulate)'],
    rows.map((r, i) => [r.pods!, r.objects!, r.services!, r.policies!, r.textKB!, r.simulateMs!, r.matrixMs!, r.peakRSSMB!, i ? `×${(r.simulateMs! / rows[i - 1]!.simulateMs!).toFixed(1)} for ×${(r.pods! / rows[i - 1]!.pods!).toFixed(1)} pods` : '']),
  );
}

if (want('netpol')) {
  const r = runNetpolBench();
  results.netpol = r;
  table('netpol: full pod × pod matrix, 2,000 pods / 400 Services / 600 policies, 2 ports (target < 500 ms)', ['figure', 'ms'], [
    ['matrix, selectors and rules compiled included', Math.round(r.coldMs)],
    ['matrix, on a compiled World', Math.round(r.warmMs)],
    ['baseline loop writing one byte per cell', Math.round(r.baselineMs)],
    [`ratio to the baseline: ×${r.ratio.toFixed(1)}; target ${r.coldMs < 500 ? 'met' : 'NOT met'}`, ''],
  ]);
}

if (want('terminal')) {
  const r = runTerminalBench();
  results.terminal = r;
  const worst = Math.max(...r.rows.map((x) => Math.max(x.medianMs, x.coldMs)));
  table(
    `terminal: each command answered by the run query at ${r.objects} objects (target < 50 ms; ${worst < 50 ? 'met' : 'NOT met'})`,
    ['command', 'exit', 'median ms', 'first after a simulation ms'],
    r.rows.map((x) => [x.command, x.exitCode, x.medianMs.toFixed(2), x.coldMs.toFixed(1)]),
  );
}

if (want('links')) {
  const dir = join(root, 'src', 'scenarios');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.yaml')), ...readdirSync(join(dir, 'exercises')).map((f) => `exercises/${f}`)].sort();
  const rows = files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    let t = performance.now();
    let hash = '';
    for (let i = 0; i < 20; i++) hash = encodeState({ text });
    const encodeMs = (performance.now() - t) / 20;
    t = performance.now();
    for (let i = 0; i < 20; i++) decodeState(hash);
    const decodeMs = (performance.now() - t) / 20;
    const size = linkSize(`https://example.org/playground/#${hash}`);
    return { scenario: f.replace(/\.yaml$/, ''), textChars: text.length, linkChars: size.chars, level: size.level, encodeMs, decodeMs };
  });
  results.links = rows;
  table('links: share-link size and codec time per built-in scenario', ['scenario', 'YAML chars', 'link chars', 'chat', 'encode ms', 'decode ms'], rows.map((r) => [r.scenario, r.textChars, r.linkChars, r.level, r.encodeMs.toFixed(2), r.decodeMs.toFixed(2)]));
}

if (want('page')) {
  const page = join(here, 'page.ts');
  if (existsSync(page)) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', page], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { rows: [string, string | number, string][] } & Record<string, unknown>;
    results.page = r;
    table('page: built site in headless Chromium (Debian), localhost', ['figure', 'value', 'target'], r.rows);
  }
}

const outDir = join(root, '.bench');
mkdirSync(join(outDir, 'history'), { recursive: true });
const json = JSON.stringify(results, null, 2);
writeFileSync(join(outDir, 'latest.json'), json);
writeFileSync(join(outDir, 'history', `${String(results.date).replace(/[:.]/g, '-')}.json`), json);
console.log(`\nwritten: .bench/latest.json`);
