/**
 * Shared by `npm start` (serve.mjs) and `npm test` (test-all.mjs): is dist/ older than what it is built from,
 * and build it with the project's own Vite (`vite build`, the same as `npx vite build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = join(ROOT, 'dist');

/** What the site is built from: when any of these is newer than dist/index.html, the build is stale. */
const SOURCES = ['src', 'public', 'docs', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** Newest modification time below a path (0 when it does not exist). */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

/** Why the site in `dir` must be (re)built, or null when it is up to date. */
export function staleReason(dir = DIST) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return `${dir} has no index.html yet`;
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(ROOT, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Run `vite build` in the project root with output to the terminal; true when it succeeded. */
export function buildSite(log = console.log) {
  log('$ vite build');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // A NODE_ENV inherited from a test runner (`test`) would make Vite bundle React's development build.
  const options = { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } };
  const r = existsSync(vite)
    ? spawnSync(process.execPath, [vite, 'build'], options)
    : spawnSync('npx', ['vite', 'build'], { ...options, shell: process.platform === 'win32' });
  return r.status === 0;
}
