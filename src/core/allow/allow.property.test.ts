import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/core';
import { runQuery, type DiffDocument } from '../queries/index';
import { parsePeer } from '../queries/peer';
import { checkPeers as check, matrixOf as matrix } from '../queries/testing';
import { simulate, type Simulation } from '../simulate';
import { allow, type Grant, type PlainPeer } from './index';

/**
 * The promise of `allow`, over random small clusters (issue 17): after the change the connection is
 * allowed; `diff` (the query `knet diff in.yaml out.yaml` asks) shows nothing newly denied and nothing newly
 * allowed but the asked port and protocol into pods the edited policy selects, from peers the new rule's
 * selector matches; and it lists the connection asked for. Sometimes under an admin Deny (the one refusal
 * allowed) and under the Cilium-style ipBlock mode (NP-9); sometimes with a two-replica Deployment, so the
 * diff's owner granularity (and its `partial` verdict, an ipBlock that matches one replica's address) is met.
 *
 * `diff` compares owners, on the ports their containers declare, pod to pod. What it cannot see is checked
 * with the engine's verdicts directly, pod pair by pod pair (`verdicts`): outside addresses, undeclared
 * ports, and replica pairs that flip inside an owner pair that is `partial` on both sides.
 */

const NAMESPACES = ['a', 'b'];
const APPS = ['red', 'blue', 'green'];
/** Addresses no pod has: one outside the cluster, one in node-1's pod range that these small clusters never reach. */
const OUTSIDE = ['8.8.8.8', '10.244.1.200'];
const PORTS = [{ port: 80, protocol: 'TCP' as const }, { port: 8080, protocol: 'TCP' as const }, { port: 53, protocol: 'UDP' as const }];
// What a pod listens on; `web` means 80 on some pods and 8080 on others, so a named port can over-reach.
const LISTENS = ['[{name: web, containerPort: 80}]', '[{containerPort: 80}]', '[{name: web, containerPort: 8080}]', '[{containerPort: 80}, {name: web, containerPort: 8080}, {containerPort: 53, protocol: UDP}]'];

const selector = fc.oneof(
  fc.constant('{}'),
  fc.constantFrom(...APPS).map((l) => `{matchLabels: {app: ${l}}}`),
  fc.constantFrom(...APPS).map((l) => `{matchExpressions: [{key: app, operator: NotIn, values: [${l}]}]}`),
  fc.constantFrom('x', 'y').map((t) => `{matchLabels: {tier: ${t}}}`),
);
const nsSelector = fc.oneof(fc.constant('{}'), fc.constantFrom(...NAMESPACES).map((n) => `{matchLabels: {kubernetes.io/metadata.name: ${n}}}`));
/** Address peers for the general property: everything, some nodes' pods (node-N's pods are 10.244.N.x). */
const BLOCKS = ['{ipBlock: {cidr: 0.0.0.0/0}}', '{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}', '{ipBlock: {cidr: 10.244.2.0/24}}'];
/** One node's pods each: a Deployment's replicas are spread over nodes, so its owner pairs go `partial`. */
const NODE_BLOCKS = [1, 2, 3].map((n) => `{ipBlock: {cidr: 10.244.${n}.0/24}}`);
/** A peer item; the owner property draws address peers more often, and only per-node ones. */
const peerOf = (blocks: string[], blockWeight: number) =>
  fc.oneof(
    selector.map((s) => `{podSelector: ${s}}`),
    nsSelector.map((s) => `{namespaceSelector: ${s}}`),
    fc.tuple(nsSelector, selector).map(([n, s]) => `{namespaceSelector: ${n}, podSelector: ${s}}`),
    { weight: blockWeight, arbitrary: fc.constantFrom(...blocks) },
  );
