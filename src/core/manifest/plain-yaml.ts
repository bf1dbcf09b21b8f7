import type { Range } from '../diagnostics/diagnostic';
import type { FieldNode, FieldTree } from '../model/meta';

/**
 * A fast reader for the plain subset of YAML that manifests are written in (`kubectl get -o yaml`, rendered
 * charts, tutorials): block mappings and sequences, single-line plain and quoted scalars without escapes,
 * single-line flow collections. It gives what `yaml` (the authority, `parse.ts`) gives for such a document
 * (the same value, the same ranges) at a fraction of the cost, and gives up (`undefined`) on anything else:
 * anchors, aliases, tags, block scalars, multi-line scalars, escapes, tabs, comment lines inside the
 * document, duplicate keys, merge keys, keys that are not strings... The caller then asks `yaml`.
 * plain-yaml.test.ts compares both on every YAML file of the repository and on fuzzed variations.
 */
export interface PlainDocument {
  value: Record<string, unknown>;
  /** The mapping's range in `text`. */
  range: Range;
  /** Ranges of every field, relative to the chunk's start (`from`), as `parse.ts` records them. */
  fields: FieldTree;
}

/** Characters and lines that send the whole chunk to `yaml`: tabs, CR, control characters, `...`, directives. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|^(?:\.\.\.|%)/gm;

/** Thrown (one instance, so no stack is captured per throw) to leave the fast path for `yaml`. */
const GIVE_UP = new Error('not in the plain YAML subset');
function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The core schema's tags for plain scalars, in the order `yaml` tries them (yaml/dist/schema/core). */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/**
 * Plain scalars that can only be strings: most start with a letter other than those of null/true/false, `_` or
 * `/` (/^[a-eg-mo-su-zA-EG-MO-SU-Z_/]/, tested by code: every scalar and key is resolved).
 */
