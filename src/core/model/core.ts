import type { LabelSelector, Labels, ObjectMeta, Protocol } from './meta';

/** v1/Namespace. Always carries `kubernetes.io/metadata.name=<name>` (API defaulting). */
export interface Namespace extends ObjectMeta {
  kind: 'Namespace';
  /** True when the namespace was not written in the input but implied by an object in it. */
  implicit: boolean;
}

/** v1/Node with the fields networking needs. */
export interface Node extends ObjectMeta {
  kind: 'Node';
  /** InternalIP addresses. */
  addresses: string[];
  /** Pod CIDRs handed to this node (per-node /24 by default, §0). */
  podCIDRs: string[];
  zone?: string;
  ready: boolean;
  controlPlane: boolean;
  /** Allocatable CPU in millicores, for topology-mode Auto (KP-14). */
  cpuMillis: number;
  /** True when the simulator made this node because the input declared none. */
  implicit: boolean;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
  hostPort?: number;
}

export interface EnvVar {
  name: string;
  value?: string;
}

export interface Container {
  name: string;
  image?: string;
  ports: ContainerPort[];
  env: EnvVar[];
  command: string[];
  args: string[];
  /** For init containers: `Always` marks a sidecar (restartable init container). */
  restartPolicy?: string;
  /** Index of this container in its list (`spec.containers` or `spec.initContainers`). */
  index: number;
}

export type DNSPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface PodDNSConfig {
  nameservers: string[];
  searches: string[];
  options: { name: string; value?: string }[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** v1/Pod, declared or made by a workload controller, with defaults (ADM-3) and [SIM] status applied. */
export interface Pod extends ObjectMeta {
  kind: 'Pod';
  nodeName: string;
  /** Pod IPs, primary first; empty when the pod has none (Pending without IP). */
  ips: string[];
  hostNetwork: boolean;
  phase: PodPhase;
  /** The Ready condition. */
  ready: boolean;
  /** `metadata.deletionTimestamp` is set. */
  terminating: boolean;
  hostname?: string;
  subdomain?: string;
  dnsPolicy: DNSPolicy;
  dnsConfig?: PodDNSConfig;
  containers: Container[];
  initContainers: Container[];
  /** The workload that made this pod (`Deployment/shop/web`), if any. */
  ownerId?: string;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type TrafficPolicy = 'Cluster' | 'Local';
export type IPFamily = 'IPv4' | 'IPv6';

export interface ServicePort {
  /** `""` when unnamed (a single-port Service). */
  name: string;
  protocol: Protocol;
  port: number;
  /** Number, or a container port name (SVC-9). Defaulted to `port` (ADM-1). */
  targetPort: number | string;
  nodePort?: number;
  appProtocol?: string;
  /** Index in `spec.ports`, for source ranges. */
  index: number;
}

/** v1/Service after admission defaulting (ADM-1) and allocation of ClusterIP, NodePorts and LB addresses. */
export interface Service extends ObjectMeta {
  kind: 'Service';
  type: ServiceType;
  /** `clusterIP: None`. */
  headless: boolean;
  /** Allocated or written ClusterIPs (empty for headless and ExternalName). */
  clusterIPs: string[];
  /** `null` when the selector is absent or `{}` (SVC-6): no managed endpoints. */
  selector: Labels | null;
  ports: ServicePort[];
  externalName?: string;
  externalIPs: string[];
  /** `status.loadBalancer.ingress[].ip`, given or allocated from the pool (LoadBalancer only). */
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  /** Only set for externally reachable Services (ADM-1). */
  externalTrafficPolicy?: TrafficPolicy;
  /** Not set for ExternalName. */
  internalTrafficPolicy?: TrafficPolicy;
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityTimeoutSeconds?: number;
  publishNotReadyAddresses: boolean;
  ipFamilies: IPFamily[];
  allocateLoadBalancerNodePorts: boolean;
  healthCheckNodePort?: number;
  trafficDistribution?: string;
  /** `service.kubernetes.io/topology-mode` (or the older hints annotation), as written. */
  topologyMode?: string;
}

/** A workload kind that makes pods. */
export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicationController';

/** Any pod-making workload, reduced to what the workload controller needs. */
export interface Workload extends ObjectMeta {
  kind: WorkloadKind;
  replicas: number;
  selector: LabelSelector | null;
  /** The pod template's metadata and spec, as a Pod object would carry them (name/namespace filled by the controller). */
  template: PodTemplate;
  /** StatefulSet `spec.serviceName`. */
  serviceName?: string;
  /** Path of the pod template in the source object (`spec.template`, `spec.jobTemplate.spec.template`). */
  templatePath: string;
}

/** A pod template: a Pod without identity and status. */
export type PodTemplate = Omit<Pod, keyof ObjectMeta | 'nodeName' | 'ips' | 'phase' | 'ready' | 'terminating' | 'ownerId'> & {
  labels: Labels;
  annotations: Labels;
  nodeName?: string;
};

/** v1/Secret: only what TLS references need. */
export interface Secret extends ObjectMeta {
  kind: 'Secret';
  type: string;
  dataKeys: string[];
}

/**
 * The pods and the Service that carry an entry point's traffic as the simulator runs them: the ingress
 * controller of an IngressClass, the proxy of a Gateway. Written by its controller once the pods exist;
 * routing, traces, DNS and the graph read it (NetworkPolicy sees these pods as the source, NP-12).
 */
export interface Implementation {
  namespace: string;
  /** `Service/ns/name` of its LoadBalancer Service, or null when there is none. */
  service: string | null;
  /** `Pod/ns/name` of its running pods (with an address), sorted. */
  pods: string[];
}
