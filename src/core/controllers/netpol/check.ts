import type { Cite } from '../../diagnostics/diagnostic';
import type { Service, ServicePort } from '../../model/core';
import type { Peer } from '../../model/peer';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { servicePortEndpoints, usableEndpoints } from '../../net/endpoints';
import { lookupServiceAddress, type Via } from '../../net/service-address';
import { addr, compile, type Compiled, type PolicyCache } from './compile';
import { judge, podName, type DirectionResult, type Endpoint, type L4, type RuleRef, type Verdict } from './evaluate';

/** A Service port as a destination (NP-10): how it was addressed and, for a NodePort, the node dialled. */
interface ServiceHit {
  service: Service;
  port: ServicePort;
  via: Via;
  node?: string;
}

export interface CheckQuery {
  /** A pod, an address or a node. */
  from: Peer;
  /** As `from`, or a Service (or any Service address as an `ip` peer), judged per backend after DNAT (NP-10). */
  to: Peer;
  /** Ignored for ICMP. */
  port: number;
  /** Default TCP. ICMP is judged as a connection with no port (NP-13, I-24). */
  protocol?: L4;
  /** For `service:` targets: how the Service is addressed (default its ClusterIP). */
  via?: ServiceHit['via'];
  /**
   * The node that received the packet, for traffic to a NodePort or a load-balancer / external IP: its
   * kube-proxy does the DNAT and, under externalTrafficPolicy Cluster, SNATs to its own IP (KP-6, NP-12).
   * Implied by `to: ip:<node IP>` with a NodePort. Unknown ⇒ [SIM] assume a node that does not run the backend.
   */
  node?: string;
}

export interface BackendVerdict {
  /** `ns/pod` or the endpoint address. */
  to: string;
  ip: string;
  /** The targetPort the policy sees (NP-10). */
  port: number;
  verdict: Verdict;
  egress: DirectionResult;
  ingress: DirectionResult;
  /** The source address the destination sees after SNAT (KP-6, NP-12). */
  sourceSeen: string;
}

export interface CheckResult {
  verdict: Verdict;
  from: string;
  to: string;
  port: number;
  protocol: L4;
  egress: DirectionResult;
  ingress: DirectionResult;
  reason: string;
  cites: Cite[];
  assumptions: string[];
  /**
   * Present when `to` was a Service: the Service port, every usable backend's verdict (KP-2), and the node
   * that received the packet when it is known (given as `node`, or the node whose address was dialled).
   */
  service?: { id: string; port: number; via: ServiceHit['via']; node?: string; backends: BackendVerdict[] };
}

export type CheckOutcome = { ok: true; result: CheckResult } | { ok: false; error: string };

type Target = { kind: 'endpoint'; ep: Endpoint; label: string } | { kind: 'service'; hit: ServiceHit; label: string };

/** Where a peer is on the network: a pod, node or outside address, or a Service port (judged per backend). */
function resolvePeer(c: Compiled, peer: Peer, port: number, protocol: L4): Target | { error: string } {
  switch (peer.kind) {
    case 'node': {
      const nd = c.nodes.find((x) => x.name === peer.name);
      if (!nd) return { error: `no node named ${peer.name}` };
      const ip = nd.addresses[0] ?? '';
      return { kind: 'endpoint', ep: { kind: 'node', ip, ...(addr(ip) ? { addr: addr(ip)! } : {}), node: peer.name }, label: `node:${peer.name}` };
    }
    case 'ip': {
      const ip = peer.ip;
      const a = addr(ip);
      if (!a) return { error: `"${ip}" is not an IP address` };
      const pi = c.byIP.get(ip);
      if (pi !== undefined) return { kind: 'endpoint', ep: podEndpoint(c, pi), label: podName(c.pods[pi]!) };
      const hit = protocol === 'ICMP' ? undefined : memo(c, `at|${ip}|${port}|${protocol}`, () => serviceAt(c.world, ip, port, protocol));
      if (hit) return { kind: 'service', hit, label: `${hit.service.namespace}/${hit.service.name} (${ip})` };
      const nd = c.nodes.find((x) => x.addresses.includes(ip));
      if (nd) return { kind: 'endpoint', ep: { kind: 'node', ip, addr: a, node: nd.name }, label: `node:${nd.name}` };
      return { kind: 'endpoint', ep: { kind: 'external', ip, addr: a }, label: `ip:${ip}` };
    }
    case 'service': {
      const { namespace: ns, name } = peer;
      const s = c.world.services.find((x) => x.namespace === ns && x.name === name);
      if (!s) return { error: `no Service ${ns}/${name}` };
      if (protocol === 'ICMP') return { error: `a Service virtual IP does not answer ICMP (kube-proxy forwards TCP, UDP and SCTP only); ask about a pod` };
      const sp = s.ports.find((p) => p.port === port && p.protocol === protocol);
      if (!sp) return { error: `Service ${ns}/${name} has no port ${port}/${protocol}` };
      return { kind: 'service', hit: { service: s, port: sp, via: 'clusterIP' }, label: `${ns}/${name}` };
    }
    case 'pod': {
      const name = `${peer.namespace}/${peer.name}`;
      const i = c.byName.get(name);
      if (i === undefined) return { error: `no pod ${name}` };
      return { kind: 'endpoint', ep: podEndpoint(c, i), label: name };
    }
  }
}