function surelyString(c: number): boolean {
  return (c >= 97 && c <= 122 && c !== 102 && c !== 110 && c !== 116) || (c >= 65 && c <= 90 && c !== 70 && c !== 78 && c !== 84) || c === 95 || c === 47;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function resolvePlain(s: string): unknown {
  if (surelyString(s.charCodeAt(0))) return s;
  // Plain ASCII digits (ports, replicas) are what INT reads: no other tag before it matches them.
  if (s.length > 0 && allDigits(s)) return parseInt(s, 10);
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.substring(2), 16);
  if (NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** Characters that cannot start a plain scalar here (indicators); `-`, `?`, `:` only when a space follows. */
const NOT_PLAIN_START = new Set('&*!|>%@`#,[]{}\'"'.split('').map((c) => c.charCodeAt(0)));

/** Offsets of what the plain reader never reads (tabs, CR, control characters, `...` and `%` lines), ascending. */
export function unusualOffsets(text: string): number[] {
  // matchAll starts where the shared (global) expression last stopped: from the start, always.
  UNUSUAL.lastIndex = 0;
  return Array.from(text.matchAll(UNUSUAL), (m) => m.index);
}

/**
 * The document in `text` from `from` to `to` (one chunk: up to the next `---` line), with offsets into `text`;
 * undefined when it is not in the subset or holds no content (let `yaml` read it and count it). `clean` says
 * the caller already knows the chunk holds nothing `unusualOffsets` finds (one scan for a whole file).
 */
export function readPlainYAML(text: string, from = 0, to = text.length, clean = false): PlainDocument | undefined {
  if (!clean) {
    UNUSUAL.lastIndex = from;
    const odd = UNUSUAL.exec(text);
    UNUSUAL.lastIndex = 0;
    if (odd && odd.index < to) return undefined;
  }
  try {
    return new Reader(text, from, to).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class Reader {
  /** Start of the first line not read yet. */
  next: number;
  depth = 0;
  constructor(
    readonly t: string,
    readonly from: number,
    /** End of the chunk: offsets at or past it are outside the document. */
    readonly n: number,
  ) {
    this.next = from;
  }

  eol(i: number): number {
    const e = this.t.indexOf('\n', i);
    return e < 0 || e > this.n ? this.n : e;
  }

  indent(i: number): number {
    let k = i;
    while (this.t.charCodeAt(k) === SPACE) k++;
    return k - i;
  }

  /** Start of the next line with content from line start `i` (blank lines skipped), or n. A comment line gives up. */
  content(i: number): number {
    while (i < this.n) {
      const e = this.eol(i);
      const k = i + this.indent(i);
      if (k < e) {
        if (this.t.charCodeAt(k) === HASH) giveUp();
        return i;
      }
      i = e + 1;
    }
    return this.n;
  }

  document(): PlainDocument | undefined {
    const t = this.t;
    let i = this.from;
    let marker = false;
    // Before the content: blank lines, comment lines and one `---` line (bare).
    for (;;) {
      if (i >= this.n) return undefined;
      const e = this.eol(i);
      const k = i + this.indent(i);
      if (k === e || t.charCodeAt(k) === HASH) i = e + 1;
      else if (!marker && k === i && t.startsWith('---', i) && this.indent(i + 3) === e - i - 3) {
        marker = true;
        i = e + 1;
      } else break;
    }
    if (t.charCodeAt(i) === SPACE || (t.startsWith('---', i) && (i + 3 === this.n || t.charCodeAt(i + 3) === SPACE || t.charCodeAt(i + 3) === NL))) giveUp();
    const fields: FieldTree = {};
    const root = this.map(i, 0, fields);
    if (this.content(this.next) < this.n) giveUp();
    // An empty key at the top has the empty path, so its children's paths read as top-level ones (parse.ts).
    const top = fields.keys?.[''];
    if (top && Object.prototype.hasOwnProperty.call(fields.keys, '') && (top.keys || top.items)) giveUp();
    const out = root.value as Record<string, unknown>;
    return { value: out, range: { start: i, end: root.end }, fields };
  }

  /** A field's node, its offsets relative to the chunk. */
  node(start: number, end: number): FieldNode {
    return { start: start - this.from, end: end - this.from };
  }

  /**
   * Two fields with one dotted path (`a.b` beside `a: {b: ...}`) are a case only `yaml`'s traversal order
   * decides (parse.ts keeps the first recorded): give up when a dotted key extends a sibling collection's key.
   */
  dottedClash(keys: Record<string, FieldNode>): void {
    for (const key in keys) {
      for (let d = key.indexOf('.'); d >= 0; d = key.indexOf('.', d + 1)) {
        const prefix = key.slice(0, d);
        if (Object.prototype.hasOwnProperty.call(keys, prefix) && (keys[prefix]!.keys || keys[prefix]!.items)) giveUp();
      }
    }
  }

  /** A block value starting on the line after `e` for a key or `-` at `indent`; null when there is none. */
  blockValue(e: number, indent: number, tree: FieldTree, sameIndentSeq: boolean): { value: unknown; start: number; end: number } | null {
    const nx = this.content(e + 1);
    if (nx >= this.n) return null;
    const ind = this.indent(nx);
    const at = nx + ind;
    const dash = this.t.charCodeAt(at) === DASH && this.dashItem(at);
    if (ind > indent || (ind === indent && sameIndentSeq && dash)) {
      const r = dash ? this.seq(at, ind, tree, ind === indent) : this.map(at, ind, tree);
      return { value: r.value, start: at, end: r.end };
    }
    return null;
  }

  dashItem(at: number): boolean {
    const c = this.t.charCodeAt(at + 1);
    return c === SPACE || c === NL || at + 1 >= this.n;
  }

  map(pos: number, indent: number, tree: FieldTree): { value: unknown; end: number } {
    if (++this.depth > 100) giveUp();
    const t = this.t;
    const obj: Record<string, unknown> = {};
    const keys: Record<string, FieldNode> = {};
    let dotted = false;
    let end: number;
    for (;;) {
      const e = this.eol(pos);
      const keyStart = pos;
      let key: string;
      let after: number;
      const c = t.charCodeAt(pos);
      if (c === 34 || c === 39) {
        const q = this.quoted(pos, e);
        key = q.value;
        if (t.charCodeAt(q.end) !== COLON) giveUp();
        after = q.end + 1;
      } else {
        let j = pos;
        for (; j < e; j++) {
          const ch = t.charCodeAt(j);
          if (ch === COLON && (j + 1 === e || t.charCodeAt(j + 1) === SPACE)) break;
          if (ch === HASH && t.charCodeAt(j - 1) === SPACE) giveUp();
        }
        if (j >= e || j === pos || t.charCodeAt(j - 1) === SPACE) giveUp();
        key = t.slice(pos, j);
        this.plainStart(pos, e);
        if (typeof resolvePlain(key) !== 'string' || key === '<<' || key === '__proto__') giveUp();
        after = j + 1;
      }
      if (after < e && t.charCodeAt(after) !== SPACE) giveUp();
      if (Object.prototype.hasOwnProperty.call(obj, key)) giveUp();
      const field = this.node(keyStart, keyStart);
      if (key === '' || key.includes('.')) dotted = true;
      let p = after;
      while (p < e && t.charCodeAt(p) === SPACE) p++;
      let value: unknown;
      let valueEnd: number;
      let line: number;
      if (p === e) {
        const block = this.blockValue(e, indent, field, true);
        if (block) {
          value = block.value;
          valueEnd = end = block.end;
          line = this.next;
        } else {
          value = null;
          valueEnd = end = e;
          line = e + 1;
        }
      } else {
        if (t.charCodeAt(p) === HASH) giveUp();
        const v = this.inline(p, e, field);
        value = v.value;
        valueEnd = v.end;
        this.lineRest(v.end, e);
        end = e < this.n ? e + 1 : e;
        line = e + 1;
      }
      obj[key] = value;
      field.end = valueEnd - this.from;
      keys[key] = field;
      const nx = this.content(line);
      this.next = nx;
      if (nx >= this.n) break;
      const ind = this.indent(nx);
      if (ind < indent) break;
      if (ind > indent) giveUp();
      pos = nx + ind;
      if (t.charCodeAt(pos) === DASH && this.dashItem(pos)) break;
    }
    if (dotted) {
      this.dottedClash(keys);
      tree.dotted = true;
    }
    tree.keys = keys;
    this.depth--;
    return { value: obj, end };
  }

  /** A block sequence at `-` in column `indent`; `compact` when it sits at its parent key's indent. */
  seq(pos: number, indent: number, tree: FieldTree, compact: boolean): { value: unknown; end: number } {
    if (++this.depth > 100) giveUp();
    const t = this.t;
    const arr: unknown[] = [];
    const items: FieldNode[] = [];
    let end: number;
    for (;;) {
      const e = this.eol(pos);
      const item = this.node(pos, pos);
      let p = pos + 1;
      while (p < e && t.charCodeAt(p) === SPACE) p++;
      let line: number;
      // `end` is where the item's node ends (the sequence ends there too); the item's own range may end sooner.
      let itemEnd: number;
      if (p === e) {
        const block = this.blockValue(e, indent, item, false);
        if (block) {
          arr.push(block.value);
          item.start = block.start - this.from;
          itemEnd = end = block.end;
          line = this.next;
        } else {
          arr.push(null);
          item.start = e - this.from;
          itemEnd = end = e;
          line = e + 1;
        }
      } else {
        const c = t.charCodeAt(p);
        if (c === HASH || (c === DASH && this.dashItem(p))) giveUp();
        item.start = p - this.from;
        if (this.keyAhead(p, e)) {
          const m = this.map(p, p - (pos - indent), item);
          arr.push(m.value);
          itemEnd = end = m.end;
          line = this.next;
        } else {
          const v = this.inline(p, e, item);
          arr.push(v.value);
          this.lineRest(v.end, e);
          itemEnd = v.end;
          end = e < this.n ? e + 1 : e;
          line = e + 1;
        }
      }
      item.end = itemEnd - this.from;
      items.push(item);
      const nx = this.content(line);
      this.next = nx;
      if (nx >= this.n) break;
      const ind = this.indent(nx);
      if (ind < indent) break;
      if (ind > indent) giveUp();
      pos = nx + ind;
      if (t.charCodeAt(pos) !== DASH || !this.dashItem(pos)) {
        if (compact) break;
        giveUp();
      }
    }
    tree.items = items;
    this.depth--;
    return { value: arr, end };
  }

  /** Does the text from `p` start a `key:` (so a `- ` item is a compact mapping)? */
  keyAhead(p: number, e: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 91 || c === 123) return false;
    let j = p;
    if (c === 34 || c === 39) j = this.quoted(p, e).end;
    for (; j < e; j++) {
      const ch = t.charCodeAt(j);
      if (ch === COLON && (j + 1 === e || t.charCodeAt(j + 1) === SPACE)) return true;
      if (ch === HASH && t.charCodeAt(j - 1) === SPACE) return false;
    }
    return false;
  }

  /** After a value on its line: only spaces and a comment. */
  lineRest(from: number, e: number): void {
    let k = from;
    while (k < e && this.t.charCodeAt(k) === SPACE) k++;
    if (k < e && !(this.t.charCodeAt(k) === HASH && k > from)) giveUp();
  }

  plainStart(p: number, e: number): void {
    const c = this.t.charCodeAt(p);
    if (NOT_PLAIN_START.has(c)) giveUp();
    if ((c === DASH || c === 63 || c === COLON) && (p + 1 >= e || this.t.charCodeAt(p + 1) === SPACE)) giveUp();
  }

  /** A value on the current line: quoted, flow collection, or plain scalar (block context). */
  inline(p: number, e: number, tree: FieldTree): { value: unknown; end: number } {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) return this.quoted(p, e);
    if (c === 91 || c === 123) return this.flow(p, e, tree);
    this.plainStart(p, e);
    let j = p;
    for (; j < e; j++) {
      const ch = t.charCodeAt(j);
      if (ch === HASH && t.charCodeAt(j - 1) === SPACE) break;
      if (ch === COLON && (j + 1 === e || t.charCodeAt(j + 1) === SPACE)) giveUp();
    }
    while (t.charCodeAt(j - 1) === SPACE) j--;
    return { value: resolvePlain(t.slice(p, j)), end: j };
  }

  /** A quoted scalar closed on its line, without escapes (`''` in single quotes is fine). */
  quoted(p: number, e: number): { value: string; end: number } {
    const t = this.t;
    if (t.charCodeAt(p) === 34) {
      const j = t.indexOf('"', p + 1);
      if (j < 0 || j >= e) giveUp();
      const s = t.slice(p + 1, j);
      if (s.includes('\\')) giveUp();
      return { value: s, end: j + 1 };
    }
    let j = p + 1;
    for (;;) {
      const k = t.indexOf("'", j);
      if (k < 0 || k >= e) giveUp();
      if (t.charCodeAt(k + 1) === 39) j = k + 2;
      else return { value: t.slice(p + 1, k).replace(/''/g, "'"), end: k + 1 };
    }
  }

  /** A flow mapping or sequence closed on its line, of plain and quoted scalars and flow collections. */
  flow(p: number, e: number, tree: FieldTree): { value: unknown; end: number } {
    if (++this.depth > 100) giveUp();
    const t = this.t;
    const isMap = t.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const out: Record<string, unknown> | unknown[] = isMap ? {} : [];
    // Only the record this collection needs (the other would be garbage for every flow collection).
    const keys = (isMap ? {} : undefined) as Record<string, FieldNode>;
    const items = (isMap ? undefined : []) as FieldNode[];
    let dotted = false;
    let j = this.skip(p + 1, e);
    if (t.charCodeAt(j) === close) {
      if (isMap) tree.keys = keys;
      else tree.items = items;
      this.depth--;
      return { value: out, end: j + 1 };
    }
    for (;;) {
      const field = this.node(j, j);
      if (isMap) {
        let key: string;
        const c = t.charCodeAt(j);
        if (c === 34 || c === 39) {
          const q = this.quoted(j, e);
          key = q.value;
          j = q.end;
          if (t.charCodeAt(j) !== COLON) giveUp();
        } else {
          const k = this.flowPlain(j, e);
          key = t.slice(j, k.end);
          if (typeof resolvePlain(key) !== 'string' || key === '<<' || key === '__proto__' || t.charCodeAt(k.stop) !== COLON) giveUp();
          j = k.stop;
        }
        if (Object.prototype.hasOwnProperty.call(out, key)) giveUp();
        if (key === '' || key.includes('.')) dotted = true;
        j = this.skip(j + 1, e);
        const v = this.flowValue(j, e, field);
        (out as Record<string, unknown>)[key] = v.value;
        field.end = v.end - this.from;
        keys[key] = field;
        j = v.end;
      } else {
        const v = this.flowValue(j, e, field);
        (out as unknown[]).push(v.value);
        field.end = v.end - this.from;
        items.push(field);
        j = v.end;
      }
      j = this.skip(j, e);
      const ch = t.charCodeAt(j);
      if (ch === 44) {
        j = this.skip(j + 1, e);
        if (t.charCodeAt(j) === close) giveUp();
      } else if (ch === close) break;
      else giveUp();
    }
    if (isMap) {
      if (dotted) {
        this.dottedClash(keys);
        tree.dotted = true;
      }
      tree.keys = keys;
    } else tree.items = items;
    this.depth--;
    return { value: out, end: j + 1 };
  }

  skip(j: number, e: number): number {
    while (j < e && this.t.charCodeAt(j) === SPACE) j++;
    if (j >= e) giveUp();
    return j;
  }

  flowValue(j: number, e: number, tree: FieldTree): { value: unknown; end: number } {
    const c = this.t.charCodeAt(j);
    if (c === 34 || c === 39) return this.quoted(j, e);
    if (c === 91 || c === 123) return this.flow(j, e, tree);
    const k = this.flowPlain(j, e);
    if (this.t.charCodeAt(k.stop) === COLON) giveUp();
    return { value: resolvePlain(this.t.slice(j, k.end)), end: k.end };
  }

  /** A plain scalar inside a flow collection: up to `,` `]` `}` or `: `; `stop` is where it stopped, `end` without spaces. */
  flowPlain(j: number, e: number): { end: number; stop: number } {
    const t = this.t;
    this.plainStart(j, e);
    let k = j;
    for (; k < e; k++) {
      const ch = t.charCodeAt(k);
      if (ch === 44 || ch === 93 || ch === 125) break;
      if (ch === 91 || ch === 123) giveUp();
      if (ch === COLON) {
        const nx = t.charCodeAt(k + 1);
        if (nx === SPACE || nx === 44 || nx === 93 || nx === 125) break;
      }
      if (ch === HASH && t.charCodeAt(k - 1) === SPACE) giveUp();
    }
    if (k >= e) giveUp();
    let end = k;
    while (t.charCodeAt(end - 1) === SPACE) end--;
    if (end === j) giveUp();
    return { end, stop: k };
  }
}
