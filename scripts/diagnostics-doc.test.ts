import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/diagnostics.md is the catalogue people read; src/core/**/codes.ts is where codes are defined. This keeps
// the two in step: every defined code is documented, and every documented code still exists.
const modules = import.meta.glob<Record<string, unknown>>('../src/core/**/codes.ts', { eager: true });
const doc = readFileSync(new URL('../docs/diagnostics.md', import.meta.url), 'utf8');

/** Every string constant exported by a codes.ts module (objects of codes, nested or not). */
function codesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(codesOf);
  return [];
}

const defined = new Map<string, string>();
for (const [file, mod] of Object.entries(modules)) for (const code of codesOf(mod)) defined.set(code, file.replace('../', ''));

/** The first cell of each catalogue table row: | `code` | ... */
const documented = [...doc.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|/gm)].map((m) => m[1]!);

describe('docs/diagnostics.md', () => {
  it('finds the code modules and the catalogue rows it compares', () => {
    expect(Object.keys(modules)).toContain('../src/core/diagnostics/codes.ts');
    expect(defined.size).toBeGreaterThan(10);
    expect(documented.length).toBeGreaterThan(10);
  });

  it('documents every code defined in src/core/**/codes.ts (add a row when you add a code)', () => {
    const missing = [...defined].filter(([code]) => !documented.includes(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('lists only codes that still exist, each once', () => {
    expect(documented.filter((code) => !defined.has(code))).toEqual([]);
    expect(documented.filter((code, i) => documented.indexOf(code) !== i)).toEqual([]);
  });
});
