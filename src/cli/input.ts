import type { InputFile } from '../core/index';
import { InputError, UsageError, type IO } from './io';

const MANIFEST = /\.(ya?ml|json)$/i;

/** Read knet inputs: files, directories (every *.yaml/*.yml/*.json inside, sorted by path), `-` for stdin. */
export async function loadInputs(paths: string[], io: IO): Promise<InputFile[]> {
  if (paths.length === 0) throw new UsageError('give at least one input: a file, a directory, or - for stdin');
  const files: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ name: '<stdin>', text: await io.readStdin() });
      continue;
    }
    const listed = await io.listDir(p).catch(() => null);
    if (listed) {
      for (const f of listed.filter((f) => MANIFEST.test(f)).sort()) files.push({ name: f, text: await read(f, io) });
      continue;
    }
    files.push({ name: p, text: await read(p, io) });
  }
  return files;
}

async function read(path: string, io: IO): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`);
  }
}
