import type { AdminNetworkPolicy, AdminPeer, AdminRule } from '../../model/admin-policy';
import type { Pod } from '../../model/core';
import type { LabelSelector, Protocol } from '../../model/meta';
import type { NetworkPolicy, NetworkPolicyRule } from '../../model/networking';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { parseCIDR, parseIP } from '../../net/ip';
import { matchesSelector } from '../../net/labels';
import { whyNoTraffic } from '../../model/pod-state';
import { and, andNot, empty, full, has, or, orInto, set, type Bits } from './bitset';

/** An address prepared for fast CIDR tests: IPv4 as an unsigned number, IPv6 as a bigint. */
export interface Addr {
  family: 4 | 6;
  v4: number;
  v6: bigint;
}

export interface Net {
  family: 4 | 6;
  prefix: number;
  v4: number;
  v6: bigint;
}

export function addr(text: string): Addr | null {
  const ip = parseIP(text);
  if (!ip) return null;
  return { family: ip.family, v4: ip.family === 4 ? Number(ip.value) : 0, v6: ip.value };
}

export function net(text: string): Net | null {
  const c = parseCIDR(text);
  if (!c) return null;
  return { family: c.family, prefix: c.prefix, v4: c.family === 4 ? Number(c.base) : 0, v6: c.base };
}

export function inNet(n: Net, a: Addr): boolean {
  if (n.family !== a.family) return false;
  if (n.family === 4) return n.prefix === 0 || ((a.v4 ^ n.v4) >>> (32 - n.prefix)) === 0;
  const shift = BigInt(128 - n.prefix);
  return a.v6 >> shift === n.v6 >> shift;
}

/** `ipBlock`: inside `cidr` and outside every `except` (NP-5). */
export interface IPBlockMatcher {
  cidr: Net;
  except: Net[];
}

export function inBlock(b: IPBlockMatcher, a: Addr): boolean {
  return inNet(b.cidr, a) && !b.except.some((e) => inNet(e, a));
}

export interface CompiledPeer {
  index: number;
  /** Pods matched by the selectors (host-network pods never, NP-11). */
  pods: Bits;
  ipBlock?: IPBlockMatcher;
  /** Pods (host-network ones included, by node IP) whose address lies in the ipBlock. */
  ipPods?: Bits;
}

export interface CompiledPort {
  index: number;
  protocol: Protocol;
  port?: number;
  endPort?: number;
  name?: string;
}

export interface CompiledRule {
  rule: NetworkPolicyRule;
  /** `from`/`to` empty: any peer (NP-4). */
  anyPeer: boolean;
  peers: CompiledPeer[];
  ports: CompiledPort[];
  /** Every pod some peer of the rule matches, under the ipBlock option in force (NP-9). */
  podsUnion: Bits;
}

export interface CompiledPolicy {
  policy: NetworkPolicy;
  selected: Bits;
  /** Present when the policy isolates for that direction (NP-1). */
  ingress?: CompiledRule[];
  egress?: CompiledRule[];
}

export interface CompiledAdminPeer {
  index: number;
  pods: Bits;
  nets?: Net[];
  nodes?: LabelSelector;
}

export interface CompiledAdminRule {
  rule: AdminRule;
  peers: CompiledAdminPeer[];
  podsUnion: Bits;
}

export interface CompiledAdmin {
  policy: AdminNetworkPolicy;
  subject: Bits;
  ingress: CompiledAdminRule[];
  egress: CompiledAdminRule[];
}

export interface NodeInfo {
  name: string;
  addresses: string[];
  labels: Record<string, string>;
}

