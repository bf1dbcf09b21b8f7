import type { IO } from './io';
import { main } from './main';

/** An in-memory file system and captured streams: `main()` sees exactly what a shell would give it. For tests. */
export function memoryIO(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const io: IO = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTTY: false,
    readStdin: () => Promise.resolve(stdin),
    readFile: (p) => {
      reads.push(p);
      if (p in files) return Promise.resolve(files[p]!);
      const isDir = Object.keys(files).some((f) => f.startsWith(p.replace(/\/?$/, '/')));
      return Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: isDir ? 'EISDIR' : 'ENOENT' }));
    },
    listDir: (p) => {
      const prefix = p.replace(/\/?$/, '/');
      const below = Object.keys(files).filter((f) => f.startsWith(prefix));
      return Promise.resolve(below.length ? below : null);
    },
  };
  return { io, reads, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Run one knet invocation against in-memory files. */
export async function runKnet(argv: string[], files?: Record<string, string>, stdin?: string) {
  const m = memoryIO(files, stdin);
  const code = await main(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr(), reads: m.reads };
}
