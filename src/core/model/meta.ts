import type { Range } from '../diagnostics/diagnostic';

/**
 * The fields of a YAML collection as offsets, without dotted paths (those are made only for what is cited,
 * `manifest/fields.ts`): mapping entries by key (as written, even with dots: `app.kubernetes.io/name`), or list
 * items by index. `{}` records nothing. Plain data.
 */
export interface FieldTree {
  keys?: Record<string, FieldNode>;
  items?: FieldNode[];
  /** Some key holds a dot, so a dotted path may name it in one piece. */
  dotted?: true;
  /**
   * Only for the rare document where two fields have the same dotted path (`a.b: 1` beside `a: {b: 2}`):
   * the paths as `yaml`'s reader recorded them, first one kept, which lookups then use.
   */
  paths?: Record<string, Range>;
}

/** One field: for a map entry the key through the value, for a list item the item. */
export interface FieldNode extends FieldTree {
  start: number;
  end: number;
}

/** Where an object came from: the file, the document's range, and the ranges of its fields. */
export interface SourceRef {
  file: number;
  /** The whole YAML document (or list item) of the object. */
  range: Range;
  /** Ranges of the object's fields (`spec.ports.0.targetPort` is `keys.spec.keys.ports.items[0].keys.targetPort`). */
  fields: FieldTree;
  /** Added to every range in `fields` (a document read once, then moved by an edit above it). */
  offset?: number;
  /**
   * For objects made by a controller (a Pod made by a Deployment), the path of the template inside
   * the source object (`spec.template`, `spec.jobTemplate.spec.template`): field paths of the made
   * object are looked up under it.
   */
  prefix?: string;
}

export type Labels = Record<string, string>;

/** What every simulated object carries. `id` is `Kind/namespace/name` (namespaced) or `Kind/name`. */
export interface ObjectMeta {
  id: string;
  kind: string;
  name: string;
  /** Empty string for cluster-scoped objects. */
  namespace: string;
  labels: Labels;
  annotations: Labels;
  /** RFC 3339 text as written, or undefined. Used for "oldest wins" tie-breaks. */
  creationTimestamp?: string;
  /** Position of the object in the input (file, then document order): the tie-break after the timestamp. */
  order: number;
  source: SourceRef;
  /**
   * True for objects every cluster has that the simulator added itself (kube-dns, the `kubernetes`
   * Service, CoreDNS pods, default Nodes): the UI may hide them. Never set on objects from the input.
   */
  system?: boolean;
}

/**
 * `{ ...meta, ...fields }` for the object a kind's reader adds to the World: the same keys in the same order,
 * copied key by key. V8 gives an object made by spreading another and then adding properties a hidden class of
 * its own, object by object (measured: several KB and microseconds each, for every object read); objects built
 * this way share theirs.
 */
export function withMeta<T extends ObjectMeta>(meta: ObjectMeta, fields: Omit<T, keyof ObjectMeta> & Partial<ObjectMeta>): T {
  const out: Record<string, unknown> = {};
  copyFields(out, meta);
  copyFields(out, fields);
  return out as T;
}

/** `Object.assign(out, from)` as a spread does it (`__proto__` an own field); see withMeta for why not a spread. */
export function copyFields(out: Record<string, unknown>, from: object): void {
  for (const k in from) {
    if (!Object.prototype.hasOwnProperty.call(from, k)) continue;
    const v = (from as Record<string, unknown>)[k];
    // A spread defines `__proto__` as an own field; assigning it would set the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
}

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds. */
export function objectId(kind: string, namespace: string, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** metav1.LabelSelector. An empty selector (no labels, no expressions) selects everything. */
export interface LabelSelector {
  matchLabels: Labels;
  matchExpressions: LabelSelectorRequirement[];
}
