import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start`'s static server, run as a subprocess on a free port over a small fake site.
const script = new URL('./serve.mjs', import.meta.url).pathname;
let dir: string;
let child: ChildProcess;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'knet-serve-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'assets', 'worker.wasm'), '');
  writeFileSync(join(dir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'knet-serve-secret.txt'), 'secret');
  child = spawn(process.execPath, [script, '--dir', dir, '--no-build'], { env: { ...process.env, PORT: '0' } });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/localhost:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
});

afterAll(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/index.html?embed=1', 200, 'text/html; charset=utf-8'],
    ['/assets/app.js', 200, 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 200, 'text/css; charset=utf-8'],
    ['/assets/worker.wasm', 200, 'application/wasm'],
    ['/missing.js', 404, 'text/plain; charset=utf-8'],
  ])('GET %s answers %i with %s', async (path, status, type) => {
    const res = await fetch(new URL(path, base));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it.each(['/../knet-serve-secret.txt', '/%2e%2e/knet-serve-secret.txt', '/assets/..%2f..%2fknet-serve-secret.txt'])(
    'refuses to leave the served folder for the raw path %s',
    async (path) => {
      // fetch() would normalise `..` away; a raw request sends the path as an attacker would.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        request(new URL(base), { path }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(404);
    },
  );

  it('logs a localhost URL a person can open', () => {
    expect(base).toMatch(/^http:\/\/localhost:\d+\/$/);
  });
});