/** Everything the verdicts need, computed once per World and options (bitsets over `pods`). */
export interface Compiled {
  world: World;
  options: SimOptions;
  pods: Pod[];
  n: number;
  /** `ns/name` → index. */
  byName: Map<string, number>;
  /** Pod IP → index (the first pod holding it). */
  byIP: Map<string, number>;
  /** Pod object id (`Pod/ns/name`) → index (the first pod with it). */
  byId: Map<string, number>;
  /**
   * Answers of lookups that only read the World (Service at an address, a Service port's backends), kept for
   * the life of this compiled form: a graph judges thousands of connections to the same few Services.
   */
  memo: Map<string, unknown>;
  hostNet: Bits;
  /** Every pod's addresses (host-network pods: their node's when not written). */
  addrs: Addr[][];
  nodes: NodeInfo[];
  nodeBits: Map<string, Bits>;
  nsBits: Map<string, Bits>;
  policies: CompiledPolicy[];
  /** Per pod, the policies isolating it per direction (NP-2), as indexes into `policies`. */
  isolating: { ingress: number[][]; egress: number[][] };
  /** ANPs by priority then name (ANP-2, I-26). */
  anps: CompiledAdmin[];
  anpFor: number[][];
  /** The baseline tier: the BANP, then v1alpha2 Baseline ClusterNetworkPolicies by priority (ANP-2, ANP-6). */
  baselines: CompiledAdmin[];
  baselineFor: number[][];
  /** Pods with a container port `name`/protocol equal to `port` (NP-6 named ports). */
  namedPortBits(name: string, protocol: Protocol, port: number): Bits;
  /** Every pod. */
  all: Bits;
  /** Pods that take traffic: running with an address (`whyNoTraffic` is null). The others send and receive nothing. */
  live: Bits;
}

/**
 * The policies of one World compiled once, kept by whoever holds that World (a Simulation carries one) and
 * passed in explicitly: the core holds no state of its own. A graph asks thousands of questions of it.
 */
export interface PolicyCache {
  compiled?: Compiled;
}

export function createPolicyCache(): PolicyCache {
  return {};
}

/** Compile selectors and rules for a World and options, or reuse what `cache` holds for the same ones. */
export function compile(world: World, options: SimOptions, cache?: PolicyCache): Compiled {
  const c = cache?.compiled;
  // A stage that adds pods or policies after a question was asked invalidates the compiled form.
  if (c && c.world === world && c.options === options && c.n === world.pods.length && c.policies.length === world.networkPolicies.length) return c;
  const built = build(world, options);
  if (cache) cache.compiled = built;
  return built;
}

/** Node names and addresses; the cluster's default nodes when the input declares none yet. */
export function nodeInfos(world: World): NodeInfo[] {
  if (world.nodes.length) return world.nodes.map((n) => ({ name: n.name, addresses: n.addresses, labels: n.labels }));
  const base = addr(world.cluster.nodeIPBase);
  return world.cluster.defaultNodes.map((d, i) => ({
    name: d.name,
    addresses: base && base.family === 4 ? [numToV4(base.v4 + i)] : [],
    labels: { 'kubernetes.io/hostname': d.name, 'topology.kubernetes.io/zone': d.zone },
  }));
}

