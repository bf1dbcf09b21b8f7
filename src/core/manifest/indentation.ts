import type { Range } from '../diagnostics/diagnostic';
import { hasField, itemShape, mapShape, rootShape, type Shape } from './shapes';

/**
 * Indentation a person got wrong, found by reading the lines of one YAML document the way YAML nests them:
 * tabs, a line that lines up with no level above it, a line nested under a field that already has a value, and
 * (knowing the fields of Kubernetes objects) a line that lines up with the wrong parent: `metadata:` followed by
 * `name:` in the same column, as a manifest copied from a web page with its indentation flattened reads. Only the
 * first such line of the document is reported: everything after it is read wrongly anyway.
 */
export interface IndentProblem {
  /** The first line where the indentation goes wrong (0-based), and its text from the first non-space. */
  line: number;
  range: Range;
  message: string;
}

interface Line {
  n: number;
  start: number;
  text: string;
  indent: number;
  /** Columns of `- ` item markers, then the column of the content after them. */
  dashes: number[];
  col: number;
  key?: string;
  /** The value after `key:`, without a comment; '' when the key opens a block. */
  value: string;
}

/** A level of nesting still open: a key of a mapping, or an item of a list. */
interface Level {
  col: number;
  dash: boolean;
  key?: string;
  /** The shape of the mapping this key is in, or of the items of this list. */
  shape: Shape | undefined;
  line: Line;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#[\]{}&*!|>%@`,?-][^#]*?|-[^\s#][^#]*?)\s*:(?:[ \t]+(.*))?$/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;
const NOT_SPACE = /\S/;
/** BLOCK_SCALAR.test(v), asked of every line's value: only a value starting with `|` or `>` can be one. */
const blockScalar = (v: string): boolean => (v.charCodeAt(0) === 124 || v.charCodeAt(0) === 62) && BLOCK_SCALAR.test(v);
const NO_DASHES: number[] = [];

/**
 * One line's indentation, list markers, key and value. Run on every line of every document, so the common line
 * (`name: value` with a plain key) is read by scanning characters; anything else goes through `KEY`, which
 * decides (`indentation.test.ts` checks that both read random lines alike).
 */
export function parseLine(text: string, n: number, start: number): Line {
  let indent = 0;
  while (text.charCodeAt(indent) === 32) indent++;
  // Most lines have no item marker: they share one empty list (never written to).
  let dashes: number[] = NO_DASHES;
  let col = indent;
  // Item markers: `-` followed by spaces or the end of the line (/^-(?: +|$)/ at `col`).
  while (text.charCodeAt(col) === 45) {
    let after = col + 1;
    if (after < text.length && text.charCodeAt(after) !== 32) break;
    while (text.charCodeAt(after) === 32) after++;
    if (dashes === NO_DASHES) dashes = [];
    dashes.push(col);
    col = after;
  }
  // The common line's key is found in place (no copy of the content, no match array); others go through KEY.
  const colon = plainKey(text, col);
  let rawKey: string;
  let rest: string | undefined;
  if (colon >= 0) {
    rawKey = text.slice(col, colon);
    rest = colon + 1 < text.length ? text.slice(colon + 1) : undefined;
  } else {
    const content = col === 0 ? text : text.slice(col);
    const m = KEY.exec(content);
    if (!m) return { n, start, text, indent, dashes, col, value: content.trim() };
    rawKey = m[1]!;
    rest = m[2];
  }
  let value = (rest ?? '').trim();
  const q = value.charCodeAt(0);
  if (q !== 34 && q !== 39 && value.includes('#')) value = value.replace(/(^|\s)#.*$/, '').trim();
  if ((value.charCodeAt(0) === 38 || value.charCodeAt(0) === 33) && /^([&!]\S*\s*)+$/.test(value)) value = '';
  const k0 = rawKey.charCodeAt(0);
  const kn = rawKey.charCodeAt(rawKey.length - 1);
  const key = k0 === 34 || k0 === 39 || kn === 34 || kn === 39 ? rawKey.replace(/^["']|["']$/g, '') : rawKey;
  return { n, start, text, indent, dashes, col, key, value };
}

const ODD_BREAKS = /[\r\n\u2028\u2029]/;
/** plainKey's answer when it finds no key; KEY then decides (as it did when the scan returned null). */
const ASK_KEY = -1;

/**
 * `KEY.exec` on the line's content from `col`, for a content that starts with a letter, digit or `_` (a plain
 * key), without the regular expression: the key ends at the first `:` followed by a space, a tab or the end of
 * the line. The offset of that `:`, or ASK_KEY when KEY must decide (a `#` before any such colon, whitespace
 * before the colon, line breaks inside the line, any other first character). Only spaces and `-`
 * come before `col`, so testing the whole line for line breaks tests the content.
 */
function plainKey(text: string, col: number): number {
  const c0 = text.charCodeAt(col);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57) || c0 === 95) || ODD_BREAKS.test(text)) return ASK_KEY;
  for (let i = col + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 35) return ASK_KEY;
    if (ch !== 58) continue;
    const next = text.charCodeAt(i + 1);
    if (i + 1 < text.length && next !== 32 && next !== 9) continue;
    if (/\s/.test(text[i - 1]!)) return ASK_KEY;
    return i;
  }
  return ASK_KEY;
}

