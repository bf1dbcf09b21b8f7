/**
 * Routes of the graph's edges written against the nodes they join, for the worker's replies sent as changes
 * (issue 15). A route's points are flow coordinates, so one pod added near the top of the graph moves every
 * route below it, although each still leaves its source and reaches its target the same way. Written as
 * heights relative to its two ends (the source's middle, the target's middle, or halfway between), a route is
 * the same after such an edit and is not sent again; `routesFromAnchors` turns them back into coordinates with
 * the placements, exactly (a height that would not come back bit for bit stays absolute).
 * Plain data in and out: the worker writes them, the page reads them back.
 */

/** A point: [x, height relative to the source's middle], or with a third number saying what the height is relative to. */
export type AnchoredPoint = [number, number] | [number, number, number];

type Point = [number, number];
interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
  parent?: string;
}

/** Relative to: 0 (left out) the source's middle, 1 the target's middle, 2 halfway between, 3 nothing (absolute). */
const TARGET = 1;
const HALFWAY = 2;
const ABSOLUTE = 3;

/** The middle height of each end of an edge, in flow coordinates (a child's placement is relative to its group). */
function middles(edge: { from: string; to: string } | undefined, layout: Record<string, Placed>): [number, number] | undefined {
  const mid = (id: string): number | undefined => {
    const p = layout[id];
    if (!p) return undefined;
    const parent = p.parent ? layout[p.parent] : undefined;
    return p.y + (parent?.y ?? 0) + p.height / 2;
  };
  const a = edge && mid(edge.from);
  const b = edge && mid(edge.to);
  return a === undefined || b === undefined ? undefined : [a, b];
}

const byId = <E extends { id: string }>(edges: readonly E[]) => new Map(edges.map((e) => [e.id, e]));

export function anchorRoutes(routes: Record<string, Point[]>, edges: readonly { id: string; from: string; to: string }[], layout: Record<string, Placed>): Record<string, AnchoredPoint[]> {
  const edge = byId(edges);
  const out: Record<string, AnchoredPoint[]> = {};
  for (const [id, pts] of Object.entries(routes)) {
    const ends = middles(edge.get(id), layout);
    out[id] = pts.map(([x, y]): AnchoredPoint => {
      if (!ends) return [x, y, ABSOLUTE];
      const refs = [ends[0], ends[1], (ends[0] + ends[1]) / 2];
      // Written as y - ref only where routesFromAnchors' (y - ref) + ref gives y back bit for bit (-0 included).
      const back = (ref: number) => Object.is(y - ref + ref, y);
      const same = refs.findIndex((ref) => y - ref === 0 && back(ref));
      if (same === 0) return [x, 0];
      if (same > 0) return [x, 0, same];
      // Off both ends (a height found between boxes): relative to the source.
      return back(refs[0]!) ? [x, y - refs[0]!] : [x, y, ABSOLUTE];
    });
  }
  return out;
}

export function routesFromAnchors(anchored: Record<string, AnchoredPoint[]>, edges: readonly { id: string; from: string; to: string }[], layout: Record<string, Placed>): Record<string, Point[]> {
  const edge = byId(edges);
  const out: Record<string, Point[]> = {};
  for (const [id, pts] of Object.entries(anchored)) {
    const ends = middles(edge.get(id), layout);
    out[id] = pts.map(([x, dy, ref = 0]): Point => {
      if (ref === ABSOLUTE || !ends) return [x, dy];
      const base = ref === TARGET ? ends[1] : ref === HALFWAY ? (ends[0] + ends[1]) / 2 : ends[0];
      return [x, dy + base];
    });
  }
  return out;
}