/** The Service port kube-proxy answers at an address (kube-proxy's own lookup, read from the World). */
function serviceAt(world: World, ip: string, port: number, protocol: L4): ServiceHit | undefined {
  if (protocol === 'ICMP') return undefined;
  const t = lookupServiceAddress(world, ip, port, protocol);
  return t && { service: t.service, port: t.port, via: t.via, ...(t.node ? { node: t.node.name } : {}) };
}

/**
 * The backends a new connection to a Service port may reach, as kube-proxy picks them without topology
 * (KP-1, KP-2, SVC-12): the ready endpoints, else those terminating but still serving (`net/endpoints.ts`,
 * the dataplane's own rule), so a policy check never disagrees with kube-proxy about which backends exist.
 */
function serviceBackends(world: World, s: Service, sp: ServicePort): { ip: string; port: number; podId?: string }[] {
  return usableEndpoints(servicePortEndpoints(world, s, sp)).endpoints;
}

/** A World lookup remembered on the compiled form (the World does not change once compiled, see `compile`). */
function memo<T>(c: Compiled, key: string, make: () => T): T {
  if (c.memo.has(key)) return c.memo.get(key) as T;
  const v = make();
  c.memo.set(key, v);
  return v;
}

export function podEndpoint(c: Compiled, i: number): Endpoint {
  const p = c.pods[i]!;
  const ip = c.addrs[i]![0] ? (p.ips[0] ?? c.nodes.find((n) => n.name === p.nodeName)?.addresses[0] ?? '') : '';
  const a = ip ? addr(ip) : null;
  return { kind: 'pod', pod: i, ip, ...(a ? { addr: a } : {}), ...(p.nodeName ? { node: p.nodeName } : {}) };
}

function nodeEndpoint(c: Compiled, name: string): Endpoint {
  const ip = c.nodes.find((n) => n.name === name)?.addresses[0] ?? '';
  const a = addr(ip);
  return { kind: 'node', ip, ...(a ? { addr: a } : {}), node: name };
}

/**
 * Would this connection be allowed under the NetworkPolicies and admin policies (NP-1..15, ANP-1..5)?
 * Services are judged per ready backend after DNAT (NP-10) with the source NAT of KP-6/NP-12. `cache`
 * keeps the compiled policies for the next question about the same World.
 */
