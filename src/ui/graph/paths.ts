/** SVG paths for routed edges (the worker's routes.ts): polylines with rounded corners, and their midpoint. */

type Point = [number, number];

/** A polyline through `pts` whose corners are rounded with radius `r` (less where a segment is short). */
export function roundedPath(pts: readonly Point[], r = 8): string {
  if (pts.length < 2) return '';
  const [x0, y0] = pts[0]!;
  let d = `M ${x0},${y0}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [px, py] = pts[i - 1]!;
    const [cx, cy] = pts[i]!;
    const [nx, ny] = pts[i + 1]!;
    const inLen = Math.hypot(cx - px, cy - py);
    const outLen = Math.hypot(nx - cx, ny - cy);
    const k = Math.min(r, inLen / 2, outLen / 2);
    const ax = cx - ((cx - px) / (inLen || 1)) * k;
    const ay = cy - ((cy - py) / (inLen || 1)) * k;
    const bx = cx + ((nx - cx) / (outLen || 1)) * k;
    const by = cy + ((ny - cy) / (outLen || 1)) * k;
    d += ` L ${ax},${ay} Q ${cx},${cy} ${bx},${by}`;
  }
  const [xn, yn] = pts[pts.length - 1]!;
  return `${d} L ${xn},${yn}`;
}

/** The point halfway along the polyline (for an edge's verdict mark). */
export function midpoint(pts: readonly Point[]): Point {
  const lens = pts.slice(1).map((p, i) => Math.hypot(p[0] - pts[i]![0], p[1] - pts[i]![1]));
  let left = lens.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lens.length; i++) {
    if (left <= lens[i]! || i === lens.length - 1) {
      const t = lens[i]! ? left / lens[i]! : 0;
      const [ax, ay] = pts[i]!;
      const [bx, by] = pts[i + 1]!;
      return [ax + (bx - ax) * t, ay + (by - ay) * t];
    }
    left -= lens[i]!;
  }
  return pts[0] ?? [0, 0];
}
