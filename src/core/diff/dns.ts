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
  // With the same names in the zone, a pod of the same kind gets the same rcode: no need to ask.
  const sameZone = zoneNames(before) === zoneNames(after);
  const out: DnsChange[] = [];
  for (const from of owners) {
    for (const [name, service] of [...services].sort(([x], [y]) => (x < y ? -1 : 1))) {
      if (sameZone && ask[0].kind(askers[0].get(from)) === ask[1].kind(askers[1].get(from))) continue;
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

/** What decides an A query's rcode for a Service name: which namespaces, Services and upstream names exist. */
function zoneNames(sim: Simulation): string {
  const zone = buildZone(sim.world, sim.options);
  const services = [...zone.services].map(([k, z]) => `${k}:${z.service.type}:${z.service.headless}:${z.service.externalName ?? ''}`);
  return JSON.stringify([[...zone.namespaces].sort(), services.sort(), [...zone.upstream.keys()].sort()]);
}

interface Asker {
  (pod: Pod | undefined, name: string): DnsAnswer;
  /** What the resolver reads of a pod, and whether its policies let it reach the cluster DNS. */
  kind(pod: Pod | undefined): string;
}

function asker(sim: Simulation): Asker {
  const zone = buildZone(sim.world, sim.options);
  const reach = reachDNS(sim.world, sim.options, sim.policies);
  const dnsIP = sim.world.cluster.dnsServiceIP;
  const memo = new Map<string, DnsAnswer>();
  // Pods alike in what the resolver reads (namespace, DNS settings, hostNetwork) and in whether their
  // policies let them reach the cluster DNS get the same answer: one lookup per kind of pod, not per pod.
  const kinds = new Map<Pod, string>();
  const kindOf = (p: Pod | undefined) => {
    if (!p) return 'absent';
    let k = kinds.get(p);
    if (k === undefined) kinds.set(p, (k = JSON.stringify([p.namespace, p.dnsPolicy, p.dnsConfig ?? null, p.hostNetwork, reach(p.id, dnsIP, 'UDP', 53).allowed, reach(p.id, dnsIP, 'TCP', 53).allowed])));
    return k;
  };
  const ask = (pod: Pod | undefined, name: string): DnsAnswer => {
    if (!pod) return 'absent';
    const key = `${kindOf(pod)} ${name}`;
    let answer = memo.get(key);
    if (answer === undefined) memo.set(key, (answer = resolve(sim.world, sim.options, { from: pod.id, name, type: 'A' }, reach, zone).rcode ?? 'TIMEOUT'));
    return answer;
  };
  return Object.assign(ask, { kind: kindOf });
}
