import type { Service, ServiceType } from './core';
import type { ObjectMeta } from './meta';

/** What a made Service states; everything else gets the value admission would default (ADM-1). */
export type ServiceSpec = Pick<Service, 'ports'> & Partial<Omit<Service, keyof ObjectMeta | 'kind' | 'ports'>> & { type?: ServiceType };

/**
 * A Service the simulator makes itself (kube-dns, the `kubernetes` Service, controller and gateway
 * Services), with ADM-1 defaults: the same object the API server would store for that spec.
 */
export function madeService(meta: ObjectMeta, spec: ServiceSpec): Service {
  const type = spec.type ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  return {
    ...meta,
    kind: 'Service',
    type,
    headless: false,
    clusterIPs: [],
    selector: null,
    externalIPs: [],
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    ...(external ? { externalTrafficPolicy: 'Cluster' as const } : {}),
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    publishNotReadyAddresses: false,
    ipFamilies: ['IPv4'],
    allocateLoadBalancerNodePorts: type === 'LoadBalancer',
    ...spec,
  };
}

