/**
 * `allow`: the smallest NetworkPolicy change that makes one connection allowed (CLI `knet allow`, the
 * page's "Allow this" quick fix). Each step asks `check` why the connection is denied, adds one rule for
 * each denying direction (`plan.ts`) to the text (`edit.ts`), simulates again and asks again, so the answer
 * is judged by the same engine as every other question; a Service is fixed backend by backend.
 *
 * What it never does: deny anything new (rules are only added to policies that already isolate the pods
 * they select, and a new policy selects only pods already isolated in its direction), or open anything
 * beyond the new rule's peer and port. An admin policy's Deny, a pod that does not run or does not listen
 * on the port is no NetworkPolicy's doing: those are refused with the reason.
 */
import { check, type CheckResult, type DirectionResult, type L4 } from '../controllers/netpol/index';
import type { InputFile } from '../manifest/read';
import type { Pod } from '../model/core';
import type { Peer } from '../model/peer';
import type { World } from '../model/world';
import { simulate, type Simulation } from '../simulate';
import { applyEdit, objectYAML } from './edit';
import { containerPorts, planDirection, type Grant, type Side } from './plan';

export type { Grant, PlainPeer, PlainPort, PlainRule } from './plan';

export interface AllowQuery {
  from: Peer;
  to: Peer;
  port: number;
  protocol: L4;
  /** Write the port as a number even where the pod names it (DNS: `53`, as everyone writes it, NP-14). */
  byNumber?: boolean;
}

export interface AllowChange {
  /** `NetworkPolicy/ns/name`. */
  object: string;
  action: 'create' | 'update';
  /** The object's YAML as it reads after the change. */
  yaml: string;
}

export interface AllowResult {
  /** Empty when the connection is already allowed. */
  changes: AllowChange[];
  /** The input with the changes applied (the same files when nothing changes). */
  files: InputFile[];
  /** What each added rule allows, per policy. */
  grants: Grant[];
}

export type AllowOutcome = { ok: true; result: AllowResult } | { ok: false; error: string };

/**
 * Several connections allowed one after the other, each over the input the previous one rewrote (DNS: UDP 53,
 * then TCP 53). The changes are merged per object, in the order they were first made.
 */
export function allowAll(sim: Simulation, qs: AllowQuery[]): AllowOutcome {
  let cur = sim;
  const grants: Grant[] = [];
  const actions = new Map<string, AllowChange['action']>();
  let last: AllowResult = { changes: [], files: sim.files, grants: [] };
  for (const q of qs) {
    const r = allow(cur, q);
    if (!r.ok) return r;
    for (const c of r.result.changes) if (!actions.has(c.object)) actions.set(c.object, c.action);
    grants.push(...r.result.grants);
    last = r.result;
    if (r.result.changes.length) cur = simulate(r.result.files, cur.options);
  }
  const changes = [...actions].map(([object, action]): AllowChange => ({ object, action, yaml: yamlOf(last.files, object) }));
  return { ok: true, result: { changes, files: last.files, grants } };
}

function yamlOf(files: InputFile[], object: string): string {
  const [, ns, name] = object.split('/') as [string, string, string];
  return objectYAML(files, 'NetworkPolicy', ns, name) ?? '';
}

/** Backends of a Service are fixed one per step; a few steps cover every scenario the page shows. */
const MAX_STEPS = 12;

export function allow(sim: Simulation, q: AllowQuery): AllowOutcome {
  let cur = sim;
  let files = sim.files;
  const grants: Grant[] = [];
  const touched = new Map<string, AllowChange['action']>();
  for (let step = 0; step <= MAX_STEPS; step++) {
    const r = check(cur.world, cur.options, q, cur.policies);
    if (!r.ok) return r;
    if (r.result.verdict === 'allowed') {
      const changes = [...touched].map(([object, action]): AllowChange => ({ object, action, yaml: yamlOf(files, object) }));
      return { ok: true, result: { changes, files, grants } };
    }
    if (step === MAX_STEPS) break;
    const pair = denied(cur.world, r.result, q);
    if ('error' in pair) return { ok: false, error: pair.error };
    for (const dir of ['egress', 'ingress'] as const) {
      const d = pair[dir];
      if (d.verdict === 'allowed') continue;
      const why = notByNetworkPolicy(d, dir, r.result);
      if (why) return { ok: false, error: why };
      const subject = dir === 'egress' ? pair.src.pod : pair.dst.pod;
      if (!subject) return { ok: false, error: r.result.reason };
      const { edit, grant } = planDirection(cur.world, cur.options, cur.policies, dir, subject, dir === 'egress' ? pair.dst : pair.seen, pair.dst.pod, pair.port, q.protocol, q.byNumber);
      files = applyEdit(files, edit);
      grants.push(grant);
      if (!touched.has(grant.policy)) touched.set(grant.policy, edit.kind === 'create' ? 'create' : 'update');
    }
    cur = simulate(files, cur.options);
  }
  const last = check(cur.world, cur.options, q, cur.policies);
  return { ok: false, error: `no NetworkPolicy change allows it: ${last.ok ? last.result.reason : last.error}` };
}

