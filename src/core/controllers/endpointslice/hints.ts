import type { Node, Service } from '../../model/core';
import type { Endpoint } from '../../model/discovery';

/** Is `service.kubernetes.io/topology-mode` (or the older hints annotation) asking for Auto (KP-14)? */
export function topologyModeAuto(service: Pick<Service, 'topologyMode'>): boolean {
  return service.topologyMode === 'Auto' || service.topologyMode === 'auto';
}

/**
 * Topology hints for the endpoints of one Service and address type, in place (KP-13/KP-14). Returns the
 * rule that decided, or null when hints were removed.
 */
export function applyHints(service: Pick<Service, 'trafficDistribution' | 'topologyMode'>, endpoints: Endpoint[], nodes: Node[]): string | null {
  for (const e of endpoints) delete e.hints;
  if (topologyModeAuto(service)) {
    // KP-14: Auto overrides trafficDistribution, even when the heuristic then gives no hints. Other
    // annotation values do not enable hints and leave trafficDistribution in charge (upstream hintsEnabled).
    return autoHints(endpoints, nodes) ? 'KP-14' : null;
  }
  const td = service.trafficDistribution;
  if (td !== 'PreferClose' && td !== 'PreferSameZone' && td !== 'PreferSameNode') return null;
  for (const e of endpoints) {
    if (!e.conditions.ready) continue;
    const forZones = e.zone ? [e.zone] : [];
    const forNodes = td === 'PreferSameNode' && e.nodeName ? [e.nodeName] : [];
    if (forZones.length || forNodes.length) e.hints = { forZones, forNodes };
  }
  return 'KP-13';
}

/**
 * The topology-aware hints heuristic (KP-14, K-EPS-TC): zones' shares of allocatable CPU over Ready
 * worker nodes decide how many endpoints each zone should get; each ready endpoint is first hinted for its
 * own zone, then endpoints move from zones over their share to zones under it. [SIM] Moves take the last
 * endpoints (by pod name) of the most over-allocated zone; upstream's exact choice depends on slice order.
 */
function autoHints(endpoints: Endpoint[], nodes: Node[]): boolean {
  const workers = nodes.filter((n) => n.ready && !n.controlPlane);
  if (workers.some((n) => !n.zone || n.cpuMillis <= 0)) return false;
  const cpu = new Map<string, number>();
  for (const n of workers) cpu.set(n.zone!, (cpu.get(n.zone!) ?? 0) + n.cpuMillis);
  if (cpu.size < 2) return false;
  const ready = endpoints.filter((e) => e.conditions.ready);
  if (ready.length < cpu.size) return false;
  if (ready.some((e) => !e.zone)) return false;
  const total = [...cpu.values()].reduce((a, b) => a + b, 0);
  const desired = new Map<string, number>();
  let minimums = 0;
  for (const [zone, c] of cpu) {
    const d = (c / total) * ready.length;
    desired.set(zone, d);
    minimums += Math.ceil(d / 1.2);
  }
  if (minimums > ready.length) return false;
  const assigned = new Map<Endpoint, string>();
  for (const e of ready) assigned.set(e, e.zone!);
  const count = (zone: string) => [...assigned.values()].filter((z) => z === zone).length;
  const zones = [...cpu.keys()].sort();
  for (let guard = 0; guard < ready.length * zones.length; guard++) {
    const receiving = zones.filter((z) => count(z) < Math.round(desired.get(z)!)).sort((a, b) => count(a) - Math.round(desired.get(a)!) - (count(b) - Math.round(desired.get(b)!)))[0];
    const giving = zones.filter((z) => count(z) > Math.round(desired.get(z)!)).sort((a, b) => count(b) - Math.round(desired.get(b)!) - (count(a) - Math.round(desired.get(a)!)))[0];
    if (!receiving || !giving) break;
    const moved = [...assigned.entries()].filter(([, z]) => z === giving).pop()!;
    assigned.set(moved[0], receiving);
  }
  for (const [e, zone] of assigned) e.hints = { forZones: [zone], forNodes: [] };
  return true;
}
