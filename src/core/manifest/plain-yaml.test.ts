/**
 * The plain reader (plain-yaml.ts) must agree with `yaml`, the authority, on every document it accepts: the
 * same value and the same range for every field. Checked on every YAML file of the repository, on the bench's
 * generated clusters, and on fuzzed variations of them (fast-check): insertions of YAML-significant text,
 * deletions, re-indentation, documents `yaml` itself writes, and documents written in the styles people use
 * (indent widths, compact lists, quotes, flow spacing, trailing spaces, inline comments, blank lines).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { generateCluster, sizeFor } from '../../bench/generate';
import { generateNetpolCluster } from '../../bench/netpol.bench';
import { parseFile, parseWithYaml, type RawObject } from './parse';
import { fieldRange, flattenFields, rangeIn } from './fields';
import type { Range } from '../diagnostics/diagnostic';
import { readPlainYAML } from './plain-yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const repoYAML = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => [f, readFileSync(root + f, 'utf8')] as const);

const MARKER = /^---(?=[ \t\r\n]|$)/gm;
function chunks(text: string): [number, number][] {
  const starts = [0];
  for (const m of text.matchAll(MARKER)) if (m.index > 0) starts.push(m.index);
  return starts.map((s, i) => [s, starts[i + 1] ?? text.length]);
}

/** Both readers on one file: objects and diagnostics must be equal (values by Object.is: -0, NaN). */
function agree(text: string): void {
  const fast: Diagnostic[] = [];
  const slow: Diagnostic[] = [];
  // Ranges compared as dotted paths with absolute offsets: the readers may store them differently.
  const flat = (o: RawObject) => ({ value: o.value, file: o.file, range: o.range, fields: flattenFields(o.fields, o.offset) });
  const objects = parseFile(text, 0, fast);
  const a = objects.map(flat);
  const b = parseWithYaml(text, 0, slow).map(flat);
  expect(a).toEqual(b);
  expect(fast).toEqual(slow);
  objects.forEach((o, k) => lookupsAgree(o, b[k]!.fields));
}

/** Lookups in the stored form give what the dotted-path record gives: each path, and paths below and beside it. */
function lookupsAgree(o: RawObject, flat: Record<string, Range>): void {
  const source = { file: o.file, range: o.range, fields: o.fields, ...(o.offset ? { offset: o.offset } : {}) };
  const old = (p: string): Range => {
    for (let q = p; q; q = q.slice(0, Math.max(0, q.lastIndexOf('.')))) if (Object.prototype.hasOwnProperty.call(flat, q)) return flat[q]!;
    return o.range;
  };
  for (const p of Object.keys(flat)) {
    if (p) expect(fieldRange(source, p)).toEqual(flat[p]);
    for (const q of [p, `${p}.x`, `${p}.0.y`, p.replace(/\.[^.]*$/, '.zz')]) expect(rangeIn(source, q)).toEqual(old(q));
  }
}

/** How many documents of `text` the plain reader takes (the rest go to `yaml`). */
function accepted(text: string): { plain: number; all: number } {
  const cs = chunks(text);
  return { plain: cs.filter(([s, e]) => readPlainYAML(text, s, e)).length, all: cs.length };
}

const generated = [generateCluster(sizeFor(60)), generateNetpolCluster({ pods: 60, services: 12, policies: 18, namespaces: 3 })];

