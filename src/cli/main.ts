import { realpathSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './commands/index';
import { EXIT, InputError, UsageError, type IO } from './io';

/** Run one knet invocation; never lets a stack trace reach the user for bad input. */
export async function main(argv: string[], io: IO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.err(help());
    return EXIT.USAGE;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return EXIT.OK;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`knet: unknown command "${name}"\n\n${help()}`);
    return EXIT.USAGE;
  }
  // Words after `--` belong to the command line `knet run` runs (`-- curl --help`), not to knet.
  const own = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (own.includes('--help') || own.includes('-h')) {
    io.out(`knet ${cmd.name}: ${cmd.summary}\nusage: ${cmd.usage}\n`);
    return EXIT.OK;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`knet ${name}: ${e.message}\nusage: ${cmd.usage}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof InputError) {
      io.err(`knet ${name}: ${e.message}\n`);
      return EXIT.INPUT;
    }
    io.err(`knet ${name}: internal error: ${(e as Error).message ?? String(e)}\n`);
    return EXIT.INPUT;
  }
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'knet: the Kubernetes Network Playground simulator on the command line',
    '',
    'usage: knet <command> [options] <input>...   (input: files, directories, or - for stdin)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json for machine-readable output.',
    '',
  ].join('\n');
}

export const nodeIO: IO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: (p) => readFile(p, 'utf8'),
  listDir: async (p) => {
    const s = await stat(p);
    if (!s.isDirectory()) return null;
    const out: string[] = [];
    const walk = async (d: string) => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const full = join(d, e.name);
        if (e.isDirectory()) await walk(full);
        else out.push(full);
      }
    };
    await walk(p);
    return out;
  },
};

/**
 * True when this module is the script Node was started with: `tsx src/cli/main.ts`, `node dist-cli/knet.mjs`,
 * or the `knet` symlink npm puts in `node_modules/.bin` (hence realpath), but not when a test imports `main`.
 */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2), nodeIO).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`knet: internal error: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
