/**
 * Differences between two plain-data values, for a worker reply that sends only what an edit changed
 * (issue 15): `diff(prev, next)` is a patch, `applyPatch(prev, patch)` gives `next` back (deep-equal, sharing
 * what did not change). Lists of records with an `id` (or `service`) are matched by it, so a pod added in the
 * middle of the graph costs that pod, not the rest of the list; changed records carry only changed fields.
 * Plain data in and out (it crosses the worker boundary).
 */
export type Patch =
  /** The new value, whole. */
  | { v: unknown }
  /** Changed fields of an object (`d`: fields it no longer has). */
  | { o: Record<string, Patch>; d?: string[] }
  /**
   * A list of records matched by `k`: the new order as kept head, new middle ids and kept tail (absent when
   * unchanged), changed records by id (`c`) and records new to the list (`n`).
   */
  | { a: { k: string; p?: number; s?: number; m?: string[]; c?: Record<string, Patch>; n?: Record<string, unknown> } };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The field that names the records of a list, when every record has a distinct string one ('' : distinct strings). */
function keyOf(list: unknown[]): string | undefined {
  const strings = new Set<unknown>();
  if (list.every((x) => typeof x === 'string' && !strings.has(x) && strings.add(x))) return '';
  for (const k of ['id', 'service']) {
    const seen = new Set<string>();
    if (list.every((x) => isObject(x) && typeof x[k] === 'string' && !seen.has(x[k]) && seen.add(x[k]))) return k;
  }
  return undefined;
}

/** What turns `prev` into `next`, or undefined when they are equal. */
export function diff(prev: unknown, next: unknown): Patch | undefined {
  if (equal(prev, next)) return undefined;
  if (isObject(prev) && isObject(next)) {
    const o: Record<string, Patch> = {};
    const d: string[] = [];
    for (const k of Object.keys(next)) {
      if (next[k] === undefined) continue;
      const p = prev[k] === undefined ? { v: next[k] } : diff(prev[k], next[k]);
      if (p) o[k] = p;
    }
    for (const k of Object.keys(prev)) if (prev[k] !== undefined && next[k] === undefined) d.push(k);
    return d.length ? { o, d } : { o };
  }
  if (Array.isArray(prev) && Array.isArray(next) && prev.length && next.length) {
    const k = keyOf(prev);
    if (k !== undefined && keyOf(next) === k) return { a: k ? listPatch(prev as Record<string, unknown>[], next as Record<string, unknown>[], k) : orderPatch(prev as string[], next as string[]) };
  }
  return { v: next };
}

/** A list of distinct strings: kept head and tail, and the middle written out. */
function orderPatch(prev: string[], next: string[]): Extract<Patch, { a: unknown }>['a'] {
  let p = 0;
  while (p < prev.length && p < next.length && prev[p] === next[p]) p++;
  let s = 0;
  while (s < prev.length - p && s < next.length - p && prev[prev.length - 1 - s] === next[next.length - 1 - s]) s++;
  return { k: '', p, s, m: next.slice(p, next.length - s) };
}

function listPatch(prev: Record<string, unknown>[], next: Record<string, unknown>[], k: string): Extract<Patch, { a: unknown }>['a'] {
  const before = new Map(prev.map((x) => [x[k] as string, x]));
  const out: Extract<Patch, { a: unknown }>['a'] = { k };
  const c: Record<string, Patch> = {};
  const n: Record<string, unknown> = {};
  for (const x of next) {
    const id = x[k] as string;
    const old = before.get(id);
    if (!old) n[id] = x;
    else {
      const p = diff(old, x);
      if (p) c[id] = p;
    }
  }
  if (Object.keys(c).length) out.c = c;
  if (Object.keys(n).length) out.n = n;
  let p = 0;
  while (p < prev.length && p < next.length && prev[p]![k] === next[p]![k]) p++;
  let s = 0;
  while (s < prev.length - p && s < next.length - p && prev[prev.length - 1 - s]![k] === next[next.length - 1 - s]![k]) s++;
  if (p !== prev.length || p !== next.length) {
    out.p = p;
    out.s = s;
    out.m = next.slice(p, next.length - s).map((x) => x[k] as string);
  }
  return out;
}

/** `prev` with `patch` applied: a new value; parts the patch does not touch are shared with `prev`. */
export function applyPatch<T>(prev: T, patch: Patch | undefined): T {
  if (!patch) return prev;
  if ('v' in patch) return patch.v as T;
  if ('o' in patch) {
    const out: Record<string, unknown> = { ...(prev as Record<string, unknown>) };
    for (const k of patch.d ?? []) delete out[k];
    for (const [k, p] of Object.entries(patch.o)) out[k] = applyPatch(out[k], p);
    return out as T;
  }
  const { k, p, s, m, c, n } = patch.a;
  if (k === '') {
    const strings = prev as string[];
    return [...strings.slice(0, p), ...m!, ...strings.slice(strings.length - s!)] as T;
  }
  const list = prev as Record<string, unknown>[];
  const byId = new Map(list.map((x) => [x[k] as string, x]));
  const ids = m === undefined ? list.map((x) => x[k] as string) : [...list.slice(0, p).map((x) => x[k] as string), ...m, ...list.slice(list.length - s!).map((x) => x[k] as string)];
  return ids.map((id) => (n && id in n ? n[id] : applyPatch(byId.get(id), c?.[id]))) as T;
}

/** Start offsets of the YAML documents of a text: 0 and every `---` line (as the reader splits them). */
export function documentStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (m.index > 0) starts.push(m.index);
  return starts;
}

function located(x: Record<string, unknown>): boolean {
  const r = x.range as Record<string, unknown> | undefined;
  return typeof x.file === 'number' && isObject(r) && typeof r.start === 'number' && typeof r.end === 'number';
}

/**
 * Copy of `value` with every `range` beside a `file` changed by `f` (cites, diagnostics, related places), and
 * every `{file, start, end}` (the reply's object list) likewise.
 */
function mapRanges(value: unknown, f: (r: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((x) => mapRanges(x, f));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = mapRanges(value[k], f);
  if (located(value)) out.range = f(value.range as Record<string, unknown>);
  else if (typeof value.file === 'number' && typeof value.start === 'number' && typeof value.end === 'number') {
    const r = f(value);
    out.start = r.start;
    out.end = r.end;
    if (r !== value && typeof r.doc === 'number') out.doc = r.doc;
    else delete out.doc;
  }
  return out;
}

/**
 * Ranges of the editor's text (`file` 0) as offsets into their document (`doc`: index into `starts`), so that
 * an edit above a document (a comment line at the top) changes none of the places inside it; `rangesInText`
 * undoes it.
 */
export function rangesByDocument<T>(value: T, starts: number[]): T {
  return mapRanges(value, (r) => {
    const start = r.start as number;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    return { start: start - starts[lo]!, end: (r.end as number) - starts[lo]!, doc: lo };
  }) as T;
}

export function rangesInText<T>(value: T, starts: number[]): T {
  return mapRanges(value, (r) => (typeof r.doc === 'number' ? { start: (r.start as number) + starts[r.doc]!, end: (r.end as number) + starts[r.doc]! } : r)) as T;
}