const portItem = fc.constantFrom('{port: 80}', '{port: 53, protocol: UDP}', '{port: web}', '{port: 8000, endPort: 9000}');
const policyOf = (blocks: string[], blockWeight: number, minPeers = 0) => {
  const rule = fc.record({ peers: fc.array(peerOf(blocks, blockWeight), { minLength: minPeers, maxLength: 2 }), ports: fc.array(portItem, { maxLength: 2 }) });
  return fc.record({
    ns: fc.constantFrom(...NAMESPACES),
    podSelector: selector,
    // Sometimes left out, so NP-1 derives them (an egress rule added there would change them).
    types: fc.constantFrom('[Ingress]', '[Egress]', '[Ingress, Egress]', ''),
    ingress: fc.array(rule, { maxLength: 2 }),
    egress: fc.array(rule, { maxLength: 1 }),
  });
};
const policy = policyOf(BLOCKS, 1);
/** An admin policy that denies namespace a → namespace b before any NetworkPolicy is asked. */
const ADMIN_DENY = `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: deny-a-to-b}
spec:
  priority: 5
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: b}}}
  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: a}}}]}]
`;
type Policy = typeof policy extends fc.Arbitrary<infer T> ? T : never;
type PodSpec = [string, string, string, number];
const podSpec = fc.tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom(...APPS), fc.constantFrom('x', 'y'), fc.nat({ max: LISTENS.length - 1 }));
const pods = fc.array(podSpec, { minLength: 2, maxLength: 6 });
/** Sometimes a Deployment `d` of two replicas (one owner, two pods, on whichever nodes they are scheduled). */
const deployment = fc.option(podSpec, { nil: undefined, freq: 2 });

function ruleYAML(r: { peers: string[]; ports: string[] }, field: string): string {
  return `{${[r.peers.length ? `${field}: [${r.peers.join(', ')}]` : '', r.ports.length ? `ports: [${r.ports.join(', ')}]` : ''].filter(Boolean).join(', ')}}`;
}

function yaml(podList: PodSpec[], dep: PodSpec | undefined, policies: Policy[]): string {
  const docs = podList.map(
    ([ns, app, tier, listens], i) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${ns}, labels: {app: ${app}, tier: ${tier}, pod-template-hash: h${i}}}\nspec: {nodeName: node-${(i % 2) + 1}, containers: [{name: c, ports: ${LISTENS[listens]}}]}\nstatus: {phase: Running, podIP: 10.244.${(i % 2) + 1}.${i + 10}}`,
  );
  if (dep) {
    const [ns, app, tier, listens] = dep;
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: ${ns}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${app}, tier: ${tier}}}\n  template:\n    metadata: {labels: {app: ${app}, tier: ${tier}}}\n    spec: {containers: [{name: c, ports: ${LISTENS[listens]}}]}`,
    );
  }
  policies.forEach((p, k) => {
    docs.push(
      `# policy ${k}\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np${k}, namespace: ${p.ns}}\nspec:\n  podSelector: ${p.podSelector}\n${p.types ? `  policyTypes: ${p.types}\n` : ''}  ingress: [${p.ingress.map((r) => ruleYAML(r, 'from')).join(', ')}]\n  egress: [${p.egress.map((r) => ruleYAML(r, 'to')).join(', ')}]`,
    );
  });
  return docs.join('\n---\n') + '\n';
}

/** The scenario's own pods (the simulator's CoreDNS and the like live elsewhere), as `ns/name`. */
function clusterPods(s: Simulation): string[] {
  return s.world.pods.filter((p) => NAMESPACES.includes(p.namespace)).map((p) => `${p.namespace}/${p.name}`);
}

/** Every verdict, pod by pod: pod pairs per port (matrix) and pod ↔ outside address per port (check). */
function verdicts(s: Simulation): Map<string, boolean> {
  const names = new Set(clusterPods(s));
  const idx = s.world.pods.map((p, i) => ({ p, i })).filter(({ p }) => names.has(`${p.namespace}/${p.name}`));
  const m = matrix(s, { ports: PORTS, pods: idx.map(({ i }) => i) });
  const cells = new Map<string, boolean>();
  for (const pk of PORTS) {
    m.matrix[`${pk.port}/${pk.protocol}`]!.forEach((row, i) => [...row].forEach((ch, j) => cells.set(`${m.pods[i]}>${m.pods[j]}@${pk.port}/${pk.protocol}`, ch === '1')));
    for (const pod of m.pods)
      for (const ip of OUTSIDE) {
        const out = check(s, { from: pod, to: `ip:${ip}`, port: pk.port, protocol: pk.protocol });
        const inb = check(s, { from: `ip:${ip}`, to: pod, port: pk.port, protocol: pk.protocol });
        if (out.ok) cells.set(`${pod}>ip:${ip}@${pk.port}/${pk.protocol}`, out.result.verdict === 'allowed');
        if (inb.ok) cells.set(`ip:${ip}>${pod}@${pk.port}/${pk.protocol}`, inb.result.verdict === 'allowed');
      }
  }
  return cells;
}

