import type { Protocol } from '../../model/meta';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { and, andNot, empty, full, has, isEmpty, orInto, set, words, type Bits } from './bitset';
import { compile, namedPort, type CompiledAdminRule, type CompiledRule, type Compiled, type PolicyCache } from './compile';
import { adminPortMatches, type Direction } from './evaluate';

export interface PortKey {
  port: number;
  protocol: Protocol;
}

export interface MatrixResult {
  /** `ns/name` of each row and column. */
  pods: string[];
  ports: PortKey[];
  /** `"80/TCP"` → one string per source pod; character j: `1` allowed to pods[j], `0` denied (as `knet matrix --json` prints it). */
  matrix: Record<string, string[]>;
}

const LUT: string[] = Array.from({ length: 256 }, (_, b) => {
  let s = '';
  for (let k = 0; k < 8; k++) s += (b >> k) & 1 ? '1' : '0';
  return s;
});

/**
 * Every ordered pod pair on each port, computed on bitsets: per distinct isolation signature one allowed
 * set per direction (ANP-2 tiers folded in), then one AND of words per row (NP-7). `pods` restricts rows and
 * columns (indexes into `world.pods`); default all.
 */
export function matrix(world: World, options: SimOptions, opts: { ports: PortKey[]; pods?: number[] }, cache?: PolicyCache): MatrixResult {
  const c = compile(world, options, cache);
  const sel = opts.pods ?? c.pods.map((_, i) => i);
  const identity = sel.length === c.n && sel.every((v, i) => v === i);
  const out: MatrixResult = { pods: sel.map((i) => `${c.pods[i]!.namespace}/${c.pods[i]!.name}`), ports: opts.ports, matrix: {} };
  for (const pk of opts.ports) out.matrix[`${pk.port}/${pk.protocol}`] = portRows(c, pk, sel, identity);
  return out;
}

function portRows(c: Compiled, pk: PortKey, sel: number[], identity: boolean): string[] {
  const n = c.n;
  const W = words(n);
  const memo = new Map<string, Bits>();
  const allowed = (dir: Direction, i: number): Bits => {
    const key = signature(c, dir, i, pk);
    let b = memo.get(key);
    if (!b) memo.set(key, (b = allowedSet(c, dir, i, pk)));
    return b;
  };
  // Transpose ingress: words [i*W, (i+1)*W) of `accepted` = destinations j whose ingress admits source i.
  const accepted = new Uint32Array(n * W);
  const open = empty(n);
  const selBits = empty(n);
  for (const j of sel) set(selBits, j);
  const all = c.all;
  // Destinations that share an allowed set (pods with one isolation signature) are written together.
  const groups = new Map<Bits, number[]>();
  for (const j of sel) {
    if (has(c.hostNet, j) || (c.isolating.ingress[j]!.length === 0 && c.anpFor[j]!.length === 0 && c.baselineFor[j]!.length === 0)) {
      set(open, j);
      continue;
    }
    const a = allowed('ingress', j);
    if (a === all) {
      set(open, j);
      continue;
    }
    let g = groups.get(a);
    if (!g) groups.set(a, (g = []));
    g.push(j);
  }
  for (const [a, js] of groups) {
    // Per admitted source, OR in the group's destinations: a whole word mask when the group is larger than
    // a row of words, else one bit per destination (so the cost is min(|group|, W) per admitted source).
    const mask = js.length > W ? empty(n) : undefined;
    if (mask) for (const j of js) set(mask, j);
    for (let w = 0; w < W; w++) {
      let word = a[w]! & selBits[w]!;
      while (word) {
        const t = word & -word;
        word ^= t;
        const at = ((w << 5) + 31 - Math.clz32(t)) * W;
        if (mask) for (let k = 0; k < W; k++) accepted[at + k]! |= mask[k]!;
        else for (const j of js) accepted[at + (j >>> 5)]! |= 1 << (j & 31);
      }
    }
  }
  const rows: string[] = [];
  const row = new Uint32Array(W);
  const picked = new Uint32Array(words(sel.length));
  const runs = runsOf(sel);
  for (const i of sel) {
    const e = has(c.hostNet, i) || (c.isolating.egress[i]!.length === 0 && c.anpFor[i]!.length === 0 && c.baselineFor[i]!.length === 0) ? all : allowed('egress', i);
    const at = i * W;
    for (let w = 0; w < W; w++) row[w] = e[w]! & (accepted[at + w]! | open[w]!);
    if (has(c.hostNet, i) && c.pods[i]!.nodeName) {
      // NP-8: traffic from the destination's own node (a host-network pod is the node) is exempt.
      const nb = c.nodeBits.get(c.pods[i]!.nodeName);
      if (nb) orInto(row, and(nb, andNot(all, c.hostNet)));
    }
    set(row, i); // NP-8: a pod may always reach itself.
    // A pod that does not run (never started, finished, no IP) sends and receives nothing (SVC-7).
    if (has(c.live, i)) for (let w = 0; w < W; w++) row[w] = row[w]! & c.live[w]!;
    else row.fill(0);
    if (identity) rows.push(emit(row, n));
    else {
      // Gather the selected columns into their own bitset, then write it as the all-pods path does.
      gather(row, runs, picked);
      rows.push(emit(picked, sel.length));
    }
  }
  return rows;
}