/** The denied connection to fix now: the endpoint, or the first denied backend of a Service (after DNAT, NP-10). */
function denied(world: World, res: CheckResult, q: AllowQuery): { src: Side; seen: Side; dst: Side; port: number; egress: DirectionResult; ingress: DirectionResult } | { error: string } {
  const src = sideOf(world, q.from, res.from);
  if (!res.service) {
    const dst = sideOf(world, q.to, res.to);
    const deaf = notListening(dst.pod, res.port, q.protocol);
    if (deaf) return { error: deaf };
    return { src, seen: src, dst, port: res.port, egress: res.egress, ingress: res.ingress };
  }
  const b = res.service.backends.find((x) => x.verdict === 'denied');
  if (!b) return { error: res.reason };
  const dst = byIP(world, b.ip, b.to);
  const deaf = notListening(dst.pod, b.port, q.protocol);
  if (deaf) return { error: deaf };
  const seen = b.sourceSeen && b.sourceSeen !== src.ip ? byIP(world, b.sourceSeen, b.sourceSeen) : src;
  return { src, seen, dst, port: b.port, egress: b.egress, ingress: b.ingress };
}

/** Why a denying direction is not a NetworkPolicy's to change, or null when adding a rule will do. */
function notByNetworkPolicy(d: DirectionResult, dir: 'egress' | 'ingress', res: CheckResult): string | null {
  if (d.decidedBy === 'networkpolicy' && d.isolated) return null;
  if (d.decidedBy === 'admin' && d.rule)
    return `${d.rule.kind} ${d.rule.policy} denies it (${dir} rule ${d.rule.rule + 1}, Deny); admin policies decide before NetworkPolicies (ANP-2), so no NetworkPolicy change can allow it`;
  if (d.decidedBy === 'baseline' && d.rule)
    return `BaselineAdminNetworkPolicy ${d.rule.policy} denies it (${dir} rule ${d.rule.rule + 1}) because no NetworkPolicy isolates the pod for ${dir}; a NetworkPolicy that allowed it would isolate the pod and deny what the baseline allows (ANP-2), so change the baseline policy instead`;
  return res.reason;
}

/** A pod that declares container ports and none for this port does not listen there; a pod that declares none may. */
function notListening(pod: Pod | undefined, port: number, protocol: L4): string | null {
  if (!pod || protocol === 'ICMP') return null;
  const ports = containerPorts(pod);
  if (ports.length === 0 || ports.some((cp) => cp.containerPort === port && cp.protocol === protocol)) return null;
  const list = ports.map((cp) => `${cp.containerPort}/${cp.protocol}${cp.name ? ` (${cp.name})` : ''}`).join(', ');
  return `${pod.namespace}/${pod.name} does not listen on ${port}/${protocol} (its containers declare ${list}), so no policy change makes the connection work`;
}

function sideOf(world: World, peer: Peer, label: string): Side {
  if (peer.kind === 'pod') {
    const pod = world.pods.find((p) => p.namespace === peer.namespace && p.name === peer.name);
    if (pod && !pod.hostNetwork) return { pod, ip: pod.ips[0] ?? '', label };
    const node = pod && world.nodes.find((n) => n.name === pod.nodeName);
    return { ip: node?.addresses[0] ?? pod?.ips[0] ?? '', label };
  }
  if (peer.kind === 'node') return { ip: world.nodes.find((n) => n.name === peer.name)?.addresses[0] ?? '', label };
  if (peer.kind === 'ip') return byIP(world, peer.ip, label);
  return { ip: '', label };
}

function byIP(world: World, ip: string, label: string): Side {
  const pod = world.pods.find((p) => !p.hostNetwork && p.ips.includes(ip));
  return pod ? { pod, ip, label } : { ip, label };
}
