/**
 * Routes for the edges that do not simply run from one column to the next: they travel through the gaps
 * between columns (where no node sits) and cross a column only at a height where it has no node, so an
 * edge never passes through a box it does not connect, and it always arrives at its target's border with its
 * arrowhead in the open. A call back to the left (a pod calling a Service) leaves its pod on the left and
 * enters the Service on its right. Each edge gets its own lane in a gap, so parallel routes stay apart.
 */

import { columnRoute, LANE_START } from '../core/index';

export type Point = [number, number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Column {
  x: number;
  w: number;
}

/** Lanes in a gap between columns: the first `LANE_START` from the left column (core/column-route.ts), then this far apart. */
const LANE_STEP = 6;
const LANES = 5;
/** Keep this far from a node a route passes by. */
const CLEAR = 8;

export function routeEdges(
  edges: readonly { id: string; from: string; to: string }[],
  abs: Map<string, Box>,
  colOf: Map<string, number>,
  cols: Column[],
  gap: number,
): Record<string, Point[]> {
  const out: Record<string, Point[]> = {};
  const lanes = new Map<number, number>();
  const crowded = crowdedGaps(edges, colOf);
  /**
   * A lane in the gap right of column `c` (c = -1: left of the first column) for edge `id`: in turn while the
   * gap has no more edges than lanes (each its own), else by a hash of the edge, so that an edge added or gone
   * does not move every route after it (the page is sent only the routes that changed).
   */
  const lane = (c: number, id: string): number => {
    const k = lanes.get(c) ?? 0;
    lanes.set(c, k + 1);
    const start = c < 0 ? cols[0]!.x - gap : cols[c]!.x + cols[c]!.w;
    const i = crowded.has(c) ? hash(`${c}:${id}`) : k;
    return start + Math.min(gap - LANE_START, LANE_START + (i % LANES) * LANE_STEP);
  };
  // The boxes of columns lo..hi, by range, built once: filtering every box for every routed edge was most
  // of the routing time at 700 nodes. (Their order does not matter: freeHeight orders its candidates.)
  const byColumn = new Map<number, Box[]>();
  for (const [id, b] of abs) {
    const c = colOf.get(id);
    if (c === undefined) continue;
    const list = byColumn.get(c);
    if (list) list.push(b);
    else byColumn.set(c, [b]);
  }
  const ranges = new Map<string, Box[]>();
  const heights = new Map<string, (want: number, prefer: number) => number>();
  const heightIn = (lo: number, hi: number, want: number, prefer: number): number => {
    const key = `${lo},${hi}`;
    let f = heights.get(key);
    if (!f) heights.set(key, (f = freeHeights(boxesIn(lo, hi))));
    return f(want, prefer);
  };
  const boxesIn = (lo: number, hi: number): Box[] => {
    const key = `${lo},${hi}`;
    let out = ranges.get(key);
    if (!out) {
      out = [];
      for (let c = lo; c <= hi; c++) for (const b of byColumn.get(c) ?? []) out.push(b);
      ranges.set(key, out);
    }
    return out;
  };

  for (const e of [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const a = abs.get(e.from);
    const b = abs.get(e.to);
    const ca = colOf.get(e.from);
    const cb = colOf.get(e.to);
    if (!a || !b || ca === undefined || cb === undefined || cb === ca + 1) continue;
    const ay = a.y + a.height / 2;
    const by = b.y + b.height / 2;
    let pts: Point[];
    if (ca === cb) {
      pts = columnRoute(a, b, boxesIn(ca, ca), () => lane(ca, e.id));
    } else if (cb > ca) {
      // Forward over one or more columns: along a free height across the columns in between.
      const x1 = lane(ca, e.id);
      const x2 = lane(cb - 1, e.id);
      const y = heightIn(ca + 1, cb - 1, (ay + by) / 2, ay);
      pts = [
        [a.x + a.width, ay],
        [x1, ay],
        [x1, y],
        [x2, y],
        [x2, by],
        [b.x, by],
      ];
    } else {
      // Back to the left: out of the source's left side, into the target's right side.
      const x1 = lane(ca - 1, e.id);
      const x2 = cb === ca - 1 ? x1 : lane(cb, e.id);
      const y = cb === ca - 1 ? by : heightIn(cb + 1, ca - 1, (ay + by) / 2, by);
      pts = [
        [a.x, ay],
        [x1, ay],
        [x1, y],
        [x2, y],
        [x2, by],
        [b.x + b.width, by],
      ];
    }
    out[e.id] = simplify(pts);
  }
  return out;
}

/** The gaps that more routed edges cross than they have lanes (the gaps `routeEdges` asks `lane` for). */
function crowdedGaps(edges: readonly { from: string; to: string }[], colOf: Map<string, number>): Set<number> {
  const count = new Map<number, number>();
  const add = (c: number) => count.set(c, (count.get(c) ?? 0) + 1);
  for (const e of edges) {
    const ca = colOf.get(e.from);
    const cb = colOf.get(e.to);
    if (ca === undefined || cb === undefined || cb === ca + 1) continue;
    // Same column: one lane, only when a box sits between the two (counted anyway: a lane more is harmless).
    if (ca === cb) add(ca);
    else if (cb > ca) [ca, cb - 1].forEach(add);
    else [ca - 1, ...(cb === ca - 1 ? [] : [cb])].forEach(add);
  }
  return new Set([...count].filter(([, n]) => n > LANES).map(([c]) => c));
}

/** FNV-1a of a string: a stable lane for an edge in a crowded gap. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The height nearest `want` (preferring exactly `prefer` when it is free) at which a horizontal line meets none
 * of `boxes` (with a margin): tried at `prefer`, `want`, and just above and below each box.
 */
export function freeHeight(boxes: Box[], want: number, prefer: number): number {
  return freeHeights(boxes)(want, prefer);
}

/**
 * `freeHeight` over one set of boxes, asked for many edges: the heights boxes block (open intervals, merged)
 * and the sorted candidates with the nearest free one on each side are found once, then each question is a
 * few binary searches. Sorting every candidate for every long edge was a tenth of an edit's time at 700 nodes.
 */
export function freeHeights(boxes: Box[]): (want: number, prefer: number) => number {
  const spans = boxes.map((b): [number, number] => [b.y - CLEAR, b.y + b.height + CLEAR]).sort((p, q) => p[0] - q[0]);
  const lo: number[] = [];
  const hi: number[] = [];
  for (const [a, b] of spans) {
    const n = lo.length;
    // Open intervals: one that starts where the last ends leaves that height free.
    if (n && a < hi[n - 1]!) hi[n - 1] = Math.max(hi[n - 1]!, b);
    else {
      lo.push(a);
      hi.push(b);
    }
  }
  /** The number of values in `xs` (ascending) below `y`, or at most `y` with `orEqual`. */
  const count = (xs: number[], y: number, orEqual: boolean): number => {
    let a = 0;
    let b = xs.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (xs[m]! < y || (orEqual && xs[m] === y)) a = m + 1;
      else b = m;
    }
    return a;
  };
  const free = (y: number): boolean => {
    const k = count(lo, y, false) - 1;
    return k < 0 || y >= hi[k]!;
  };
  const cands = boxes.flatMap((b) => [b.y - CLEAR - 2, b.y + b.height + CLEAR + 2]).sort((p, q) => p - q);
  // For each candidate, the index of the nearest free one at or before it, and at or after it (-1: none).
  const before = new Int32Array(cands.length);
  const after = new Int32Array(cands.length);
  for (let i = 0, last = -1; i < cands.length; i++) before[i] = last = free(cands[i]!) ? i : last;
  for (let i = cands.length - 1, next = -1; i >= 0; i--) after[i] = next = free(cands[i]!) ? i : next;
  return (want, prefer) => {
    if (free(prefer)) return prefer;
    if (free(want)) return want;
    const at = count(cands, want, false);
    const l = at > 0 ? before[at - 1]! : -1;
    const r = at < cands.length ? after[at]! : -1;
    if (l < 0) return r < 0 ? want : cands[r]!;
    if (r < 0) return cands[l]!;
    // Nearest first; of two as near, the lower height (as sorting by distance, then height, picks).
    return Math.abs(cands[r]! - want) < Math.abs(cands[l]! - want) ? cands[r]! : cands[l]!;
  };
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(pts: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev[0] - last[0]) < 0.01 && Math.abs(last[0] - p[0]) < 0.01) ||
        (Math.abs(prev[1] - last[1]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01))
    )
      out.pop();
    out.push(p);
  }
  return out;
}
