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
 * [SIM] The scheduler: a pod that names `spec.nodeName` stays there (a missing node is reported and the
 * pod never starts: no kubelet runs it, so it stays Pending without IP, see `neverStarts`); a pod written with an IP goes to the node
 * whose pod CIDR (or, for hostNetwork, InternalIP) holds it; every other pod goes to the Ready node with
 * the fewest pods so far, ties broken by node order — pods of one workload spread round-robin, and the
 * result depends only on the input order.
 */
export function schedule(pods: Pod[], nodes: Node[], diags: Diagnostic[]): void {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const load = new Map(nodes.map((n) => [n.name, 0]));
  for (const p of pods) {
    if (p.nodeName && byName.has(p.nodeName)) load.set(p.nodeName, load.get(p.nodeName)! + 1);
  }
  const reported = new Set<string>();
  const candidates = nodes.filter((n) => n.ready).length ? nodes.filter((n) => n.ready) : nodes;
  for (const p of pods) {
    if (p.nodeName) {
      if (!byName.has(p.nodeName)) neverStarts(p, reported, diags);
      continue;
    }
    // A pod written with an IP goes to the node whose pod CIDR holds it (the IP could only come from there).
    const owner = p.hostNetwork ? nodes.find((n) => p.ips.some((ip) => n.addresses.includes(ip))) : nodes.find((n) => p.ips.some((ip) => inCIDRs(ip, n.podCIDRs)));
    if (owner) {
      p.nodeName = owner.name;
      load.set(owner.name, load.get(owner.name)! + 1);
      continue;
    }
    if (candidates.length === 0) continue;
    let best = candidates[0]!;
    for (const n of candidates) if (load.get(n.name)! < load.get(best.name)!) best = n;
    p.nodeName = best.name;
    load.set(best.name, load.get(best.name)! + 1);
  }
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
