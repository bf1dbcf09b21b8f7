/**
 * kube-proxy's view of the cluster as pure queries over the World (§2.6, KP-12..KP-15). It reads
 * Services and EndpointSlices only, as the real kube-proxy does.
 *
 * - `lookupServiceAddress(world, ip, port, proto)` → which Service port a destination hits (ClusterIP,
 *   NodePort on a node InternalIP, LB IP, externalIP), or undefined.
 * - `serviceBackends(world, service, port, from, via)` → `{outcome: ok|reject|drop|not-proxied,
 *   endpoints, candidates, view, reasons}`: the endpoints a new connection is balanced over.
 * - `sourceIPSeen(world, result, from, backend)` → the client address the backend sees (KP-6).
 * - `servicePortEndpoints(world, service, port)` → every endpoint of a service port (KP-1).
 * - `healthCheck(world, service, node)` → the healthCheckNodePort answer (KP-10).
 */
export { serviceBackends, categorizeEndpoints, clusterView, localView, topologyFilter, type Client, type Via, type Reason, type ServiceBackends } from './proxy';
export { servicePortEndpoints, slicesOf, type Backend } from './endpoints';
export { lookupServiceAddress, sourceIPSeen, healthCheck, type ServiceTarget } from './lookup';
