/**
 * NetworkPolicy and the admin policy tiers (NP-1..15, ANP-1..6): verdicts with the deciding rules. Every
 * function takes the World and the options, and optionally a PolicyCache holding the World's compiled
 * policies (a Simulation carries one), so many questions about one World compile it once.
 *
 * - `check(world, options, {from, to, port, protocol})` → one connection, both directions explained.
 * - `matrix(world, options, {ports, pods?})` → every pod pair on each port, computed on bitsets.
 * - `reachDNS(world, options)` → may a pod reach its nameserver (NP-14), the coredns resolver's hook.
 * - `isolationByPod(world, options)` → the policies isolating each pod (NP-2), for the graph.
 * - `diagnoseNetworkPolicies(world, options)` → selects nothing, blocks DNS, Service port, TCP-only 53.
 */
export { check, type CheckQuery, type CheckResult, type CheckOutcome, type BackendVerdict } from './check';
export { matrix, type MatrixResult, type PortKey } from './matrix';
export { compile, createPolicyCache, nodeInfos, type PolicyCache } from './compile';
export type { DirectionResult, RuleRef, Verdict, Direction, L4 } from './evaluate';
export { reachDNS, type ReachDNSFn } from './dns';
export { isolationByPod, type Isolation } from './isolation';
export { diagnoseNetworkPolicies } from './diagnose';
export { NETPOL_CODES } from './codes';
