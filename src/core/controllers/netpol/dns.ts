import type { Simulation } from '../../simulate';
import { check } from './check';

/** Same shape as the coredns module's `ReachDNS` hook (it never imports this module). */
export type ReachDNSFn = (clientPodId: string, dnsServerIP: string, protocol: 'UDP' | 'TCP', port: 53) => { allowed: boolean; reason: string; policies: string[] };

/**
 * The NetworkPolicy answer to "may this pod reach its nameserver?" (NP-14): pod → `dnsServerIP:53` judged
 * after DNAT to the CoreDNS pods behind kube-dns (NP-10), both the client's egress and CoreDNS's ingress.
 */
export function reachDNS(sim: Simulation): ReachDNSFn {
  return (clientPodId, dnsServerIP, protocol, port) => {
    const from = clientPodId.startsWith('Pod/') ? clientPodId.slice(4) : clientPodId;
    const r = check(sim, { from, to: `ip:${dnsServerIP}`, port, protocol });
    if (!r.ok) return { allowed: false, reason: r.error, policies: [] };
    const res = r.result;
    const deciding = [res.egress, res.ingress].filter((d) => d.verdict === 'denied' || d.rule).flatMap((d) => (d.rule ? [d.rule.policy] : d.policies));
    return { allowed: res.verdict === 'allowed', reason: res.reason, policies: [...new Set(deciding)] };
  };
}
