import type { Cite, Diagnostic, Range, Severity } from '../diagnostics/diagnostic';
import { CODES } from '../diagnostics/codes';
import type { LabelSelector, LabelSelectorRequirement, Labels, ObjectMeta, Protocol, SourceRef } from '../model/meta';
import { checkLabelValue, checkQualifiedName } from '../net/names';
import { deeperField, fieldRange, rangeIn } from './fields';

type Path = string;

/**
 * Typed access to one object's fields that reports, rather than throws, every value of the wrong type
 * or out of range, located on the exact field. Readers of each kind use it so the checks read like the
 * API's validation code.
 */
export class FieldReader {
  constructor(
    readonly value: Record<string, unknown>,
    readonly source: SourceRef,
    readonly diags: Diagnostic[],
    public object?: string,
  ) {}

  /** The parent of the last path asked for and its value: readers ask for sibling fields one after another. */
  private parent = '';
  private parentValue: unknown;

  /** Raw value at a dotted path (`spec.ports.0.port`). */
  at(path: Path): unknown {
    // Called for nearly every field of every object: walk the path without splitting it into an array or cutting
    // keys out of it, and start from the last parent when this path is one of its fields (the object is never
    // changed while read).
    const last = path.lastIndexOf('.');
    if (last > 0 && last === this.parent.length && path.startsWith(this.parent)) return step(this.parentValue, path, last + 1, path.length);
    let cur: unknown = this.value;
    let from = 0;
    for (;;) {
      const dot = path.indexOf('.', from);
      if (dot < 0) return step(cur, path, from, path.length);
      cur = step(cur, path, from, dot);
      if (dot === last) {
        this.parent = path.slice(0, last);
        this.parentValue = cur;
      }
      from = dot + 1;
    }
  }

  has(path: Path): boolean {
    const v = this.at(path);
    return v !== undefined && v !== null;
  }

  /** The range of a field, or of its nearest written ancestor. */
  range(path: Path): Range {
    return rangeIn(this.source, path);
  }

  report(code: string, path: Path, message: string, severity: Severity = 'error', rule?: string): void {
    const d: Diagnostic = { code, severity, message, file: this.source.file, range: this.range(path), path };
    if (this.object) d.object = this.object;
    if (rule) d.rule = rule;
    this.diags.push(d);
  }

  private wrongType(path: Path, expected: string): undefined {
    const v = this.at(path);
    const got = Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
    this.report(CODES.WRONG_TYPE, path, `${path} must be ${expected}, not ${got}.`);
    return undefined;
  }

  required(path: Path, what = path): void {
    const elsewhere = this.misplaced(path);
    if (elsewhere === undefined) this.report(CODES.REQUIRED, path, `${what} is required.`);
    else {
      const deeper = elsewhere.split('.').length > path.split('.').length;
      const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
      const fix = deeper
        ? `indented under \`${elsewhere.split('.').at(-2)}\`, which makes it ${elsewhere}: move it left so it lines up with \`${elsewhere.split('.').at(-2)}\`.`
        : `not indented under \`${parent.split('.').at(-1)}\`, which makes it ${elsewhere}: indent it under \`${parent.split('.').at(-1)}\`.`;
      this.report(CODES.REQUIRED, elsewhere, `${what} is required. It is in the text, but ${fix}`);
    }
  }

  /**
   * Where a missing field is written at the wrong indentation: one or more levels too shallow (\`name\` next to
   * \`metadata\` instead of inside it) or one level too deep, under a sibling (\`metadata\` inside \`spec\`).
   */
  misplaced(path: Path): Path | undefined {
    const parts = path.split('.');
    const last = parts.pop()!;
    for (let k = parts.length - 1; k >= 0; k--) {
      const shallower = [...parts.slice(0, k), last].join('.');
      if (fieldRange(this.source, shallower)) return shallower;
    }
    return deeperField(this.source, parts.join('.'), last);
  }

  str(path: Path, opts?: { required?: boolean }): string | undefined {
    const v = this.at(path);
    if (v === undefined || v === null) {
      if (opts?.required) this.required(path);
      return undefined;
    }
    if (typeof v === 'string') return v;
    // YAML turns `80` or `true` into non-strings; the API would reject them in a string field.
    return this.wrongType(path, 'a string');
  }

