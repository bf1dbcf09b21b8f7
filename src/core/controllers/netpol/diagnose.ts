import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { NetworkPolicy } from '../../model/networking';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { cidrWithin, parseCIDR } from '../../net/ip';
import { matchesEquality } from '../../net/labels';
import { and, has, isEmpty, members } from './bitset';
import { rangeIn } from '../../manifest/reader';
import { compile, namedPort, type Compiled, type PolicyCache } from './compile';
import { evaluateDirection } from './evaluate';
import { citeOf } from '../../manifest/reader';
import { podEndpoint } from './check';
import { servicePortEndpoints, usableEndpoints } from '../../net/endpoints';
import { NETPOL_CODES } from './codes';

function diag(p: NetworkPolicy, code: string, severity: Diagnostic['severity'], path: string, message: string, rule?: string): Diagnostic {
  const c = citeOf(p, path);
  return { code, severity, message, file: c.file, range: c.range, path, object: p.id, ...(rule ? { rule } : {}) };
}

/** Policy diagnostics: selects nothing, blocks DNS (NP-14), Service port instead of targetPort (NP-10), TCP-only 53 (NP-6). */
export function diagnoseNetworkPolicies(world: World, options: SimOptions, cache?: PolicyCache): Diagnostic[] {
  const c = compile(world, options, cache);
  const out: Diagnostic[] = [];
  const dns = dnsBackends(c);
  c.policies.forEach((cp, k) => {
    const p = cp.policy;
    if (isEmpty(cp.selected)) {
      out.push(diag(p, NETPOL_CODES.SELECTS_NOTHING, 'info', 'spec.podSelector', `${p.namespace}/${p.name} selects no pod in namespace ${p.namespace}, so it isolates nothing.`, 'NP-2'));
    }
    for (const dir of ['ingress', 'egress'] as const) {
      for (const r of p[dir]) {
        const base = `spec.${dir}.${r.index}`;
        const tcp53 = r.ports.findIndex((x) => x.protocol === 'TCP' && x.port === 53);
        if (tcp53 >= 0 && !r.ports.some((x) => x.protocol === 'UDP' && (x.port === 53 || x.port === undefined))) {
          out.push(diag(p, NETPOL_CODES.DNS_TCP_ONLY, 'warning', `${base}.ports.${tcp53}`, 'This port allows TCP 53 only (protocol defaults to TCP); DNS queries go over UDP 53 and stay blocked. Add {protocol: UDP, port: 53}.', 'NP-6'));
        }
        if (dir === 'egress') servicePortWarnings(c, p, k, r.index, out);
      }
    }
    if (cp.egress && dns.length) {
      // NP-14: judge each distinct egress signature among the selected pods once.
      const seen = new Set<string>();
      for (const i of members(cp.selected)) {
        const pod = c.pods[i]!;
        if (pod.dnsPolicy !== 'ClusterFirst' && pod.dnsPolicy !== 'ClusterFirstWithHostNet') continue;
        const key = c.isolating.egress[i]!.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const ok = dns.some((b) => evaluateDirection(c, 'egress', i, podEndpoint(c, b.pod), 'UDP', b.port, c.pods[b.pod]).verdict === 'allowed');
        if (!ok) {
          out.push(diag(p, NETPOL_CODES.BLOCKS_DNS, 'warning', p.egress.length ? 'spec.egress' : 'spec.policyTypes', `${p.namespace}/${p.name} isolates ${pod.namespace}/${pod.name} for egress and no rule lets it reach CoreDNS on UDP 53 (kube-system, k8s-app=kube-dns): name lookups will time out.`, 'NP-14'));
          break;
        }
      }
    }
  });
  // NP-14, the other side: an ingress-isolating policy on the CoreDNS pods must admit every namespace's pods.
  const clients = [...new Map(c.pods.map((p, i) => [p.namespace, i] as const).filter(([ns, i]) => ns !== 'kube-system' && !c.pods[i]!.hostNetwork)).values()];
  c.policies.forEach((cp) => {
    if (!cp.ingress) return;
    const served = dns.filter((b) => has(cp.selected, b.pod));
    if (!served.length) return;
    const blocked = clients.filter((i) => served.every((b) => evaluateDirection(c, 'ingress', b.pod, podEndpoint(c, i), 'UDP', b.port, c.pods[b.pod]).verdict === 'denied'));
    if (!blocked.length) return;
    const p = cp.policy;
    const names = blocked.map((i) => c.pods[i]!.namespace);
    out.push(diag(p, NETPOL_CODES.BLOCKS_DNS, 'warning', p.ingress.length ? 'spec.ingress' : 'spec.policyTypes', `${p.namespace}/${p.name} isolates the CoreDNS pods for ingress and no rule admits UDP 53 from pods of ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more namespaces` : ''}: their name lookups will time out.`, 'NP-14'));
  });
  // ANP-2 / I-26: same priority and a common subject pod: the outcome is unspecified.
  c.anps.forEach((a, x) => {
    for (const b of c.anps.slice(x + 1)) {
      if (a.policy.priority !== b.policy.priority || isEmpty(and(a.subject, b.subject))) continue;
      out.push({ code: NETPOL_CODES.ANP_SAME_PRIORITY, severity: 'warning', message: `AdminNetworkPolicies ${a.policy.name} and ${b.policy.name} share priority ${a.policy.priority} and select the same pods; the API leaves the order unspecified, the simulator applies ${a.policy.name} first (name order).`, file: b.policy.source.file, range: rangeIn(b.policy.source, 'spec.priority'), path: 'spec.priority', object: b.policy.id, rule: 'ANP-2' });
    }
  });
  return out;
}

function dnsBackends(c: Compiled): { pod: number; port: number }[] {
  const svc = c.world.services.find((s) => s.clusterIPs.includes(c.world.cluster.dnsServiceIP)) ?? c.world.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  if (!svc) return [];
  const sp = svc.ports.find((x) => x.protocol === 'UDP' && x.port === 53);
  if (!sp) return [];
  return usableEndpoints(servicePortEndpoints(c.world, svc, sp)).endpoints.flatMap((b) => {
    const pod = b.podId ? c.pods.findIndex((x) => x.id === b.podId) : (c.byIP.get(b.ip) ?? -1);
    return pod >= 0 ? [{ pod, port: b.port }] : [];
  });
}

/** NP-10: an egress port that is some Service's port but not the targetPort of the peer pods behind it. */
function servicePortWarnings(c: Compiled, p: NetworkPolicy, k: number, ruleIndex: number, out: Diagnostic[]): void {
  const cr = c.policies[k]!.egress?.find((r) => r.rule.index === ruleIndex);
  const rule = p.egress.find((r) => r.index === ruleIndex)!;
  const serviceCIDR = parseCIDR(c.world.cluster.serviceCIDR);
  rule.peers.forEach((peer, j) => {
    const cidr = peer.ipBlock ? parseCIDR(peer.ipBlock.cidr) : null;
    if (cidr && serviceCIDR && cidrWithin(cidr, serviceCIDR)) {
      out.push(diag(p, NETPOL_CODES.SERVICE_IP, 'warning', `spec.egress.${ruleIndex}.to.${j}.ipBlock`, `${peer.ipBlock!.cidr} lies in the Service CIDR; policies see traffic after the virtual IP is rewritten to a pod IP, so this never matches. Select the backend pods instead.`, 'NP-10'));
    }
  });
  if (!cr || cr.anyPeer) return;
  rule.ports.forEach((port, j) => {
    if (typeof port.port !== 'number' || port.endPort !== undefined) return;
    for (const s of c.world.services) {
      if (!s.selector) continue;
      const sp = s.ports.find((x) => x.port === port.port && x.protocol === port.protocol);
      if (!sp || sp.targetPort === sp.port) continue;
      const backends = c.pods.map((pod, i) => ({ pod, i })).filter(({ pod, i }) => pod.namespace === s.namespace && matchesEquality(s.selector!, pod.labels) && has(cr.podsUnion, i));
      if (backends.length === 0) continue;
      const target = (pod: (typeof backends)[number]['pod']) => (typeof sp.targetPort === 'number' ? sp.targetPort : namedPort(pod, sp.targetPort, sp.protocol));
      if (backends.every(({ pod }) => target(pod) !== port.port)) {
        out.push(diag(p, NETPOL_CODES.SERVICE_PORT, 'warning', `spec.egress.${ruleIndex}.ports.${j}`, `Port ${port.port} is the port of Service ${s.namespace}/${s.name}, but its pods receive on targetPort ${String(sp.targetPort)}; policies see traffic after DNAT, so allow ${String(sp.targetPort)} instead.`, 'NP-10'));
        return;
      }
    }
  });
}
