import type { Cite } from '../diagnostics/diagnostic';
import type { Pod, Service } from '../model/core';
import type { Simulation } from '../simulate';
import { citeOf } from '../manifest/reader';
import { servicesByName } from '../model/lookup';
import { compile, nodeInfos } from '../controllers/netpol/index';
import { servicePortEndpoints, usableEndpoints, type EndpointLookups } from '../net/endpoints';
import { lookupServiceAddress } from '../net/service-address';
import type { Judged } from './types';

/**
 * What a long-lived caller (the page's worker) keeps between graphs so that an edit re-judges only the calls
 * it can have changed (issue 15: a fully explained policy check per inferred call was most of an edit's
 * time). Plain data owned by the caller and passed in, as `SimCache` is; the graph is the same with or
 * without it (`cache.test.ts` replays edits against an uncached build).
 *
 * A verdict pod → Service port is a function of: every policy (NetworkPolicy and the admin tiers), the
 * namespaces' labels, the nodes, the cluster settings and the options (together `world`); the calling pod;
 * the Service; and each backend kube-proxy may pick with the pod behind it. The key holds all of these as
 * JSON without their source places, so any change to any of them misses. Places (the ranges of the cites)
 * are the one thing a verdict holds that moves without changing it: a hit cites the same fields again in
 * the objects of this simulation.
 */
export interface TopologyCache {
  /** The policy world the stored verdicts were judged under; another one empties the store. */
  world: string;
  verdicts: Map<string, unknown>;
  /**
   * Each pod's and Service's meaning (JSON without places) as a short number, so that a key names seven
   * objects in a few bytes; numbers are never reused while the store lives.
   */
  names: Map<string, number>;
  /** The next number to give. */
  next: number;
}

export function createTopologyCache(): TopologyCache {
  return { world: '', verdicts: new Map(), names: new Map(), next: 0 };
}

/** May a pod look names up (NP-14): `reachDNS`'s answer. */
export interface DNSReach {
  allowed: boolean;
  reason: string;
}

/** One graph's use of the cache: each question answered from it or computed and stored; `close` keeps what was used. */
export interface Verdicts {
  /** Pod → Service port, as `judgeService` judges it. */
  judge(pod: Pod, svc: Service, port: number, compute: () => Judged): Judged;
  /** Pod → the cluster DNS address on 53/UDP, as `reachDNS` judges it. */
  dns(pod: Pod, ip: string, compute: () => DNSReach): DNSReach;
  close(): void;
}

/**
 * JSON of an object without where it was written (its `source`): what it means, not where it is. A place
 * nested deeper would only make keys differ more often, never match wrongly.
 */
const meaning = (v: object) => JSON.stringify({ ...v, source: undefined });

/** Policies without their own labels and annotations, which no policy engine reads. */
const policyMeaning = (p: { labels: unknown; annotations: unknown }) => meaning({ ...p, labels: undefined, annotations: undefined });

