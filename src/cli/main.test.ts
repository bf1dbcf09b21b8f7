import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index';
import { EXIT } from './io';
import { runKnet } from './testing';

const run = runKnet;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
    ports: [{containerPort: 80}]
`;
const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;
// Line 4 holds the invalid name; the third document is broken YAML.
const BROKEN = `apiVersion: v1
kind: Pod
metadata:
  name: Bad_Name
spec:
  containers: [{name: c, image: nginx}]
---
a: [
`;
const WIDGET = (name: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}}\n`;

/** No line of a stack trace (`    at fn (file:1:2)`) may reach the user for bad input. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

const USAGE_CASES: [string[], number, string][] = [
  [[], EXIT.USAGE, 'no command'],
  [['--help'], EXIT.OK, 'help'],
  [['help'], EXIT.OK, 'help'],
  [['frobnicate', 'x.yaml'], EXIT.USAGE, 'unknown command'],
  [['validate'], EXIT.USAGE, 'no input'],
  [['validate', '--nonsense', 'x.yaml'], EXIT.USAGE, 'unknown option'],
];

describe('knet exit status and usage', () => {
  it.each(USAGE_CASES)('knet %j exits %i (%s)', async (argv, code) => {
    const r = await run(argv, { 'x.yaml': NAMESPACE });
    expect(r.code).toBe(code);
    if (code === EXIT.USAGE) {
      expect(r.stderr).not.toBe('');
      expect(r.stdout).toBe('');
    }
  });

  it('names the unknown command and lists the real ones', async () => {
    const r = await run(['frobnicate']);
    expect(r.stderr).toContain('frobnicate');
    for (const c of COMMANDS) expect(r.stderr).toContain(c.name);
  });

  it('prints usage on a usage error so the user can correct the call', async () => {
    const r = await run(['validate', '--nonsense', 'x.yaml'], { 'x.yaml': NAMESPACE });
    expect(r.stderr).toContain('--nonsense');
    expect(r.stderr).toContain('usage: knet validate');
  });

  it("prints a command's usage on stdout and exits 0 for --help", async () => {
    for (const c of COMMANDS) {
      const r = await run([c.name, '--help']);
      expect(r.code, c.name).toBe(EXIT.OK);
      expect(r.stdout, c.name).toContain(`usage: ${c.usage.split('\n')[0]}`);
    }
  });

  it('knows every command of the knet contract', () => {
    const known = COMMANDS.map((c) => c.name);
    for (const name of ['validate', 'endpoints', 'dns', 'route', 'check', 'matrix', 'trace']) expect(known).toContain(name);
  });
});

describe('documents that cannot be read', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken\n';

  it('leave the question answered from the other documents, with a located warning on stderr', async () => {
    const r = await run(['endpoints', '--json', 'a.yaml'], { 'a.yaml': text });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { services: { name: string }[] }).services.map((s) => s.name)).toEqual(['ok']);
    expect(r.stderr).toMatch(/^knet: warning: one document could not be read/);
    expect(r.stderr).toMatch(/a\.yaml:\d+:\d+: error: .*\[yaml-syntax\]/);
  });

  it('still exit 1 when the question needs what they held (a pod named in --from)', async () => {
    const r = await run(['dns', 'a.yaml', '--from', 'default/broken', 'ok'], { 'a.yaml': text });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[yaml-syntax]');
  });
});

describe('objects the API server would reject', () => {
  // Line 4: a name the API server refuses; line 9: a port out of range.
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec: {containers: [{name: c}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, ports: [{containerPort: 70000}]}]}\n';

  it.each([
    ['matrix', ['matrix', 'a.yaml', '--json'], EXIT.OK],
    ['check', ['check', 'a.yaml', '--from', 'default/x', '--to', 'default/x', '--port', '80', '--json'], EXIT.INPUT],
  ])('are named on stderr, one located line each, by %s (exit status unchanged)', async (_name, argv, code) => {
    const r = await run(argv, { 'a.yaml': text });
    expect(r.code).toBe(code);
    const lines = r.stderr.split('\n').filter((l) => l.includes('left out'));
    expect(lines).toEqual([expect.stringMatching(/^a\.yaml:4:\d+: Pod\/default\/Bad_Name left out: /), expect.stringMatching(/^a\.yaml:10:\d+: Pod\/default\/x left out: .*containerPort/)]);
  });

  it('are not repeated by validate, whose diagnostics already list them', async () => {
    const r = await run(['validate', 'a.yaml'], { 'a.yaml': text });
    expect(r.stderr).toBe('');
  });
});

describe('knet validate', () => {
  it('exits 0 and prints an empty diagnostics list for valid input', async () => {
    const r = await run(['validate', '--json', 'ns.yaml', 'pod.yaml'], { 'ns.yaml': NAMESPACE, 'pod.yaml': POD });
    expect(r.code).toBe(EXIT.OK);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
  });

  it('prints every diagnostic with the fields the knet contract requires, located by file, line and column', async () => {
    const r = await run(['validate', '--json', 'broken.yaml'], { 'broken.yaml': BROKEN });
    expect(r.code).toBe(EXIT.INPUT);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
    for (const d of diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['severity', 'code', 'message', 'file', 'line', 'column', 'object']));
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.file).toBe('broken.yaml');
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-name', severity: 'error', line: 4 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'yaml-syntax', severity: 'error' }));
  });

  it('lists diagnostics in reading order', async () => {
    const r = await run(['validate', '--json', 'broken.yaml'], { 'broken.yaml': BROKEN });
    const lines = (JSON.parse(r.stdout) as { diagnostics: { line: number }[] }).diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('exits 0 when the only findings are warnings or notes', async () => {
    const r = await run(['validate', '--json', 'w.yaml'], { 'w.yaml': WIDGET('w') });
    expect(r.code).toBe(EXIT.OK);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-kind', severity: 'info' }));
  });

  it('prints compiler-style lines and a count without --json', async () => {
    const r = await run(['validate', 'broken.yaml'], { 'broken.yaml': BROKEN });
    expect(r.code).toBe(EXIT.INPUT);
    expect(r.stdout).toMatch(/^broken\.yaml:4:\d+: error: .+ \[invalid-name\]$/m);
    expect(r.stdout).toMatch(/\d+ errors, \d+ warnings, \d+ notes/);
  });

  it('reads a directory as every *.yaml, *.yml and *.json inside, sorted by path', async () => {
    const files = {
      'dir/b.yaml': WIDGET('b'),
      'dir/a.yml': WIDGET('a'),
      'dir/c.json': JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'c' } }),
      'dir/notes.txt': 'not a manifest',
      'dir/sub/d.yaml': WIDGET('d'),
    };
    const r = await run(['validate', '--json', 'dir'], files);
    expect(r.code).toBe(EXIT.OK);
    expect(r.reads).toEqual(['dir/a.yml', 'dir/b.yaml', 'dir/c.json', 'dir/sub/d.yaml']);
    const shown = (JSON.parse(r.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file);
    expect(shown).toEqual(['dir/a.yml', 'dir/b.yaml', 'dir/c.json', 'dir/sub/d.yaml']);
  });

  it('reads `-` from stdin, including a kind: List', async () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 's' } }],
    });
    const r = await run(['validate', '--json', '-'], {}, list);
    expect(r.code).toBe(EXIT.OK);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: '<stdin>', code: 'unknown-kind' }));
  });

  it('exits 1 with a located message and no stack trace when a file does not exist', async () => {
    const r = await run(['validate', '--json', 'missing.yaml']);
    expect(r.code).toBe(EXIT.INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing.yaml');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('knet as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knet-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = new URL('../..', import.meta.url).pathname;

  it('prints only the JSON document on stdout under `npm run --silent knet -- validate --json`', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, BROKEN);
    const r = spawnSync('npm', ['run', '--silent', 'knet', '--', 'validate', '--json', file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(EXIT.INPUT);
    const parsed = JSON.parse(r.stdout) as { diagnostics: { code: string }[] };
    expect(parsed.diagnostics.map((d) => d.code)).toContain('invalid-name');
  });

  it('exits 1 for a missing file without a stack trace', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'validate', join(dir, 'nope.yaml')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(EXIT.INPUT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nope.yaml');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
