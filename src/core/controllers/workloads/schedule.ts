import type { Diagnostic } from '../../diagnostics/diagnostic';
import { CODES } from '../../diagnostics/codes';
import type { Node, Pod } from '../../model/core';
import { rangeIn } from '../../manifest/reader';
import { cidrContains, parseCIDR, parseIP } from '../../net/ip';

function inCIDRs(ip: string, cidrs: string[]): boolean {
  const p = parseIP(ip);
  return !!p && cidrs.some((c) => {
    const cidr = parseCIDR(c);
    return !!cidr && cidrContains(cidr, p);
  });
}

/**
 * Where a pod stands in the cluster's creation order, which has no history to read ([SIM]): its tier, its
 * owner (the workload that made it, or the bare pod itself) by place in the input, and its round (the
 * replica's index: every workload's first replica is made, then every second one, and so on, as controllers
 * that all start at once make them; a DaemonSet makes all of its pods in the first round). Three tiers, each
 * counting its owners apart from the others:
 * - `bootstrap`: the simulator's pods in kube-system (CoreDNS), which a cluster runs before anyone applies
 *   anything, so they keep their node and address whatever the input holds;
 * - `input`: the pods the input makes;
 * - `added`: the simulator's pods that come with an input object (the ingress controller of an Ingress, the
 *   implementation of a Gateway), after the input's, so adding an Ingress moves none of the other pods.
 */
export interface Placement {
  tier: Tier;
  owner: number;
  round: number;
}

export type Tier = 'bootstrap' | 'input' | 'added';
const TIERS: Tier[] = ['bootstrap', 'input', 'added'];

/** The add-ons every cluster has (`addSystemObjects`: kube-system, no place in the input) are bootstrap's; a Gateway's implementation, even in kube-system, is added with it. */
function tierOf(p: Pod): Tier {
  if (!p.system) return 'input';
  return p.namespace === 'kube-system' && p.order < 0 ? 'bootstrap' : 'added';
}

export function placements(pods: Pod[]): Placement[] {
  const owners = new Map<string, { order: number; first: number; tier: Tier; index: number; made: number }>();
  pods.forEach((p, i) => {
    const key = p.ownerId ?? p.id;
    if (!owners.has(key)) owners.set(key, { order: p.order, first: i, tier: tierOf(p), index: 0, made: 0 });
  });
  for (const tier of TIERS) {
    [...owners.values()].filter((o) => o.tier === tier).sort((a, b) => a.order - b.order || a.first - b.first).forEach((o, k) => (o.index = k));
  }
  return pods.map((p) => {
    const o = owners.get(p.ownerId ?? p.id)!;
    const round = p.ownerId?.startsWith('DaemonSet/') ? 0 : o.made;
    o.made++;
    return { tier: o.tier, owner: o.index, round };
  });
}

/** Creation order: tier by tier (bootstrap, input, added), each round by round (owners in input order within a round). */
export function creationOrder(order: Placement[]): number[] {
  const rank = (p: Placement) => TIERS.indexOf(p.tier);
  return order.map((_, i) => i).sort((a, b) => rank(order[a]!) - rank(order[b]!) || order[a]!.round - order[b]!.round || order[a]!.owner - order[b]!.owner || a - b);
}

/**
 * [SIM] The scheduler: a pod that names `spec.nodeName` stays there (a missing node is reported and the
 * pod never starts: no kubelet runs it, so it stays Pending without IP, see `neverStarts`); a pod written with an IP goes to the node
 * whose pod CIDR (or, for hostNetwork, InternalIP) holds it; every other pod is spread over the Ready nodes
 * round-robin by its owner: the replicas of the input's k-th owner (counted from 0) go to the Ready nodes
 * k, k+1, k+2… (mod their count), and the simulator's own pods likewise, each tier counted apart. So the
 * replicas of one workload spread over the nodes, and scaling one workload or adding an Ingress never moves
 * another pod, as in a real cluster, where a running pod keeps its node.
 */
export function schedule(pods: Pod[], nodes: Node[], diags: Diagnostic[], order: Placement[] = placements(pods)): void {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const reported = new Set<string>();
  const candidates = nodes.filter((n) => n.ready).length ? nodes.filter((n) => n.ready) : nodes;
  pods.forEach((p, i) => {
    if (p.nodeName) {
      if (!byName.has(p.nodeName)) neverStarts(p, reported, diags);
      return;
    }
    // A pod written with an IP goes to the node whose pod CIDR holds it (the IP could only come from there).
    const owner = p.hostNetwork ? nodes.find((n) => p.ips.some((ip) => n.addresses.includes(ip))) : nodes.find((n) => p.ips.some((ip) => inCIDRs(ip, n.podCIDRs)));
    if (owner) {
      p.nodeName = owner.name;
      return;
    }
    if (candidates.length === 0) return;
    const { owner: k, round } = order[i]!;
    p.nodeName = candidates[(k + round) % candidates.length]!.name;
  });
}

/**
 * A pod bound to a node that is not in the cluster: no kubelet ever runs it, so it stays Pending, never
 * gets an IP (a written `status.podIP` is stale and dropped) and takes no traffic (SVC-7). Reported once
 * per place in the input: every replica of a workload shares its template's nodeName.
 */
function neverStarts(p: Pod, reported: Set<string>, diags: Diagnostic[]): void {
  const dropped = p.ips.length ? p.ips.join(', ') : '';
  p.neverStarts = `bound to node "${p.nodeName}", which is not in the cluster`;
  p.phase = 'Pending';
  p.ready = false;
  p.ips = [];
  const at = rangeIn(p.source, 'spec.nodeName');
  const key = `${p.source.file}:${at.start}:${at.end}`;
  if (reported.has(key)) return;
  reported.add(key);
  diags.push({
    code: CODES.UNKNOWN_NODE,
    severity: 'warning',
    message: `${p.id} is bound to node "${p.nodeName}", which is not in the cluster: the pod never starts, so it stays Pending with no IP${dropped ? ` (the written IP ${dropped} is not used)` : ''}, is no Service endpoint, and every connection from or to it fails (SVC-7). Name a node the input declares, or leave spec.nodeName out.`,
    file: p.source.file,
    range: at,
    path: 'spec.nodeName',
    object: p.id,
    rule: 'SVC-7',
  });
}