/**
 * `sel` as runs of consecutive pod indexes, `[from, length, to]` triples (`to`: the run's first column in the
 * output). The pods a matrix leaves out (the simulator's own) sit together, so there are few runs.
 */
function runsOf(sel: number[]): number[] {
  const runs: number[] = [];
  for (let k = 0; k < sel.length; k++) {
    const last = runs.length - 3;
    if (last >= 0 && runs[last]! + runs[last + 1]! === sel[k]) runs[last + 1]!++;
    else runs.push(sel[k]!, 1, k);
  }
  return runs;
}

/** Bits `[from, from + 32)` of `b` (fewer at its end) as one word. */
function read32(b: Bits, from: number): number {
  const w = from >>> 5;
  const sh = from & 31;
  const lo = b[w]! >>> sh;
  return sh && w + 1 < b.length ? (lo | (b[w + 1]! << (32 - sh))) >>> 0 : lo;
}

/** `out` = the bits of `row` at the columns `runs` select, packed (up to 32 at a time rather than one by one). */
function gather(row: Bits, runs: number[], out: Bits): void {
  out.fill(0);
  for (let r = 0; r < runs.length; r += 3) {
    const from = runs[r]!;
    const length = runs[r + 1]!;
    const to = runs[r + 2]!;
    for (let off = 0; off < length; off += 32) {
      const k = Math.min(32, length - off);
      const v = k === 32 ? read32(row, from + off) : read32(row, from + off) & ((1 << k) - 1);
      const dw = (to + off) >>> 5;
      const dsh = (to + off) & 31;
      out[dw]! |= v << dsh;
      if (dsh && dsh + k > 32) out[dw + 1]! |= v >>> (32 - dsh);
    }
  }
}

function emit(row: Bits, n: number): string {
  const parts = new Array<string>(row.length);
  for (let w = 0; w < row.length; w++) {
    const v = row[w]!;
    parts[w] = LUT[v & 255]! + LUT[(v >>> 8) & 255]! + LUT[(v >>> 16) & 255]! + LUT[v >>> 24]!;
  }
  return parts.join('').slice(0, n);
}

