import type { Range } from '../diagnostics/diagnostic';
import type { FieldNode, FieldTree, SourceRef } from '../model/meta';

/**
 * Field ranges by dotted path (`spec.ports.0.targetPort`), looked up in an object's FieldTree: a path is
 * split only when something is cited, never stored. A dotted path names a field as the reader of the YAML
 * recorded it: keys holding dots (`metadata.labels.app.kubernetes.io/name`) match in one piece.
 */

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isIndex(s: string): boolean {
  const n = s.length;
  if (n === 0 || (n > 1 && s.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The field reached by the longest run of `parts` from `i`, with how many parts it took (`i`: none). */
function deepest(tree: FieldTree, parts: string[], i: number): [FieldTree, number] {
  let best: [FieldTree, number] = [tree, i];
  if (i === parts.length) return best;
  if (tree.items) {
    const child = isIndex(parts[i]!) ? tree.items[Number(parts[i])] : undefined;
    return child ? deepest(child, parts, i + 1) : best;
  }
  const keys = tree.keys;
  if (!keys) return best;
  let key = parts[i]!;
  for (let j = i + 1; j <= parts.length; j++) {
    if (j > i + 1) key += `.${parts[j - 1]!}`;
    if (own(keys, key)) {
      const r = deepest(keys[key]!, parts, j);
      if (r[1] === parts.length) return r;
      if (r[1] > best[1]) best = r;
    }
    if (!tree.dotted) break;
  }
  return best;
}

function shifted(r: Range, by: number | undefined): Range {
  return by ? { start: r.start + by, end: r.end + by } : { start: r.start, end: r.end };
}

/** The range of `path` (under the source's prefix) or of its nearest recorded ancestor; the object's range when none. */
export function rangeIn(source: SourceRef, path: string): Range {
  const p = source.prefix ? (path ? `${source.prefix}.${path}` : source.prefix) : path;
  if (!p) return source.range;
  const f = source.fields;
  if (f.paths) {
    for (let q = p; q; q = q.slice(0, Math.max(0, q.lastIndexOf('.')))) if (own(f.paths, q)) return shifted(f.paths[q]!, source.offset);
    return source.range;
  }
  const parts = p.split('.');
  const [node, depth] = deepest(f, parts, 0);
  // A prefix that spells the empty path is no field (the document's own range), as with dotted keys before.
  return depth === 0 || (depth === 1 && parts[0] === '') ? source.range : shifted(node as FieldNode, source.offset);
}

/** The range of exactly `path` (under the prefix), or undefined when the input does not write that field. */
export function fieldRange(source: SourceRef, path: string): Range | undefined {
  const p = source.prefix ? (path ? `${source.prefix}.${path}` : source.prefix) : path;
  if (!p) return undefined;
  const f = source.fields;
  if (f.paths) return own(f.paths, p) ? shifted(f.paths[p]!, source.offset) : undefined;
  const parts = p.split('.');
  const [node, depth] = deepest(f, parts, 0);
  return depth === parts.length ? shifted(node as FieldNode, source.offset) : undefined;
}

/**
 * Every field by dotted path, as `yaml`'s reader recorded them before trees (depth first from the last entry,
 * the first range of a path kept, `in` tested on a plain object): what output digests and tests compare.
 */
export function flattenFields(tree: FieldTree, offset = 0): Record<string, Range> {
  if (tree.paths) return Object.fromEntries(Object.entries(tree.paths).map(([k, r]) => [k, shifted(r, offset)]));
  const out: Record<string, Range> = {};
  const stack: [FieldTree, string][] = [[tree, '']];
  while (stack.length) {
    const [t, p] = stack.pop()!;
    if (t.keys) {
      for (const key in t.keys) {
        const sub = p ? `${p}.${key}` : key;
        if (!(sub in out)) out[sub] = shifted(t.keys[key]!, offset);
        stack.push([t.keys[key]!, sub]);
      }
    } else if (t.items) {
      t.items.forEach((item, i) => {
        const sub = p ? `${p}.${i}` : String(i);
        out[sub] = shifted(item, offset);
        stack.push([item, sub]);
      });
    }
  }
  return out;
}

/** The fields under exactly `path` as a tree of their own (a `List` item read as an object), or undefined. */
export function subtree(tree: FieldTree, path: string): FieldTree | undefined {
  if (tree.paths) {
    const lead = `${path}.`;
    const paths: Record<string, Range> = {};
    for (const key in tree.paths) if (key.startsWith(lead)) paths[key.slice(lead.length)] = tree.paths[key]!;
    return { paths };
  }
  const parts = path.split('.');
  const [node, depth] = deepest(tree, parts, 0);
  return depth === parts.length ? node : undefined;
}

/**
 * `parent.X.last` for some child X of `parent` that has a field `last` (a field written one level too deep, under a
 * sibling), or undefined. Of several, the last in the document, as the dotted-path record listed them first.
 */
export function deeperField(source: SourceRef, parent: string, last: string): string | undefined {
  const f = source.fields;
  const depth = parent ? parent.split('.').length + 2 : 2;
  if (f.paths) {
    const prefix = parent ? `${parent}.` : '';
    return Object.keys(f.paths).find((p) => p.startsWith(prefix) && p.endsWith(`.${last}`) && p.split('.').length === depth);
  }
  const at = parent ? subtree(f, parent) : f;
  const children: [string, FieldNode][] = at?.keys ? Object.entries(at.keys) : at?.items ? at.items.map((x, i) => [String(i), x]) : [];
  for (let k = children.length - 1; k >= 0; k--) {
    const [name, child] = children[k]!;
    const found = parent ? `${parent}.${name}.${last}` : `${name}.${last}`;
    if (found.split('.').length === depth && child.keys && own(child.keys, last)) return found;
  }
  return undefined;
}
