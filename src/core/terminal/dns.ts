/**
 * One DNS question as a tool that builds its own packets (busybox nslookup, dig) asks it: to the shell's
 * first reachable nameserver, for exactly the name given. The answer is the simulated CoreDNS's
 * (`resolve` with a fully qualified name, so the search list is not applied) and the reachability is the
 * NetworkPolicy engine's (NP-14); the learner's machine asks public DNS, which knows only the entry points.
 */
import type { DNSRecord, RRType } from '../controllers/coredns/index';
import { askUpstream, buildZone, podResolvConf, resolve, type ResolveResult } from '../controllers/coredns/index';
import { reachDNS } from '../controllers/netpol/index';
import type { Shell } from './context';
import type { Simulation } from '../simulate';

/** The learner's machine's resolver (RFC 5737 documentation address). */
export const HOST_NAMESERVER = '198.51.100.1';

export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DNSRecord[];
  /** True for answers from the cluster zone (CoreDNS's kubernetes plugin is authoritative for it). */
  authoritative: boolean;
}

/** The nameservers of the shell's resolv.conf, in order. */
export function nameservers(shell: Shell): string[] {
  if (shell.kind === 'host') return [HOST_NAMESERVER];
  return podResolvConf(shell.pod, shell.sim.world.cluster).nameservers;
}

/** The search list of the shell's resolv.conf. */
export function searchList(shell: Shell): string[] {
  if (shell.kind === 'host') return [];
  return podResolvConf(shell.pod, shell.sim.world.cluster).searches;
}

/** The first nameserver that answers, or null when policies block every one (the client times out). */
export function reachableServer(shell: Shell): string | null {
  const servers = nameservers(shell);
  if (shell.kind === 'host') return servers[0] ?? null;
  const reach = reachDNS(shell.sim.world, shell.sim.options, shell.sim.policies);
  return servers.find((s) => reach(shell.pod.id, s, 'UDP', 53).allowed) ?? null;
}

/** The pod's resolver (search list, ndots) over the network the policies leave it: NP-14 blocks DNS too. */
export function resolveIn(sim: Simulation, podId: string, name: string, type: RRType): ResolveResult {
  return resolve(sim.world, sim.options, { from: podId, name, type }, reachDNS(sim.world, sim.options, sim.policies));
}

/** Ask one fully qualified question (a trailing dot is added when missing). */
export function ask(shell: Shell, name: string, type: RRType): DnsReply {
  const q = name.endsWith('.') ? name : `${name}.`;
  if (shell.kind === 'host') {
    const domain = `${shell.sim.world.cluster.clusterDomain.replace(/\.$/, '')}.`;
    if (q === domain || q.endsWith(`.${domain}`) || q.endsWith('.in-addr.arpa.')) return { rcode: 'NXDOMAIN', answers: [], authoritative: false };
    const up = askUpstream(buildZone(shell.sim.world, shell.sim.options).upstream, q, type);
    return { rcode: up.rcode, answers: up.answers, authoritative: false };
  }
  const r = resolveIn(shell.sim, shell.pod.id, q, type);
  const attempt = r.tried[r.tried.length - 1];
  return { rcode: r.rcode ?? 'NXDOMAIN', answers: r.answers, authoritative: !!attempt && attempt.status !== 'FORWARDED' };
}

/** The name a PTR question for `ip` returns, without the trailing dot (getnameinfo), or undefined. */
export function reverseName(shell: Shell, ip: string): string | undefined {
  if (shell.kind === 'host') return undefined;
  const r = resolveIn(shell.sim, shell.pod.id, ip, 'PTR');
  return r.answers.find((a) => a.type === 'PTR')?.data.replace(/\.$/, '');
}
