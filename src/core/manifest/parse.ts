import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Range } from '../diagnostics/diagnostic';
import { CODES } from '../diagnostics/codes';
import type { FieldNode, FieldTree } from '../model/meta';
import { checkIndentation, mayBeMisindented } from './indentation';
import { readPlainYAML, unusualOffsets } from './plain-yaml';

/** Limits that keep hostile input bounded (each refusal names the limit). */
export const LIMITS = {
  /** Characters of input over all files. */
  maxChars: 8_000_000,
  /** Documents per file, and objects in all (after `List`s are unfolded). */
  maxDocuments: 10_000,
  /** YAML alias expansion (billion-laughs guard). */
  maxAliasCount: 1_000,
  /** Nesting depth of collections. */
  maxDepth: 100,
};

/** One object read from the text: its plain value plus the source ranges of its fields. */
export interface RawObject {
  value: Record<string, unknown>;
  file: number;
  range: Range;
  fields: FieldTree;
  /** Added to every range in `fields` (they are relative to the document's chunk). */
  offset?: number;
  /**
   * Every key is a field its mapping's shape lists, where the shapes list them (shapes.ts): the plain reader's
   * indentation pre-check walked them all, so `unknownFields` has nothing to find.
   */
  listedFields?: true;
}

/**
 * Parsed documents kept between runs, keyed by their text, so that an edit re-parses only the documents it
 * touched (the page simulates on every keystroke). Owned by the caller (the worker keeps one and passes it
 * to every `simulate`); core keeps no state of its own. Entries not used by the latest run are dropped.
 */
export interface ParseCache {
  /** Document text (from one `---` line up to the next) → what parsing it gave, ranges relative to its start. */
  entries: Map<string, Segment>;
  /** Entries used by the run in progress (becomes `entries` when the run ends). */
  used: Map<string, Segment>;
}

interface Segment {
  objects: RawObject[];
  diags: Diagnostic[];
  documents: number;
  /** Some document had YAML errors: the whole file is parsed in one go instead, so messages stay exact. */
  broken: boolean;
}

export function createParseCache(): ParseCache {
  return { entries: new Map(), used: new Map() };
}

/** Marks the end of one run: entries the run did not use are forgotten. */
export function finishParseRun(cache: ParseCache): void {
  cache.entries = cache.used;
  cache.used = new Map();
}

/** Start offsets of the documents: 0 and every line that is a `---` document marker. */
const MARKER = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Split one file into YAML documents and convert each to plain data, keeping the range of every field.
 * A broken document is reported and skipped; the others are still read (one typo must not hide the rest).
 * Documents in the plain manifest subset are read by `plain-yaml.ts`, the rest by `yaml`; with a cache,
 * documents whose text is unchanged since the last run are not read again. The result is the same as
 * `parseWithYaml` (a file with YAML errors or directives is always parsed whole by `yaml`).
 */
export function parseFile(text: string, file: number, diags: Diagnostic[], cache?: ParseCache): RawObject[] {
  // Count separators before parsing, so an oversized paste is refused at once rather than after seconds.
  const separators = text.match(/^---/gm)?.length ?? 0;
  if (separators + 1 > LIMITS.maxDocuments + 1) {
    diags.push(tooMany(separators + 1, file, text));
    return [];
  }
  if (!/^%/m.test(text)) {
    const read = parseBySegments(text, file, diags, cache);
    if (read) return read;
  }
  return parseWithYaml(text, file, diags);
}

/** The whole file through `yaml` in one go: the authority the faster paths must agree with. */
export function parseWithYaml(text: string, file: number, diags: Diagnostic[]): RawObject[] {
  const local: Diagnostic[] = [];
  const seg = parseSegment(text, file, local);
  if (seg.documents > LIMITS.maxDocuments) {
    diags.push(tooMany(seg.documents, file, text));
    return [];
  }
  diags.push(...oneIndentationProblem(seg.diags));
  return seg.objects;
}

/**
 * A file pasted with its indentation lost has the same problem in every document: say it once, at the first, and
 * list the other places as related (their documents are not read either).
 */
function oneIndentationProblem(diags: Diagnostic[]): Diagnostic[] {
  const indent = diags.filter((d) => d.code === CODES.YAML_INDENTATION);
  if (indent.length < 2) return diags;
  const [first, ...rest] = indent;
  const more = rest.length === 1 ? 'Another document below has' : `${rest.length} more documents below have`;
  const merged: Diagnostic = {
    ...first!,
    message: `${first!.message} ${more} the same problem; none of them was read.`,
    related: rest.map((d) => ({ file: d.file, range: d.range, message: d.message })),
  };
  return diags.filter((d) => !rest.includes(d)).map((d) => (d === first ? merged : d));
}

