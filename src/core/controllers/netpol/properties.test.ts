import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';
import { checkPeers as check, matrixOf as matrix } from '../../queries/testing';

/**
 * Properties of NetworkPolicy (NP-2, NP-3): policies are additive allow-lists over isolation, so
 * (1) adding a rule, or a peer to a rule that already lists peers, never turns an allowed connection into a
 * denied one; (2) a new policy can only deny connections of the pods it newly isolates, in the directions
 * it isolates. Checked on random small clusters, pod pairs by matrix() and outside peers by check().
 */

const NAMESPACES = ['a', 'b', 'c'];
const LABELS = ['red', 'blue', 'green'];
const PORTS = [{ port: 80, protocol: 'TCP' as const }, { port: 53, protocol: 'UDP' as const }];
const OUTSIDE = ['8.8.8.8', '10.244.1.3'];

const selector = fc.oneof(
  fc.constant('{}'),
  fc.constantFrom(...LABELS).map((l) => `{matchLabels: {color: ${l}}}`),
  fc.constantFrom(...LABELS).map((l) => `{matchExpressions: [{key: color, operator: NotIn, values: [${l}]}]}`),
);
const nsSelector = fc.oneof(fc.constant('{}'), fc.constantFrom(...NAMESPACES).map((n) => `{matchLabels: {kubernetes.io/metadata.name: ${n}}}`));
const peer = fc.oneof(
  selector.map((s) => `{podSelector: ${s}}`),
  nsSelector.map((s) => `{namespaceSelector: ${s}}`),
  fc.tuple(nsSelector, selector).map(([n, s]) => `{namespaceSelector: ${n}, podSelector: ${s}}`),
  fc.constantFrom('{ipBlock: {cidr: 0.0.0.0/0}}', '{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}', '{ipBlock: {cidr: 8.8.8.0/24}}'),
);
const portItem = fc.constantFrom('{port: 80}', '{port: 53, protocol: UDP}', '{port: web}', '{port: 50, endPort: 90}', '{protocol: UDP}');
const rule = fc.record({ peers: fc.array(peer, { maxLength: 2 }), ports: fc.array(portItem, { maxLength: 2 }) });
interface Policy {
  ns: string;
  podSelector: string;
  types: ('Ingress' | 'Egress')[];
  ingress: { peers: string[]; ports: string[] }[];
  egress: { peers: string[]; ports: string[] }[];
}
const policy: fc.Arbitrary<Policy> = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  podSelector: selector,
  types: fc.constantFrom<('Ingress' | 'Egress')[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(rule, { maxLength: 2 }),
  egress: fc.array(rule, { maxLength: 2 }),
});
const pods = fc.array(fc.tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom(...LABELS), fc.boolean(), fc.boolean()), { minLength: 2, maxLength: 6 });

function ruleYAML(r: { peers: string[]; ports: string[] }, field: string): string {
  return `{${[r.peers.length ? `${field}: [${r.peers.join(', ')}]` : '', r.ports.length ? `ports: [${r.ports.join(', ')}]` : ''].filter(Boolean).join(', ')}}`;
}

function yaml(podList: [string, string, boolean, boolean][], policies: Policy[]): string {
  // Every third pod may use the host network (NP-11): its address is its node's (default nodes 172.18.0.2, .3).
  const docs = podList.map(
    ([ns, color, named, host], i) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${ns}, labels: {color: ${color}}}\nspec: {nodeName: node-${(i % 2) + 1}, hostNetwork: ${host && i % 3 === 2}, containers: [{name: c, ports: [${named ? '{name: web, containerPort: 80}' : '{containerPort: 80}'}]}]}\nstatus: {phase: Running, podIP: ${host && i % 3 === 2 ? `172.18.0.${(i % 2) + 2}` : `10.244.${(i % 2) + 1}.${i + 10}`}}`,
  );
  policies.forEach((p, k) => {
    // policyTypes are written: without them adding an egress rule would change the types (NP-1).
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np${k}, namespace: ${p.ns}}\nspec:\n  podSelector: ${p.podSelector}\n  policyTypes: [${p.types.join(', ')}]\n  ingress: [${p.ingress.map((r) => ruleYAML(r, 'from')).join(', ')}]\n  egress: [${p.egress.map((r) => ruleYAML(r, 'to')).join(', ')}]`);
  });
  return docs.join('\n---\n');
}

