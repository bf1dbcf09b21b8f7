/** The only entry point for code outside core (cli, worker, share, ui). */
export { simulate, type Simulation } from './simulate';
export { createSimCache, type SimCache } from './cache';
export type { InputFile } from './manifest/read';
export { DEFAULT_OPTIONS, withDefaults, type SimOptions, type DeepPartial } from './options';
export type { Diagnostic, Range, Severity, Cite, Location } from './diagnostics/diagnostic';
export { CODES } from './diagnostics/codes';
export * from './model/index';
export { rangeIn } from './manifest/reader';
export * from './topology/index';
export { parseRequestURL, type HttpRequest } from './http';
export { route, type RouteResult, type EntryResult, type RouteBackend, type RouteEndpoint, type RouteOptions, type Entry } from './route';
export { INGRESS_CODES } from './controllers/ingress/index';
export {
  resolve,
  lookup,
  buildZone,
  zoneRecords,
  podResolvConf,
  formatResolvConf,
  searchCandidates,
  findPod,
  DNS_CODES,
  RR_TYPES,
  type ResolveQuery,
  type ResolveResult,
  type ResolveStatus,
  type DNSAttempt,
  type DNSRecord,
  type RRType,
  type ReachDNS,
  type ResolvConf,
  type Zone,
  type LookupResult,
} from './controllers/coredns/index';
export { checkExercise, describeGoal, expandPeer, type GoalResult } from './exercise/check';
export { EXERCISE_CODES } from './exercise/codes';
// Services and endpoints: kube-proxy queries, EndpointSlice helpers, workload naming, allocation codes.
export {
  serviceBackends,
  categorizeEndpoints,
  servicePortEndpoints,
  slicesOf,
  lookupServiceAddress,
  sourceIPSeen,
  healthCheck,
  clusterView,
  localView,
  topologyFilter,
  type Client as ProxyClient,
  type Via as ProxyVia,
  type Reason as ProxyReason,
  type ServiceBackends,
  type Backend,
  type ServiceTarget,
} from './controllers/kube-proxy/index';
export { findPort, getEndpointPorts, podToEndpoint, selectedPods, closestMiss, SERVICE_NAME_LABEL, MANAGED_BY_LABEL, CONTROLLER_NAME } from './controllers/endpointslice/index';
export { podTemplateHash } from './controllers/workloads/index';
export { ALLOCATOR_CODES } from './controllers/service-allocator/codes';
// Gateway API: status as data (conditions per class, Gateway, listener, Route parent, backendRef) and the router.
export {
  reconcileGatewayAPI,
  routeGateway,
  routeGateways,
  gatewayPods,
  GATEWAY_CODES,
  GATEWAY_NAME_LABEL,
  type GatewayAPIStatus,
  type GatewayState,
  type ListenerState,
  type RouteState,
  type ParentState,
  type BackendState as GatewayBackendState,
  type Condition as GatewayCondition,
} from './controllers/gateway/index';
// NetworkPolicy and admin policy tiers: verdicts with the deciding rule, the pod matrix, the DNS hook.
export {
  check as checkConnection,
  matrix as policyMatrix,
  reachDNS,
  resolvePeer,
  NETPOL_CODES,
  type CheckQuery,
  type CheckResult,
  type CheckOutcome,
  type BackendVerdict,
  type MatrixResult,
  type PortKey,
  type DirectionResult,
  type RuleRef,
  type Verdict as PolicyVerdict,
  type ReachDNSFn,
} from './controllers/netpol/index';
export { trace, type Hop, type TraceQuery, type TraceResult, type TraceStep } from './trace/index';
export { runCommand, quoteWord, type RunQuery, type RunResult, type OutputChunk, type ShellChange, type ShellPod } from './terminal/index';