/** Does a written peer item match this end of a connection (NP-5), read without the engine? */
function matches(s: Simulation, item: PlainPeer, policyNs: string, end: string): boolean {
  if (item.ipBlock) return end === `ip:${item.ipBlock.cidr.replace(/\/32$/, '')}` || podOf(s, end)?.ips[0] === item.ipBlock.cidr.replace(/\/32$/, '');
  const pod = podOf(s, end);
  if (!pod) return false;
  const ns = item.namespaceSelector?.matchLabels['kubernetes.io/metadata.name'] ?? policyNs;
  return pod.namespace === ns && Object.entries(item.podSelector?.matchLabels ?? {}).every(([k, v]) => pod.labels[k] === v);
}

function podOf(s: Simulation, end: string): Pod | undefined {
  return s.world.pods.find((p) => `${p.namespace}/${p.name}` === end);
}

/** Is the pod pair `from` → `to` (`ns/name` or `ip:…`) within one of the new rules: a selected pod, a matching peer? */
function explained(s: Simulation, grants: Grant[], from: string, to: string): boolean {
  return grants.some((g) => {
    const [subject, other] = g.direction === 'ingress' ? [to, from] : [from, to];
    const item = (g.rule.from ?? g.rule.to)![0]!;
    return g.subjects.includes(`Pod/${subject}`) && matches(s, item, g.namespace, other);
  });
}

/** The owner `diff` names a pod by: its workload, or the pod itself. */
const ownerOf = (p: Pod): string => p.ownerId ?? p.id;

/** The replica pairs of two owners as `ns/name` pairs, a pod never paired with itself (diff leaves those out). */
function replicaPairs(s: Simulation, from: string, to: string): [string, string][] {
  const of = (owner: string) => s.world.pods.filter((p) => ownerOf(p) === owner).map((p) => `${p.namespace}/${p.name}`);
  return of(from).flatMap((a) => of(to).filter((b) => b !== a).map((b): [string, string] => [a, b]));
}

const RANK = { denied: 0, partial: 1, allowed: 2 } as const;

/**
 * What `diff`'s document can promise, owner pair by owner pair. Its verdicts are per owner pair: `allowed`
 * (every replica pair), `denied` (none), `partial` (some). So a change is newly denied unless it moves up
 * (denied → partial → allowed); a change from `denied` to `allowed` opened every replica pair, so each must be
 * within the new rule; any other change up opened at least one replica pair, so at least one must be.
 */
function assertDiff(before: Simulation, d: DiffDocument, grants: Grant[], port: number, protocol: string, changed: string[], context: string): void {
  for (const c of d.connections) {
    const what = `${c.from} → ${c.to} ${c.port}/${c.protocol}: ${c.before} → ${c.after}\n${context}`;
    // The same pods run in both versions: every owner is present on both sides.
    expect(c.before !== 'absent' && c.after !== 'absent', `${what}: a workload appeared or vanished`).toBe(true);
    if (c.before === 'absent' || c.after === 'absent') continue;
    expect(RANK[c.after] > RANK[c.before], `${what}: newly denied`).toBe(true);
    expect(`${c.port}/${c.protocol}`, `${what}: newly allowed on another port`).toBe(`${port}/${protocol}`);
    const pairs = replicaPairs(before, c.from, c.to);
    const within = pairs.filter(([a, b]) => explained(before, grants, a, b));
    if (c.before === 'denied' && c.after === 'allowed') expect(within, `${what}: every replica pair opened, some outside the new rule`).toEqual(pairs);
    else expect(within.length, `${what}: opened outside the new rule`).toBeGreaterThan(0);
    // Only the policies allow wrote changed, so one of them decided it.
    expect(changed, `${what}: because ${c.because}`).toContain(c.because);
  }
}

