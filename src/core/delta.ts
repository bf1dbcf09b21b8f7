/**
 * Differences between two plain-data values, for a worker reply that sends only what an edit changed
 * (issue 15): `diff(prev, next)` is a patch, `applyPatch(prev, patch)` gives `next` back (deep-equal, sharing
 * what did not change). Lists of records with an `id` (or `service`, `target`) are matched by it, so a pod added
 * in the middle of the graph costs that pod, not the rest of the list. Records that were there before are named
 * by their position in the previous list (or, in a map with many keys, in its sorted keys) rather than by their
 * id, and plain values that changed are sent by field, a column of (position, value) pairs: a one-field edit that
 * moves every pod's address costs about an address per pod, not a pod id and three wrappers around it.
 * Plain data in and out (it crosses the worker boundary).
 */
export type Patch =
  /** The new value, whole. */
  | { v: unknown }
  /** Changed fields of an object (`d`: fields it no longer has). */
  | { o: Record<string, Patch>; d?: string[] }
  /**
   * A map with many keys (placements or routes by node id): keys named by their position in the previous
   * value's sorted keys; `d` keys gone, `n` new keys as [key, value, ...].
   */
  | { r: Changes & { d?: number[]; n?: unknown[] } }
  /** A list of records matched by key `k` ('': a list of distinct strings). */
  | { a: ListPatch }
  /** A long string with its middle replaced: the first `t[0]` and last `t[1]` characters kept, `t[2]` between. */
  | { t: [number, number, string] };

/** What changed in entries present before and after, each named by its position `i` in the previous value. */
export interface Changes {
  /** [i, patch, i, patch, ...]. */
  c?: unknown[];
  /** Per field, [i, new value, ...]: plain values (strings, numbers, booleans, null) an entry's field now has. */
  f?: Record<string, unknown[]>;
}