  int(path: Path, opts?: { required?: boolean; min?: number; max?: number }): number | undefined {
    const v = this.at(path);
    if (v === undefined || v === null) {
      if (opts?.required) this.required(path);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.wrongType(path, 'an integer');
    if (opts && ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max))) {
      this.report(CODES.INVALID_VALUE, path, `${path} must be between ${opts.min ?? '-∞'} and ${opts.max ?? '∞'}, not ${v}.`);
      return undefined;
    }
    return v;
  }

  bool(path: Path): boolean | undefined {
    const v = this.at(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    return this.wrongType(path, 'true or false');
  }

  /** An int-or-string field (targetPort, NetworkPolicy port). */
  intOrString(path: Path): number | string | undefined {
    const v = this.at(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return v;
    return this.wrongType(path, 'a number or a name');
  }

  /** Indexes of a list field; reports a non-list. */
  list(path: Path): number[] {
    const v = this.at(path);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.wrongType(path, 'a list');
      return [];
    }
    const out: number[] = [];
    for (let i = 0; i < v.length; i++) out.push(i);
    return out;
  }

  /** True when the field is a mapping (reports anything else that is present). */
  isMap(path: Path): boolean {
    return this.mapAt(path) !== undefined;
  }

  /** The mapping at `path`; undefined when absent, and when something else is there (reported). */
  private mapAt(path: Path): Record<string, unknown> | undefined {
    const v = this.at(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    this.wrongType(path, 'a mapping');
    return undefined;
  }

  keys(path: Path): string[] {
    const m = this.mapAt(path);
    return m ? Object.keys(m) : [];
  }

  strList(path: Path): string[] {
    return this.list(path)
      .map((i) => this.str(`${path}.${i}`))
      .filter((s): s is string => s !== undefined);
  }

  /** A string→string map (labels, annotations, selectors); keys validated as label keys when asked. */
  strMap(path: Path, opts?: { labelRules?: boolean }): Labels {
    const out: Labels = {};
    // Read through the map, not the dotted path: label keys contain dots (`app.kubernetes.io/name`).
    const map = this.mapAt(path);
    if (!map) return out;
    for (const key of Object.keys(map)) {
      let v = map[key];
      // YAML 1.2 reads `true`/`1` unquoted; the API server would reject a non-string label value.
      if (typeof v !== 'string') {
        if (v === null) v = '';
        else {
          this.wrongType(`${path}.${key}`, 'a string (quote it)');
          continue;
        }
      }
      if (opts?.labelRules) {
        const keyProblem = checkQualifiedName(key);
        if (keyProblem) {
          this.report(CODES.INVALID_LABEL, `${path}.${key}`, `label key "${key}": ${keyProblem}.`);
          continue;
        }
        const valueProblem = checkLabelValue(v as string);
        if (valueProblem) {
          this.report(CODES.INVALID_LABEL, `${path}.${key}`, `label value "${v as string}": ${valueProblem}.`);
          continue;
        }
      }
      out[key] = v as string;
    }
    return out;
  }

  /** metav1.LabelSelector; absent → undefined. */
  selector(path: Path): LabelSelector | undefined {
    if (!this.mapAt(path)) return undefined;
    const matchLabels = this.strMap(`${path}.matchLabels`, { labelRules: true });
    const matchExpressions: LabelSelectorRequirement[] = [];
    for (const i of this.list(`${path}.matchExpressions`)) {
      const p = `${path}.matchExpressions.${i}`;
      const key = this.str(`${p}.key`, { required: true });
      const operator = this.str(`${p}.operator`, { required: true });
      const values = this.strList(`${p}.values`);
      if (key === undefined || operator === undefined) continue;
      if (operator !== 'In' && operator !== 'NotIn' && operator !== 'Exists' && operator !== 'DoesNotExist') {
        this.report(CODES.INVALID_VALUE, `${p}.operator`, `operator must be In, NotIn, Exists or DoesNotExist, not "${operator}".`);
        continue;
      }
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
        this.report(CODES.INVALID_VALUE, `${p}.values`, `values must be non-empty when operator is ${operator}.`);
        continue;
      }
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
        this.report(CODES.INVALID_VALUE, `${p}.values`, `values must be empty when operator is ${operator}.`);
        continue;
      }
      matchExpressions.push({ key, operator, values });
    }
    return { matchLabels, matchExpressions };
  }

  /** A protocol field defaulting to TCP (ADM-1, ADM-3, NP-6). */
  protocol(path: Path): Protocol {
    const p = this.str(path);
    if (p === undefined) return 'TCP';
    if (p === 'TCP' || p === 'UDP' || p === 'SCTP') return p;
    this.report(CODES.INVALID_VALUE, path, `protocol must be TCP, UDP or SCTP, not "${p}".`);
    return 'TCP';
  }

  oneOf<T extends string>(path: Path, allowed: readonly T[], fallback: T): T {
    const v = this.str(path);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.report(CODES.INVALID_VALUE, path, `${path} must be one of ${allowed.join(', ')}, not "${v}".`);
    return fallback;
  }
}

/**
 * One step of a dotted path, `path` from `from` to `to`: a list index or a mapping's own key; undefined past a
 * scalar or a missing field.
 */
function step(cur: unknown, path: string, from: number, to: number): unknown {
  if (cur === null || cur === undefined) return undefined;
  if (Array.isArray(cur)) return cur[index(path, from, to)];
  if (typeof cur !== 'object') return undefined;
  // A property lookup by a key cut from the path first looks the new string up among V8's interned strings:
  // comparing the mapping's own keys with the path in place is faster for the few keys a manifest mapping has,
  // and cuts nothing (for...in lists own enumerable keys here: a value read from YAML is plain data). A mapping
  // with many keys is asked the usual way, so a hostile one cannot make each lookup long.
  const len = to - from;
  let n = 0;
  for (const k in cur) {
    if (k.length === len && path.startsWith(k, from)) return (cur as Record<string, unknown>)[k];
    if (++n === 16) {
      const part = path.slice(from, to);
      return Object.prototype.hasOwnProperty.call(cur, part) ? (cur as Record<string, unknown>)[part] : undefined;
    }
  }
  return undefined;
}

/** `Number(path.slice(from, to))`, read in place when it is plain digits without a leading zero. */
function index(path: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = path.charCodeAt(i);
    if (c < 48 || c > 57 || (i === from && c === 48 && to - from > 1) || i - from > 8) return Number(path.slice(from, to));
    v = v * 10 + (c - 48);
  }
  return v; // an empty step reads index 0, as Number('') is 0
}

export { fieldRange, rangeIn };

/** A pointer to the YAML of an object, or of one field of it: what verdicts, traces and graph edges cite. */
export function citeOf(o: Pick<ObjectMeta, 'id' | 'source'>, path = ''): Cite {
  return { object: o.id, file: o.source.file, range: rangeIn(o.source, path), ...(path ? { path } : {}) };
}
