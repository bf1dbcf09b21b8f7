#!/usr/bin/env node
/**
 * `npm test`: every suite, in order, then one plain closing line `N passed, N failed` (`, N skipped` when any)
 * summed over all of them (CI reads that line; Vitest's own summary is not in that form).
 *
 *   1. unit + conformance   `vitest run` (JSON reporter to a temp file, so the tests can be counted)
 *   2. browser (e2e)        `vitest run -c vitest.e2e.config.ts` in real Chromium, after `vite build` when
 *                           dist/ is missing or stale. No Chromium, no config or a failed build is a failure
 *                           with a message that says what to do, never a silent skip.
 *
 * `.ci/run` passes the results of type-check and lint in TEST_ALL_CHECKS (`typecheck=0,lint=1`: name=exit
 * status), each counted as one test. `--unit-only` / `--e2e-only` run one suite (still counted honestly).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildSite, staleReason } from './site-build.mjs';

const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const E2E_CONFIG = 'vitest.e2e.config.ts';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, note?: string, failures?: string[] }} SuiteResult */
/** @type {SuiteResult[]} */
const results = [];
const args = new Set(process.argv.slice(2));
const tmp = mkdtempSync(join(tmpdir(), 'knet-test-'));

function banner(text) {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

/** A suite that could not run counts as one failed test, with the reason printed where people look. */
function failSuite(name, note) {
  console.log(`\n✗ ${name}: ${note}`);
  results.push({ name, passed: 0, failed: 1, skipped: 0, note });
}

/** Run vitest with its normal terminal output plus a JSON report, and count what it says. */
function runVitest(name, extraArgs) {
  if (!existsSync(VITEST)) return failSuite(name, 'vitest is not installed: run `npm ci` (or `npm install`) first.');
  const report = join(tmp, `${name.replace(/\W+/g, '-')}.json`);
  const r = spawnSync(
    process.execPath,
    [VITEST, 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: ROOT, stdio: 'inherit', env: process.stdout.isTTY ? process.env : { ...process.env, NO_COLOR: '1' } },
  );
  if (!existsSync(report)) return failSuite(name, `vitest exited with status ${r.status ?? r.signal} and wrote no report.`);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const passed = json.numPassedTests ?? 0;
  let failed = json.numFailedTests ?? 0;
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A test file that fails to load (syntax error, bad import) has no failing test but is a failure all the same.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  for (const f of brokenFiles)
    console.log(`✗ ${name}: ${f.name.replace(ROOT + '/', '')} could not run: ${(f.message ?? '').split('\n')[0]}`);
  failed += brokenFiles.length;
  const failures = (json.testResults ?? []).flatMap((f) =>
    (f.assertionResults ?? []).filter((a) => a.status === 'failed').map((a) => `${f.name.replace(ROOT + '/', '')} > ${a.fullName}`),
  );
  if (failed === 0 && r.status !== 0) {
    failed = 1;
    console.log(`✗ ${name}: vitest exited with status ${r.status ?? r.signal} although no test failed (see above).`);
  }
  results.push({ name, passed, failed, skipped, failures });
}

function chromiumProblem() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return null;
  } catch {
    return [
      `no Chromium at ${CHROMIUM}. The browser tests need a real Chromium; they are not skipped.`,
      '  Install it (Debian/Ubuntu):  sudo apt-get install -y chromium fonts-dejavu-core',
      '  or point CHROMIUM_PATH at an existing Chromium/Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n');
  }
}

function runBrowserTests() {
  const name = 'browser (e2e)';
  banner(`${name}: vitest run -c ${E2E_CONFIG}`);
  const problem = chromiumProblem();
  if (problem) return failSuite(name, problem);
  if (!existsSync(join(ROOT, E2E_CONFIG))) return failSuite(name, `${E2E_CONFIG} is missing, so the browser tests cannot run.`);
  const reason = staleReason();
  if (reason) {
    console.log(`building the site first (${reason})`);
    if (!buildSite()) return failSuite(name, '`vite build` failed (see above), so there is no site to test.');
  }
  runVitest(name, ['-c', E2E_CONFIG]);
}

function checkResults() {
  const spec = process.env.TEST_ALL_CHECKS ?? '';
  for (const item of spec.split(',').filter(Boolean)) {
    const [name, status] = item.split('=');
    const ok = status === '0';
    results.push({
      name: name ?? item,
      passed: ok ? 1 : 0,
      failed: ok ? 0 : 1,
      skipped: 0,
      note: ok ? undefined : `exit status ${status}`,
    });
  }
}

try {
  checkResults();
  if (!args.has('--e2e-only')) {
    banner('unit + conformance: vitest run');
    runVitest('unit + conformance', []);
  }
  if (!args.has('--unit-only')) runBrowserTests();
} catch (e) {
  failSuite('test runner', e instanceof Error ? e.message : String(e));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const total = { passed: 0, failed: 0, skipped: 0 };
banner('summary');
for (const r of results) {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`${r.failed ? '✗' : '✓'} ${r.name.padEnd(22)} ${counts}${r.note ? ` (${r.note.split('\n')[0]})` : ''}`);
  const failures = r.failures ?? [];
  for (const f of failures.slice(0, 20)) console.log(`    ✗ ${f}`);
  if (failures.length > 20) console.log(`    … and ${failures.length - 20} more`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 || results.length === 0 ? 1 : 0;
