import type { KindHandler } from '../kind';
import { namespaceKind } from './namespace';
import { nodeKind } from './node';
import { podKind } from './pod';
import { workloadHandlers } from './workloads';
import { serviceKind } from './service';
import { endpointSliceKind } from './endpointslice';
import { endpointsKind } from './endpoints';
import { secretKind, inertKinds } from './inert';
import { networkPolicyKind } from './networkpolicy';
import { adminPolicyKind, clusterNetworkPolicyKind } from './admin-policy';
import { ingressClassKind, ingressKind } from './ingress';
import { gatewayClassKind, gatewayKind, referenceGrantKind } from './gateway';
import { grpcRouteKind, httpRouteKind } from './httproute';
import { tcpRouteKind, tlsRouteKind, udpRouteKind } from './l4route';
import { exerciseKind } from './exercise';

/** Every kind the simulator reads. Add a kind by adding its handler here. */
export const KIND_HANDLERS: KindHandler[] = [
  namespaceKind,
  nodeKind,
  podKind,
  ...workloadHandlers,
  serviceKind,
  endpointSliceKind,
  endpointsKind,
  secretKind,
  inertKinds,
  networkPolicyKind,
  adminPolicyKind,
  clusterNetworkPolicyKind,
  ingressClassKind,
  ingressKind,
  gatewayClassKind,
  gatewayKind,
  httpRouteKind,
  grpcRouteKind,
  tlsRouteKind,
  tcpRouteKind,
  udpRouteKind,
  referenceGrantKind,
  exerciseKind,
];
