import type { Range } from '../diagnostics/diagnostic';

/** Where an object came from: the file, the document's range, and the range of every field path in it. */
export interface SourceRef {
  file: number;
  /** The whole YAML document (or list item) of the object. */
  range: Range;
  /**
   * Ranges of fields by dotted path (`spec.ports.0.targetPort`): for a map entry the key through the
   * value, for a list item the item. Plain data so that it crosses the worker boundary.
   */
  fields: Record<string, Range>;
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
