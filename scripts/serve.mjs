#!/usr/bin/env node
/**
 * `npm start`: build the site when dist/ is missing or older than its sources (`npx vite build`), then serve
 * dist/ as static files on http://localhost:5173/ (PORT overrides; PORT=0 picks a free port). Node only, no
 * dependencies. Options for tests and tinkering: `--dir <path>` serves another folder, `--no-build` never builds.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { DIST, buildSite, staleReason } from './site-build.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function parseArgs(argv) {
  const opts = { dir: DIST, build: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') opts.build = false;
    else if (argv[i] === '--dir' && argv[i + 1]) opts.dir = resolve(argv[++i]);
    else {
      console.error(`serve: unknown argument ${argv[i]}\nusage: node scripts/serve.mjs [--dir <path>] [--no-build]`);
      process.exit(2);
    }
  }
  return opts;
}

/** Map a URL path to a file inside `dir`, refusing anything that escapes it. */
function fileFor(dir, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const full = normalize(join(dir, path));
  if (full !== dir && !full.startsWith(dir + sep)) return null;
  try {
    const st = statSync(full);
    if (st.isDirectory()) {
      const index = join(full, 'index.html');
      return existsSync(index) ? { path: index, size: statSync(index).size } : null;
    }
    return st.isFile() ? { path: full, size: st.size } : null;
  } catch {
    return null;
  }
}

function serve(dir, port) {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    const file = fileFor(dir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${req.url}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': file.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file.path).pipe(res);
  });
  server.on('error', (e) => {
    if (e.code === 'EADDRINUSE') console.error(`serve: port ${port} is in use; set PORT to another port (PORT=8080 npm start)`);
    else console.error(`serve: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, () => {
    const actual = server.address().port;
    console.log(`Kubernetes Network Playground: http://localhost:${actual}/  (serving ${dir}; Ctrl+C to stop)`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const opts = parseArgs(process.argv.slice(2));
const port = process.env.PORT === undefined || process.env.PORT === '' ? 5173 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
const reason = opts.build && opts.dir === DIST ? staleReason(DIST) : null;
if (reason) console.log(`serve: building the site (${reason})`);
if (reason && !buildSite()) {
  if (existsSync(join(opts.dir, 'index.html'))) console.error('serve: the build failed; serving the previous build of dist/.');
  else {
    console.error('serve: the build failed and there is no previous build to serve (see the errors above).');
    process.exit(1);
  }
}
if (!existsSync(join(opts.dir, 'index.html'))) {
  console.error(`serve: ${opts.dir} has no index.html; run \`npx vite build\` first.`);
  process.exit(1);
}
serve(opts.dir, port);
