import type { ObjectMeta } from '../model/meta';
import type { Simulation } from '../simulate';

/**
 * Which objects differ between two versions of a scenario, by id (`NetworkPolicy/shop/db-only-api`): added,
 * removed, or written differently. An object is compared by the text of its YAML document, so a change
 * anywhere in it (labels, rules, the pod template) counts; objects the simulator made itself (CoreDNS, the
 * ingress controller) by their content. Pods made by a workload are not listed: their owner stands for them.
 */
export function changedObjects(before: Simulation, after: Simulation): Set<string> {
  const a = fingerprints(before);
  const b = fingerprints(after);
  const out = new Set<string>();
  for (const [id, text] of a) if (b.get(id) !== text) out.add(id);
  for (const id of b.keys()) if (!a.has(id)) out.add(id);
  return out;
}

function fingerprints(sim: Simulation): Map<string, string> {
  const w = sim.world;
  const all: ObjectMeta[] = [
    ...w.namespaces,
    ...w.nodes,
    ...w.workloads,
    ...w.pods.filter((p) => p.ownerId === undefined),
    ...w.services,
    ...w.ingressClasses,
    ...w.ingresses,
    ...w.gatewayClasses,
    ...w.gateways,
    ...w.httpRoutes,
    ...w.grpcRoutes,
    ...w.tlsRoutes,
    ...w.tcpRoutes,
    ...w.udpRoutes,
    ...w.referenceGrants,
    ...w.networkPolicies,
    ...w.adminNetworkPolicies,
  ];
  const out = new Map<string, string>();
  for (const o of all) out.set(o.id, textOf(sim, o));
  return out;
}

function textOf(sim: Simulation, o: ObjectMeta): string {
  // A namespace only implied by an object points at that object's document, which is not its own.
  const own = !o.system && !(o as { implicit?: boolean }).implicit;
  const file = own ? sim.files[o.source.file] : undefined;
  if (file) return file.text.slice(o.source.range.start, o.source.range.end).trim();
  // Made by the simulator: no text of its own, so its content (without where it sits) decides.
  return JSON.stringify(o, (k, v: unknown) => (k === 'source' || k === 'order' || k === 'status' ? undefined : v));
}