/** One random case: the scenario, which connection to allow (indexes), an admin Deny, the Cilium ipBlock mode. */
interface Case {
  podList: PodSpec[];
  dep: PodSpec | undefined;
  policies: Policy[];
  i: number;
  j: number;
  k: number;
  adminDeny: boolean;
  cilium: boolean;
}

function promise({ podList, dep, policies, i, j, k, adminDeny, cilium }: Case, replicaEnd: boolean): void {
  const text = yaml(podList, dep, policies) + (adminDeny ? ADMIN_DENY : '');
  const options = { policy: { ipBlockMatchesPods: !cilium } };
  const before = simulate([{ name: 'in.yaml', text }], options);
  const names = clusterPods(before);
  const replicas = names.filter((n) => n.startsWith(`${dep?.[0]}/d-`));
  // From a pod or an outside address, to a pod, on a port the pod listens on; with `replicaEnd`, one end a replica of `d`.
  let from = i % (names.length + 1) === names.length ? `ip:${OUTSIDE[i % 2]}` : names[i % names.length]!;
  let to = names[j % names.length]!;
  if (replicaEnd && replicas.length && !replicas.includes(from) && !replicas.includes(to)) {
    if (i % 2 || from.startsWith('ip:')) to = replicas[j % replicas.length]!;
    else from = replicas[j % replicas.length]!;
  }
  const listens = podOf(before, to)!.containers[0]!.ports;
  const { containerPort: port, protocol } = listens[k % listens.length]!;
  const fromPeer = parsePeer(from);
  const toPeer = parsePeer(to);
  if ('error' in fromPeer || 'error' in toPeer) throw new Error('bad peer');
  const r = allow(before, { from: fromPeer, to: toPeer, port, protocol });
  if (!r.ok) {
    // The one refusal these clusters allow: the admin Deny, which no NetworkPolicy can override (ANP-2).
    expect(adminDeny && r.error.includes('AdminNetworkPolicy deny-a-to-b denies it'), `${from} → ${to}:${port}/${protocol}: ${r.error}\n${text}`).toBe(true);
    return;
  }
  const out = r.result.files[0]!.text;
  const context = `${from} → ${to}:${port}/${protocol}\n${out}`;
  const after = simulate(r.result.files, options);
  const now = check(after, { from, to, port, protocol });
  expect(now.ok && now.result.verdict, context).toBe('allowed');

  // `knet diff in.yaml out.yaml`: the same query, asked as the CLI asks it.
  const d = runQuery(after, 'diff', { before: text });
  if (!d.ok) throw new Error(d.error);
  expect(d.result.routes, context).toEqual([]);
  assertDiff(before, d.result, r.result.grants, port, protocol, r.result.changes.map((c) => c.object), context);
  const self = from === to;
  const wasAllowed = check(before, { from, to, port, protocol });
  if (!from.startsWith('ip:') && !self && wasAllowed.ok && wasAllowed.result.verdict !== 'allowed') {
    // The connection asked for opened, so its owner pair is listed (it was not allowed for every replica pair before).
    const owner = (end: string) => ownerOf(podOf(before, end)!);
    expect(d.result.connections.some((c) => c.from === owner(from) && c.to === owner(to) && c.port === port && c.protocol === protocol), `${context}\nnot in the diff`).toBe(true);
  }

  // Pod by pod, what the owner-level diff cannot see: outside addresses, undeclared ports, a replica
  // pair flipping inside an owner pair that stays `partial`. And every pair that changes on a port its
  // destination declares is in the diff under its owners.
  const was = verdicts(before);
  const is = verdicts(after);
  for (const [key, allowed] of was) {
    if (allowed) expect(is.get(key), `${key} newly denied\n${context}`).toBe(true);
    else if (is.get(key)) {
      const [pair, on] = key.split('@') as [string, string];
      const [a, b] = pair.split('>') as [string, string];
      expect(on, `${key} newly allowed on another port\n${context}`).toBe(`${port}/${protocol}`);
      expect(explained(before, r.result.grants, a, b), `${key} newly allowed outside the new rule\n${context}`).toBe(true);
      const [src, dst] = [podOf(before, a), podOf(before, b)];
      if (src && dst && src !== dst && dst.containers.some((c) => c.ports.some((cp) => `${cp.containerPort}/${cp.protocol}` === on))) {
        const listed = d.result.connections.some((c) => c.from === ownerOf(src) && c.to === ownerOf(dst) && `${c.port}/${c.protocol}` === on);
        expect(listed || replicaPairs(before, ownerOf(src), ownerOf(dst)).length > 1, `${key} opened but not in the diff\n${context}`).toBe(true);
      }
    }
  }
  // Every other document is kept byte for byte, in order: the input is a prefix-and-suffix frame of the output.
  const docs = text.split(/\n---\n/);
  expect(docs.filter((doc) => out.includes(doc)).length).toBeGreaterThanOrEqual(docs.length - 2);
}

