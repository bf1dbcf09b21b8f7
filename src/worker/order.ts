/**
 * The vertical order of the nodes in each column of one namespace band, chosen to keep edges from
 * crossing: the layer-sweep barycenter method of Sugiyama et al. (each node moves to the mean row of its
 * neighbours in the columns already placed, sweeping left → right then right → left), followed by
 * adjacent swaps while they remove crossings. The drawing this order is for stacks each column from the
 * top at a fixed row pitch, so rows are the positions that count; every candidate order is scored by
 * counting crossings in that very drawing, and the best one seen is kept. Deterministic: ties keep the
 * previous order, which starts as id order.
 */

export interface BandNode {
  id: string;
  layer: number;
}

/** An edge between two nodes of the band (any direction, any span of columns). */
export interface BandEdge {
  from: string;
  to: string;
}

/** Sweeps of the barycenter method; the count stops early when an order has no crossing. */
const SWEEPS = 12;
/**
 * Pairs of edges compared, at most, by all the crossing counts of one band: each count compares every pair,
 * so a dense band gets fewer sweeps and no swap pass rather than stalling the worker (a 351-node band with
 * 697 edges took 7.5 s of swaps before this bound; 2e8 pair checks take well under a second).
 */
const PAIR_BUDGET = 2e8;

interface Seg {
  /** Column index (not layer value) of the left end, and of the right end. */
  c0: number;
  c1: number;
  /** Node indices at the left and right ends. */
  a: number;
  b: number;
}

/**
 * Node id → vertical position in rows (row pitch units, top of the band = 0). Nodes must be given in id
 * order (the starting order). The order comes from `orderBand`'s sweeps; then each node is pulled towards
 * the mean height of its neighbours, keeping the order and a row's pitch between nodes of a column, so a
 * Service sits beside its slices and pods instead of at the top of its column.
 */
export function layoutBand(nodes: BandNode[], edges: BandEdge[]): Map<string, number> {
  const g = bandGraph(nodes, edges);
  orderColumns(g);
  spread(g);
  return new Map(nodes.map((n, i) => [n.id, g.row[i]!]));
}

/** Node id → row within its column, in the order that crosses the fewest edges found. */
export function orderBand(nodes: BandNode[], edges: BandEdge[]): Map<string, number> {
  const g = bandGraph(nodes, edges);
  orderColumns(g);
  return new Map(nodes.map((n, i) => [n.id, g.row[i]!]));
}

interface BandGraph {
  /** Column index of each node. */
  col: number[];
  /** Node indices per column, top to bottom. */
  columns: number[][];
  segs: Seg[];
  neighbours: number[][];
  /** Each node's row (orderColumns) and then its height in rows (spread). */
  row: Float64Array;
}