export function check(world: World, options: SimOptions, q: CheckQuery, cache?: PolicyCache): CheckOutcome {
  const c = compile(world, options, cache);
  const protocol = q.protocol ?? 'TCP';
  const icmp = protocol === 'ICMP' ? ['assumed: ICMP follows the decision of a connection with no port restriction; only rules without ports admit it (NP-13, I-24)'] : [];
  const from = resolvePeer(c, q.from, q.port, protocol);
  if ('error' in from) return { ok: false, error: from.error };
  if (from.kind === 'service') return { ok: false, error: `--from must be a pod, a node or an outside address, not Service ${from.label}` };
  const to = resolvePeer(c, q.to, q.port, protocol);
  if ('error' in to) return { ok: false, error: to.error };
  if (to.kind === 'service' && q.via && q.to.kind === 'service') to.hit = { ...to.hit, via: q.via };
  if (q.node !== undefined) {
    if (!c.nodes.some((n) => n.name === q.node)) return { ok: false, error: `no node named ${q.node}` };
    if (to.kind === 'service' && to.hit.node && to.hit.node !== q.node) return { ok: false, error: `the packet is addressed to node ${to.hit.node}, so it cannot be received by node ${q.node}` };
  }
  const src = from.ep;
  if (to.kind === 'endpoint') {
    const { egress, ingress } = judge(c, src, to.ep, protocol, protocol === 'ICMP' ? 0 : q.port);
    const { because: _b, ...result } = finish(c, from.label, to.label, protocol === 'ICMP' ? 0 : q.port, protocol, egress, ingress, icmp);
    return { ok: true, result };
  }
  const { hit } = to;
  // The node whose kube-proxy handles the packet when it matters: the dialled node for a NodePort, else the one given.
  const receiving = hit.via === 'clusterIP' ? undefined : (hit.node ?? q.node);
  const backends = memo(c, `backends|${hit.service.id}|${hit.port.name}|${hit.port.protocol}|${hit.port.port}|${hit.port.targetPort}`, () => serviceBackends(c.world, hit.service, hit.port));
  const notes: string[] = [];
  // A pod dialling another node's NodePort: its own node does not DNAT it (NodePorts are caught on local
  // addresses only), so its egress policy sees the node address and the nodePort, not the backend (KP-6).
  const remoteNode = hit.via === 'nodePort' && receiving && src.kind === 'pod' && src.node && receiving !== src.node ? nodeEndpoint(c, receiving) : undefined;
  const remote = remoteNode && hit.port.nodePort ? judge(c, src, remoteNode, protocol, hit.port.nodePort) : undefined;
  if (remote) notes.push(`The packet leaves ${from.label}'s node un-DNATed (kube-proxy there catches NodePorts on local addresses only), so its egress policy sees ${remoteNode!.ip}:${hit.port.nodePort} (node ${receiving}), not the backend.`);
  const verdicts: BackendVerdict[] = backends.map((b) => {
    const pi = b.podId ? (c.byId.get(b.podId) ?? -1) : (c.byIP.get(b.ip) ?? -1);
    // A backend that is no pod: a node address (the API server behind `kubernetes`, NP-10) or an outside one.
    const nodeName = c.nodes.find((n) => n.addresses.includes(b.ip))?.name;
    const dst: Endpoint = pi >= 0 ? podEndpoint(c, pi) : nodeName ? nodeEndpoint(c, nodeName) : { kind: 'external', ip: b.ip, ...(addr(b.ip) ? { addr: addr(b.ip)! } : {}) };
    const seen = sourceSeen(c, src, dst, hit, receiving, notes);
    const judged = judge(c, src, dst, protocol, b.port, seen);
    const { ingress } = judged;
    const egress = remote ? remote.egress : judged.egress;
    return { to: pi >= 0 ? podName(c.pods[pi]!) : b.ip, ip: b.ip, port: b.port, verdict: egress.verdict === 'allowed' && ingress.verdict === 'allowed' ? 'allowed' : 'denied', egress, ingress, sourceSeen: seen.ip };
  });
  const svcLabel = `${hit.service.namespace}/${hit.service.name}`;
  const service = { id: hit.service.id, port: hit.port.port, via: hit.via, ...(receiving ? { node: receiving } : {}), backends: verdicts };
  if (verdicts.length === 0) {
    const none: DirectionResult = { verdict: 'denied', isolated: false, policies: [], adminPolicies: [], decidedBy: 'none', cites: [], assumptions: [] };
    const reason = `${from.label} → ${svcLabel}:${q.port}/${protocol} fails: the Service has no ready endpoint (and none terminating but still serving, KP-2), so kube-proxy rejects the connection (KP-5); no policy is involved.`;
    return { ok: true, result: { verdict: 'denied', from: from.label, to: to.label, port: q.port, protocol, egress: none, ingress: none, reason, cites: [], assumptions: [], service } };
  }
  // The reported directions are those of the first denied backend (else the first backend).
  const shown = verdicts.find((v) => v.verdict === 'denied') ?? verdicts[0]!;
  // The ingress side names the address the policy saw, which differs from the client after SNAT (KP-6, NP-12).
  const r = finish(c, from.label, shown.to, shown.port, protocol, shown.egress, shown.ingress, notes, seenLabel(c, src, from.label, shown.sourceSeen), remote ? `node:${receiving} (${remoteNode!.ip}:${hit.port.nodePort})` : undefined);
  const denied = verdicts.filter((v) => v.verdict === 'denied').length;
  const partial = denied && denied < verdicts.length ? ` (${denied} of ${verdicts.length} backends deny it; connections are balanced at random, KP-7)` : verdicts.length > 1 ? ` (all ${verdicts.length} backends agree)` : '';
  r.reason = `${from.label} → Service ${svcLabel}:${q.port}/${protocol} is ${denied ? 'denied' : 'allowed'}${partial}: policies see it after DNAT as ${shown.to}:${shown.port} (NP-10), where ${r.because}.`;
  const { because: _b, ...rest } = r;
  return { ok: true, result: { ...rest, verdict: denied ? 'denied' : 'allowed', to: to.label, port: q.port, service } };
}