/** parseFile document by document; undefined when some document has YAML errors (then the file is parsed whole). */
function parseBySegments(text: string, file: number, diags: Diagnostic[], cache?: ParseCache): RawObject[] | undefined {
  const starts = [0];
  for (const m of text.matchAll(MARKER)) if (m.index > 0) starts.push(m.index);
  const parts: [Segment, number][] = [];
  let documents = 0;
  const odd = cache ? [] : unusualOffsets(text);
  let k = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    while (k < odd.length && odd[k]! < start) k++;
    const clean = !cache && (k === odd.length || odd[k]! >= end);
    let seg: Segment | undefined;
    // Segments are relative to their chunk, so a cached one serves wherever an edit moves it; shifted below.
    if (cache) {
      const chunk = text.slice(start, end);
      seg = cache.used.get(chunk) ?? cache.entries.get(chunk) ?? readSegment(chunk, 0, chunk.length);
      cache.used.set(chunk, seg);
    } else seg = readSegment(text, start, end, clean);
    parts.push([seg, start]);
    if (seg.broken) return undefined;
    documents += seg.documents;
  }
  if (documents > LIMITS.maxDocuments) {
    diags.push(tooMany(documents, file, text));
    return [];
  }
  const out: RawObject[] = [];
  for (const [seg, offset] of parts) {
    for (const d of seg.diags) diags.push({ ...d, file, range: shift(d.range, offset) });
    for (const o of seg.objects) out.push(offset === 0 && file === o.file ? o : { value: o.value, file, range: shift(o.range, offset), fields: o.fields, ...(offset ? { offset } : {}), ...(o.listedFields ? { listedFields: true as const } : {}) });
  }
  return out;
}

/** One chunk (`text` from `start` to `end`), read by the plain reader when it can, else by `yaml`; offsets relative to `start`. */
function readSegment(text: string, start: number, end: number, clean = false): Segment {
  // Indentation a person got wrong can still be valid YAML (`metadata:` then `name:` in the same column): yaml's
  // path reports it, so such a document is not taken by the plain reader.
  const plain = readPlainYAML(text, start, end, clean);
  const ask = plain && mayBeMisindented(plain.value);
  if (plain && !(ask && checkIndentation(text, start, end))) {
    const object: RawObject = { value: plain.value, file: 0, range: shift(plain.range, -start), fields: plain.fields, ...(ask ? {} : { listedFields: true as const }) };
    return { objects: [object], diags: [], documents: 1, broken: false };
  }
  return parseSegment(start === 0 && end === text.length ? text : text.slice(start, end), 0, []);
}

function shift(r: Range, by: number): Range {
  return by === 0 ? r : { start: r.start + by, end: r.end + by };
}

/** Parse text holding one or more documents; positions are relative to the text. */
function parseSegment(text: string, file: number, diags: Diagnostic[]): Segment {
  const out: RawObject[] = [];
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: false, merge: true });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > LIMITS.maxDocuments) return { objects: [], diags: [], documents: list.length, broken: false };
  let anyBroken = false;
  for (const doc of list) {
    const docRange = { start: doc.range[0], end: doc.range[1] };
    // Indentation a person got wrong explains the parser's errors (and the follow-on missing fields) at once:
    // report it instead of them, and do not read the document as YAML nested it.
    const indent = checkIndentation(text, doc.range[0], doc.range[1]);
    if (indent) {
      diags.push({ code: CODES.YAML_INDENTATION, severity: 'error', message: `${indent.message} This document was not read.`, file, range: indent.range });
      anyBroken = true;
      continue;
    }
    let broken = false;
    for (const err of doc.errors) {
      broken = true;
      const duplicate = err.code === 'DUPLICATE_KEY';
      diags.push({
        code: duplicate ? CODES.YAML_DUPLICATE_KEY : CODES.YAML_SYNTAX,
        severity: 'error',
        message: firstLine(err.message),
        file,
        range: { start: err.pos[0], end: Math.max(err.pos[1], err.pos[0] + 1) },
      });
    }
    if (broken) anyBroken = true;
    if (broken || doc.contents == null) continue;
    if (depthExceeds(doc.contents, LIMITS.maxDepth)) {
      diags.push({ code: CODES.YAML_LIMIT, severity: 'error', message: `This document nests deeper than ${LIMITS.maxDepth} levels; it was not read.`, file, range: docRange });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    } catch (e) {
      diags.push({ code: CODES.YAML_LIMIT, severity: 'error', message: `This document could not be expanded: ${firstLine(String((e as Error).message ?? e))}`, file, range: docRange });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      diags.push({ code: CODES.YAML_NOT_OBJECT, severity: 'error', message: 'A Kubernetes manifest document must be a mapping (apiVersion, kind, metadata, ...).', file, range: rangeOf(doc.contents) ?? docRange });
      continue;
    }
    out.push({ value: value as Record<string, unknown>, file, range: rangeOf(doc.contents) ?? docRange, fields: fieldTree(doc.contents) });
  }
  return { objects: out, diags, documents: list.length, broken: anyBroken };
}

