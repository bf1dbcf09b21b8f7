/**
 * The bundled CLI (dist-cli/knet.mjs) as `npm run knet` uses it: is it older than what it is built from, and
 * build it. Concurrent builds are safe: each builds into its own folder and renames the file into place, so no
 * caller ever runs a half-written bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the bundle is built from (tests excluded: they are not in it). */
export const CLI_SOURCES = ['src/cli', 'src/core', 'vite.cli.config.ts', 'package.json', 'package-lock.json'];

export const bundlePath = (root) => join(root, 'dist-cli', 'knet.mjs');

function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** Why `root`'s dist-cli/knet.mjs must be (re)built, or null when it is up to date. */
export function cliStaleReason(root) {
  const bundle = bundlePath(root);
  if (!existsSync(bundle)) return 'dist-cli/knet.mjs does not exist yet';
  const built = statSync(bundle).mtimeMs;
  const changed = CLI_SOURCES.find((s) => newest(join(root, s)) > built);
  return changed ? `${changed} changed since it was built` : null;
}

/** `vite build --config vite.cli.config.ts` with its output on stderr; true when dist-cli/knet.mjs is in place. */
export function buildCLI(root) {
  const tmp = join(root, 'dist-cli', `.build-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', '--outDir', tmp, '--emptyOutDir'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status === 0) renameSync(join(tmp, 'knet.mjs'), bundlePath(root));
  rmSync(tmp, { recursive: true, force: true });
  return r.status === 0;
}
