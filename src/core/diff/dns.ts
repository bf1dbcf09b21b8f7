import { buildZone, resolve } from '../controllers/coredns/index';
import { reachDNS } from '../controllers/netpol/index';
import type { Pod } from '../model/core';
import type { Simulation } from '../simulate';
import { ownerOf } from './connections';

export type DnsAnswer = 'NOERROR' | 'NXDOMAIN' | 'TIMEOUT' | 'absent';

export interface DnsChange {
  /** The owner of the asking pods (`Deployment/shop/web`), as in `connections`. */
  from: string;
  /** `service.namespace`. */
  name: string;
  type: 'A';
  /** The reply's rcode, or TIMEOUT when a policy blocks DNS (NP-14); `absent` when the asking workload does not exist. */
  before: DnsAnswer;
  after: DnsAnswer;
  because: string | null;
}

/**
 * Each Service name of either version (`db.shop`), asked from one pod of each workload of the input: the
 * answers that differ. One pod stands for its workload because its replicas share labels and namespace,
 * which is all the resolver and the policies read.
 */
export function dnsChanges(before: Simulation, after: Simulation, changed: Set<string>): DnsChange[] {
  const services = new Map<string, string>();
  for (const s of [...before.world.services, ...after.world.services]) if (!s.system) services.set(`${s.name}.${s.namespace}`, s.id);
  const askers = [representatives(before), representatives(after)] as const;
  const owners = [...new Set([...askers[0].keys(), ...askers[1].keys()])].sort();
  const ask = [asker(before), asker(after)] as const;
  const out: DnsChange[] = [];
  for (const from of owners) {
    for (const [name, service] of [...services].sort(([x], [y]) => (x < y ? -1 : 1))) {
      const was = ask[0](askers[0].get(from), name);
      const now = ask[1](askers[1].get(from), name);
      if (was === now) continue;
      // A Service added or removed explains its own name; else the policies of the asking namespace (NP-14).
      const ns = from.split('/')[1];
      const policies = [...before.world.networkPolicies, ...after.world.networkPolicies].filter((p) => p.namespace === ns).map((p) => p.id);
      const because = [service, ...policies, from, `Namespace/${ns}`].find((id) => changed.has(id)) ?? null;
      out.push({ from, name, type: 'A', before: was, after: now, because });
    }
  }
  return out;
}

/** The first pod of each workload the input declares (the simulator's own pods ask nothing worth comparing). */
function representatives(sim: Simulation): Map<string, Pod> {
  const out = new Map<string, Pod>();
  for (const p of sim.world.pods) if (!p.system && !out.has(ownerOf(p))) out.set(ownerOf(p), p);
  return out;
}

function asker(sim: Simulation): (pod: Pod | undefined, name: string) => DnsAnswer {
  const zone = buildZone(sim.world, sim.options);
  const reach = reachDNS(sim.world, sim.options, sim.policies);
  return (pod, name) => (pod ? (resolve(sim.world, sim.options, { from: pod.id, name, type: 'A' }, reach, zone).rcode ?? 'TIMEOUT') : 'absent');
}