/** Every verdict: pod pairs per port (matrix) and pod ↔ outside address per port (check). */
function verdicts(text: string): { cells: Map<string, boolean>; isolated: Map<string, boolean> } {
  const s = simulate([{ name: 'p.yaml', text }]);
  const idx = s.world.pods.map((p, i) => ({ p, i })).filter(({ p }) => /^p\d+$/.test(p.name));
  const m = matrix(s, { ports: PORTS, pods: idx.map(({ i }) => i) });
  const cells = new Map<string, boolean>();
  const isolated = new Map<string, boolean>();
  for (const pk of PORTS) {
    m.matrix[`${pk.port}/${pk.protocol}`]!.forEach((row, i) => [...row].forEach((ch, j) => cells.set(`${m.pods[i]}>${m.pods[j]}@${pk.port}`, ch === '1')));
    for (const pod of m.pods) {
      for (const ip of OUTSIDE) {
        const out = check(s, { from: pod, to: `ip:${ip}`, port: pk.port, protocol: pk.protocol });
        const inb = check(s, { from: `ip:${ip}`, to: pod, port: pk.port, protocol: pk.protocol });
        if (out.ok) {
          cells.set(`${pod}>${ip}@${pk.port}`, out.result.verdict === 'allowed');
          isolated.set(`${pod}:egress`, out.result.egress.isolated);
        }
        if (inb.ok) {
          cells.set(`${ip}>${pod}@${pk.port}`, inb.result.verdict === 'allowed');
          isolated.set(`${pod}:ingress`, inb.result.ingress.isolated);
        }
      }
    }
  }
  return { cells, isolated };
}

const adminPeer = fc.oneof(
  nsSelector.map((n) => `{namespaces: ${n}}`),
  fc.tuple(nsSelector, selector).map(([n, s]) => `{pods: {namespaceSelector: ${n}, podSelector: ${s}}}`),
  fc.constantFrom('{networks: [0.0.0.0/0]}', '{networks: [10.244.1.0/24]}'),
);
const adminPorts = fc.option(fc.array(fc.constantFrom('{portNumber: {port: 80}}', '{portNumber: {protocol: UDP, port: 53}}', '{namedPort: web}', '{portRange: {start: 50, end: 90}}'), { minLength: 1, maxLength: 2 }), { nil: undefined });
const adminRule = (actions: string[], field: 'from' | 'to') =>
  fc.record({ action: fc.constantFrom(...actions), peers: fc.array(field === 'from' ? adminPeer.filter((x) => !x.includes('networks')) : adminPeer, { minLength: 1, maxLength: 2 }), ports: adminPorts }).map(
    (r) => `{action: ${r.action}, ${field}: [${r.peers.join(', ')}]${r.ports ? `, ports: [${r.ports.join(', ')}]` : ''}}`,
  );
const admin = (baseline: boolean) =>
  fc.record({ priority: fc.nat({ max: 3 }), subject: nsSelector, ingress: fc.array(adminRule(baseline ? ['Allow', 'Deny'] : ['Allow', 'Deny', 'Pass'], 'from'), { maxLength: 2 }), egress: fc.array(adminRule(baseline ? ['Allow', 'Deny'] : ['Allow', 'Deny', 'Pass'], 'to'), { maxLength: 2 }) });