/** Net `{[` minus `]}` outside quotes: a flow collection left open at the end of the line. */
function openBrackets(s: string): number {
  // By UTF-16 code units: every character tested is ASCII, and no half of a surrogate pair equals one.
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 123 || ch === 91) depth++;
    else if (ch === 125 || ch === 93) depth--;
    else if (ch === 35) break;
  }
  return depth;
}

const col1 = (c: number) => c + 1;
const show = (l: Line) => l.text.trim();

/** Check the lines of text[start, end) (one document); null when its indentation is consistent. */
export function checkIndentation(text: string, start: number, end: number): IndentProblem | null {
  const lines: Line[] = [];
  let n = 0;
  const first = text.lastIndexOf('\n', start - 1) + 1;
  let at = first;
  // Line numbers are counted only when there is something to report (a file may hold thousands of documents).
  let base: number | undefined;
  const num: LineNo = (l) => (base ??= countNewlines(text, first)) + l.n + 1;
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const stop = nl === -1 ? text.length : nl;
    const raw = text.charCodeAt(stop - 1) === 13 && stop > at ? text.slice(at, stop - 1) : text.slice(at, stop);
    // Blank lines, comments, document markers and directives hold no structure.
    const lead = firstNonSpace(raw);
    if (lead !== -1 && raw.charCodeAt(lead) !== 35 && !((raw.charCodeAt(0) === 45 || raw.charCodeAt(0) === 46) && /^(---|\.\.\.)(\s|$)/.test(raw)) && raw.charCodeAt(0) !== 37) lines.push(parseLine(raw, n, at));
    at = stop + 1;
    n++;
  }
  const kind = lines.find((l) => l.indent === 0 && l.key === 'kind')?.value.replace(/^["']|["']$/g, '');
  return walk(lines, rootShape(kind), num);
}

/** The fields of a listed shape as a set (built once per shape). */
const fieldSets = new WeakMap<Shape, ReadonlySet<string>>();
function fieldSet(shape: Shape & { fields: readonly string[] }): ReadonlySet<string> {
  let set = fieldSets.get(shape);
  if (!set) fieldSets.set(shape, (set = new Set(shape.fields)));
  return set;
}

/**
 * Could `checkIndentation` find a problem in this document, which the plain reader took (plain-yaml.ts)? Such a
 * document is YAML whose lines nest as their columns say: no tabs, block scalars, multi-line values or lines that
 * match no level, which the plain reader leaves to `yaml`. Read line by line as the check reads it, what is left
 * to find is a key in the column of a sibling whose block it belongs to (`wrongParent`), and that needs, in some
 * mapping, a key its shape does not have, or, in a mapping of unlisted keys, an empty key whose shape is listed.
 * The check's line reader can differ from YAML on other keys than names (`a#b`, `?x`, quoted ones) and on a plain
 * value holding `[` or `{` (it takes them for a comment, no key, or a flow collection going on below): such a
 * document is always checked.
 * false: checkIndentation finds nothing, so the lines need not be read again; true: ask it. `yaml`'s path
 * always asks, and the plain-yaml property tests compare both paths.
 */
export function mayBeMisindented(value: Record<string, unknown>): boolean {
  const kind = value.kind;
  // The check reads `kind` from its line; a name of letters reads the same from the value.
  if (kind !== undefined && (typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind))) return true;
  return misplaced(value, rootShape(kind));
}

