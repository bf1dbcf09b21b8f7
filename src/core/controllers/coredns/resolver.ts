import type { Pod } from '../../model/core';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { canonicalIP, parseIP, reverseName } from '../../net/ip';
import { fqdn, lookup, type LookupResult, type LookupStatus } from './lookup';
import { podResolvConf, type ResolvConf } from './resolv-conf';
import { askUpstream, UPSTREAM_ASSUMPTION } from './upstream';
import { buildZone } from './zone';
import type { DNSRecord, RRType, Zone } from './types';

/**
 * The network policy hook: may the client pod send to the DNS server on this port? Supplied by the
 * NetworkPolicy engine (the coredns module never imports it). `policies` are `ns/name` of the deciding policies.
 */
export type ReachDNS = (
  clientPodId: string,
  dnsServerIP: string,
  protocol: 'UDP' | 'TCP',
  port: 53,
) => { allowed: boolean; reason: string; policies: string[] };

/** The outcome of the whole lookup; `TIMEOUT` when no nameserver could be reached. */
export type ResolveStatus = LookupStatus | 'TIMEOUT';

/** One name the client's resolver sent, with what came back. */
export interface DNSAttempt {
  name: string;
  status: ResolveStatus;
  /** DNS rcode as the client saw it (forwarded names: the simulated upstream's, DNS-12 [SIM]); null only on TIMEOUT. */
  rcode: 'NOERROR' | 'NXDOMAIN' | null;
  reason: string;
  rule: string;
  answers: DNSRecord[];
}

export interface ResolveQuery {
  /** The client pod: `ns/name`, `name` (namespace `default`) or `Pod/ns/name`. Omitted: `name` is fully qualified. */
  from?: string;
  name: string;
  type?: RRType;
}

export interface ResolveResult {
  query: { name: string; type: RRType; from: string | null };
  /** The client's resolv.conf; null when no client pod was given. */
  resolvConf: ResolvConf | null;
  /** The nameserver that answered (or the last one tried). */
  nameserver: string;
  /** Every name sent, in order (DNS-15). */
  tried: DNSAttempt[];
  status: ResolveStatus;
  /**
   * `NOERROR` (with or without data) or `NXDOMAIN`. Names outside the cluster zone are answered by the
   * simulated upstream resolver (DNS-12 [SIM], `upstream.ts`); null only when the lookup timed out (TIMEOUT).
   */
  rcode: 'NOERROR' | 'NXDOMAIN' | null;
  answers: DNSRecord[];
  /** True when the answer came from the (simulated) upstream resolver (names outside the cluster zone). */
  forwarded: boolean;
  reason: string;
  /** Implementation choices that shaped the answer (§7). */
  assumptions: string[];
  /** A suggestion when a short name exists only in other namespaces (edge 32). */
  hint?: string;
  /** Set when the question cannot be answered (unknown client pod); everything else is then empty. */
  error?: { code: 'unknown-pod'; message: string };
}

/** Find a pod by `ns/name`, `name` (default namespace) or `Pod/ns/name`. */
export function findPod(world: World, ref: string): Pod | undefined {
  const r = ref.startsWith('Pod/') ? ref.slice(4) : ref;
  const [ns, name] = r.includes('/') ? (r.split('/', 2) as [string, string]) : ['default', r];
  return world.pods.find((p) => p.namespace === ns && p.name === name);
}

/**
 * The names a resolver sends for `name`, in order (DNS-15 glibc; DNS-16 musl never applies the search list
 * to names with at least `ndots` dots).
 */
export function searchCandidates(name: string, rc: Pick<ResolvConf, 'searches' | 'ndots'>, resolver: 'glibc' | 'musl'): string[] {
  const n = name.trim().toLowerCase();
  if (n.endsWith('.')) return [n];
  const dots = (n.match(/\./g) ?? []).length;
  const suffixed = rc.searches.map((s) => fqdn(`${n}.${s.replace(/\.$/, '')}`));
  const absolute = `${n}.`;
  if (dots >= rc.ndots) return resolver === 'musl' ? [absolute] : [absolute, ...suffixed];
  return [...suffixed, absolute];
}

