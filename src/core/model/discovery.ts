import type { ObjectMeta, Protocol } from './meta';
import type { IPFamily } from './core';

export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** discovery.k8s.io/v1 Endpoint with EPS-7 defaults applied to its conditions. */
export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind: string; namespace: string; name: string };
  hints?: { forZones: string[]; forNodes: string[] };
}

export interface EndpointPort {
  /** `""` when unnamed. */
  name: string;
  /** `null` when missing: such a port is ignored by consumers (SVC-11). */
  port: number | null;
  protocol: Protocol;
  appProtocol?: string;
}

/** discovery.k8s.io/v1 EndpointSlice, written by hand or made by the EndpointSlice controller. */
export interface EndpointSlice extends ObjectMeta {
  kind: 'EndpointSlice';
  addressType: IPFamily | 'FQDN';
  ports: EndpointPort[];
  endpoints: Endpoint[];
  /** `kubernetes.io/service-name` label: the Service this slice belongs to (SVC-10). */
  serviceName?: string;
  /** `endpointslice.kubernetes.io/managed-by`. */
  managedBy?: string;
  /** True when made by the simulator's controllers (not written in the input). */
  generated: boolean;
  /**
   * The object this slice is owned by (`Service/ns/name` for managed, `Endpoints/ns/name` for mirrored
   * slices); for a written slice, its controller ownerReference when that names a Service.
   */
  ownerId?: string;
}

/** v1/Endpoints (legacy), kept for the mirroring controller (SVC-13). */
export interface LegacyEndpoints extends ObjectMeta {
  kind: 'Endpoints';
  subsets: {
    addresses: { ip: string; hostname?: string; nodeName?: string; targetRef?: { kind: string; namespace: string; name: string } }[];
    notReadyAddresses: { ip: string; hostname?: string; nodeName?: string; targetRef?: { kind: string; namespace: string; name: string } }[];
    ports: { name: string; port: number; protocol: Protocol }[];
  }[];
}
