import type { Simulation } from '../simulate';
import { reachDNS } from '../controllers/netpol/index';
import { resolve, type RRType, type ResolveResult, type ResolveStatus } from '../controllers/coredns/index';
import { readDebugFrom, withDebugPod } from './debug-pod';
import { formatPeer, parsePeer, type DebugPeer } from './peer';
import { ArgReader, fail, ok, type Outcome, type Query } from './query';

/** Record types `knet dns --type` takes. */
export const DNS_TYPES: RRType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT'];

export interface DnsInput {
  /** The client pod (`ns/pod`, or `debug:NS`: a debug pod started there); left out, the name is taken as fully qualified. */
  from?: string;
  /** With `from: debug:NS`: the debug pod's labels, `k=v,k2=v2` (default `run=debug`). */
  'debug-labels'?: string;
  name: string;
  type?: RRType;
}

export interface DnsArgs {
  from?: string;
  name: string;
  type: RRType;
  /** Set when the client is a debug pod (`from` is then `NS/debug`). */
  debug?: DebugPeer;
}

/** `knet dns --json`: the names tried, the answer as a zone file writes it, and why. */
export interface DnsDocument {
  query: { name: string; type: RRType };
  from: string | null;
  resolvConf: { nameservers: string[]; searches: string[]; options: string[]; ndots: number; policy: string; truncated?: string[] } | null;
  nameserver: string;
  tried: string[];
  attempts: { name: string; status: ResolveStatus; rcode: 'NOERROR' | 'NXDOMAIN' | null; rule: string; reason: string }[];
  /** NOERROR or NXDOMAIN; null only with status TIMEOUT (a policy blocks the DNS traffic, so no reply). */
  rcode: 'NOERROR' | 'NXDOMAIN' | null;
  status: ResolveStatus;
  forwarded: boolean;
  answers: { name: string; type: RRType; ttl: number; data: string; source: 'spec' | 'coredns'; extension: boolean; object?: string }[];
  reason: string;
  hint?: string;
  assumptions: string[];
}

/**
 * `knet dns`: resolve a name as a pod's resolver would, over the network the policies leave it: a pod whose
 * egress may not reach the cluster DNS on UDP 53 gets no reply (TIMEOUT, NP-14), on the page as on the CLI.
 */
export const dns: Query<DnsInput, DnsArgs, DnsDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['from', 'name', 'type', 'debug-labels']);
    const name = a.str('name', true);
    const debug = readDebugFrom(a, a.str('from'));
    if (!debug.ok) return debug;
    const from = debug.value.from;
    const type = (a.str('type') ?? 'A').toUpperCase();
    if (!(DNS_TYPES as string[]).includes(type)) return fail(`--type must be one of ${DNS_TYPES.join(', ')}`);
    return a.done({ name: name ?? '', type: type as RRType, ...(from ? { from } : {}), ...(debug.value.debug ? { debug: debug.value.debug } : {}) });
  },
  run: (sim, args) => {
    const r = lookUp(sim, args);
    return r.ok ? ok(dnsDocument(r.value)) : r;
  },
};

/** The resolver's whole answer (for the exercise checker, which reads more than the document). */
export function lookUp(scenario: Simulation, args: DnsArgs): Outcome<ResolveResult> {
  const started = withDebugPod(scenario, args.debug);
  if (!started.ok) return started;
  const sim = started.value;
  let from: string | undefined;
  if (args.from !== undefined) {
    const p = parsePeer(args.from);
    if ('error' in p) return fail(p.error);
    if (p.kind !== 'pod') return fail(`--from must be a pod (namespace/name), not ${formatPeer(p)}`);
    from = args.from;
  }
  // DNS needs the network: a pod whose egress policy blocks UDP 53 to the DNS server times out (NP-14).
  const r = resolve(sim.world, sim.options, { name: args.name, type: args.type, ...(from !== undefined ? { from } : {}) }, reachDNS(sim.world, sim.options, sim.policies));
  return r.error ? fail(r.error.message) : ok(r);
}

function dnsDocument(r: ResolveResult): DnsDocument {
  return {
    query: { name: r.query.name, type: r.query.type },
    from: r.query.from,
    resolvConf: r.resolvConf && {
      nameservers: r.resolvConf.nameservers,
      searches: r.resolvConf.searches,
      options: r.resolvConf.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)),
      ndots: r.resolvConf.ndots,
      policy: r.resolvConf.policy,
      ...(r.resolvConf.truncated.length ? { truncated: r.resolvConf.truncated } : {}),
    },
    nameserver: r.nameserver,
    tried: r.tried.map((t) => t.name),
    attempts: r.tried.map((t) => ({ name: t.name, status: t.status, rcode: t.rcode, rule: t.rule, reason: t.reason })),
    rcode: r.rcode,
    status: r.status,
    forwarded: r.forwarded,
    answers: r.answers.map((a) => ({ name: a.name, type: a.type, ttl: a.ttl, data: a.data, source: a.source, extension: a.extension, ...(a.object ? { object: a.object } : {}) })),
    reason: r.reason,
    ...(r.hint ? { hint: r.hint } : {}),
    assumptions: r.assumptions,
  };
}
