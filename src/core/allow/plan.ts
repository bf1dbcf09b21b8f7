/**
 * One direction of one connection, fixed the way a person would fix it: a rule added to the NetworkPolicy
 * that isolates the pod (or a new policy beside it), naming the peer by its workload's labels and its
 * namespace's name label, and the port by the name the destination pod gives it.
 */
import { isolationByPod, type Direction, type PolicyCache } from '../controllers/netpol/index';
import type { Pod } from '../model/core';
import type { Labels } from '../model/meta';
import type { NetworkPolicy } from '../model/networking';
import type { World } from '../model/world';
import type { SimOptions } from '../options';
import { matchesSelector } from '../net/labels';
import { NAMESPACE_NAME_LABEL, personLabels, selected, selector } from './selectors';

/** One `from`/`to` item as it is written. */
export interface PlainPeer {
  namespaceSelector?: { matchLabels: Labels };
  podSelector?: { matchLabels: Labels };
  ipBlock?: { cidr: string };
}
export interface PlainPort {
  protocol: string;
  port: number | string;
}
/** One ingress or egress rule as it is written: `from` (ingress) or `to` (egress), and `ports`. */
export interface PlainRule {
  from?: PlainPeer[];
  to?: PlainPeer[];
  ports?: PlainPort[];
}

/** A change to the input: a rule added to a written policy, or a new policy. */
export type Edit =
  | { kind: 'add-rule'; policy: NetworkPolicy; direction: Direction; rule: PlainRule }
  | { kind: 'create'; file: number; namespace: string; name: string; podSelector: Labels; direction: Direction; rule: PlainRule };

/** One end of a connection: a pod (not host-network) or a bare address (node, host-network pod, outside). */
export interface Side {
  pod?: Pod;
  ip: string;
  label: string;
}

/** What an edit newly allows, for explanations and the property test: the pods the rule applies to and its peer. */
export interface Grant {
  direction: Direction;
  /** `NetworkPolicy/ns/name` of the edited or created policy. */
  policy: string;
  namespace: string;
  /** Ids of the pods the policy selects (all already isolated in this direction). */
  subjects: string[];
  rule: PlainRule;
}

export interface Planned {
  edit: Edit;
  grant: Grant;
}

/**
 * The edit that admits `peer` in `direction` for `subject` on `port`/`protocol`. `dst` is the destination
 * pod (the subject for ingress, the peer for egress) whose port names a named port resolves against.
 */
export function planDirection(world: World, options: SimOptions, cache: PolicyCache | undefined, direction: Direction, subject: Pod, peer: Side, dst: Pod | undefined, port: number, protocol: string, byNumber = false): Planned {
  const iso = isolationByPod(world, options, cache);
  const t = target(world, iso, direction, subject);
  const subjects = t.kind === 'edit' ? selected(world, subject.namespace, t.policy.podSelector) : selected(world, subject.namespace, selector(t.labels));
  const item = peerItem(world, subject.namespace, peer);
  // Where a named port is looked up (NP-6): the selected pods for ingress, the peer's pods for egress.
  const named = direction === 'ingress' ? subjects : peer.pod ? podsMatchingPeer(world, subject.namespace, item) : [];
  const ports = protocol === 'ICMP' ? undefined : [byNumber ? { protocol, port } : portItem(dst, named, port, protocol)];
  const rule: PlainRule = { [direction === 'ingress' ? 'from' : 'to']: [item], ...(ports ? { ports } : {}) };
  const edit: Edit =
    t.kind === 'edit'
      ? { kind: 'add-rule', policy: t.policy, direction, rule }
      : { kind: 'create', file: t.file, namespace: subject.namespace, name: t.name(world, peer, subject), podSelector: t.labels, direction, rule };
  const policy = edit.kind === 'add-rule' ? edit.policy.id : `NetworkPolicy/${edit.namespace}/${edit.name}`;
  return { edit, grant: { direction, policy, namespace: subject.namespace, subjects: subjects.map((p) => p.id), rule } };
}

type Target = { kind: 'edit'; policy: NetworkPolicy } | { kind: 'create'; labels: Labels; file: number; name: (w: World, peer: Side, subject: Pod) => string };

/**
 * Which policy to change. The rule goes into a policy that isolates the pod and selects nothing beyond the
 * pod's workload, so it opens no other pod. Failing that, a new policy selecting the workload, when every pod
 * it selects is already isolated in that direction (a new policy never isolates a pod, so it denies nothing
 * new). Failing that, the isolating policy that selects the fewest pods.
 */
