/**
 * `npm run bench`: every performance figure the issues ask for, printed as tables and written as JSON
 * (.bench/latest.json, plus a dated copy in .bench/history/) for comparison over time.
 * Sections: core (simulate + matrix by cluster size, peak memory, growth), netpol (the 2,000-pod target),
 * scale (issue 15: simulate and `knet matrix` against floors measured in the same run, growth 500 → 4,000 pods,
 * the worker's reply size and CPU time per one-field edit; a growth exponent above the limit fails the run),
 * terminal (each command of the Terminal at 40 objects), links (share-link size and codec time per built-in scenario), page (headless Chromium).
 * `npm run bench -- --only core,links` runs some sections; `--quick` uses fewer sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNetpolBench } from './netpol.bench';
import { ensureCLI, exponent, GROWTH_LIMIT } from './scale';
import { runTerminalBench } from './terminal.bench';
import { encodeState, decodeState, linkSize } from '../share/codec';
import { sizeFor } from './generate';

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

if (want('scale')) {
  const child = (what: string, pods: number) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'scale.ts'), what, String(pods)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
  };
  ensureCLI((m) => console.log(`scale: ${m}`));
  const sizes = quick ? [500, 2000] : [500, 2000, 4000];
  const sim = sizes.map((n) => child('simulate', n));
  const cli = sizes.map((n) => child('cli', n));
  const replyOut = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'scale.ts'), 'reply', '500'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!) as { objects: number; firstKB: number; edits: { edit: string; kb: number }[] };
  const editOut = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'scale.ts'), 'edit', '500'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!) as { objects: number; ms: number; simulateMs: number; layoutMs: number; edits: { edit: string; ms: number }[] };
  const at = (rows: Record<string, number>[], n: number) => rows.find((r) => r.pods === n)!;
  const last = sizes[sizes.length - 1]!;
  // Growth on the fastest of several runs at each size: the machine is shared, and the minimum is the run least disturbed.
  const simGrowth = exponent({ pods: 500, t: at(sim, 500).minMs! }, { pods: last, t: at(sim, last).minMs! });
  const cliGrowth = exponent({ pods: 500, t: at(cli, 500).minMs! }, { pods: last, t: at(cli, last).minMs! });
  const s2 = at(sim, 2000);
  const c2 = at(cli, 2000);
  const ms = (x: number) => Math.round(x);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const load = loadavg().map((x) => Math.round(x * 100) / 100).join(' ');
  results.scale = { sim, cli, reply: replyOut, edit: editOut, simGrowth, cliGrowth, load };
  table(`scale: issue 15 targets, generated clusters (src/bench/generate.ts), floors measured in this run; load average ${load} on ${cpus().length} cores`, ['figure', 'measured', 'floor', 'ratio', 'target', ''], [
    ['simulate(), 2,000 pods, warm, median (ms)', ms(s2.ms!), ms(s2.floorMs!), `×${(s2.ms! / s2.floorMs!).toFixed(1)}`, '≤ 400, ≤ ×20', verdict(s2.ms! <= 400 && s2.ms! / s2.floorMs! <= 20)],
    ['  floor: JSON.parse of the same objects as JSON + one walk over every value', '', '', '', '', ''],
    [`knet matrix --json, 2,000 pods × ${sizeFor(2000).policies} policies, bundled, end to end, median (ms)`, ms(c2.ms!), ms(c2.floorMs!), `×${(c2.ms! / c2.floorMs!).toFixed(1)}`, '≤ 600', verdict(c2.ms! <= 600)],
    [`  floor: node reading the input as JSON and writing the same ${c2.outKB} KB`, '', '', '', '', ''],
    [`growth of simulate(), 500 → ${last.toLocaleString('en')} pods (exponent, fastest runs)`, simGrowth.toFixed(2), '', '', `≤ ${GROWTH_LIMIT}`, verdict(simGrowth <= GROWTH_LIMIT)],
    [`growth of knet matrix, 500 → ${last.toLocaleString('en')} pods (exponent, fastest runs)`, cliGrowth.toFixed(2), '', '', `≤ ${GROWTH_LIMIT}`, verdict(cliGrowth <= GROWTH_LIMIT)],
    [`worker reply, whole, ${replyOut.objects} objects (KB, structured clone)`, replyOut.firstKB, '', '', '', ''],
    ...replyOut.edits.map((e): (string | number)[] => [`worker reply to an edit of ${e.edit} (KB)`, e.kb, '', '', '≤ 50', verdict(e.kb <= 50)]),
    [`worker time per one-field edit, ${editOut.objects} objects, median (CPU ms; simulate+graph ${editOut.simulateMs}, layout ${editOut.layoutMs})`, editOut.ms, '', '', '', ''],
    ...editOut.edits.map((e): (string | number)[] => [`  worker time for an edit of ${e.edit} (CPU ms)`, e.ms, '', '', '', '']),
    ...sizes.map((n): (string | number)[] => [`  simulate / knet matrix at ${n.toLocaleString('en')} pods, median (min) ms`, `${ms(at(sim, n).ms!)} (${ms(at(sim, n).minMs!)}) / ${ms(at(cli, n).ms!)} (${ms(at(cli, n).minMs!)})`, `${ms(at(sim, n).floorMs!)} / ${ms(at(cli, n).floorMs!)}`, '', '', '']),
  ]);
  if (simGrowth > GROWTH_LIMIT || cliGrowth > GROWTH_LIMIT) {
    console.error(`\nGROWTH CHECK FAILED: time grows as pods^${Math.max(simGrowth, cliGrowth).toFixed(2)} from 500 to ${last} pods (limit ${GROWTH_LIMIT}). Something scans the World per object; profile with --cpu-prof.`);
    process.exitCode = 1;
  }
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
