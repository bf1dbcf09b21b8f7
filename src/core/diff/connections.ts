import { check, matrix, type DirectionResult } from '../controllers/netpol/index';
import type { Pod } from '../model/core';
import type { Protocol } from '../model/meta';
import type { Simulation } from '../simulate';

/**
 * What the policies let through between two workloads on one port: every replica pair (`allowed`), none
 * (`denied`), some (`partial`: a policy that picks pods by a label only some replicas carry), or one end
 * does not exist in that version (`absent`).
 */
export type ConnectionVerdict = 'allowed' | 'denied' | 'partial' | 'absent';

export interface ConnectionChange {
  /** The owner of the source pods: `Deployment/shop/web`, or `Pod/ns/name` for a bare pod. */
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  before: ConnectionVerdict;
  after: ConnectionVerdict;
  /** The object whose change decided it (a NetworkPolicy now selecting the pod, a workload's labels); null when none of them changed. */
  because: string | null;
}

/** Pods are the same pods across versions when they have the same owner, so a new pod-template hash is no change. */
export const ownerOf = (p: Pod): string => p.ownerId ?? p.id;

interface Side {
  sim: Simulation;
  /** Owner → indexes into world.pods. */
  owners: Map<string, number[]>;
  /** Owner → the `port/PROTOCOL` keys its containers declare. */
  ports: Map<string, Set<string>>;
  /** `port/PROTOCOL` → one string per pod, character j `1` when allowed to pod j. */
  rows: Record<string, string[]>;
}

/**
 * Every connection between two owners whose verdict differs, on each port the destination's containers
 * declare in either version (a port nobody listens on is no connection worth listing).
 */
export function connectionChanges(before: Simulation, after: Simulation, changed: Set<string>): ConnectionChange[] {
  const keys = new Set<string>([...declared(before).values(), ...declared(after).values()].flatMap((set) => [...set]));
  const portKeys = [...keys].sort(byPortKey).map(parseKey);
  const a = side(before, portKeys);
  const b = side(after, portKeys);
  const owners = [...new Set([...a.owners.keys(), ...b.owners.keys()])].sort();
  const out: ConnectionChange[] = [];
  for (const to of owners) {
    const ports = [...new Set([...(a.ports.get(to) ?? []), ...(b.ports.get(to) ?? [])])].sort(byPortKey);
    for (const key of ports) {
      for (const from of owners) {
        const was = verdict(a, from, to, key);
        const now = verdict(b, from, to, key);
        if (was === now) continue;
        const { port, protocol } = parseKey(key);
        out.push({ from, to, port, protocol, before: was, after: now, because: because([b, a], from, to, port, protocol, changed) });
      }
    }
  }
  return out.sort((x, y) => cmp(x.from, y.from) || cmp(x.to, y.to) || x.port - y.port || cmp(x.protocol, y.protocol));
}

function side(sim: Simulation, ports: { port: number; protocol: Protocol }[]): Side {
  const owners = new Map<string, number[]>();
  sim.world.pods.forEach((p, i) => owners.set(ownerOf(p), [...(owners.get(ownerOf(p)) ?? []), i]));
  const m = matrix(sim.world, sim.options, { ports }, sim.policies);
  return { sim, owners, ports: declared(sim), rows: m.matrix };
}

function verdict(s: Side, from: string, to: string, key: string): ConnectionVerdict {
  const src = s.owners.get(from);
  const dst = s.owners.get(to);
  const rows = s.rows[key];
  if (!src || !dst || !rows) return 'absent';
  let pairs = 0;
  let allowed = 0;
  for (const i of src) {
    for (const j of dst) {
      if (i === j) continue; // a pod calling itself never meets a policy
      pairs++;
      if (rows[i]![j] === '1') allowed++;
    }
  }
  if (pairs === 0) return 'absent';
  return allowed === pairs ? 'allowed' : allowed === 0 ? 'denied' : 'partial';
}

/**
 * The object that decided the change: of the objects that judge one replica pair in either version (the
 * deciding rules first, then every policy that isolates either end), the first that changed; else the
 * destination's or the source's workload or namespace, when they changed (labels a policy selects by).
 */
function because(sides: Side[], from: string, to: string, port: number, protocol: Protocol, changed: Set<string>): string | null {
  const candidates: string[] = [];
  for (const s of sides) {
    const src = s.owners.get(from)?.map((i) => s.sim.world.pods[i]!);
    const dst = s.owners.get(to)?.map((i) => s.sim.world.pods[i]!);
    const pair = src && dst ? pickPair(src, dst) : undefined;
    if (!pair) continue;
    const r = check(s.sim.world, s.sim.options, { from: peer(pair[0]), to: peer(pair[1]), port, protocol }, s.sim.policies);
    if (!r.ok) continue;
    for (const d of [r.result.ingress, r.result.egress]) candidates.push(...deciders(d));
  }
  const namespaces = [from, to].map((id) => `Namespace/${id.split('/')[1]}`);
  candidates.push(to, from, ...namespaces);
  return candidates.find((id) => changed.has(id)) ?? null;
}

function deciders(d: DirectionResult): string[] {
  return [
    ...(d.rule ? [d.rule.cite.object] : []),
    ...(d.passedBy ? [d.passedBy.cite.object] : []),
    ...d.cites.map((c) => c.object),
    ...d.policies.map((p) => `NetworkPolicy/${p}`),
  ];
}

function pickPair(src: Pod[], dst: Pod[]): [Pod, Pod] | undefined {
  for (const s of src) for (const d of dst) if (s !== d) return [s, d];
  return undefined;
}

const peer = (p: Pod) => ({ kind: 'pod' as const, namespace: p.namespace, name: p.name });

/** Owner → `port/PROTOCOL` of every container port its pods declare, sidecars included (SVC-9). */
function declared(sim: Simulation): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of sim.world.pods) {
    const set = out.get(ownerOf(p)) ?? new Set<string>();
    const running = [...p.containers, ...p.initContainers.filter((c) => c.restartPolicy === 'Always')];
    for (const c of running) for (const cp of c.ports) set.add(`${cp.containerPort}/${cp.protocol}`);
    out.set(ownerOf(p), set);
  }
  return out;
}

function parseKey(key: string): { port: number; protocol: Protocol } {
  const [port, protocol] = key.split('/');
  return { port: Number(port), protocol: protocol as Protocol };
}

function byPortKey(x: string, y: string): number {
  const a = parseKey(x);
  const b = parseKey(y);
  return a.port - b.port || cmp(a.protocol, b.protocol);
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
