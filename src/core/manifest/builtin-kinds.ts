/**
 * The kinds each built-in API group version of Kubernetes serves (GA versions, as of v1.34), so that a kind the
 * simulator does not model can be told apart from a kind that does not exist: the API server refuses the
 * latter (`no matches for kind "Serice" in version "v1"`), and a typo in `kind` should say so, with the likely
 * kind. Kinds of other groups (CRDs: cert-manager, Istio, ...) are only not simulated.
 */
const words = (s: string) => s.split(' ');

export const BUILTIN_KINDS: Readonly<Record<string, readonly string[]>> = {
  v1: words(
    'Binding ComponentStatus ConfigMap Endpoints Event LimitRange List Namespace Node PersistentVolume PersistentVolumeClaim Pod PodTemplate ReplicationController ResourceQuota Secret Service ServiceAccount',
  ),
  'apps/v1': words('ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet'),
  'batch/v1': words('CronJob Job'),
  'autoscaling/v1': words('HorizontalPodAutoscaler'),
  'autoscaling/v2': words('HorizontalPodAutoscaler'),
  'networking.k8s.io/v1': words('IPAddress Ingress IngressClass NetworkPolicy ServiceCIDR'),
  'discovery.k8s.io/v1': words('EndpointSlice'),
  'policy/v1': words('Eviction PodDisruptionBudget'),
  'rbac.authorization.k8s.io/v1': words('ClusterRole ClusterRoleBinding Role RoleBinding'),
  'storage.k8s.io/v1': words('CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment VolumeAttributesClass'),
  'coordination.k8s.io/v1': words('Lease'),
  'scheduling.k8s.io/v1': words('PriorityClass'),
  'node.k8s.io/v1': words('RuntimeClass'),
  'admissionregistration.k8s.io/v1': words('MutatingWebhookConfiguration ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding ValidatingWebhookConfiguration'),
  'apiextensions.k8s.io/v1': words('CustomResourceDefinition'),
  'apiregistration.k8s.io/v1': words('APIService'),
  'certificates.k8s.io/v1': words('CertificateSigningRequest'),
  'events.k8s.io/v1': words('Event'),
  'flowcontrol.apiserver.k8s.io/v1': words('FlowSchema PriorityLevelConfiguration'),
  'authentication.k8s.io/v1': words('SelfSubjectReview TokenRequest TokenReview'),
  'authorization.k8s.io/v1': words('LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview'),
};

/**
 * For `kind` under a built-in `apiVersion` that does not serve it: the message, with the kind the person most
 * likely meant (same letters in another case, or one or two letters off). Undefined when the kind exists, or
 * when the group is not built in (then nothing can be said).
 */
export function noSuchKind(apiVersion: string, kind: string): string | undefined {
  const kinds = BUILTIN_KINDS[apiVersion];
  if (!kinds) return undefined;
  // `ServiceList`, `PodList`: what `kubectl get -o yaml` prints for several objects.
  if (kinds.includes(kind) || (kind.endsWith('List') && kinds.includes(kind.slice(0, -4)))) return undefined;
  const near = nearest(kind, kinds);
  const also = Object.keys(BUILTIN_KINDS).find((v) => v !== apiVersion && BUILTIN_KINDS[v]!.includes(kind));
  const hint = near ? ` Did you mean ${near}?` : also ? ` ${kind} is served by ${also}.` : '';
  return `${apiVersion} has no kind ${kind}: the API server would refuse it (no matches for kind "${kind}" in version "${apiVersion}").${hint} The object is ignored.`;
}

/**
 * The name a person most likely meant by `word` (a kind, a field): the same letters in another case, or one
 * letter off (two for words over five letters). Undefined when none is that near.
 */
export function nearest(word: string, names: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  return names
    .map((n) => ({ n, d: n.toLowerCase() === lower ? 0 : distance(n.toLowerCase(), lower) }))
    .filter((x) => x.d <= (word.length > 5 ? 2 : 1))
    .sort((a, b) => a.d - b.d)[0]?.n;
}

/** Levenshtein distance, for names of a few letters. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
