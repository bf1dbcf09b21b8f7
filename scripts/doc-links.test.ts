import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchor } from './markdown';

// Everything the docs and the code point to must be in the repository: Markdown links between the docs (and
// their anchors), and the repository paths named in docs and in source comments.
const root = new URL('..', import.meta.url).pathname;
const docs = [...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f)), join(root, 'README.md')];

/** The text outside fenced code blocks. */
const prose = (md: string) => md.replace(/^ *```[\s\S]*?^ *```/gm, '');

/** Heading anchors as GitHub makes them and as our renderer makes them (rules.html, diagnostics.html...). */
function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const m of prose(md).matchAll(/^#{1,6} +(.*?) *#*$/gm)) {
    const text = m[1]!;
    out.add(headingAnchor(text));
    out.add(text.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'data' || e.name === 'node_modules' ? [] : walk(path);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** Repository paths (`docs/rules.md`, `src/core/simulate.ts`) named in a text, without globs or placeholders. */
const PATH = /(?<![\w./-])((?:docs|src|scripts|e2e|public)\/[\w./-]*\.(?:md|ts|tsx|mjs|json|yaml|html|png|svg|css))(?![\w*])/g;
const pathsIn = (text: string) => [...text.matchAll(PATH)].map((m) => m[1]!).filter((p) => !p.includes('*') && !p.includes('<'));

describe('links and file references', () => {
  it('every relative Markdown link in docs/ and README.md points to a file, and to a heading there', () => {
    const broken: string[] = [];
    let links = 0;
    for (const file of docs) {
      for (const m of prose(readFileSync(file, 'utf8')).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^(https?:|mailto:)/.test(target)) continue;
        links++;
        const [path = '', hash] = target.split('#');
        const to = path ? join(dirname(file), path) : file;
        if (!existsSync(to)) broken.push(`${relative(root, file)}: ${target} (no such file)`);
        else if (hash && to.endsWith('.md') && !anchors(readFileSync(to, 'utf8')).has(hash)) broken.push(`${relative(root, file)}: ${target} (no such heading)`);
      }
    }
    expect(links).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });

  it('every repository path named in docs/, README.md and source comments exists', () => {
    const missing: string[] = [];
    for (const file of [...docs, ...walk(join(root, 'src')), ...walk(join(root, 'scripts')), ...walk(join(root, 'e2e'))]) {
      const text = readFileSync(file, 'utf8');
      const lines = file.endsWith('.md') ? [text] : text.split('\n').filter((l) => /^\s*(\/\/|\*|\/\*)/.test(l) || /\/\/ /.test(l));
      for (const p of lines.flatMap(pathsIn)) if (!existsSync(join(root, p))) missing.push(`${relative(root, file)}: ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it('points nowhere outside the repository (the project brief is not shipped)', () => {
    const outside = [...docs, ...walk(join(root, 'src')), ...walk(join(root, 'scripts')), ...walk(join(root, 'e2e'))].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => /SEMANTICS\.md|CLI\.md|UI\.md|STYLE\.md|\.\.\/shared\b/.test(line))
        .map(([, i]) => `${relative(root, file)}:${i + 1}`),
    );
    expect(outside).toEqual([]);
  });
});
