import type { Diagnostic } from '../../diagnostics/diagnostic';
import { CODES } from '../../diagnostics/codes';
import type { Node, Pod } from '../../model/core';
import { rangeIn } from '../../manifest/reader';
import { WORKLOAD_CODES } from './codes';
import { creationOrder, placements, type Placement } from './schedule';
import { cidrSize, formatIP, nthAddress, parseCIDR } from '../../net/ip';

/**
 * [SIM] host-local IPAM (§0): each pod without a written IP gets the next free address of its
 * node's pod CIDR from `.2` upward (`.1` is the bridge), in creation order (`creationOrder`: CoreDNS, there
 * from bootstrap; then every owner's first replica in input order, then every second one…; then the pods the
 * simulator adds for an Ingress or a Gateway), so a replica added to one workload renumbers no pod of an
 * earlier round and never CoreDNS; hostNetwork pods share the node's
 * InternalIP.
 * Written `status.podIP(s)` are kept; two pods written with the same (non-host-network) IP are reported.
 * Pods that are Pending, Succeeded or Failed, or on no (known) node, get no IP.
 */
export function assignPodIPs(pods: Pod[], nodes: Node[], diags: Diagnostic[], order: Placement[] = placements(pods)): void {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const owner = new Map<string, Pod>();
  for (const p of pods) {
    if (p.hostNetwork) continue;
    for (const ip of p.ips) {
      const first = owner.get(ip);
      if (first && first.id !== p.id) {
        diags.push({
          code: CODES.IP_CONFLICT,
          severity: 'error',
          message: `${p.id} has IP ${ip}, which ${first.id} already uses; one of them would not be reachable.`,
          file: p.source.file,
          range: rangeIn(p.source, 'status.podIP'),
          path: 'status.podIP',
          object: p.id,
          related: [{ file: first.source.file, range: rangeIn(first.source, 'status.podIP'), message: `${first.id} uses ${ip}` }],
        });
      } else owner.set(ip, p);
    }
  }
  const next = new Map<string, bigint>();
  const full = new Set<string>();
  for (const p of creationOrder(order).map((i) => pods[i]!)) {
    if (p.ips.length || (p.phase !== 'Running' && p.phase !== 'Unknown')) continue;
    const node = byName.get(p.nodeName);
    if (!node) continue;
    if (p.hostNetwork) {
      if (node.addresses[0]) p.ips = [node.addresses[0]];
      continue;
    }
    const cidr = node.podCIDRs.map(parseCIDR).find((c) => c !== null);
    if (!cidr) continue;
    const size = cidrSize(cidr);
    let n = next.get(node.name) ?? 2n;
    while (n < size - 1n && owner.has(formatIP(nthAddress(cidr, n)))) n++;
    if (n >= size - 1n) {
      // Node CIDR exhausted: the pod stays without IP. Reported once per node, at the first such pod the
      // input wrote (the simulator's own pods have no place in the text to show it at).
      if (!full.has(node.name) && !p.system) {
        full.add(node.name);
        diags.push({
          code: WORKLOAD_CODES.POD_CIDR_EXHAUSTED,
          severity: 'warning',
          message: `Node ${node.name}'s pod CIDR ${node.podCIDRs[0]} has no free address left; ${p.id} and later pods on that node get no IP and are not endpoints. Add nodes or use a larger node CIDR.`,
          file: p.source.file,
          range: rangeIn(p.source, ''),
          object: p.id,
        });
      }
      continue;
    }
    const ip = formatIP(nthAddress(cidr, n));
    p.ips = [ip];
    owner.set(ip, p);
    next.set(node.name, n + 1n);
  }
}