/**
 * Resolve a name as a pod's resolver would: its resolv.conf (DNS-13/14), the search list and ndots (DNS-15),
 * each name asked of the cluster DNS (§3), and the network between them (`reachDNS`).
 * Pure: same World and options, same answer.
 */
export function resolve(world: World, options: SimOptions, q: ResolveQuery, reachDNS?: ReachDNS, zone?: Zone): ResolveResult {
  const type = q.type ?? 'A';
  const z = zone ?? buildZone(world, options);
  // PTR questions may be written as an address: `10.96.0.1` → `1.0.96.10.in-addr.arpa.`
  const ip = type === 'PTR' ? parseIP(q.name.trim()) : null;
  const asked = ip ? reverseName(ip) : q.name;
  const assumptions = [`CoreDNS pods ${options.dns.podsMode} (I-8)`, `resolver ${options.dns.resolver} (I-10)`, `TTL ${z.ttl} s (DNS-11)`];
  const base = { query: { name: q.name, type, from: q.from ?? null }, assumptions };
  if (q.from === undefined) {
    const res = lookup(z, asked, type);
    return finish(base, null, z.dnsServiceIP, [attempt(res)], `No client pod: ${fqdn(asked)} is asked of the cluster DNS as written.`);
  }
  const pod = findPod(world, q.from);
  if (!pod) {
    return {
      ...base,
      resolvConf: null,
      nameserver: '',
      tried: [],
      status: 'NXDOMAIN',
      rcode: null,
      answers: [],
      forwarded: false,
      reason: `There is no pod ${q.from}.`,
      error: { code: 'unknown-pod', message: `There is no pod ${q.from} (write it as namespace/name).` },
    };
  }
  const rc = podResolvConf(pod, world.cluster);
  const candidates = ip ? [asked] : searchCandidates(asked, rc, options.dns.resolver);
  // Which nameserver answers: glibc asks them in order and moves on only when one does not answer.
  let nameserver = rc.nameservers[0] ?? '';
  const blocked: string[] = [];
  if (reachDNS) {
    const reachable = rc.nameservers.find((ns) => {
      const v = reachDNS(pod.id, ns, 'UDP', 53);
      if (!v.allowed) blocked.push(`${ns}: ${v.reason}${v.policies.length ? ` (${v.policies.join(', ')})` : ''}`);
      return v.allowed;
    });
    if (reachable === undefined) {
      const first = candidates[0] ?? fqdn(asked);
      const reason = `UDP 53 from ${pod.id} to its nameserver${rc.nameservers.length > 1 ? 's' : ''} is blocked, so the query times out: ${blocked.join('; ')}.`;
      const t: DNSAttempt = { name: first, status: 'TIMEOUT', rcode: null, reason, rule: 'NP', answers: [] };
      return finish(base, rc, nameserver, [t], reason);
    }
    nameserver = reachable;
  }
  const cluster = canonicalIP(nameserver) === z.dnsServiceIP;
  const tried: DNSAttempt[] = [];
  for (const name of candidates) {
    const a = cluster ? attempt(lookup(z, name, type)) : upstream(z, name, type, nameserver);
    tried.push(a);
    // Stop at the first name with records of the asked type; NXDOMAIN and NODATA move on (DNS-15).
    if (a.status === 'NOERROR' || (a.status === 'FORWARDED' && a.answers.length > 0)) break;
  }
  const why = [
    `${pod.id} uses ${rc.policy}: nameserver ${nameserver}, ${rc.searches.length} search domain(s), ndots:${rc.ndots}.`,
    blocked.length ? `Earlier nameservers are blocked: ${blocked.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const result = finish(base, rc, nameserver, tried, why);
  const short = asked.trim().toLowerCase();
  if (result.status !== 'NOERROR' && /^[a-z0-9-]+$/.test(short)) {
    const elsewhere = world.services
      .filter((s) => s.name === short && s.namespace !== pod.namespace)
      .map((s) => s.namespace)
      .sort();
    if (elsewhere.length)
      result.hint = `Service ${short} exists in namespace ${elsewhere.join(', ')}; a short name is only searched in ${pod.namespace}. Use ${elsewhere.map((ns) => `${short}.${ns}`).join(' or ')} (DNS-15).`;
  }
  return result;
}

function attempt(r: LookupResult): DNSAttempt {
  return { name: r.name, status: r.status, rcode: r.status === 'FORWARDED' ? (r.upstreamRcode ?? 'NXDOMAIN') : rcodeOf(r.status), reason: r.reason, rule: r.rule, answers: r.answers };
}

/** A name asked of a nameserver that is not the cluster DNS (the node's resolver, which uses the simulated upstream). */
function upstream(z: Zone, name: string, type: RRType, nameserver: string): DNSAttempt {
  const domain = z.domain;
  if (name === domain || name.endsWith(`.${domain}`)) {
    // [SIM] the node's resolver does not serve the cluster zone.
    return {
      name,
      status: 'NXDOMAIN',
      rcode: 'NXDOMAIN',
      reason: `${nameserver} is not the cluster DNS: it does not serve ${domain}, so cluster names do not resolve (DNS-13) [SIM].`,
      rule: 'DNS-13',
      answers: [],
    };
  }
  const up = askUpstream(z.upstream, name, type);
  return {
    name,
    status: 'FORWARDED',
    rcode: up.rcode,
    reason: `${name} is asked of ${nameserver}, which is not the cluster DNS: ${up.reason}.`,
    rule: 'DNS-13',
    answers: up.answers,
  };
}

function rcodeOf(s: ResolveStatus): 'NOERROR' | 'NXDOMAIN' | null {
  return s === 'NOERROR' || s === 'NODATA' ? 'NOERROR' : s === 'NXDOMAIN' ? 'NXDOMAIN' : null;
}

function finish(
  base: Pick<ResolveResult, 'query' | 'assumptions'>,
  rc: ResolvConf | null,
  nameserver: string,
  tried: DNSAttempt[],
  context: string,
): ResolveResult {
  const last = tried[tried.length - 1]!;
  let status: ResolveStatus;
  let answers: DNSRecord[] = [];
  let reason: string;
  // glibc reports "no data" when any name existed without the type, else "not found" (res_nsearch).
  let rcode: 'NOERROR' | 'NXDOMAIN' | null = tried.some((t) => t.rcode === 'NOERROR') ? 'NOERROR' : 'NXDOMAIN';
  if (last.status === 'NOERROR' || last.status === 'TIMEOUT' || (last.status === 'FORWARDED' && last.answers.length > 0)) {
    status = last.status;
    answers = last.answers;
    rcode = last.rcode;
    reason = `${last.name}: ${last.reason}`;
  } else if (tried.some((t) => t.status === 'FORWARDED')) {
    // Some names went to the simulated upstream resolver (DNS-12 [SIM]), and none had the record.
    status = 'FORWARDED';
    const fw = tried.filter((t) => t.status === 'FORWARDED');
    reason = `No cluster name matched; ${fw.map((t) => t.name).join(', ')} ${fw.length > 1 ? 'were' : 'was'} answered by the simulated upstream resolver (${fw.map((t) => t.rcode).join(', ')}): ${fw[fw.length - 1]!.reason}`;
  } else {
    // glibc reports "no data" when any name existed without the type, else "not found" (res_nsearch).
    status = tried.some((t) => t.status === 'NODATA') ? 'NODATA' : 'NXDOMAIN';
    reason =
      tried.length === 1
        ? `${last.name}: ${last.reason}`
        : `None of the ${tried.length} names has a ${base.query.type} record; the last one: ${last.reason}`;
  }
  const upstreamUsed = tried.some((t) => t.status === 'FORWARDED');
  return {
    ...base,
    assumptions: upstreamUsed ? [...base.assumptions, UPSTREAM_ASSUMPTION] : base.assumptions,
    resolvConf: rc,
    nameserver,
    tried,
    status,
    rcode: status === 'TIMEOUT' ? null : status === 'FORWARDED' ? rcode : rcodeOf(status),
    answers,
    forwarded: status === 'FORWARDED',
    reason: `${context} ${reason}`.trim(),
  };
}
