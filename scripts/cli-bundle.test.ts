import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliStaleReason as stale } from './cli-bundle.mjs';
const root = mkdtempSync(join(tmpdir(), 'knet-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (file: string, seconds: number) => {
  const path = join(root, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
};

describe('npm run knet rebuilds dist-cli/knet.mjs only when it is stale', () => {
  it('builds when there is no bundle yet', () => {
    at('src/core/simulate.ts', 1000);
    expect(stale(root)).toMatch(/does not exist/);
  });

  it('runs the bundle when it is newer than every source', () => {
    at('dist-cli/knet.mjs', 2000);
    expect(stale(root)).toBeNull();
  });

  it('ignores a newer test file (tests are not in the bundle)', () => {
    at('src/cli/commands/matrix.test.ts', 3000);
    expect(stale(root)).toBeNull();
  });

  it('rebuilds when a core or CLI source, or the lockfile, is newer', () => {
    at('src/core/model/world.ts', 3000);
    expect(stale(root)).toBe('src/core changed since it was built');
    at('dist-cli/knet.mjs', 4000);
    at('package-lock.json', 5000);
    expect(stale(root)).toBe('package-lock.json changed since it was built');
  });
});
