import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { check } from './check';
import type { PolicyCache } from './compile';

/** Same shape as the coredns module's `ReachDNS` hook (it never imports this module). */
export type ReachDNSFn = (clientPodId: string, dnsServerIP: string, protocol: 'UDP' | 'TCP', port: 53) => { allowed: boolean; reason: string; policies: string[] };

/**
 * The NetworkPolicy answer to "may this pod reach its nameserver?" (NP-14): pod → `dnsServerIP:53` judged
 * after DNAT to the CoreDNS pods behind kube-dns (NP-10), both the client's egress and CoreDNS's ingress.
 * A pod the World does not hold cannot send anything: not allowed.
 */
export function reachDNS(world: World, options: SimOptions, cache?: PolicyCache): ReachDNSFn {
  return (clientPodId, dnsServerIP, protocol, port) => {
    const pod = world.pods.find((p) => p.id === clientPodId);
    if (!pod) return { allowed: false, reason: `no pod ${clientPodId}`, policies: [] };
    const r = check(world, options, { from: { kind: 'pod', namespace: pod.namespace, name: pod.name }, to: { kind: 'ip', ip: dnsServerIP }, port, protocol }, cache);
    if (!r.ok) return { allowed: false, reason: r.error, policies: [] };
    const res = r.result;
    const deciding = [res.egress, res.ingress].filter((d) => d.verdict === 'denied' || d.rule).flatMap((d) => (d.rule ? [d.rule.policy] : d.policies));
    return { allowed: res.verdict === 'allowed', reason: res.reason, policies: [...new Set(deciding)] };
  };
}