function numToV4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function build(world: World, options: SimOptions): Compiled {
  const pods = world.pods;
  const n = pods.length;
  const all = full(n);
  const nodes = nodeInfos(world);
  const nodeAddr = new Map(nodes.map((x) => [x.name, x.addresses]));
  const byName = new Map<string, number>();
  const byIP = new Map<string, number>();
  const byId = new Map<string, number>();
  const hostNet = empty(n);
  const live = empty(n);
  const nsBits = new Map<string, Bits>();
  const nodeBits = new Map<string, Bits>();
  const addrs: Addr[][] = [];
  // Inverted label index: key → value → pods.
  const index = new Map<string, Map<string, Bits>>();
  const keyBits = new Map<string, Bits>();
  pods.forEach((p, i) => {
    byName.set(`${p.namespace}/${p.name}`, i);
    if (!byId.has(p.id)) byId.set(p.id, i);
    const ips = p.ips.length ? p.ips : p.hostNetwork ? (nodeAddr.get(p.nodeName) ?? []) : [];
    addrs.push(ips.map(addr).filter((a): a is Addr => !!a));
    for (const ip of ips) if (!byIP.has(ip) && !p.hostNetwork) byIP.set(ip, i);
    if (p.hostNetwork) set(hostNet, i);
    if (whyNoTraffic(p) === null) set(live, i);
    let b = nsBits.get(p.namespace);
    if (!b) nsBits.set(p.namespace, (b = empty(n)));
    set(b, i);
    if (p.nodeName) {
      let nb = nodeBits.get(p.nodeName);
      if (!nb) nodeBits.set(p.nodeName, (nb = empty(n)));
      set(nb, i);
    }
    for (const k in p.labels) {
      let vals = index.get(k);
      if (!vals) index.set(k, (vals = new Map<string, Bits>()));
      let vb = vals.get(p.labels[k]!);
      if (!vb) vals.set(p.labels[k]!, (vb = empty(n)));
      set(vb, i);
      let kb = keyBits.get(k);
      if (!kb) keyBits.set(k, (kb = empty(n)));
      set(kb, i);
    }
  });
  const none = empty(n);
  const podSelectable = andNot(all, hostNet);
  const valueBits = (k: string, v: string) => index.get(k)?.get(v) ?? none;

  /** Pods matching a label selector, by the inverted index (no per-pod loop). */
  const selCache = new Map<string, Bits>();
  const selectorBits = (sel: LabelSelector): Bits => {
    const key = JSON.stringify(sel);
    const hit = selCache.get(key);
    if (hit) return hit;
    let b = podSelectable;
    for (const k in sel.matchLabels) b = and(b, valueBits(k, sel.matchLabels[k]!));
    for (const e of sel.matchExpressions) {
      if (e.operator === 'Exists') b = and(b, keyBits.get(e.key) ?? none);
      else if (e.operator === 'DoesNotExist') b = andNot(b, keyBits.get(e.key) ?? none);
      else {
        let u = empty(n);
        for (const v of e.values) u = or(u, valueBits(e.key, v));
        b = e.operator === 'In' ? and(b, u) : andNot(b, u);
      }
    }
    selCache.set(key, b);
    return b;
  };
  const nsSelCache = new Map<string, Bits>();
  const namespacesBits = (sel: LabelSelector): Bits => {
    const key = JSON.stringify(sel);
    const hit = nsSelCache.get(key);
    if (hit) return hit;
    const b = empty(n);
    for (const ns of world.namespaces) if (matchesSelector(sel, ns.labels)) orInto(b, nsBits.get(ns.name) ?? none);
    const out = and(b, podSelectable);
    nsSelCache.set(key, out);
    return out;
  };
  // Pods by address for ipBlock and network peers (issue 15): an IPv4 CIDR is a range of one sorted list, so
  // each distinct CIDR costs a binary search and its members, not a pass over every pod.
  let v4: { addr: number[]; pod: number[] } | undefined;
  const v6: [Addr, number][] = [];
  const single = empty(n);
  const multi: number[] = [];
  const byAddress = () => {
    if (v4) return v4;
    const pairs: [number, number][] = [];
    addrs.forEach((list, i) => {
      if (list.length === 1) set(single, i);
      else if (list.length > 1) multi.push(i);
      for (const a of list) if (a.family === 4) pairs.push([a.v4, i]);
      else v6.push([a, i]);
    });
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return (v4 = { addr: pairs.map((x) => x[0]), pod: pairs.map((x) => x[1]) });
  };
  const inNetCache = new Map<string, Bits>();
  /** Pods with some address in `x`. */
  const podsInNet = (x: Net): Bits => {
    const key = `${x.family}|${x.family === 4 ? x.v4 : x.v6}|${x.prefix}`;
    let b = inNetCache.get(key);
    if (b) return b;
    b = empty(n);
    const list = byAddress();
    if (x.family === 4) {
      const lo = x.v4;
      const hi = lo + 2 ** (32 - x.prefix);
      let l = 0;
      let h = list.addr.length;
      while (l < h) {
        const mid = (l + h) >>> 1;
        if (list.addr[mid]! < lo) l = mid + 1;
        else h = mid;
      }
      for (let k = l; k < list.addr.length && list.addr[k]! < hi; k++) set(b, list.pod[k]!);
    } else for (const [a, i] of v6) if (inNet(x, a)) set(b, i);
    inNetCache.set(key, b);
    return b;
  };
  const netPods = (nets: Net[]): Bits => {
    const b = empty(n);
    for (const x of nets) orInto(b, podsInNet(x));
    return b;
  };
  const blockCache = new Map<string, Bits>();
  const blockPods = (key: string, m: IPBlockMatcher): Bits => {
    const hit = blockCache.get(key);
    if (hit) return hit;
    byAddress();
    // A pod with one address: in the CIDR and in no except range. Pods with several: any address that is (NP-5).
    let b = and(podsInNet(m.cidr), single);
    for (const e of m.except) b = andNot(b, podsInNet(e));
    for (const i of multi) if (addrs[i]!.some((a) => inBlock(m, a))) set(b, i);
    blockCache.set(key, b);
    return b;
  };

  // The selectable pods of one namespace, made when a rule first needs it: most rules of a large input name
  // other namespaces or ipBlocks, and each bitset is an allocation.
  const ownNs = new Map<string, Bits>();
  const ownNamespace = (ns: string): Bits => {
    let b = ownNs.get(ns);
    if (!b) ownNs.set(ns, (b = and(nsBits.get(ns) ?? none, podSelectable)));
    return b;
  };
  const compileRule = (pol: NetworkPolicy, rule: NetworkPolicyRule): CompiledRule => {
    const peers: CompiledPeer[] = rule.peers.map((peer, index) => {
      if (peer.ipBlock) {
        const m: IPBlockMatcher = { cidr: net(peer.ipBlock.cidr)!, except: peer.ipBlock.except.map((e) => net(e)!).filter(Boolean) };
        return { index, pods: none, ipBlock: m, ipPods: blockPods(JSON.stringify(peer.ipBlock), m) };
      }
      let b: Bits;
      if (peer.podSelector && peer.namespaceSelector) b = and(selectorBits(peer.podSelector), namespacesBits(peer.namespaceSelector));
      else if (peer.namespaceSelector) b = namespacesBits(peer.namespaceSelector);
      else b = and(selectorBits(peer.podSelector!), ownNamespace(pol.namespace));
      return { index, pods: b };
    });
    const anyPeer = peers.length === 0;
    const podsUnion = anyPeer ? all : empty(n);
    if (!anyPeer) {
      for (const p of peers) {
        orInto(podsUnion, p.pods);
        if (p.ipPods && options.policy.ipBlockMatchesPods) orInto(podsUnion, p.ipPods);
      }
    }
    const ports: CompiledPort[] = rule.ports.map((p, index) =>
      typeof p.port === 'string' ? { index, protocol: p.protocol, name: p.port } : { index, protocol: p.protocol, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) },
    );
    return { rule, anyPeer, peers, ports, podsUnion };
  };

  const policies: CompiledPolicy[] = world.networkPolicies.map((policy) => {
    const selected = and(selectorBits(policy.podSelector), nsBits.get(policy.namespace) ?? none);
    const cp: CompiledPolicy = { policy, selected };
    if (policy.policyTypes.includes('Ingress')) cp.ingress = policy.ingress.map((r) => compileRule(policy, r));
    if (policy.policyTypes.includes('Egress')) cp.egress = policy.egress.map((r) => compileRule(policy, r));
    return cp;
  });
  const isolating = { ingress: pods.map((): number[] => []), egress: pods.map((): number[] => []) };
  policies.forEach((cp, k) => {
    for (let w = 0; w < cp.selected.length; w++) {
      let word = cp.selected[w]!;
      while (word) {
        const t = word & -word;
        const i = (w << 5) + 31 - Math.clz32(t);
        word ^= t;
        if (cp.ingress) isolating.ingress[i]!.push(k);
        if (cp.egress) isolating.egress[i]!.push(k);
      }
    }
  });

  const adminPeer = (peer: AdminPeer, index: number): CompiledAdminPeer => {
    if ('namespaces' in peer) return { index, pods: namespacesBits(peer.namespaces) };
    if ('pods' in peer) return { index, pods: and(namespacesBits(peer.pods.namespaceSelector), selectorBits(peer.pods.podSelector)) };
    if ('networks' in peer) {
      // ANP-4: networks match pod IPs too.
      const nets = peer.networks.map((x) => net(x)!).filter(Boolean);
      return { index, pods: netPods(nets), nets };
    }
    const b = empty(n);
    for (const nd of nodes) if (matchesSelector(peer.nodes, nd.labels)) orInto(b, and(nodeBits.get(nd.name) ?? none, hostNet));
    return { index, pods: b, nodes: peer.nodes };
  };
  const adminRule = (rule: AdminRule): CompiledAdminRule => {
    const peers = rule.peers.map(adminPeer);
    const podsUnion = empty(n);
    for (const p of peers) orInto(podsUnion, p.pods);
    return { rule, peers, podsUnion };
  };
  const compileAdmin = (policy: AdminNetworkPolicy): CompiledAdmin => {
    const s = policy.subject;
    const subject = 'namespaces' in s ? namespacesBits(s.namespaces) : and(namespacesBits(s.pods.namespaceSelector), selectorBits(s.pods.podSelector));
    return { policy, subject, ingress: policy.ingress.map(adminRule), egress: policy.egress.map(adminRule) };
  };
  const byPriority = (a: AdminNetworkPolicy, b: AdminNetworkPolicy) => (a.priority ?? -1) - (b.priority ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const baselineTier = (p: AdminNetworkPolicy) => p.kind === 'BaselineAdminNetworkPolicy' || (p.kind === 'ClusterNetworkPolicy' && p.tier === 'Baseline');
  const anps = world.adminNetworkPolicies.filter((p) => !baselineTier(p)).sort(byPriority).map(compileAdmin);
  const baselines = world.adminNetworkPolicies.filter(baselineTier).sort(byPriority).map(compileAdmin);
  const subjectsOf = (list: CompiledAdmin[]) => {
    const out = pods.map((): number[] => []);
    list.forEach((a, k) => {
      for (let i = 0; i < n; i++) if (has(a.subject, i)) out[i]!.push(k);
    });
    return out;
  };
  const anpFor = subjectsOf(anps);
  const baselineFor = subjectsOf(baselines);

  const namedCache = new Map<string, Bits>();
  const namedPortBits = (name: string, protocol: Protocol, port: number): Bits => {
    const key = `${name}/${protocol}/${port}`;
    const hit = namedCache.get(key);
    if (hit) return hit;
    const b = empty(n);
    pods.forEach((p, i) => {
      if (namedPort(p, name, protocol) === port) set(b, i);
    });
    namedCache.set(key, b);
    return b;
  };

  return {
    world,
    options,
    pods,
    n,
    byName,
    byIP,
    byId,
    memo: new Map(),
    hostNet,
    addrs,
    nodes,
    nodeBits,
    nsBits,
    policies,
    isolating,
    anps,
    anpFor,
    baselines,
    baselineFor,
    namedPortBits,
    all,
    live,
  };
}

/** The containerPort a pod declares under `name` for `protocol`, or undefined (NP-6). */
export function namedPort(p: Pod, name: string, protocol: Protocol): number | undefined {
  for (const c of p.containers) for (const cp of c.ports) if (cp.name === name && cp.protocol === protocol) return cp.containerPort;
  for (const c of p.initContainers) for (const cp of c.ports) if (cp.name === name && cp.protocol === protocol) return cp.containerPort;
  return undefined;
}