export function openVerdicts(sim: Simulation, cache: TopologyCache, lookups: EndpointLookups): Verdicts {
  const w = sim.world;
  const world = [
    w.networkPolicies.map(policyMeaning).join('\n'),
    w.adminNetworkPolicies.map(policyMeaning).join('\n'),
    JSON.stringify(w.namespaces.map(meaning)),
    JSON.stringify(nodeInfos(w)),
    JSON.stringify(w.cluster),
    JSON.stringify(sim.options),
  ].join('\n\n');
  const before = cache.world === world ? cache.verdicts : new Map<string, unknown>();
  const used = new Map<string, unknown>();
  const usedNames = new Map<string, number>();
  const name = (m: string): number => {
    let k = usedNames.get(m);
    if (k !== undefined) return k;
    k = cache.names.get(m) ?? cache.next++;
    usedNames.set(m, k);
    return k;
  };
  // The compiled policies the check itself reads, so pods are found by name, id and address as it finds them.
  const c = compile(w, sim.options, sim.policies);
  const podNames = new Map<number, number>();
  const podAt = (i: number | undefined): string => {
    if (i === undefined) return 'none';
    let k = podNames.get(i);
    if (k === undefined) podNames.set(i, (k = name(meaning(c.pods[i]!))));
    return String(k);
  };
  const services = new Map<Service, number>();
  const backendsOf = new Map<string, string>();
  const serviceAt = (svc: Service): number => {
    let k = services.get(svc);
    if (k === undefined) services.set(svc, (k = name(meaning(svc))));
    return k;
  };
  /** A Service port's backends as the check picks them (KP-2), each with the pod it finds behind the address. */
  const backends = (svc: Service, port: number, protocol?: string): string => {
    const at = `${serviceAt(svc)}|${port}|${protocol ?? ''}`;
    let ends = backendsOf.get(at);
    if (ends === undefined) {
      const sp = svc.ports.find((p) => p.port === port && (protocol === undefined || p.protocol === protocol));
      const list = sp ? usableEndpoints(servicePortEndpoints(w, svc, sp, lookups)).endpoints : [];
      backendsOf.set(at, (ends = `${at}|${list.map((b) => `${b.ip}:${b.port}:${podAt(b.podId ? c.byId.get(b.podId) : c.byIP.get(b.ip))}`).join(' ')}`));
    }
    return ends;
  };
  const remember = <T>(key: string, compute: () => T, again: (t: T) => T | undefined): T => {
    const hit = (used.get(key) ?? before.get(key)) as T | undefined;
    const fresh = hit && again(hit);
    if (fresh) {
      used.set(key, hit);
      return fresh;
    }
    const t = compute();
    used.set(key, t);
    return t;
  };
  const byName = servicesByName(w);
  const from = (pod: Pod) => podAt(c.byName.get(`${pod.namespace}/${pod.name}`));
  // The Service behind the DNS address, found as the check finds it (no pod holds the address).
  const dnsTarget = new Map<string, string | null>();
  // Objects a cite may name, by id; an id held twice cannot say which one a stored cite meant.
  const objects = new Map<string, { id: string; source: Pod['source'] } | null>();
  for (const o of [...w.networkPolicies, ...w.adminNetworkPolicies, ...w.pods]) objects.set(o.id, objects.has(o.id) ? null : o);
  // Verdicts cite the same few fields (the isolating policies' selectors) again and again: each looked up once.
  const cited = new Map<string, Cite>();
  const rebase = (cites: Cite[]): Cite[] | undefined => {
    const out: Cite[] = [];
    for (const x of cites) {
      const at = `${x.object}\n${x.path ?? ''}`;
      let cite = cited.get(at);
      if (!cite) {
        const o = objects.get(x.object);
        if (!o) return undefined;
        cited.set(at, (cite = citeOf(o, x.path ?? '')));
      }
      // Each edge its own copy, as a fresh check gives.
      out.push({ ...cite, range: { ...cite.range } });
    }
    return out;
  };
  return {
    judge(pod, svc, port, compute) {
      // The Service the check finds by namespace and name (the first of that name), as the key's.
      const named = byName.get(`${svc.namespace}/${svc.name}`) ?? svc;
      return remember(`call|${from(pod)}|${backends(named, port)}`, compute, (hit) => {
        const cites = rebase(hit.cites);
        return cites && { ...hit, cites };
      });
    },
    dns(pod, ip, compute) {
      let target = dnsTarget.get(ip);
      if (target === undefined) {
        const t = c.byIP.has(ip) ? undefined : lookupServiceAddress(w, ip, 53, 'UDP');
        target = t ? `${ip}|${t.via}|${t.node?.name ?? ''}|${backends(t.service, t.port.port, 'UDP')}` : null;
        dnsTarget.set(ip, target);
      }
      return target === null ? compute() : remember(`dns|${from(pod)}|${target}`, compute, (hit) => hit);
    },
    close() {
      cache.world = world;
      cache.verdicts = used;
      cache.names = usedNames;
    },
  };
}
