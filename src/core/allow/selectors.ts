/**
 * How a person names pods in a policy: by the labels their workload gives them, not by the labels a
 * controller stamps on each replica (`pod-template-hash`), and by one name-like label (`app: api`) when it
 * picks out the same pods as all of them.
 */
import type { Pod } from '../model/core';
import type { Labels, LabelSelector } from '../model/meta';
import type { World } from '../model/world';
import { matchesEquality, matchesSelector } from '../net/labels';

/** Labels that controllers add per replica or per revision: a selector naming them follows one pod or one rollout. */
const GENERATED = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'job-name',
  'controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);

/** Keys people use to name an application, most specific first. */
const NAME_KEYS = ['app.kubernetes.io/name', 'app', 'k8s-app', 'name', 'run', 'component'];

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The labels a person would select `pod` by, among the pods of its namespace. */
export function personLabels(world: World, pod: Pod): Labels {
  const own: Labels = {};
  for (const [k, v] of Object.entries(pod.labels)) if (!GENERATED.has(k)) own[k] = v;
  const all = world.pods.filter((p) => p.namespace === pod.namespace);
  const same = (sel: Labels) => all.filter((p) => matchesEquality(sel, p.labels)).map((p) => p.id).join('\n');
  const full = same(own);
  for (const k of NAME_KEYS) {
    if (!(k in own)) continue;
    const one = { [k]: own[k]! };
    if (same(one) === full) return one;
  }
  return own;
}

export function selector(labels: Labels): LabelSelector {
  return { matchLabels: labels, matchExpressions: [] };
}

/** Pods of `namespace` (system pods included: CoreDNS is a destination too) that a selector picks. */
export function selected(world: World, namespace: string, sel: LabelSelector): Pod[] {
  return world.pods.filter((p) => p.namespace === namespace && matchesSelector(sel, p.labels));
}