/** Pods with the same signature get the same allowed set for this direction and port. */
function signature(c: Compiled, dir: Direction, i: number, pk: PortKey): string {
  let key = `${dir}|${c.isolating[dir][i]!.join(',')}|${c.anpFor[i]!.join(',')}|${c.baselineFor[i]!.join(',')}`;
  if (dir === 'ingress') {
    // Named ports in ingress rules are resolved on the subject pod itself (NP-6).
    const p = c.pods[i]!;
    const names: string[] = [];
    for (const ct of [...p.containers, ...p.initContainers]) for (const cp of ct.ports) if (cp.name && cp.protocol === pk.protocol && cp.containerPort === pk.port) names.push(cp.name);
    if (names.length) key += `|${names.sort().join(',')}`;
  }
  return key;
}

/** The peers (sources for ingress, destinations for egress) the subject's tiers admit (ANP-2). */
export function allowedSet(c: Compiled, dir: Direction, i: number, pk: PortKey): Bits {
  const n = c.n;
  const subject = c.pods[i]!;
  const portSetNP = (r: CompiledRule): Bits | null => {
    if (r.ports.length === 0) return c.all;
    let acc: Bits | null = null;
    for (const item of r.ports) {
      if (item.protocol !== pk.protocol) continue;
      if (item.name !== undefined) {
        if (dir === 'ingress') {
          if (namedPort(subject, item.name, pk.protocol) === pk.port) return c.all;
        } else {
          acc ??= empty(n);
          orInto(acc, c.namedPortBits(item.name, pk.protocol, pk.port));
        }
        continue;
      }
      if (item.port === undefined) return c.all;
      if (item.endPort !== undefined ? pk.port >= item.port && pk.port <= item.endPort : pk.port === item.port) return c.all;
    }
    return acc;
  };
  const portSetAdmin = (r: CompiledAdminRule): Bits | null => {
    const ports = r.rule.ports;
    if (!ports) return c.all;
    let acc: Bits | null = null;
    for (const x of ports) {
      if ('namedPort' in x) {
        if (dir === 'ingress') {
          if (adminPortMatches(x, pk.protocol, pk.port, subject)) return c.all;
        } else {
          acc ??= empty(n);
          orInto(acc, c.namedPortBits(x.namedPort, pk.protocol, pk.port));
        }
      } else if (adminPortMatches(x, pk.protocol, pk.port, undefined)) return c.all;
    }
    return acc;
  };
  let undecided = full(n);
  const admitted = empty(n);
  const passed = empty(n);
  for (const k of c.anpFor[i]!) {
    for (const r of c.anps[k]![dir]) {
      const ps = portSetAdmin(r);
      if (!ps) continue;
      const m = and(and(r.podsUnion, ps), undecided);
      if (isEmpty(m)) continue;
      if (r.rule.action === 'Allow') orInto(admitted, m);
      else if (r.rule.action === 'Pass') orInto(passed, m);
      undecided = andNot(undecided, m);
    }
  }
  orInto(undecided, passed);
  const iso = c.isolating[dir][i]!;
  if (iso.length) {
    const np = empty(n);
    for (const k of iso) {
      for (const r of c.policies[k]![dir]!) {
        const ps = portSetNP(r);
        if (!ps) continue;
        orInto(np, ps === c.all ? r.podsUnion : and(r.podsUnion, ps));
      }
    }
    orInto(admitted, and(undecided, np));
  } else {
    for (const k of c.baselineFor[i]!) {
      for (const r of c.baselines[k]![dir]) {
        const ps = portSetAdmin(r);
        if (!ps) continue;
        const m = and(and(r.podsUnion, ps), undecided);
        // Allow, and Pass out of the last tier, both end allowed; only Deny removes peers.
        if (r.rule.action !== 'Deny') orInto(admitted, m);
        undecided = andNot(undecided, m);
      }
    }
    orInto(admitted, undecided);
  }
  // Keep identity with c.all so callers can short-cut "admits everyone".
  return isFull(admitted, c.all) ? c.all : admitted;
}

function isFull(b: Bits, all: Bits): boolean {
  for (let w = 0; w < b.length; w++) if (b[w] !== all[w]) return false;
  return true;
}