function tooMany(count: number, file: number, text: string): Diagnostic {
  return {
    code: CODES.YAML_LIMIT,
    severity: 'error',
    message: `The input has ${count} documents; the playground reads at most ${LIMITS.maxDocuments}. Nothing in this file was read.`,
    file,
    range: { start: 0, end: Math.min(text.length, 1) },
  };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function rangeOf(node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function depthExceeds(node: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[node, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) return true;
    if (isMap(n)) for (const p of n.items) stack.push([p.value, d + 1]);
    else if (isSeq(n)) for (const it of n.items) stack.push([it, d + 1]);
  }
  return false;
}

/**
 * The ranges of every map entry (key through value) and list item below `node`, as a FieldTree. Keys are
 * written as `String(key)`. Where two fields would share one dotted path (a dotted key beside the nested
 * form, or `1` beside `"1"`), the paths are recorded too, first one kept, and lookups use them.
 */
function fieldTree(node: unknown): FieldTree {
  const root: FieldTree = {};
  let clash = false;
  const stack: [unknown, FieldTree][] = [[node, root]];
  while (stack.length) {
    const [n, tree] = stack.pop()!;
    if (isMap(n)) {
      const keys: Record<string, FieldNode> = {};
      // Keys whose value is a collection (their own fields are recorded later, so the tree cannot say yet).
      const collections = new Set<string>();
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const start = pair.key.range![0];
        const end = (pair.value as YamlNode | null)?.range?.[1] ?? pair.key.range![1];
        const child: FieldNode = { start, end };
        if (Object.prototype.hasOwnProperty.call(keys, key)) clash = true;
        else if (key === '__proto__') Object.defineProperty(keys, key, { value: child, enumerable: true, writable: true, configurable: true });
        else keys[key] = child;
        if (key === '' || key.includes('.')) tree.dotted = true;
        if (isMap(pair.value) || isSeq(pair.value)) collections.add(key);
        stack.push([pair.value, child]);
      }
      tree.keys = keys;
      if (tree.dotted) {
        for (const key in keys) {
          for (let d = key.indexOf('.'); d >= 0; d = key.indexOf('.', d + 1)) {
            const prefix = key.slice(0, d);
            if (collections.has(prefix)) clash = true;
          }
        }
      }
    } else if (isSeq(n)) {
      tree.items = n.items.map((item) => {
        const r = rangeOf(item) ?? { start: 0, end: 0 };
        const child: FieldNode = { start: r.start, end: r.end };
        stack.push([item, child]);
        return child;
      });
    }
  }
  // An empty key at the top has the empty path, so its children's paths read as top-level ones.
  const top = root.keys?.[''];
  if (top && Object.prototype.hasOwnProperty.call(root.keys, '') && (top.keys || top.items)) clash = true;
  if (clash) {
    root.paths = {};
    collectPaths(node, '', root.paths);
  }
  return root;
}

/** Record `path → range` for every map entry (key through value) and list item below `node` (first one kept). */
function collectPaths(node: unknown, path: string, out: Record<string, Range>): void {
  const stack: [unknown, string][] = [[node, path]];
  while (stack.length) {
    const [n, p] = stack.pop()!;
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const sub = p ? `${p}.${key}` : key;
        const start = pair.key.range?.[0];
        const end = (pair.value as YamlNode | null)?.range?.[1] ?? pair.key.range?.[1];
        if (start !== undefined && end !== undefined && !(sub in out)) out[sub] = { start, end };
        stack.push([pair.value, sub]);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => {
        const sub = p ? `${p}.${i}` : String(i);
        const r = rangeOf(item);
        if (r) out[sub] = r;
        stack.push([item, sub]);
      });
    }
  }
}
