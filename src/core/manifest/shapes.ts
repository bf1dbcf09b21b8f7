/**
 * The field names of the Kubernetes objects the simulator reads, as far as the indentation check needs them: for a
 * mapping at some place in an object, which keys belong there, and which of them hold a mapping or a list of
 * mappings (and of what shape). Taken from the API types (core/v1, apps/v1, batch/v1, networking/v1,
 * discovery/v1). A shape with `fields: 'any'` holds arbitrary keys (labels); an absent shape is unknown, and then
 * the check says nothing.
 */
export interface Shape {
  fields: readonly string[] | 'any';
  /** Fields whose value is a mapping, with that mapping's shape (`'any'` when it holds arbitrary keys). */
  maps?: Readonly<Record<string, string>>;
  /** Fields whose value is a list of mappings, with the items' shape. */
  lists?: Readonly<Record<string, string>>;
}

const words = (s: string) => s.split(' ');
const ANY: Shape = { fields: 'any' };
const SELECTOR: Shape = { fields: words('matchLabels matchExpressions'), maps: { matchLabels: 'any' } };

const POD_SPEC = words(
  'activeDeadlineSeconds affinity automountServiceAccountToken containers dnsConfig dnsPolicy enableServiceLinks ephemeralContainers hostAliases hostIPC hostNetwork hostPID hostUsers hostname imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes',
);

export const SHAPES: Readonly<Record<string, Shape>> = {
  any: ANY,
  selector: SELECTOR,
  meta: {
    fields: words('annotations creationTimestamp deletionGracePeriodSeconds deletionTimestamp finalizers generateName generation labels managedFields name namespace ownerReferences resourceVersion selfLink uid'),
    maps: { labels: 'any', annotations: 'any' },
  },
  podTemplate: { fields: words('metadata spec'), maps: { metadata: 'meta', spec: 'podSpec' } },
  jobTemplate: { fields: words('metadata spec'), maps: { metadata: 'meta', spec: 'jobSpec' } },
  podSpec: {
    fields: POD_SPEC,
    maps: { nodeSelector: 'any', securityContext: 'any', affinity: 'any', dnsConfig: 'any' },
    lists: { containers: 'container', initContainers: 'container', ephemeralContainers: 'container' },
  },
  container: {
    fields: words(
      'args command env envFrom image imagePullPolicy lifecycle livenessProbe name ports readinessProbe resizePolicy resources restartPolicy securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir',
    ),
    maps: { resources: 'any', securityContext: 'any', livenessProbe: 'any', readinessProbe: 'any', startupProbe: 'any', lifecycle: 'any' },
    lists: { ports: 'containerPort' },
  },
  containerPort: { fields: words('containerPort hostIP hostPort name protocol') },
  workloadSpec: {
    // Deployment, ReplicaSet, StatefulSet and DaemonSet together.
    fields: words('minReadySeconds ordinals paused persistentVolumeClaimRetentionPolicy podManagementPolicy progressDeadlineSeconds replicas revisionHistoryLimit selector serviceName strategy template updateStrategy volumeClaimTemplates'),
    maps: { selector: 'selector', template: 'podTemplate', strategy: 'any', updateStrategy: 'any' },
  },
  jobSpec: {
    fields: words('activeDeadlineSeconds backoffLimit backoffLimitPerIndex completionMode completions managedBy manualSelector maxFailedIndexes parallelism podFailurePolicy podReplacementPolicy selector successPolicy suspend template ttlSecondsAfterFinished'),
    maps: { selector: 'selector', template: 'podTemplate' },
  },
  cronJobSpec: {
    fields: words('concurrencyPolicy failedJobsHistoryLimit jobTemplate schedule startingDeadlineSeconds successfulJobsHistoryLimit suspend timeZone'),
    maps: { jobTemplate: 'jobTemplate' },
  },
  serviceSpec: {
    fields: words(
      'allocateLoadBalancerNodePorts clusterIP clusterIPs externalIPs externalName externalTrafficPolicy healthCheckNodePort internalTrafficPolicy ipFamilies ipFamilyPolicy loadBalancerClass loadBalancerIP loadBalancerSourceRanges ports publishNotReadyAddresses selector sessionAffinity sessionAffinityConfig trafficDistribution type',
    ),
    maps: { selector: 'any', sessionAffinityConfig: 'any' },
    lists: { ports: 'servicePort' },
  },
  servicePort: { fields: words('appProtocol name nodePort port protocol targetPort') },
  networkPolicySpec: {
    fields: words('egress ingress podSelector policyTypes'),
    maps: { podSelector: 'selector' },
    lists: { ingress: 'networkPolicyRule', egress: 'networkPolicyRule' },
  },
  networkPolicyRule: { fields: words('from to ports'), lists: { from: 'networkPolicyPeer', to: 'networkPolicyPeer', ports: 'networkPolicyPort' } },
  networkPolicyPeer: { fields: words('ipBlock namespaceSelector podSelector'), maps: { ipBlock: 'ipBlock', namespaceSelector: 'selector', podSelector: 'selector' } },
  networkPolicyPort: { fields: words('endPort port protocol') },
  ipBlock: { fields: words('cidr except') },
  ingressSpec: {
    fields: words('defaultBackend ingressClassName rules tls'),
    maps: { defaultBackend: 'ingressBackend' },
    lists: { rules: 'ingressRule', tls: 'ingressTLS' },
  },
  ingressRule: { fields: words('host http'), maps: { http: 'ingressHTTP' } },
  ingressHTTP: { fields: words('paths'), lists: { paths: 'ingressPath' } },
  ingressPath: { fields: words('backend path pathType'), maps: { backend: 'ingressBackend' } },
  ingressBackend: { fields: words('resource service'), maps: { service: 'ingressServiceBackend', resource: 'any' } },
  ingressServiceBackend: { fields: words('name port'), maps: { port: 'ingressServicePort' } },
  ingressServicePort: { fields: words('name number') },
  ingressTLS: { fields: words('hosts secretName') },
};

