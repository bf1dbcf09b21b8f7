import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run build:cli` bundles knet into one file; this builds it into a temp folder and runs it the ways a user
// would: directly, and through a symlink as npm's `node_modules/.bin/knet` is (main.ts's entry check).
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'knet-build-'));
const knet = join(dir, 'out', 'knet.mjs');
const manifest = join(dir, 'bad.yaml');

beforeAll(() => {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', '--outDir', join(dir, 'out')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build:cli failed: ${r.stderr}`);
  writeFileSync(manifest, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers: [{name: c, image: nginx}]\n');
  symlinkSync(knet, join(dir, 'knet'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built knet (dist-cli/knet.mjs)', () => {
  it('is one executable Node ESM file with a shebang and no imports but Node built-ins', () => {
    const text = readFileSync(knet, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(knet).mode & 0o111).not.toBe(0);
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.filter((m) => !m!.startsWith('node:'))).toEqual([]);
  });

  it.each([
    ['run directly', () => knet],
    ['run through a symlink, as npm installs bin entries', () => join(dir, 'knet')],
  ])('answers validate --json when %s', (_how, path) => {
    const r = spawnSync(path(), ['validate', '--json', manifest], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number }[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-name', line: 4 }));
  });
});
