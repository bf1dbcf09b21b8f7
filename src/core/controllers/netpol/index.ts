/**
 * NetworkPolicy and the admin policy tiers (§6): verdicts with the deciding rule.
 *
 * - `check(sim, {from, to, port, protocol})` → one connection, both directions explained (NP-1..15, ANP-1..5).
 * - `matrix(sim, {ports, pods?})` → every pod pair on each port, computed on bitsets.
 * - `reachDNS(sim, clientPodId, dnsServerIP, protocol, port)` → may the pod reach the cluster DNS (NP-14)?
 * - `diagnoseNetworkPolicies(sim)` → policy diagnostics (selects nothing, DNS blocked, Service port, TCP-only 53).
 */
export { check, resolvePeer, type CheckQuery, type CheckResult, type CheckOutcome, type BackendVerdict } from './check';
export { matrix, type MatrixResult, type PortKey } from './matrix';
export { compile, type Compiled } from './compile';
export type { DirectionResult, RuleRef, Verdict, Direction } from './evaluate';
export { reachDNS, type ReachDNSFn } from './dns';
export { diagnoseNetworkPolicies } from './diagnose';
export { NETPOL_CODES } from './codes';
