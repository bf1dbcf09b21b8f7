import type { Namespace, Node, Pod, Secret, Service, Workload } from './core';
import type { EndpointSlice, LegacyEndpoints } from './discovery';
import type { Ingress, IngressClass, NetworkPolicy } from './networking';
import type { GRPCRoute, Gateway, GatewayClass, HTTPRoute, ReferenceGrant } from './gateway';
import type { AdminNetworkPolicy } from './admin-policy';
import type { Exercise } from './exercise';
import type { Range } from '../diagnostics/diagnostic';

/** Cluster-wide parameters (§0). Options, never globals. */
export interface ClusterConfig {
  clusterDomain: string;
  serviceCIDR: string;
  podCIDR: string;
  /** Prefix length of each node's pod CIDR. */
  nodeCIDRMask: number;
  dnsServiceIP: string;
  nodePortRange: { base: number; size: number };
  loadBalancerPool: string;
  /** Nodes made when the input declares none: name and zone. */
  defaultNodes: { name: string; zone: string }[];
  nodeIPBase: string;
  /** The node's own resolv.conf, used by `dnsPolicy: Default` (DNS-13). */
  nodeResolvConf: { nameservers: string[]; searches: string[] };
  maxEndpointsPerSlice: number;
}

export const DEFAULT_CLUSTER: ClusterConfig = {
  clusterDomain: 'cluster.local',
  serviceCIDR: '10.96.0.0/12',
  podCIDR: '10.244.0.0/16',
  nodeCIDRMask: 24,
  dnsServiceIP: '10.96.0.10',
  nodePortRange: { base: 30000, size: 2768 },
  loadBalancerPool: '172.18.255.200/29',
  defaultNodes: [
    { name: 'node-1', zone: 'zone-a' },
    { name: 'node-2', zone: 'zone-b' },
    { name: 'node-3', zone: 'zone-c' },
  ],
  nodeIPBase: '172.18.0.2',
  nodeResolvConf: { nameservers: ['172.18.0.1'], searches: [] },
  maxEndpointsPerSlice: 100,
};

/**
 * The whole simulated cluster: the objects read from the input (validated, defaulted) plus what the
 * controllers made from them (pods of workloads, EndpointSlices, system objects). Plain data.
 */
export interface World {
  /** Input file names; `SourceRef.file` and `Diagnostic.file` index into it. */
  files: string[];
  cluster: ClusterConfig;
  namespaces: Namespace[];
  nodes: Node[];
  workloads: Workload[];
  pods: Pod[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  legacyEndpoints: LegacyEndpoints[];
  secrets: Secret[];
  ingressClasses: IngressClass[];
  ingresses: Ingress[];
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: HTTPRoute[];
  grpcRoutes: GRPCRoute[];
  referenceGrants: ReferenceGrant[];
  networkPolicies: NetworkPolicy[];
  adminNetworkPolicies: AdminNetworkPolicy[];
  /** Objects of kinds the simulator reads but does not model further (ConfigMap...), by id. */
  others: { id: string; kind: string; namespace: string; name: string }[];
  /** `kind: Exercise` documents (playground.knet.dev/v1): goals to check, not cluster objects. */
  exercises?: Exercise[];
  /** Objects the API server would reject, left out of the World, each with the first reason and its place. */
  leftOut: LeftOut[];
}

/** An object (or a document that is not one) the API server would refuse, so it is not simulated. */
export interface LeftOut {
  /** `Kind/namespace/name` as far as the document says it (`Pod/default/Bad_Name`); null without a kind. */
  object: string | null;
  file: number;
  /** Where the reason points (the field that was refused). */
  range: Range;
  reason: string;
}

export function emptyWorld(cluster: ClusterConfig = DEFAULT_CLUSTER): World {
  return {
    files: [],
    cluster,
    namespaces: [],
    nodes: [],
    workloads: [],
    pods: [],
    services: [],
    endpointSlices: [],
    legacyEndpoints: [],
    secrets: [],
    ingressClasses: [],
    ingresses: [],
    gatewayClasses: [],
    gateways: [],
    httpRoutes: [],
    grpcRoutes: [],
    referenceGrants: [],
    networkPolicies: [],
    adminNetworkPolicies: [],
    others: [],
    leftOut: [],
  };
}