const brackets = (s: string) => s.includes('[') || s.includes('{');
/** Keys the check's line reader reads as YAML does, whether written plain or quoted: field names, label and annotation keys. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

function misplaced(m: Record<string, unknown>, shape: Shape | undefined): boolean {
  const listed = shape && shape.fields !== 'any' ? fieldSet(shape as Shape & { fields: readonly string[] }) : undefined;
  for (const key in m) {
    if ((listed && !listed.has(key)) || !NAME.test(key)) return true;
    const child = m[key];
    if (child === null) {
      if (shape && !listed && mapShape(shape, key)) return true;
    } else if (typeof child === 'string') {
      if (brackets(child)) return true;
    } else if (Array.isArray(child)) {
      if (misplacedItems(child, itemShape(shape, key))) return true;
    } else if (typeof child === 'object' && misplaced(child as Record<string, unknown>, mapShape(shape, key))) return true;
  }
  return false;
}

function misplacedItems(list: unknown[], shape: Shape | undefined): boolean {
  for (const x of list) {
    if (typeof x === 'string') {
      if (brackets(x)) return true;
    } else if (Array.isArray(x)) {
      if (misplacedItems(x, undefined)) return true;
    } else if (x !== null && typeof x === 'object' && misplaced(x as Record<string, unknown>, shape)) return true;
  }
  return false;
}

/** `raw.search(/\S/)`, with the common line (spaces, then a printable ASCII character) read without the expression. */
function firstNonSpace(raw: string): number {
  let k = 0;
  while (raw.charCodeAt(k) === 32) k++;
  const c = raw.charCodeAt(k);
  return c > 32 && c < 127 ? k : raw.search(NOT_SPACE);
}

/** 1-based line number of a line in the file. */
type LineNo = (l: Line) => number;

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function problem(line: Line, num: LineNo, message: string, whole = false): IndentProblem {
  const lead = whole ? 0 : /^\s*/.exec(line.text)![0].length;
  return { line: num(line) - 1, range: { start: line.start + lead, end: line.start + Math.max(line.text.length, lead + 1) }, message };
}

/** Does a quoted scalar that starts `v` end on this line? (`\"` escapes in double quotes, `''` in single.) */
function closed(v: string, q: string): boolean {
  for (let j = 1; j < v.length; j++) {
    if (q === '"' && v[j] === '\\') j++;
    else if (v[j] === q) {
      if (q === "'" && v[j + 1] === "'") j++;
      else return true;
    }
  }
  return false;
}

/** Index of the last line of a value that goes on below line i (open flow brackets or quotes), else i. */
function valueEnd(lines: Line[], i: number): number {
  const v = lines[i]!.value;
  let depth = openBrackets(v);
  if (depth > 0) {
    while (depth > 0 && i + 1 < lines.length) depth += openBrackets(lines[++i]!.text);
    return i;
  }
  const c = v.charCodeAt(0);
  const q = c === 34 ? '"' : c === 39 ? "'" : undefined;
  if (q && !closed(v, q)) while (i + 1 < lines.length && !lines[++i]!.text.includes(q));
  return i;
}

