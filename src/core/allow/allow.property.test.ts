import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/core';
import { parsePeer } from '../queries/peer';
import { checkPeers as check, matrixOf as matrix } from '../queries/testing';
import { simulate, type Simulation } from '../simulate';
import { allow, type Grant, type PlainPeer } from './index';

/**
 * The promise of `allow`, over random small clusters: after the change the connection is allowed; no
 * connection that was allowed is denied; and every newly allowed connection is on the asked port and
 * protocol, between a pod the edited policy selects and a peer the new rule's selector matches. Verdicts
 * are compared with `matrix` (pod pairs) and `check` (outside addresses) before and after; sometimes under an
 * admin Deny (the one refusal allowed) and under the Cilium-style ipBlock mode (NP-9).
 */

const NAMESPACES = ['a', 'b'];
const APPS = ['red', 'blue', 'green'];
const OUTSIDE = ['8.8.8.8', '10.244.1.3'];
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
const peer = fc.oneof(
  selector.map((s) => `{podSelector: ${s}}`),
  nsSelector.map((s) => `{namespaceSelector: ${s}}`),
  fc.tuple(nsSelector, selector).map(([n, s]) => `{namespaceSelector: ${n}, podSelector: ${s}}`),
  fc.constantFrom('{ipBlock: {cidr: 0.0.0.0/0}}', '{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}'),
);
const portItem = fc.constantFrom('{port: 80}', '{port: 53, protocol: UDP}', '{port: web}', '{port: 8000, endPort: 9000}');
const rule = fc.record({ peers: fc.array(peer, { maxLength: 2 }), ports: fc.array(portItem, { maxLength: 2 }) });
const policy = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  podSelector: selector,
  // Sometimes left out, so NP-1 derives them (an egress rule added there would change them).
  types: fc.constantFrom('[Ingress]', '[Egress]', '[Ingress, Egress]', ''),
  ingress: fc.array(rule, { maxLength: 2 }),
  egress: fc.array(rule, { maxLength: 1 }),
});
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
const pods = fc.array(fc.tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom(...APPS), fc.constantFrom('x', 'y'), fc.nat({ max: LISTENS.length - 1 })), { minLength: 2, maxLength: 6 });

function ruleYAML(r: { peers: string[]; ports: string[] }, field: string): string {
  return `{${[r.peers.length ? `${field}: [${r.peers.join(', ')}]` : '', r.ports.length ? `ports: [${r.ports.join(', ')}]` : ''].filter(Boolean).join(', ')}}`;
}

function yaml(podList: [string, string, string, number][], policies: Policy[]): string {
  const docs = podList.map(
    ([ns, app, tier, listens], i) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${ns}, labels: {app: ${app}, tier: ${tier}, pod-template-hash: h${i}}}\nspec: {nodeName: node-${(i % 2) + 1}, containers: [{name: c, ports: ${LISTENS[listens]}}]}\nstatus: {phase: Running, podIP: 10.244.${(i % 2) + 1}.${i + 10}}`,
  );
  policies.forEach((p, k) => {
    docs.push(
      `# policy ${k}\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np${k}, namespace: ${p.ns}}\nspec:\n  podSelector: ${p.podSelector}\n${p.types ? `  policyTypes: ${p.types}\n` : ''}  ingress: [${p.ingress.map((r) => ruleYAML(r, 'from')).join(', ')}]\n  egress: [${p.egress.map((r) => ruleYAML(r, 'to')).join(', ')}]`,
    );
  });
  return docs.join('\n---\n') + '\n';
}

/** Every verdict: pod pairs per port (matrix) and pod ↔ outside address per port (check). */
function verdicts(s: Simulation): Map<string, boolean> {
  const idx = s.world.pods.map((p, i) => ({ p, i })).filter(({ p }) => /^p\d+$/.test(p.name));
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

function explained(s: Simulation, grants: Grant[], from: string, to: string): boolean {
  return grants.some((g) => {
    const [subject, other] = g.direction === 'ingress' ? [to, from] : [from, to];
    const item = (g.rule.from ?? g.rule.to)![0]!;
    return g.subjects.includes(`Pod/${subject}`) && matches(s, item, g.namespace, other);
  });
}

describe('allow over random clusters', () => {
  it('allows the connection, denies nothing new, and opens only the new rule’s peers on the asked port', () => {
    fc.assert(
      fc.property(pods, fc.array(policy, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), fc.nat(), fc.boolean(), fc.boolean(), (podList, policies, i, j, k, adminDeny, cilium) => {
        const text = yaml(podList, policies) + (adminDeny ? ADMIN_DENY : '');
        const options = { policy: { ipBlockMatchesPods: !cilium } };
        const before = simulate([{ name: 'in.yaml', text }], options);
        const names = podList.map((_, n) => `${podList[n]![0]}/p${n}`);
        // From a pod or an outside address, to a pod, on a port the pod listens on.
        const from = i % (names.length + 1) === names.length ? `ip:${OUTSIDE[i % 2]}` : names[i % names.length]!;
        const to = names[j % names.length]!;
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
        const after = simulate(r.result.files, options);
        const now = check(after, { from, to, port, protocol });
        expect(now.ok && now.result.verdict, `${from} → ${to}:${port}/${protocol}\n${r.result.files[0]!.text}`).toBe('allowed');
        const was = verdicts(before);
        const is = verdicts(after);
        for (const [key, allowed] of was) {
          if (allowed) expect(is.get(key), `${key} newly denied`).toBe(true);
          else if (is.get(key)) {
            const [pair, on] = key.split('@') as [string, string];
            const [a, b] = pair.split('>') as [string, string];
            expect(on, `${key} newly allowed on another port`).toBe(`${port}/${protocol}`);
            expect(explained(before, r.result.grants, a, b), `${key} newly allowed outside the new rule\n${r.result.files[0]!.text}`).toBe(true);
          }
        }
        // Every other document is kept byte for byte, in order: the input is a prefix-and-suffix frame of the output.
        const docs = text.split(/\n---\n/);
        const out = r.result.files[0]!.text;
        expect(docs.filter((d) => out.includes(d)).length).toBeGreaterThanOrEqual(docs.length - 2);
      }),
      { numRuns: Number(process.env.ALLOW_RUNS ?? 100) },
    );
  });
});
