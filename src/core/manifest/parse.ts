import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Range } from '../diagnostics/diagnostic';
import { CODES } from '../diagnostics/codes';
import { checkIndentation } from './indentation';

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
  fields: Record<string, Range>;
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
 * With a cache, documents whose text is unchanged since the last run are not parsed again; the result is the
 * same as without (a file with YAML errors or directives is always parsed whole).
 */
export function parseFile(text: string, file: number, diags: Diagnostic[], cache?: ParseCache): RawObject[] {
  // Count separators before parsing, so an oversized paste is refused at once rather than after seconds.
  const separators = text.match(/^---/gm)?.length ?? 0;
  if (separators + 1 > LIMITS.maxDocuments + 1) {
    diags.push(tooMany(separators + 1, file, text));
    return [];
  }
  if (cache && !/^%/m.test(text)) {
    const cached = parseBySegments(text, file, diags, cache);
    if (cached) return cached;
  }
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

/** parseFile through the cache; undefined when some document has YAML errors (then the file is parsed whole). */
function parseBySegments(text: string, file: number, diags: Diagnostic[], cache: ParseCache): RawObject[] | undefined {
  const starts = [0];
  for (const m of text.matchAll(MARKER)) if (m.index > 0) starts.push(m.index);
  const parts: [Segment, number][] = [];
  let documents = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    let seg = cache.used.get(chunk) ?? cache.entries.get(chunk);
    if (!seg) seg = parseSegment(chunk, 0, []);
    cache.used.set(chunk, seg);
    if (seg.broken) return undefined;
    documents += seg.documents;
    parts.push([seg, start]);
  }
  if (documents > LIMITS.maxDocuments) {
    diags.push(tooMany(documents, file, text));
    return [];
  }
  const out: RawObject[] = [];
  for (const [seg, offset] of parts) {
    for (const d of seg.diags) diags.push({ ...d, file, range: shift(d.range, offset) });
    for (const o of seg.objects) out.push(offset === 0 && file === 0 ? o : { value: o.value, file, range: shift(o.range, offset), fields: offset === 0 ? o.fields : shiftFields(o.fields, offset) });
  }
  return out;
}

function shift(r: Range, by: number): Range {
  return by === 0 ? r : { start: r.start + by, end: r.end + by };
}

function shiftFields(fields: Record<string, Range>, by: number): Record<string, Range> {
  const out: Record<string, Range> = {};
  for (const k in fields) {
    const r = fields[k]!;
    out[k] = { start: r.start + by, end: r.end + by };
  }
  return out;
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
    const fields: Record<string, Range> = {};
    collectRanges(doc.contents, '', fields);
    out.push({ value: value as Record<string, unknown>, file, range: rangeOf(doc.contents) ?? docRange, fields });
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

/** Record `path → range` for every map entry (key through value) and list item below `node`. */
function collectRanges(node: unknown, path: string, out: Record<string, Range>): void {
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
