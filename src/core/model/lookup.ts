import type { Labels } from './meta';
import type { Pod, Service } from './core';
import type { EndpointSlice } from './discovery';
import type { World } from './world';

/**
 * Lookups over the World built once, in one pass, by a stage or query that asks many questions of the same
 * arrays (issue 15: no per-object scan of world arrays). Every answer lists objects in World order, exactly
 * as a `filter` over the array would, so switching a scan to an index never changes an output.
 * An index is a snapshot: build it after the stage that last adds the objects it covers.
 */

const SVC_NAME = 'kubernetes.io/service-name';

/** Label key → label value → pods carrying that label, in World order. */
type ByLabel = Map<string, Map<string, Pod[]>>;

/** Pods by namespace and by label pair, for equality selectors (Services, SVC-5). */
export interface PodIndex {
  all: Pod[];
  byNamespace: Map<string, Pod[]>;
  /** namespace → key → value → pods of that namespace carrying that label. */
  byNamespaceLabel: Map<string, ByLabel>;
  /** key → value → pods of any namespace carrying that label. */
  byLabel: ByLabel;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Nested maps rather than `key \0 value` strings: building the index allocates no key per pod and label. */
function pushLabel(m: ByLabel, key: string, value: string, p: Pod): void {
  let values = m.get(key);
  if (!values) m.set(key, (values = new Map<string, Pod[]>()));
  push(values, value, p);
}

export function indexPods(pods: Pod[]): PodIndex {
  const ix: PodIndex = { all: pods, byNamespace: new Map(), byNamespaceLabel: new Map(), byLabel: new Map() };
  for (const p of pods) {
    push(ix.byNamespace, p.namespace, p);
    let inNamespace = ix.byNamespaceLabel.get(p.namespace);
    if (!inNamespace) ix.byNamespaceLabel.set(p.namespace, (inNamespace = new Map<string, Map<string, Pod[]>>()));
    for (const k in p.labels) {
      pushLabel(ix.byLabel, k, p.labels[k]!, p);
      pushLabel(inNamespace, k, p.labels[k]!, p);
    }
  }
  return ix;
}

const NONE: Pod[] = [];

/**
 * Pods whose labels carry every pair of `selector`, in `namespace` (or in any namespace when undefined), in
 * World order: the shortest candidate list of one pair, filtered by the others.
 */
export function podsMatching(ix: PodIndex, namespace: string | undefined, selector: Labels): Pod[] {
  let best: Pod[] | undefined;
  const labels = namespace === undefined ? ix.byLabel : ix.byNamespaceLabel.get(namespace);
  for (const k in selector) {
    const list = labels?.get(k)?.get(selector[k]!) ?? NONE;
    if (!best || list.length < best.length) best = list;
    if (list.length === 0) return NONE;
  }
  if (!best) return namespace === undefined ? ix.all : (ix.byNamespace.get(namespace) ?? NONE);
  return best.filter((p) => {
    for (const k in selector) if (p.labels[k] !== selector[k]) return false;
    return true;
  });
}

/** `ns/name` → the first Service of that name (what `world.services.find` would return). */
export function servicesByName(world: Pick<World, 'services'>): Map<string, Service> {
  const out = new Map<string, Service>();
  for (const s of world.services) {
    const key = `${s.namespace}/${s.name}`;
    if (!out.has(key)) out.set(key, s);
  }
  return out;
}

/** `ns/name` of a Service → its EndpointSlices (SVC-10: same namespace, `kubernetes.io/service-name` naming it). */
export function slicesByService(world: Pick<World, 'endpointSlices'>): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const es of world.endpointSlices) {
    const svc = es.serviceName ?? es.labels[SVC_NAME];
    if (svc !== undefined) push(out, `${es.namespace}/${svc}`, es);
  }
  return out;
}

/** Every Service ClusterIP → its Service (the first that holds it). */
export function clusterIPIndex(world: Pick<World, 'services'>): Map<string, Service> {
  const out = new Map<string, Service>();
  for (const s of world.services) for (const ip of s.clusterIPs) if (!out.has(ip)) out.set(ip, s);
  return out;
}