const admins = fc.tuple(fc.array(admin(false), { maxLength: 2 }), fc.option(admin(true), { nil: undefined })).map(([anps, banp]) => {
  const doc = (kind: string, name: string, a: { priority: number; subject: string; ingress: string[]; egress: string[] }) =>
    `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${kind === 'AdminNetworkPolicy' ? `  priority: ${a.priority}\n` : ''}  subject: {namespaces: ${a.subject}}\n  ingress: [${a.ingress.join(', ')}]\n  egress: [${a.egress.join(', ')}]`;
  return [...anps.map((a, k) => doc('AdminNetworkPolicy', `anp${k}`, a)), ...(banp ? [doc('BaselineAdminNetworkPolicy', 'default', banp)] : [])].map((d) => `\n---\n${d}`).join('');
});

const RUNS = { numRuns: Number(process.env.NETPOL_RUNS ?? 40) };

describe('NetworkPolicy properties', () => {
  it('adding a rule, or a peer to a rule that lists peers, never turns allowed into denied', () => {
    fc.assert(
      fc.property(pods, fc.array(policy, { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean(), rule, peer, (podList, policies, pick, addRule, newRule, newPeer) => {
        const k = pick % policies.length;
        const before = verdicts(yaml(podList, policies));
        const changed = structuredClone(policies);
        const p = changed[k]!;
        const dir = pick % 2 ? 'ingress' : 'egress';
        if (addRule) p[dir].push(newRule);
        else {
          const r = p[dir].find((x) => x.peers.length > 0);
          if (!r) return;
          r.peers.push(newPeer);
        }
        const after = verdicts(yaml(podList, changed));
        for (const [key, allowed] of before.cells) if (allowed) expect(after.cells.get(key), key).toBe(true);
      }),
      RUNS,
    );
  });

  it('a new policy only denies connections of pods it newly isolates, in the directions it isolates', () => {
    fc.assert(
      fc.property(pods, fc.array(policy, { maxLength: 2 }), policy, (podList, policies, extra) => {
        const before = verdicts(yaml(podList, policies));
        const after = verdicts(yaml(podList, [...policies, extra]));
        for (const [key, allowed] of before.cells) {
          if (!allowed || after.cells.get(key)) continue;
          const [from, rest] = key.split('>') as [string, string];
          const to = rest.split('@')[0]!;
          const newly = (pod: string, dir: 'ingress' | 'egress') => !before.isolated.get(`${pod}:${dir}`) && after.isolated.get(`${pod}:${dir}`) === true;
          const explained = (extra.types.includes('Egress') && newly(from, 'egress')) || (extra.types.includes('Ingress') && newly(to, 'ingress'));
          expect(explained, `${key} became denied`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('matrix() and check() agree on every pod pair, admin tiers included (two evaluators of the same rules)', () => {
    fc.assert(
      fc.property(pods, fc.array(policy, { maxLength: 4 }), admins, fc.boolean(), (podList, policies, adminDocs, cilium) => {
        const s = simulate([{ name: 'p.yaml', text: yaml(podList, policies) + adminDocs }], { policy: { ipBlockMatchesPods: !cilium } });
        expect(s.diagnostics.filter((d) => d.severity === 'error' && /Policy/.test(d.object ?? ''))).toEqual([]);
        const idx = s.world.pods.map((p, i) => ({ p, i })).filter(({ p }) => /^p\d+$/.test(p.name));
        const m = matrix(s, { ports: PORTS, pods: idx.map(({ i }) => i) });
        for (const pk of PORTS) {
          m.matrix[`${pk.port}/${pk.protocol}`]!.forEach((row, i) =>
            [...row].forEach((ch, j) => {
              const r = check(s, { from: m.pods[i]!, to: m.pods[j]!, port: pk.port, protocol: pk.protocol });
              expect(r.ok && r.result.verdict, `${m.pods[i]} → ${m.pods[j]} ${pk.port}`).toBe(ch === '1' ? 'allowed' : 'denied');
            }),
          );
        }
      }),
      RUNS,
    );
  });
});
