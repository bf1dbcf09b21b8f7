/**
 * The route of a graph edge between two nodes of one column, shared by the worker's layout (routes.ts, for the
 * graph's edges) and the page (a trace step it draws between two pods the graph does not join), so both draw
 * such an edge the same way. Plain geometry in flow coordinates, as route-anchors.ts.
 */

type Point = [number, number];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The first lane of the gap right of a column runs this far right of the column. */
export const LANE_START = 10;

/**
 * The route between two nodes `a` → `b` of one column (`column`: its boxes): straight down or up when no node
 * lies between them, else out of `a`'s right side, along the lane `lane()` gives in the gap right of the
 * column (by default the first), and into `b`'s right side.
 */
export function columnRoute(a: Box, b: Box, column: readonly Box[], lane = (): number => a.x + a.width + LANE_START): Point[] {
  const [upper, lower] = a.y < b.y ? [a, b] : [b, a];
  const between = column.some((x) => x !== a && x !== b && x.y < lower.y && x.y + x.height > upper.y + upper.height);
  const cx = a.x + a.width / 2;
  if (!between)
    return b.y > a.y
      ? [
          [cx, a.y + a.height],
          [cx, b.y],
        ]
      : [
          [cx, a.y],
          [cx, b.y + b.height],
        ];
  const lx = lane();
  const ay = a.y + a.height / 2;
  const by = b.y + b.height / 2;
  return [
    [a.x + a.width, ay],
    [lx, ay],
    [lx, by],
    [b.x + b.width, by],
  ];
}