const RUNS = Number(process.env.ALLOW_RUNS ?? 100);
const cases = (podList: fc.Arbitrary<PodSpec[]>, dep: fc.Arbitrary<PodSpec | undefined>, pol: fc.Arbitrary<Policy>) =>
  fc.record({ podList, dep, policies: fc.array(pol, { minLength: 1, maxLength: 3 }), i: fc.nat(), j: fc.nat(), k: fc.nat(), adminDeny: fc.boolean(), cilium: fc.boolean() });

/**
 * Random clusters rarely make an owner pair `partial` and then change it, so these cases always run first:
 * a/p0 may send only to node-2's pods (10.244.2.0/24), where one replica of `d` runs (the other is on node-3).
 * Allowing p0 → the node-3 replica moves p0 → d from `partial` to `allowed` (an egress rule); with `d` isolated
 * for ingress too, allowing p0 → the node-2 replica moves it from `denied` to `partial` (only an ingress rule is
 * needed; the node-3 replica stays denied by p0's egress), and p0 → the node-3 replica from `denied` to `allowed`.
 */
const P0: PodSpec = ['a', 'blue', 'x', 1];
const D: PodSpec = ['a', 'red', 'x', 1];
const P0_EGRESS: Policy = { ns: 'a', podSelector: '{matchLabels: {app: blue}}', types: '[Egress]', ingress: [], egress: [{ peers: ['{ipBlock: {cidr: 10.244.2.0/24}}'], ports: [] }] };
const D_INGRESS: Policy = { ns: 'a', podSelector: '{matchLabels: {app: red}}', types: '[Ingress]', ingress: [], egress: [] };
const PARTIAL: Case[] = [[P0_EGRESS], [P0_EGRESS, D_INGRESS]].flatMap((policies) =>
  [1, 2].map((j) => ({ podList: [P0], dep: D, policies, i: 0, j, k: 0, adminDeny: false, cilium: false })),
);

describe('allow over random clusters', () => {
  it('allows the connection, and diff shows nothing newly denied and only the new rule’s peers opened on the asked port', () => {
    fc.assert(
      fc.property(cases(pods, deployment, policy), (c) => promise(c, false)),
      { numRuns: RUNS },
    );
  });

  it('keeps that promise at diff’s owner granularity: a Deployment at one end, peers by address (`partial` pairs)', () => {
    fc.assert(
      // Few bare pods, so the scheduler spreads the replicas over nodes that an ipBlock tells apart.
      fc.property(cases(fc.array(podSpec, { minLength: 1, maxLength: 3 }), podSpec, policyOf(NODE_BLOCKS, 6, 1)), (c) => promise(c, true)),
      { numRuns: RUNS, examples: PARTIAL.map((c) => [c]) },
    );
  });
});
