import type { Cite } from '../../diagnostics/diagnostic';
import type { Pod } from '../../model/core';
import type { Protocol } from '../../model/meta';
import { citeOf } from '../../manifest/reader';
import { matchesSelector } from '../../net/labels';
import { has } from './bitset';
import { inBlock, inNet, namedPort, type Addr, type CompiledAdmin, type CompiledAdminRule, type CompiledPeer, type CompiledPort, type CompiledRule, type Compiled } from './compile';

export type Direction = 'ingress' | 'egress';
/** Protocols a check may ask about; ICMP has no ports (NP-13). */
export type L4 = Protocol | 'ICMP';
export type Verdict = 'allowed' | 'denied';

/** One side of a connection after address rewriting: a pod (by index), a node, or an outside address. */
export interface Endpoint {
  kind: 'pod' | 'node' | 'external';
  /** Pod index in the compiled pod list. */
  pod?: number;
  ip: string;
  addr?: Addr;
  /** Node name: the node itself, or the node of a pod. */
  node?: string;
}

/** The rule that decided a direction: NetworkPolicy rule (NP-3) or admin rule (ANP-2), with its YAML. */
export interface RuleRef {
  kind: 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';
  /** `ns/name` for NetworkPolicy, `name` for admin kinds. */
  policy: string;
  direction: Direction;
  rule: number;
  /** Index in `from`/`to`; absent when the rule lists no peers (any peer). */
  peer?: number;
  /** Index in `ports`; absent when the rule lists no ports (any port). */
  port?: number;
  action?: 'Allow' | 'Deny' | 'Pass';
  cite: Cite;
}

export interface DirectionResult {
  verdict: Verdict;
  /** Whether NetworkPolicy isolates the pod in this direction (NP-2). */
  isolated: boolean;
  /** NetworkPolicies (`ns/name`) that select the pod with this direction in their types. */
  policies: string[];
  /** Admin policies (names) whose subject holds the pod, in evaluation order. */
  adminPolicies: string[];
  /** The deciding rule; absent when nothing matched (implicit deny, or not isolated). */
  rule?: RuleRef;
  /** An ANP `Pass` rule that sent evaluation on to NetworkPolicy (ANP-2). */
  passedBy?: RuleRef;
  /** Which tier decided: `none` = the pod is open in this direction. */
  decidedBy: 'self' | 'node' | 'not-a-pod' | 'host-network' | 'admin' | 'networkpolicy' | 'baseline' | 'none';
  cites: Cite[];
  /** Implementation-defined choices this verdict relied on (§7). */
  assumptions: string[];
}

export function podName(p: Pod): string {
  return `${p.namespace}/${p.name}`;
}

const CALICO = 'assumed: ipBlock matches pod and node IPs (Calico-style, the upstream e2e default; option policy.ipBlockMatchesPods)';
const HOST_NETWORK = 'assumed: host-network pods are ignored by pod and namespace selectors (NP-11)';
const CILIUM = 'assumed: ipBlock ignores pod and node IPs (Cilium-style; option policy.ipBlockMatchesPods off)';

/** NP-6: does one `ports` item admit this protocol/port? Named ports are looked up on the destination pod. */
export function portItemMatches(item: CompiledPort, protocol: L4, port: number, dst: Pod | undefined): boolean {
  if (item.protocol !== protocol) return false;
  if (item.name !== undefined) return !!dst && namedPort(dst, item.name, protocol) === port;
  if (item.port === undefined) return true;
  return item.endPort !== undefined ? port >= item.port && port <= item.endPort : port === item.port;
}

function peerMatches(c: Compiled, peer: CompiledPeer, ep: Endpoint, notes: Set<string>): boolean {
  if (peer.ipBlock) {
    const inside = ep.addr ? inBlock(peer.ipBlock, ep.addr) : false;
    if (ep.kind === 'external') return inside;
    // NP-9 / NP-11: pods and nodes only match ipBlocks under the Calico-style option.
    if (!inside) return false;
    notes.add(c.options.policy.ipBlockMatchesPods ? CALICO : CILIUM);
    return c.options.policy.ipBlockMatchesPods;
  }
  return ep.pod !== undefined && has(peer.pods, ep.pod);
}