/** How the ingress side names the source it saw: the client itself, or the node address it was SNAT'ed to. */
function seenLabel(c: Compiled, src: Endpoint, fromLabel: string, seenIP: string): string {
  if (seenIP === src.ip) return fromLabel;
  const nd = c.nodes.find((n) => n.addresses.includes(seenIP));
  return nd ? `node:${nd.name} (${seenIP}, after SNAT of ${fromLabel})` : `${seenIP} (after SNAT of ${fromLabel})`;
}

/**
 * KP-6 / NP-12: the source the backend sees. `receiving` is the node whose kube-proxy handled a NodePort /
 * LB / externalIP packet, when known. kube-proxy catches NodePorts on local addresses only, so a packet to
 * another node's NodePort is handled (and, under externalTrafficPolicy Cluster, SNAT'ed) by that node.
 */
function sourceSeen(c: Compiled, src: Endpoint, dst: Endpoint, hit: ServiceHit, receiving: string | undefined, notes: string[]): Endpoint {
  const etp = hit.service.externalTrafficPolicy ?? 'Cluster';
  if (src.kind === 'external') {
    if (hit.via === 'clusterIP') return src;
    if (etp === 'Local') {
      notes.push('externalTrafficPolicy Local keeps the client IP (NP-12).');
      return src;
    }
    if (receiving) {
      const nd = nodeEndpoint(c, receiving);
      notes.push(`The packet arrived at node ${receiving}, which SNATs it to ${nd.ip || '?'} (externalTrafficPolicy Cluster, KP-6, NP-12); client IPs are invisible to the policy.`);
      return nd;
    }
    // [SIM] the receiving node is one that does not run the backend when there is one: the SNAT case that
    // NetworkPolicy sees as traffic from another node (NP-12, edge case 60).
    const other = c.nodes.find((n) => n.name !== dst.node) ?? c.nodes[0];
    if (!other) return src;
    notes.push(`assumed: the packet arrived at node ${other.name}, which SNATs it to ${other.addresses[0] ?? '?'} (externalTrafficPolicy Cluster, NP-12); client IPs are invisible to the policy. Name the receiving node to judge another one.`);
    return nodeEndpoint(c, other.name);
  }
  if (src.kind === 'pod' && src.pod === dst.pod && src.node) {
    notes.push('Hairpin: the pod reached itself through the Service, so the source is masqueraded to its node IP (KP-6, I-4).');
    return nodeEndpoint(c, src.node);
  }
  if (hit.via === 'nodePort' && etp === 'Cluster' && receiving && src.node && receiving !== src.node) {
    const nd = nodeEndpoint(c, receiving);
    notes.push(`The NodePort was dialled on node ${receiving}: kube-proxy catches NodePorts on local addresses only, so ${receiving} DNATs the packet and SNATs it to ${nd.ip || '?'} (externalTrafficPolicy Cluster, KP-6).`);
    return nd;
  }
  if (src.kind === 'pod' && hit.via !== 'clusterIP' && etp === 'Cluster' && src.node) {
    notes.push(`Traffic from a pod to a ${hit.via} address is masqueraded to its node IP under externalTrafficPolicy Cluster (KP-6).`);
    return nodeEndpoint(c, src.node);
  }
  return src;
}

