/**
 * For tests and benchmarks: the policy engine's own functions over a Simulation, with peers written as the
 * CLI writes them (`shop/api`, `ip:10.0.0.1`, `service:shop/api`), so tables stay in the domain's notation.
 */
import { check, matrix, reachDNS, type CheckOutcome, type CheckQuery, type MatrixResult, type PortKey, type ReachDNSFn } from '../controllers/netpol/index';
import type { Simulation } from '../simulate';
import { parsePeer } from './peer';

/** `check` with CLI peers; a malformed peer is refused as the query layer refuses it. */
export function checkPeers(sim: Simulation, q: Omit<CheckQuery, 'from' | 'to'> & { from: string; to: string }): CheckOutcome {
  const from = parsePeer(q.from);
  if ('error' in from) return { ok: false, error: from.error };
  const to = parsePeer(q.to);
  if ('error' in to) return { ok: false, error: to.error };
  return check(sim.world, sim.options, { ...q, from, to }, sim.policies);
}

export function matrixOf(sim: Simulation, opts: { ports: PortKey[]; pods?: number[] }): MatrixResult {
  return matrix(sim.world, sim.options, opts, sim.policies);
}

export function reachDNSOf(sim: Simulation): ReachDNSFn {
  return reachDNS(sim.world, sim.options, sim.policies);
}