function npRuleMatch(c: Compiled, r: CompiledRule, ep: Endpoint, protocol: L4, port: number, dst: Pod | undefined, notes: Set<string>): { peer?: number; port?: number } | null {
  let peerIdx: number | undefined;
  if (!r.anyPeer) {
    const p = r.peers.find((x) => peerMatches(c, x, ep, notes));
    if (!p) return null;
    peerIdx = p.index;
  }
  let portIdx: number | undefined;
  if (r.ports.length) {
    const p = r.ports.find((x) => portItemMatches(x, protocol, port, dst));
    if (!p) return null;
    portIdx = p.index;
  }
  return { ...(peerIdx !== undefined ? { peer: peerIdx } : {}), ...(portIdx !== undefined ? { port: portIdx } : {}) };
}

function adminRuleMatch(c: Compiled, r: CompiledAdminRule, ep: Endpoint, protocol: L4, port: number, dst: Pod | undefined): { peer: number; port?: number } | null {
  const peer = r.peers.find((p) => {
    if (p.nets) return !!ep.addr && p.nets.some((x) => inNet(x, ep.addr!));
    if (p.nodes) {
      if (ep.kind === 'external' || !ep.node) return false;
      if (ep.kind === 'pod' && !has(c.hostNet, ep.pod!)) return false;
      const nd = c.nodes.find((x) => x.name === ep.node);
      return !!nd && matchesSelector(p.nodes, nd.labels);
    }
    return ep.pod !== undefined && has(p.pods, ep.pod);
  });
  if (!peer) return null;
  const ports = r.rule.ports;
  if (!ports) return { peer: peer.index };
  const k = ports.findIndex((x) => adminPortMatches(x, protocol, port, dst));
  return k < 0 ? null : { peer: peer.index, port: k };
}

export function adminPortMatches(x: NonNullable<CompiledAdminRule['rule']['ports']>[number], protocol: L4, port: number, dst: Pod | undefined): boolean {
  if ('portNumber' in x) return x.portNumber.protocol === protocol && x.portNumber.port === port;
  if ('portRange' in x) return x.portRange.protocol === protocol && port >= x.portRange.start && port <= x.portRange.end;
  return !!dst && protocol !== 'ICMP' && namedPort(dst, x.namedPort, protocol) === port;
}

function adminRef(a: CompiledAdmin, dir: Direction, r: CompiledAdminRule, m: { peer: number; port?: number }): RuleRef {
  const field = dir === 'ingress' ? 'from' : 'to';
  const path = m.port !== undefined ? `spec.${dir}.${r.rule.index}.${r.rule.portsField ?? 'ports'}.${m.port}` : `spec.${dir}.${r.rule.index}.${field}.${m.peer}`;
  return { kind: a.policy.kind, policy: a.policy.name, direction: dir, rule: r.rule.index, peer: m.peer, ...(m.port !== undefined ? { port: m.port } : {}), action: r.rule.action, cite: citeOf(a.policy, path) };
}

/**
 * One direction for the subject pod (§6.3 and ANP-2): ANPs by priority, then NetworkPolicy
 * (NP-2, NP-3), then the BANP, else allowed. `dst` is the destination pod, for named ports (NP-6).
 */