export interface ListPatch extends Changes {
  k: string;
  /** Positions in the previous list of the records that are gone. */
  x?: number[];
  /** New records with their positions in the new list, ascending: [position, record, ...]. */
  n?: unknown[];
  /**
   * Only when records that stay changed their order: the new order, as `p` records kept at the head, the keys
   * `m` of the middle, and `s` records kept at the tail (new records in `m` are taken from `n`).
   */
  p?: number;
  s?: number;
  m?: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Maps with at least this many keys are patched by key position (`r`) rather than by key (`o`). */
const MANY_KEYS = 16;
/** Strings at least this long are sent as the part that changed. */
const LONG = 80;

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `o[k]` if `o` has it itself (not `valueOf` and the like from Object's prototype). */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Sets `o[k]` as its own field, even when `k` is `__proto__` (a plain assignment would set the prototype). */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  // `__proto__` is the one key a plain object's assignment does not store as its own field; defining every
  // key was a fifth of the page's work on each reply at 700 nodes.
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** An object's keys that hold a value, sorted: both ends of the worker boundary list them alike. */
const sortedKeys = (o: Record<string, unknown>): string[] =>
  Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();

/** The field that names the records of a list, when every record has a distinct string one ('' : distinct strings). */
function keyOf(list: unknown[]): string | undefined {
  const strings = new Set<unknown>();
  if (list.every((x) => typeof x === 'string' && !strings.has(x) && strings.add(x))) return '';
  for (const k of ['id', 'service', 'target']) {
    const seen = new Set<string>();
    if (list.every((x) => isObject(x) && typeof x[k] === 'string' && !seen.has(x[k]) && seen.add(x[k]))) return k;
  }
  return undefined;
}

const plain = (x: unknown) => x === null || (typeof x !== 'object' && typeof x !== 'function');

/** Adds entry `i`'s patch to `ch`: its plain new field values to the columns, the rest to `c`. */
function collect(ch: Changes, i: number, p: Patch): void {
  if ('o' in p && !p.d) {
    const rest: Record<string, Patch> = {};
    let more = false;
    for (const [f, fp] of Object.entries(p.o)) {
      if ('v' in fp && plain(fp.v)) {
        ch.f ??= {};
        if (!own(ch.f, f)) put(ch.f, f, []);
        (ch.f[f] as unknown[]).push(i, fp.v);
      } else {
        put(rest, f, fp);
        more = true;
      }
    }
    if (more) (ch.c ??= []).push(i, { o: rest });
  } else (ch.c ??= []).push(i, p);
}

/** `entries` (previous values by position) with `ch` applied: a new array, unchanged entries shared. */
function applyChanges<T>(entries: T[], ch: Changes): T[] {
  const out = [...entries];
  const c = ch.c ?? [];
  for (let j = 0; j < c.length; j += 2) out[c[j] as number] = applyPatch(out[c[j] as number]!, c[j + 1] as Patch);
  const copied = new Set<number>();
  for (const [f, col] of Object.entries(ch.f ?? {})) {
    for (let j = 0; j < col.length; j += 2) {
      const i = col[j] as number;
      // A record changed by `c` is already a copy; copy the others once before writing a field.
      if (!copied.has(i)) {
        out[i] = { ...(out[i] as object) } as T;
        copied.add(i);
      }
      put(out[i] as Record<string, unknown>, f, col[j + 1]);
    }
  }
  return out;
}

/** What turns `prev` into `next`, or undefined when they are equal. */
export function diff(prev: unknown, next: unknown): Patch | undefined {
  if (prev === next) return undefined;
  // Objects and keyed lists are compared while their patch is built (one walk, not one per level).
  if (isObject(prev) && isObject(next)) {
    const keys = sortedKeys(prev);
    if (keys.length >= MANY_KEYS) {
      const r = mapPatch(prev, next, keys);
      return r.c || r.f || r.d || r.n ? { r } : undefined;
    }
    const o: Record<string, Patch> = {};
    const d: string[] = [];
    for (const k of Object.keys(next)) {
      if (next[k] === undefined) continue;
      const p = own(prev, k) === undefined ? { v: next[k] } : diff(prev[k], next[k]);
      if (p) put(o, k, p);
    }
    for (const k of Object.keys(prev)) if (prev[k] !== undefined && own(next, k) === undefined) d.push(k);
    if (d.length) return { o, d };
    return Object.keys(o).length ? { o } : undefined;
  }
  if (Array.isArray(prev) && Array.isArray(next) && prev.length && next.length) {
    const k = keyOf(prev);
    if (k !== undefined && keyOf(next) === k) {
      const a = listPatch(prev, next, k);
      return a.c || a.f || a.x || a.n || a.m ? { a } : undefined;
    }
  }
  if (equal(prev, next)) return undefined;
  if (typeof prev === 'string' && typeof next === 'string' && next.length >= LONG) return splice(prev, next);
  return { v: next };
}

function mapPatch(prev: Record<string, unknown>, next: Record<string, unknown>, keys: string[]): Extract<Patch, { r: unknown }>['r'] {
  const out: Extract<Patch, { r: unknown }>['r'] = {};
  const at = new Map(keys.map((k, i) => [k, i]));
  keys.forEach((k, i) => {
    if (own(next, k) === undefined) (out.d ??= []).push(i);
    else {
      const p = diff(prev[k], next[k]);
      if (p) collect(out, i, p);
    }
  });
  for (const k of Object.keys(next)) if (next[k] !== undefined && !at.has(k)) (out.n ??= []).push(k, next[k]);
  return out;
}

function listPatch(prev: unknown[], next: unknown[], k: string): ListPatch {
  const key = (x: unknown) => (k ? (x as Record<string, unknown>)[k] : x) as string;
  const before = new Map(prev.map((x, i) => [key(x), i]));
  const after = new Set(next.map(key));
  const out: ListPatch = { k };
  prev.forEach((x, i) => {
    if (!after.has(key(x))) (out.x ??= []).push(i);
  });
  next.forEach((x, j) => {
    const i = before.get(key(x));
    if (i === undefined) (out.n ??= []).push(j, x);
    else if (k) {
      const p = diff(prev[i], x);
      if (p) collect(out, i, p);
    }
  });
  // Records that stay usually keep their order (a pod added, another gone): then gone and new say it all.
  const kept = next.filter((x) => before.has(key(x)));
  let i = 0;
  for (const x of prev) if (after.has(key(x)) && key(kept[i++]) !== key(x)) return { ...out, ...order(prev.map(key), next.map(key)) };
  return out;
}

/** A sentence (an edge's reason) that changed in a name or two: the part that changed, unless most did. */
function splice(prev: string, next: string): Patch {
  let p = 0;
  while (p < prev.length && p < next.length && prev[p] === next[p]) p++;
  let s = 0;
  while (s < prev.length - p && s < next.length - p && prev[prev.length - 1 - s] === next[next.length - 1 - s]) s++;
  const middle = next.slice(p, next.length - s);
  return middle.length * 2 > next.length ? { v: next } : { t: [p, s, middle] };
}

/** The new order as head, middle and tail, when records that stay moved. */
function order(prev: string[], next: string[]): Pick<ListPatch, 'p' | 's' | 'm'> {
  let p = 0;
  while (p < prev.length && p < next.length && prev[p] === next[p]) p++;
  let s = 0;
  while (s < prev.length - p && s < next.length - p && prev[prev.length - 1 - s] === next[next.length - 1 - s]) s++;
  return { p, s, m: next.slice(p, next.length - s) };
}

/** `prev` with `patch` applied: a new value; parts the patch does not touch are shared with `prev`. */
export function applyPatch<T>(prev: T, patch: Patch | undefined): T {
  if (!patch) return prev;
  if ('v' in patch) return patch.v as T;
  if ('t' in patch) {
    const [p, s, middle] = patch.t;
    const str = prev as string;
    return (str.slice(0, p) + middle + str.slice(str.length - s)) as T;
  }
  if ('o' in patch) {
    const out: Record<string, unknown> = { ...(prev as Record<string, unknown>) };
    for (const k of patch.d ?? []) delete out[k];
    for (const [k, p] of Object.entries(patch.o)) put(out, k, applyPatch(own(out, k), p));
    return out as T;
  }
  if ('r' in patch) {
    const map = prev as Record<string, unknown>;
    const keys = sortedKeys(map);
    const values = applyChanges(
      keys.map((k) => map[k]),
      patch.r,
    );
    const out: Record<string, unknown> = { ...map };
    keys.forEach((k, i) => put(out, k, values[i]));
    for (const i of patch.r.d ?? []) delete out[keys[i]!];
    const n = patch.r.n ?? [];
    for (let j = 0; j < n.length; j += 2) put(out, n[j] as string, n[j + 1]);
    return out as T;
  }
  const { k, x, n = [], p, s, m } = patch.a;
  const list = applyChanges(prev as unknown[], patch.a);
  const key = (r: unknown) => (k ? (r as Record<string, unknown>)[k] : r) as string;
  if (m !== undefined) {
    const byKey = new Map(list.map((r) => [key(r), r]));
    for (let j = 1; j < n.length; j += 2) byKey.set(key(n[j]), n[j]);
    return [...list.slice(0, p), ...m.map((id) => byKey.get(id)), ...list.slice(list.length - s!)] as T;
  }
  const gone = new Set(x);
  const kept = list.filter((_, i) => !gone.has(i));
  const out: unknown[] = [];
  let ki = 0;
  for (let j = 0, ni = 0; ki < kept.length || ni < n.length; j++) {
    if (ni < n.length && n[ni] === j) {
      out.push(n[ni + 1]);
      ni += 2;
    } else out.push(kept[ki++]);
  }
  return out as T;
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
  for (const k of Object.keys(value)) put(out, k, mapRanges(value[k], f));
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