function bandGraph(nodes: BandNode[], edges: BandEdge[]): BandGraph {
  const cols = [...new Set(nodes.map((n) => n.layer))].sort((x, y) => x - y);
  const colOf = new Map(cols.map((l, i) => [l, i]));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const col = nodes.map((n) => colOf.get(n.layer)!);
  const columns: number[][] = cols.map(() => []);
  nodes.forEach((_, i) => columns[col[i]!]!.push(i));

  const segs: Seg[] = [];
  const neighbours: number[][] = nodes.map(() => []);
  const seen = new Set<string>();
  for (const e of edges) {
    const u = index.get(e.from);
    const v = index.get(e.to);
    if (u === undefined || v === undefined || col[u] === col[v]) continue;
    const [a, b] = col[u]! < col[v]! ? [u, v] : [v, u];
    const key = `${a}:${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    segs.push({ c0: col[a]!, c1: col[b]!, a, b });
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }

  const row = new Float64Array(nodes.length);
  columns.forEach((c) => c.forEach((n, r) => (row[n] = r)));
  return { col, columns, segs, neighbours, row };
}

function orderColumns({ col, columns, segs, neighbours, row }: BandGraph): void {
  if (segs.length < 2) return;

  let best = crossings(segs, row);
  let bestRows = Float64Array.from(row);
  const keep = () => {
    const c = crossings(segs, row);
    if (c < best) {
      best = c;
      bestRows = Float64Array.from(row);
    }
  };

  const pairs = (segs.length * segs.length) / 2;
  const sweeps = Math.max(2, Math.min(SWEEPS, Math.floor(PAIR_BUDGET / 2 / pairs)));
  for (let s = 0; s < sweeps && best > 0; s++) {
    const down = s % 2 === 0;
    const order = down ? columns.map((_, i) => i) : columns.map((_, i) => columns.length - 1 - i);
    for (const c of order.slice(1)) {
      // Neighbours already swept this pass: columns on the side the sweep came from.
      const before = (n: number) => (down ? col[n]! < c : col[n]! > c);
      const bary = new Map<number, number>();
      for (const n of columns[c]!) {
        const ns = neighbours[n]!.filter(before);
        bary.set(n, ns.length ? ns.reduce((t, m) => t + row[m]!, 0) / ns.length : row[n]!);
      }
      columns[c]!.sort((x, y) => bary.get(x)! - bary.get(y)! || row[x]! - row[y]!);
      columns[c]!.forEach((n, r) => (row[n] = r));
    }
    keep();
  }

  row.set(bestRows);
  columns.forEach((c) => c.sort((x, y) => row[x]! - row[y]!));
  // Each pass of the swaps counts crossings once per pair of neighbours in a column.
  if (best > 0 && SWAP_PASSES * row.length * pairs <= PAIR_BUDGET / 2) swaps(columns, segs, row, best);
}

/** Passes of pulling nodes towards their neighbours. */
const SPREAD_PASSES = 6;

/**
 * Heights for the ordered columns: each pass sets every column, in turn, to the heights closest (least
 * squares) to its nodes' wishes (the mean height of their neighbours; their own height when they have
 * none) with the order kept, a pitch of one row and nothing above the band's top. That is isotonic
 * regression on height minus index, solved exactly by pooling adjacent violators.
 */
function spread({ columns, neighbours, row }: BandGraph): void {
  if (neighbours.every((n) => n.length === 0)) return;
  for (let pass = 0; pass < SPREAD_PASSES; pass++) {
    const order = pass % 2 === 0 ? columns : [...columns].reverse();
    for (const c of order) {
      const wish = c.map((n, i) => {
        const ns = neighbours[n]!;
        const want = ns.length ? ns.reduce((t, m) => t + row[m]!, 0) / ns.length : row[n]!;
        return want - i;
      });
      isotonic(wish).forEach((z, i) => (row[c[i]!] = Math.max(0, z) + i));
    }
  }
  // Keep the band's top at 0 and heights on a half-row grid, so small float noise never moves a node.
  const top = Math.min(...row);
  row.forEach((y, i) => (row[i] = Math.round((y - top) * 2) / 2));
}

/** The non-decreasing sequence closest to `xs` in least squares (pool adjacent violators). */
export function isotonic(xs: number[]): number[] {
  const blocks: { sum: number; n: number }[] = [];
  for (const x of xs) {
    blocks.push({ sum: x, n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.n <= b.sum / b.n) break;
      blocks.pop();
      a.sum += b.sum;
      a.n += b.n;
    }
  }
  return blocks.flatMap((b) => Array<number>(b.n).fill(b.sum / b.n));
}

const SWAP_PASSES = 4;

/** Swap neighbours in a column while that lowers the crossing count (the "transpose" heuristic). */
function swaps(columns: number[][], segs: Seg[], row: Float64Array, start: number): void {
  let best = start;
  for (let pass = 0, better = true; better && pass < SWAP_PASSES && best > 0; pass++) {
    better = false;
    for (const c of columns) {
      for (let r = 0; r + 1 < c.length; r++) {
        const x = c[r]!;
        const y = c[r + 1]!;
        row[x] = r + 1;
        row[y] = r;
        const n = crossings(segs, row);
        if (n < best) {
          best = n;
          c[r] = y;
          c[r + 1] = x;
          better = true;
        } else {
          row[x] = r;
          row[y] = r + 1;
        }
      }
    }
  }
}

/**
 * Crossings in the drawing where each node sits at (column, row) and each edge is a straight line:
 * two edges cross when, over the columns both span, one starts above the other and ends below it.
 * Edges that share an end never count.
 */
export function crossings(segs: Seg[], row: Float64Array): number {
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const t = segs[j]!;
      const lo = Math.max(s.c0, t.c0);
      const hi = Math.min(s.c1, t.c1);
      if (lo >= hi) continue;
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      const d0 = at(s, lo, row) - at(t, lo, row);
      const d1 = at(s, hi, row) - at(t, hi, row);
      if ((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0)) n++;
    }
  }
  return n;
}

function at(s: Seg, c: number, row: Float64Array): number {
  const y0 = row[s.a]!;
  const y1 = row[s.b]!;
  return s.c1 === s.c0 ? y0 : y0 + ((y1 - y0) * (c - s.c0)) / (s.c1 - s.c0);
}