const OBJECT = words('apiVersion kind metadata spec status');

/** The shape of a whole object of a kind (only `metadata` is known for kinds not listed here). */
export function rootShape(kind: string | undefined): Shape {
  const spec = kind ? SPEC_OF[kind] : undefined;
  if (spec) return { fields: OBJECT, maps: { metadata: 'meta', spec } };
  if (kind === 'ConfigMap' || kind === 'Secret') return { fields: [...OBJECT, ...words('data stringData binaryData immutable type')], maps: { metadata: 'meta', data: 'any', stringData: 'any', binaryData: 'any' } };
  // Any other kind (Gateway API, a CRD): its top-level fields are not listed, but metadata is metadata.
  return { fields: 'any', maps: { metadata: 'meta' } };
}

const SPEC_OF: Readonly<Record<string, string>> = {
  Pod: 'podSpec',
  Deployment: 'workloadSpec',
  ReplicaSet: 'workloadSpec',
  StatefulSet: 'workloadSpec',
  DaemonSet: 'workloadSpec',
  Job: 'jobSpec',
  CronJob: 'cronJobSpec',
  Service: 'serviceSpec',
  NetworkPolicy: 'networkPolicySpec',
  Ingress: 'ingressSpec',
};

/** A mapping field of `shape` and the shape of its value: known, `any`, or unknown (undefined). */
export function mapShape(shape: Shape | undefined, key: string): Shape | undefined {
  const name = shape?.maps?.[key];
  return name ? SHAPES[name] : undefined;
}

/** A list field of `shape` and the shape of its items. */
export function itemShape(shape: Shape | undefined, key: string): Shape | undefined {
  const name = shape?.lists?.[key];
  return name ? SHAPES[name] : undefined;
}

/** Whether `key` is a field of `shape`: true, false, or undefined when that cannot be told. */
export function hasField(shape: Shape | undefined, key: string): boolean | undefined {
  if (!shape || shape.fields === 'any') return undefined;
  return shape.fields.includes(key);
}
