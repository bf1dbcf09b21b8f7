import type { LabelSelector, Protocol } from '../model/meta';
import type { Simulation } from '../simulate';
import { scenarioUses, type End, type Subject, type Use } from './uses';

/** The label every generated policy carries, so a person (or `kubectl delete -l`) can find them. */
export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGER = 'knet-policies';
/**
 * Why each part of a policy exists, one `section: sentence` per line (`policy: ...`, `ingress.0: ...`,
 * `egress.1: ...`): the YAML shows them as comments above the rule they explain.
 */
export const WHY_ANNOTATION = 'playground.knet.dev/why';

export interface SelectorJSON {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface PeerJSON {
  podSelector?: SelectorJSON;
  namespaceSelector?: SelectorJSON;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface RuleJSON {
  from?: PeerJSON[];
  to?: PeerJSON[];
  ports: { protocol: Protocol; port: number | string }[];
}

/** A generated NetworkPolicy, as `kubectl apply` takes it. */
export interface PolicyObject {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { podSelector: SelectorJSON; policyTypes: ('Ingress' | 'Egress')[]; ingress?: RuleJSON[]; egress?: RuleJSON[] };
}

const NS_LABEL = 'kubernetes.io/metadata.name';

/** The namespaces locked down when none are named: every namespace with pods the input declares or makes. */
export function namespacesWithPods(sim: Simulation): string[] {
  const used = new Set(sim.world.pods.filter((p) => !p.system).map((p) => p.namespace));
  return sim.world.namespaces.map((n) => n.name).filter((n) => used.has(n));
}

/**
 * Zero-trust NetworkPolicies for `namespaces`: per namespace a default deny (ingress and egress), DNS egress
 * for every pod, and one policy per workload that allows back exactly the connections the scenario uses
 * (`uses.ts`), each rule with the calls it serves. Policies are additive (NP-3), so these alone decide
 * only when no other policy selects the pods: `apply.ts` replaces the namespaces' own policies.
 */
export function lockDown(sim: Simulation, namespaces: string[]): PolicyObject[] {
  const { uses, dns } = scenarioUses(sim);
  const podCIDR = sim.world.cluster.podCIDR;
  const out: PolicyObject[] = [];
  for (const ns of namespaces) {
    const names = new Set<string>();
    const unique = (want: string, kind: string) => {
      let name = names.has(want) ? `${want}-${kind.toLowerCase()}` : want;
      for (let i = 2; names.has(name); i++) name = `${want}-${i}`;
      names.add(name);
      return name;
    };
    const notes: string[] = [`Zero trust for namespace ${ns}: every pod is isolated for ingress and egress; the policies beside this one allow back only what the scenario uses (NP-2, NP-3).`];
    const subjects = new Map<string, Subject>();
    for (const u of uses) for (const e of [u.from, u.to]) if (e.kind === 'pods' && e.subject.namespace === ns) subjects.set(e.subject.id, e.subject);
    for (const s of subjects.values()) if (!s.selectable) notes.push(`${s.kind} ${s.name} selects its pods by no label, so no policy can select them alone: they stay denied. Give them a label and run knet policies again.`);
    const dnsPeers = dns.subjects.filter((s) => s.selectable).map((s) => peerOf({ kind: 'pods', subject: s }, ns, podCIDR)!);
    if (dnsPeers.length === 0) notes.push('No cluster DNS pods were found behind the DNS Service, so no DNS egress is allowed.');
    out.push(policy(unique('default-deny', 'policy'), ns, {}, ['Ingress', 'Egress'], [], [], notes));
    if (dnsPeers.length) {
      const rule: Draft = { peers: dnsPeers, ports: dns.ports.map((p) => ({ protocol: p.protocol, port: p.port })), why: ['look up names in the cluster DNS, UDP and TCP (NP-14)'] };
      out.push(policy(unique('allow-dns', 'policy'), ns, {}, ['Egress'], [], [rule], [`Every pod of ${ns} may ask the cluster DNS; after DNAT that is the DNS pods on port 53 (NP-10, NP-14).`]));
    }
    for (const s of [...subjects.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))) {
      if (!s.selectable) continue;
      const ingress = rules(uses.filter((u) => u.to.kind === 'pods' && u.to.subject.id === s.id), 'from', ns, podCIDR);
      // DNS egress comes from the namespace's allow-dns policy (DNS uses start at "any pod", never here).
      const egress = rules(uses.filter((u) => u.from.kind === 'pods' && u.from.subject.id === s.id), 'to', ns, podCIDR);
      if (ingress.length === 0 && egress.length === 0) continue;
      const types: ('Ingress' | 'Egress')[] = [...(ingress.length ? ['Ingress' as const] : []), ...(egress.length ? ['Egress' as const] : [])];
      out.push(policy(unique(s.name, s.kind), ns, selectorJSON(s.selector), types, ingress, egress, [`What ${s.kind} ${s.name} uses, and nothing else.`, ...(s.note ? [s.note] : [])]));
    }
  }
  return out;
}

interface Draft {
  peers: PeerJSON[];
  ports: { protocol: Protocol; port: number | string }[];
  why: string[];
}

/** One rule per peer, with every port and every reason that peer was needed for, in the order first used. */
function rules(uses: Use[], side: 'from' | 'to', ns: string, podCIDR: string): Draft[] {
  const byPeer = new Map<string, Draft>();
  for (const u of uses) {
    const peer = peerOf(side === 'from' ? u.from : u.to, ns, podCIDR);
    if (!peer) continue;
    const key = JSON.stringify(peer);
    const d = byPeer.get(key) ?? { peers: [peer], ports: [], why: [] };
    if (!d.ports.some((p) => p.port === u.port && p.protocol === u.protocol)) d.ports.push({ protocol: u.protocol, port: u.port });
    if (!d.why.includes(u.why)) d.why.push(u.why);
    byPeer.set(key, d);
  }
  // Numbers in order, then names; TCP before UDP on the same port.
  const rank = (p: number | string) => (typeof p === 'number' ? p : 65536);
  for (const d of byPeer.values()) d.ports.sort((a, b) => rank(a.port) - rank(b.port) || String(a.port).localeCompare(String(b.port)) || (a.protocol < b.protocol ? -1 : 1));
  return [...byPeer.values()];
}

/** How a rule names the other end, the way a person writes it (NP-5): pods by labels, namespaces by name. */
function peerOf(e: End, ns: string, podCIDR: string): PeerJSON | undefined {
  switch (e.kind) {
    case 'pods':
      if (!e.subject.selectable) return undefined;
      return e.subject.namespace === ns ? { podSelector: selectorJSON(e.subject.selector) } : { namespaceSelector: { matchLabels: { [NS_LABEL]: e.subject.namespace } }, podSelector: selectorJSON(e.subject.selector) };
    case 'any-pod':
      return { namespaceSelector: {} };
    case 'outside':
      // Everything but the pod network: clients, node addresses after SNAT (NP-12), the internet; not pods (NP-9).
      return { ipBlock: { cidr: '0.0.0.0/0', except: [podCIDR] } };
    case 'ip':
      return { ipBlock: { cidr: `${e.ip}/${e.ip.includes(':') ? 128 : 32}` } };
  }
}

function selectorJSON(s: LabelSelector): SelectorJSON {
  const out: SelectorJSON = {};
  if (Object.keys(s.matchLabels).length) out.matchLabels = { ...s.matchLabels };
  if (s.matchExpressions.length) out.matchExpressions = s.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, ...(r.operator === 'In' || r.operator === 'NotIn' ? { values: [...r.values] } : {}) }));
  return out;
}

function policy(name: string, namespace: string, podSelector: SelectorJSON, policyTypes: ('Ingress' | 'Egress')[], ingress: Draft[], egress: Draft[], notes: string[]): PolicyObject {
  const why = [...notes.map((n) => `policy: ${n}`), ...ingress.map((r, i) => `ingress.${i}: ${r.why.join('; ')}`), ...egress.map((r, i) => `egress.${i}: ${r.why.join('; ')}`)];
  const spec: PolicyObject['spec'] = { podSelector, policyTypes };
  if (ingress.length) spec.ingress = ingress.map((r) => ({ from: r.peers, ports: r.ports }));
  if (egress.length) spec.egress = egress.map((r) => ({ to: r.peers, ports: r.ports }));
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace, labels: { [MANAGED_BY]: MANAGER }, annotations: { [WHY_ANNOTATION]: why.join('\n') } }, spec };
}
