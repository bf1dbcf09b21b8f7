/**
 * The core's modules form no import circle, type-only imports included: data flows one way, from the
 * manifest through the controllers to the questions (docs/ARCHITECTURE.md). A circle usually means a type
 * lives in the wrong module (a controller importing the pipeline's Simulation, two modules sharing types
 * that belong in a third).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = dirname(fileURLToPath(import.meta.url));

/** Every module of the core (tests left out: they may import freely) → the core modules it imports. */
function importGraph(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(CORE);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    // preProcessFile lists `import type` and `export ... from` too: a type-only circle is still a circle.
    const imported = ts.preProcessFile(readFileSync(f, 'utf8'), true, true).importedFiles.map((i) => i.fileName);
    const deps = imported
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(f), name))
      .map((base) => [`${base}.ts`, join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile()))
      .filter((x): x is string => x !== undefined);
    graph.set(f, deps);
  }
  return graph;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('imports inside src/core', () => {
  it('form no circle', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    const named = circles(graph).map((scc) => scc.map((f) => relative(CORE, f)));
    expect(named).toEqual([]);
  });

  it('would be caught: the check finds a circle of two and one of three modules', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', []],
      ['x', ['y']],
      ['y', ['z']],
      ['z', ['x']],
      ['self', ['self']],
    ]);
    expect(circles(g)).toEqual([['a', 'b'], ['x', 'y', 'z'], ['self']]);
  });
});