export function evaluateDirection(c: Compiled, dir: Direction, subject: number, peer: Endpoint, protocol: L4, port: number, dst: Pod | undefined): DirectionResult {
  const notes = new Set<string>();
  // NP-11 [SIM] I-22: a host-network peer is the node to the plugin; selectors cannot match it.
  if (peer.pod !== undefined && has(c.hostNet, peer.pod)) notes.add(HOST_NETWORK);
  const iso = c.isolating[dir][subject]!;
  const policies = iso.map((k) => podPolicyName(c.policies[k]!.policy));
  const adminPolicies = c.anpFor[subject]!.map((k) => c.anps[k]!.policy.name);
  for (const k of c.baselineFor[subject]!) adminPolicies.push(c.baselines[k]!.policy.name);
  const base = { isolated: iso.length > 0, policies, adminPolicies };
  const selectCites = (): Cite[] => iso.map((k) => citeOf(c.policies[k]!.policy, 'spec.podSelector'));
  let passedBy: RuleRef | undefined;
  anp: for (const k of c.anpFor[subject]!) {
    const a = c.anps[k]!;
    for (const r of a[dir]) {
      const m = adminRuleMatch(c, r, peer, protocol, port, dst);
      if (!m) continue;
      const ref = adminRef(a, dir, r, m);
      if (r.rule.action === 'Pass') {
        passedBy = ref;
        break anp;
      }
      return { ...base, verdict: r.rule.action === 'Allow' ? 'allowed' : 'denied', rule: ref, decidedBy: 'admin', cites: [ref.cite], assumptions: [...notes] };
    }
  }
  const passed = passedBy ? { passedBy } : {};
  if (iso.length) {
    for (const k of iso) {
      const cp = c.policies[k]!;
      for (const r of cp[dir]!) {
        const m = npRuleMatch(c, r, peer, protocol, port, dst, notes);
        if (!m) continue;
        const field = dir === 'ingress' ? 'from' : 'to';
        const path = m.port !== undefined ? `spec.${dir}.${r.rule.index}.ports.${m.port}` : m.peer !== undefined ? `spec.${dir}.${r.rule.index}.${field}.${m.peer}` : `spec.${dir}.${r.rule.index}`;
        const ref: RuleRef = { kind: 'NetworkPolicy', policy: podPolicyName(cp.policy), direction: dir, rule: r.rule.index, ...m, cite: citeOf(cp.policy, path) };
        return { ...base, ...passed, verdict: 'allowed', rule: ref, decidedBy: 'networkpolicy', cites: [ref.cite, ...selectCites()], assumptions: [...notes] };
      }
    }
    return { ...base, ...passed, verdict: 'denied', decidedBy: 'networkpolicy', cites: selectCites(), assumptions: [...notes] };
  }
  for (const k of c.baselineFor[subject]!) {
    // Baseline tier: first matching rule; Pass leaves the tier, which ends in the default allow (ANP-6).
    const b = c.baselines[k]!;
    for (const r of b[dir]) {
      const m = adminRuleMatch(c, r, peer, protocol, port, dst);
      if (!m) continue;
      const ref = adminRef(b, dir, r, m);
      return { ...base, ...passed, verdict: r.rule.action === 'Deny' ? 'denied' : 'allowed', rule: ref, decidedBy: 'baseline', cites: [ref.cite], assumptions: [...notes] };
    }
  }
  return { ...base, ...passed, verdict: 'allowed', decidedBy: 'none', cites: [], assumptions: [...notes] };
}

export function podPolicyName(p: { namespace: string; name: string }): string {
  return p.namespace ? `${p.namespace}/${p.name}` : p.name;
}

/** A direction that policy does not govern (NP-7, NP-8, NP-11). */
export function exempt(decidedBy: DirectionResult['decidedBy']): DirectionResult {
  return { verdict: 'allowed', isolated: false, policies: [], adminPolicies: [], decidedBy, cites: [], assumptions: decidedBy === 'host-network' ? [HOST_NETWORK] : [] };
}

/** NP-7 + NP-8: both directions of one post-DNAT connection. */
export function judge(c: Compiled, from: Endpoint, to: Endpoint, protocol: L4, port: number, seenFrom: Endpoint = from): { egress: DirectionResult; ingress: DirectionResult } {
  // NP-8 / ANP-5: a pod reaching its own IP directly; through a Service (hairpin) it is judged (seenFrom differs).
  if (from.pod !== undefined && from.pod === to.pod && seenFrom === from) return { egress: exempt('self'), ingress: exempt('self') };
  const dstPod = to.pod !== undefined ? c.pods[to.pod] : undefined;
  const srcIsPod = from.kind === 'pod' && from.pod !== undefined;
  const egress = !srcIsPod ? exempt('not-a-pod') : has(c.hostNet, from.pod!) ? exempt('host-network') : evaluateDirection(c, 'egress', from.pod!, to, protocol, port, dstPod);
  let ingress: DirectionResult;
  if (to.kind !== 'pod' || to.pod === undefined) ingress = exempt('not-a-pod');
  else if (has(c.hostNet, to.pod)) ingress = exempt('host-network');
  else if ((seenFrom.kind === 'node' || (seenFrom.pod !== undefined && has(c.hostNet, seenFrom.pod))) && seenFrom.node && seenFrom.node === dstPod!.nodeName) ingress = exempt('node');
  else ingress = evaluateDirection(c, 'ingress', to.pod, seenFrom, protocol, port, dstPod);
  return { egress, ingress };
}