function target(world: World, iso: ReturnType<typeof isolationByPod>, direction: Direction, pod: Pod): Target {
  const ids = iso.get(pod.id)?.[direction] ?? [];
  const policies = ids.map((id) => world.networkPolicies.find((p) => p.id === id)).filter((p): p is NetworkPolicy => !!p);
  const labels = personLabels(world, pod);
  const workload = selected(world, pod.namespace, selector(labels));
  const inWorkload = new Set(workload.map((p) => p.id));
  const scored = policies
    .map((p) => ({ p, pods: selected(world, p.namespace, p.podSelector) }))
    .sort((a, b) => a.pods.length - b.pods.length || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0));
  const fit = scored.find((x) => x.pods.every((q) => inWorkload.has(q.id)));
  if (fit) return { kind: 'edit', policy: fit.p };
  const first = scored[0];
  if (!first) throw new Error(`planDirection: ${pod.id} is not isolated for ${direction}`);
  if (workload.every((q) => (iso.get(q.id)?.[direction].length ?? 0) > 0)) {
    return { kind: 'create', labels, file: first.p.source.file, name: (w, peer, subject) => freeName(w, pod.namespace, newName(direction, direction === 'ingress' ? peer : side(subject), direction === 'ingress' ? side(subject) : peer, w)) };
  }
  return { kind: 'edit', policy: first.p };
}

function side(pod: Pod): Side {
  return { pod, ip: pod.ips[0] ?? '', label: `${pod.namespace}/${pod.name}` };
}

/** The peer as a person writes it: labels (and the namespace's name label across namespaces), or one address. */
function peerItem(world: World, policyNamespace: string, peer: Side): PlainPeer {
  if (!peer.pod) return { ipBlock: { cidr: `${peer.ip}/${peer.ip.includes(':') ? 128 : 32}` } };
  const podSelector = { matchLabels: personLabels(world, peer.pod) };
  if (peer.pod.namespace === policyNamespace) return { podSelector };
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: peer.pod.namespace } }, podSelector };
}

/** Pods a pod/namespace peer item matches (NP-5). */
export function podsMatchingPeer(world: World, policyNamespace: string, item: PlainPeer): Pod[] {
  if (item.ipBlock || !item.podSelector) return [];
  const nsSel = item.namespaceSelector;
  const inNs = (p: Pod) => (nsSel ? world.namespaces.some((n) => n.name === p.namespace && matchesSelector(selector(nsSel.matchLabels), n.labels)) : p.namespace === policyNamespace);
  return world.pods.filter((p) => inNs(p) && matchesSelector(selector(item.podSelector!.matchLabels), p.labels));
}

/**
 * The port by the name the destination pod gives it (NP-6), when every pod the name is looked up on that
 * names it means the same number; otherwise the number, so no other port opens.
 */
function portItem(dst: Pod | undefined, lookedUp: Pod[], port: number, protocol: string): PlainPort {
  const name = dst && containerPorts(dst).find((cp) => cp.containerPort === port && cp.protocol === protocol && cp.name)?.name;
  if (name && lookedUp.every((p) => containerPorts(p).every((cp) => cp.name !== name || cp.protocol !== protocol || cp.containerPort === port))) return { protocol, port: name };
  return { protocol, port };
}

export function containerPorts(p: Pod) {
  return [...p.containers, ...p.initContainers].flatMap((c) => c.ports);
}

function short(s: Side, w: World): string {
  if (!s.pod) return s.ip.replace(/[.:]/g, '-');
  const labels = personLabels(w, s.pod);
  const first = Object.values(labels)[0];
  return first ?? s.pod.name;
}

function newName(direction: Direction, from: Side, to: Side, w: World): string {
  const f = from.pod && to.pod && from.pod.namespace !== to.pod.namespace ? `${from.pod.namespace}-${short(from, w)}` : short(from, w);
  const t = from.pod && to.pod && from.pod.namespace !== to.pod.namespace ? `${to.pod.namespace}-${short(to, w)}` : short(to, w);
  return direction === 'ingress' ? `allow-${f}-to-${t}` : `allow-${f}-egress-to-${t}`;
}

/** A valid name (DNS-1123 label style, so it reads well everywhere) not taken in the namespace. */
function freeName(world: World, namespace: string, wanted: string): string {
  const base = wanted.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 58).replace(/-$/, '') || 'allow';
  const taken = new Set(world.networkPolicies.filter((p) => p.namespace === namespace).map((p) => p.name));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}