/**
 * Which rule, peer and port entry decided, counted from 1 as a person counts the items of a YAML list:
 * `ingress rule 1, from entry 2, ports entry 1`.
 */
function ruleWhere(r: Pick<RuleRef, 'direction' | 'rule' | 'peer' | 'port'>): string {
  const peers = r.direction === 'ingress' ? 'from' : 'to';
  return [`${r.direction} rule ${r.rule + 1}`, r.peer !== undefined ? `${peers} entry ${r.peer + 1}` : '', r.port !== undefined ? `ports entry ${r.port + 1}` : ''].filter(Boolean).join(', ');
}

function describeRule(r: RuleRef): string {
  const what = r.kind === 'NetworkPolicy' ? r.policy : `${r.kind} ${r.policy}`;
  return `${what} (${ruleWhere(r)})`;
}

function side(d: DirectionResult, dir: 'egress' | 'ingress', subject: string, peer: string, portText: string): string {
  switch (d.decidedBy) {
    case 'self':
      return 'a pod may always reach its own IP (NP-8)';
    case 'node':
      return `traffic from ${subject}'s own node is always allowed (NP-8)`;
    case 'not-a-pod':
      return `${subject} is not a pod, so no ${dir} policy applies`;
    case 'host-network':
      return `${subject} uses the host network, which pod selectors ignore (NP-11)`;
    case 'none':
      return `${subject} is not isolated for ${dir}${d.passedBy ? ` (after ${describeRule(d.passedBy)} passed it on)` : ''}`;
    case 'admin':
    case 'baseline':
      return `${describeRule(d.rule!)} ${d.rule!.action === 'Allow' ? 'allows' : 'denies'} it`;
    case 'networkpolicy':
      if (d.verdict === 'allowed') return `${dir} is admitted by ${describeRule(d.rule!)}`;
      return `${subject} is isolated for ${dir} by ${d.policies.join(', ')} and no ${dir} rule admits ${peerPhrase(peer, subject)} on ${portText}`;
  }
}

/** `shop/api (namespace shop)` when the peer is a pod of another namespace: the usual thing a rule misses. */
function peerPhrase(peer: string, subject: string): string {
  const ns = /^([^/:\s]+)\/[^/\s]+$/.exec(peer)?.[1];
  return ns && ns !== subject.split('/')[0] ? `${peer} (namespace ${ns})` : peer;
}

function finish(c: Compiled, fromLabel: string, toLabel: string, port: number, protocol: L4, egress: DirectionResult, ingress: DirectionResult, notes: string[], seenFrom = fromLabel, egressPeer = toLabel): CheckResult & { because: string } {
  void c;
  const portText = protocol === 'ICMP' ? 'ICMP' : `${port}/${protocol}`;
  const verdict: Verdict = egress.verdict === 'allowed' && ingress.verdict === 'allowed' ? 'allowed' : 'denied';
  let because: string;
  if (egress.decidedBy === 'self') because = side(egress, 'egress', fromLabel, toLabel, portText);
  else if (verdict === 'denied') {
    because = [egress, ingress]
      .map((d, k) => (d.verdict === 'denied' ? side(d, k === 0 ? 'egress' : 'ingress', k === 0 ? fromLabel : toLabel, k === 0 ? egressPeer : seenFrom, portText) : ''))
      .filter(Boolean)
      .join('; and ');
  } else because = `${side(egress, 'egress', fromLabel, egressPeer, portText)}; ${side(ingress, 'ingress', toLabel, seenFrom, portText)}`;
  const assumptions = [...new Set([...egress.assumptions, ...ingress.assumptions, ...notes])];
  return {
    verdict,
    from: fromLabel,
    to: toLabel,
    port,
    protocol,
    egress,
    ingress,
    reason: `${fromLabel} → ${toLabel}${protocol === 'ICMP' ? ' (ICMP)' : `:${portText}`} is ${verdict}: ${because}.`,
    because,
    cites: [...egress.cites, ...ingress.cites],
    assumptions,
  };
}