describe('the plain YAML reader agrees with yaml', () => {
  it('finds the repository YAML files', () => {
    expect(repoYAML.length).toBeGreaterThan(100);
  });

  it('on every YAML file of the repository (value and range of every field)', () => {
    for (const [name, text] of repoYAML) {
      try {
        agree(text);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
      }
    }
  });

  it('takes most documents of the repository and all of the generated clusters itself', () => {
    let plain = 0;
    let all = 0;
    for (const [, text] of repoYAML) {
      const r = accepted(text);
      plain += r.plain;
      all += r.all;
    }
    console.log(`plain reader: ${plain} of ${all} repository documents`);
    expect(plain / all).toBeGreaterThan(0.5);
    for (const text of generated) {
      const r = accepted(text);
      expect(r.plain).toBe(r.all);
      agree(text);
    }
  });

  it('on documents where two fields share one dotted path, or keys are empty or not strings', () => {
    // The plain reader leaves these to yaml (all but an empty key below the top, which it reads itself).
    for (const [text, plain] of [['a.b: 1\na:\n  b: 2\n', false], ['a:\n  b: 2\na.b: 1\n', false], ['x:\n  1: a\n  "1": b\n', false], ['"": [1, 2]\nk: v\n', false], ['m:\n  "": {a: 1}\n', true], ['~: 1\nt: {true: 2}\n', false]] as const) {
      agree(text);
      expect(readPlainYAML(text) !== undefined).toBe(plain);
    }
  });

  const SNIPPETS = ['', ' ', '  ', '\n', '\n  ', ': ', ':', '- ', '-', '#', ' # c', '"', "'", "''", '\\', '{', '}', '[', ']', ',', '&a ', '*a', '!t ', '|', '>', '?', '<<: ', '---', '...', '\t', '\r\n', 'a: b', 'x', '0', '-0', '0x1F', '0o17', '1e3', '.5', '.inf', '~', 'null', 'true', 'False', '__proto__', 'toString', 'a.b', '%', '@', '`', 'é', '\u2028'];
  const sources = [...repoYAML.filter(([f]) => f.startsWith('src/scenarios/')).map(([, t]) => t), ...generated];

  it('on fuzzed edits of real manifests: insertions, deletions, re-indented lines (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(sources.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(6), fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          let text = sources[which]!;
          for (const [where, del, ins] of edits) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + ins + text.slice(at + del);
          }
          agree(text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on documents yaml writes itself, block and flow, quoted and plain (property)', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', 'app.kubernetes.io/name', 'x-y', 'port', '1', 'true', 'null', 'k8s', "it's", 'a b', 'a: b', '#c', ''), fc.string({ maxLength: 5 }));
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('0x10', '0o7', '-0', '1e3', '.inf', '~', 'yes', 'http://a:80/x', 'a #b', 'a#b', '- x', ' lead', 'trail '));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      list: fc.array(tie('node'), { maxLength: 4 }),
    }));
    const options = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      flowCollectionPadding: fc.boolean(),
    } as const);
    fc.assert(
      fc.property(fc.dictionary(key, tree.node, { minKeys: 1, maxKeys: 5 }), options, fc.boolean(), (doc, opts, marker) => {
        agree((marker ? '---\n' : '') + stringify(doc, opts));
        // A flow document as a whole is left to yaml: as a value, the plain reader reads it too.
        agree(`top: ${stringify(doc, { ...opts, collectionStyle: 'flow', lineWidth: 0 })}`);
      }),
      { numRuns: 400 },
    );
  });

  it('on documents written in the styles people use (property)', () => {
    const word = fc.constantFrom('a', 'name', 'app.kubernetes.io/name', 'x-y', 'http://h:8/p', 'a b', '1', '-1', '0x1F', 'true', '~', 'null', '', '.5', "it's", 'q"q', 'a#b', 'a,b', '-x', ':x', 'a: b', '#c', '[x]');
    const style = fc.record({ ind: fc.integer({ min: 1, max: 4 }), sp: fc.integer({ min: 1, max: 3 }), trail: fc.boolean(), comment: fc.boolean(), blank: fc.boolean(), compact: fc.boolean(), quote: fc.constantFrom('', "'", '"'), flowSp: fc.constantFrom('', ' ') });
    const tree = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, word, tie('map'), tie('list')), map: fc.dictionary(word, tie('node'), { maxKeys: 4 }), list: fc.array(tie('node'), { maxLength: 3 }) })).node as fc.Arbitrary<Tree>;
    fc.assert(
      fc.property(fc.dictionary(word, tree, { minKeys: 1, maxKeys: 5 }), style, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (doc, st, coin) => {
        const out: string[] = [];
        emit(doc, 0, { ...st, coin: (k: number) => coin[k % 64]! }, out);
        agree(out.join('\n') + '\n');
      }),
      { numRuns: 300 },
    );
  });
});

type Tree = string | Tree[] | { [k: string]: Tree };
interface Style {
  ind: number;
  sp: number;
  trail: boolean;
  comment: boolean;
  blank: boolean;
  compact: boolean;
  quote: string;
  flowSp: string;
  /** A fixed sequence of coin flips, so a failing case shrinks to a repeatable one. */
  coin: (k: number) => boolean;
}

let flips = 0;
const quote = (s: string, st: Style) => (st.quote === "'" && st.coin(flips++) ? `'${s.replace(/'/g, "''")}'` : st.quote === '"' && st.coin(flips++) && !/["\\]/.test(s) ? `"${s}"` : s);
const flow = (v: Tree, st: Style): string =>
  typeof v === 'string' ? quote(v, st) : Array.isArray(v) ? `[${st.flowSp}${v.map((x) => flow(x, st)).join(', ')}${st.flowSp}]` : `{${st.flowSp}${Object.entries(v).map(([k, x]) => `${quote(k, st)}: ${flow(x, st)}`).join(', ')}${st.flowSp}}`;

/** Writes `v` as block YAML at `indent` in the given style (scalars and small collections inline). */
function emit(v: Tree, indent: number, st: Style, out: string[]): void {
  const pad = ' '.repeat(indent);
  const tail = () => (st.trail && st.coin(flips++) ? '  ' : '') + (st.comment && st.coin(flips++) ? ' # c' : '');
  const inline = (x: Tree) => typeof x === 'string' || st.coin(flips++) || Object.keys(x).length === 0;
  if (typeof v === 'string') return;
  for (const [k, x] of Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v)) {
    if (st.blank && st.coin(flips++)) out.push('');
    const head = Array.isArray(v) ? `${pad}-${' '.repeat(st.sp)}` : `${pad}${quote(k, st)}:${' '.repeat(st.sp)}`;
    if (inline(x)) out.push(`${head}${flow(x, st)}${tail()}`);
    else if (Array.isArray(v) && !Array.isArray(x) && st.compact) {
      const lines: string[] = [];
      emit(x, indent + 1 + st.sp, st, lines);
      lines[0] = head + lines[0]!.trimStart();
      out.push(...lines);
    } else {
      out.push(head.trimEnd() + tail());
      emit(x, !Array.isArray(v) && Array.isArray(x) && st.compact ? indent : indent + st.ind, st, out);
    }
  }
}