function walk(lines: Line[], root: Shape | undefined, num: LineNo): IndentProblem | null {
  const stack: Level[] = [];
  const flat = lines.every((l) => l.indent === 0);
  let prev: Line | undefined;
  // The levels this line closes; one array for the whole walk (wrongParent reads it before the next line).
  const popped: Level[] = [];
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i]!;
    const top0 = stack[stack.length - 1];
    // The text of a block scalar (`key: |`) is not structure: skip it, or report it when it is not indented.
    if (prev && top0 && blockScalar(prev.value)) {
      prev = undefined;
      if (x.indent > top0.col) {
        while (i + 1 < lines.length && lines[i + 1]!.indent >= x.indent) i++;
        continue;
      }
      if (x.key === undefined && !x.dashes.length) {
        const k = top0.key ?? '-';
        return problem(x, num, `The text of \`${k}: ${top0.line.value}\` (line ${num(top0.line)}) must be indented further than \`${k}\`, but line ${num(x)} starts at column ${col1(x.indent)}. Indent every line of the text two spaces further than \`${k}\`.`);
      }
    }
    // A tab right after the leading spaces (`indent` counts them).
    if (x.text.charCodeAt(x.indent) === 9) return problem(x, num, `Line ${num(x)} is indented with a tab. YAML indents with spaces only: replace the tab with spaces, two for each level.`, true);
    // Deeper than the line before, which already has a value: a plain scalar going on, or a mistake.
    if (prev && top0 && top0.line === prev && prev.value !== '' && x.indent > top0.col) {
      if (x.key === undefined && !x.dashes.length) continue;
      const what = show(prev).replace(/^(- )+/, '');
      return problem(x, num, `Line ${num(x)} is indented further than line ${num(prev)} (\`${what}\`), but that line already has a value, so nothing can be nested under it. Line it up with \`${top0.key ?? what}\` (column ${col1(top0.col)}) if it belongs next to it.`);
    }
    popped.length = 0;
    for (let t = stack[stack.length - 1]; t && (t.col > x.indent || (t.col === x.indent && t.dash && !x.dashes.length)); t = stack[stack.length - 1]) popped.push(stack.pop()!);
    const top = stack[stack.length - 1];
    if (popped.length && (!top || top.col < x.indent)) {
      const below = popped[popped.length - 1]!;
      const where = (l: Level) => `${l.dash ? `the list item on line ${num(l.line)}` : `\`${l.key}\` on line ${num(l.line)}`} is at column ${col1(l.col)}`;
      return problem(x, num, `Line ${num(x)} starts at column ${col1(x.indent)}, which matches no level above it (${where(below)}${top ? `, ${where(top)}` : ''}). Indent it exactly like the fields it belongs with.`);
    }
    const sibling = top && top.col === x.indent && !top.dash ? top : undefined;
    if (sibling && x.key !== undefined && !x.dashes.length) {
      const slip = wrongParent(x, sibling, popped, prev, flat, num);
      if (slip) return slip;
      stack.pop();
    }
    // This line's levels. Items of a list carry the shape of the mapping inside them.
    let shape: Shape | undefined;
    if (x.dashes.length) {
      if (top?.dash && top.col === x.indent) shape = stack.pop()!.shape;
      else shape = top && !top.dash ? itemShape(top.shape, top.key ?? '') : undefined;
      for (let j = 0; j < x.dashes.length; j++) stack.push({ col: x.dashes[j]!, dash: true, shape: j === 0 ? shape : undefined, line: x });
      if (x.dashes.length > 1) shape = undefined;
    } else if (sibling) shape = sibling.shape;
    else if (top) shape = top.dash ? top.shape : mapShape(top.shape, top.key ?? '');
    else shape = root;
    if (x.key !== undefined) stack.push({ col: x.col, dash: false, key: x.key, shape, line: x });
    i = valueEnd(lines, i);
    prev = x;
  }
  return null;
}

/**
 * \`x\` lines up with \`sibling\` (same column, same mapping) although its key is no field of that mapping: it
 * belongs to the block just above, the one \`sibling\` left empty (\`metadata:\` then \`name:\`) or just closed.
 */
function wrongParent(x: Line, sibling: Level, closed: Level[], prev: Line | undefined, flat: boolean, num: LineNo): IndentProblem | null {
  const key = x.key!;
  const name = sibling.key ?? '';
  const here = hasField(sibling.shape, key);
  const holdsBlock = sibling.shape?.maps?.[name] !== undefined || sibling.shape?.lists?.[name] !== undefined;
  if (prev === sibling.line && sibling.line.value === '') {
    const inner = mapShape(sibling.shape, name);
    const inside = inner && inner.fields !== 'any' && inner.fields.includes(key);
    if (!(here === false && holdsBlock && (!inner || inner.fields === 'any' || inside)) && !(here === undefined && inside)) return null;
    if (flat) {
      return problem(x, num, `The indentation of this document was lost: every line starts in column 1, as happens when YAML is copied from a web page. \`${key}\` on line ${num(x)} belongs inside \`${name}:\` (line ${num(sibling.line)}), but YAML reads it as a field next to it. Indent each field two spaces further than the field it belongs to.`);
    }
    return problem(x, num, `\`${key}\` on line ${num(x)} starts in the same column as \`${name}:\` (line ${num(sibling.line)}), so YAML reads it as a field next to \`${name}\`, which is left empty. Indent the fields of \`${name}\` two spaces further than \`${name}\`.`);
  }
  if (!closed.length || here !== false) return null;
  const list = closed[closed.length - 1]!.dash;
  const inner = list ? itemShape(sibling.shape, name) : mapShape(sibling.shape, name);
  if (!inner || (inner.fields !== 'any' && !inner.fields.includes(key))) return null;
  const like = closed.filter((l) => !l.dash).pop() ?? closed[closed.length - 1]!;
  return problem(x, num, `\`${key}\` on line ${num(x)} lines up with \`${name}\` (line ${num(sibling.line)}), so YAML reads it as a field next to \`${name}\`, where \`${key}\` does not belong. It belongs inside ${list ? 'the list item above it' : `\`${name}\``}: indent it to column ${col1(like.col)}, like \`${like.key ?? '-'}\` on line ${num(like.line)}.`);
}
