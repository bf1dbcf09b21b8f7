/**
 * Labels cut to the width of a graph node with an ellipsis, measured on a canvas. CSS `text-overflow`
 * would do it, but it needs `overflow: hidden`, and a clip inside every node keeps Chrome from painting
 * the nodes into the graph's one layer: panning 700 nodes then re-layerizes a thousand layers per frame.
 */
const cache = new Map<string, string>();
let ctx: CanvasRenderingContext2D | null | undefined;

function context(): CanvasRenderingContext2D | null {
  if (ctx === undefined) {
    try {
      ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      ctx = null;
    }
  }
  return ctx;
}

/**
 * `text` itself when it fits in `width` CSS pixels in `font`, else cut with `…`: at the end, or in the
 * middle (`middle`), which keeps the end that tells replicas apart (`frontend-77…-x2x8k`).
 */
export function fitText(text: string, font: string, width: number, middle = false): string {
  const key = `${font}|${width}|${middle}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const c = context();
  if (c) c.font = font;
  // Without a canvas (tests), an average width of 7.5 px a character.
  const measure = (s: string) => (c ? c.measureText(s).width : s.length * 7.5);
  const out = middle ? fitName(measure, text, width) : fitWith(measure, text, width);
  if (cache.size > 5000) cache.clear();
  cache.set(key, out);
  return out;
}

/** The longest prefix of `text` that fits with `…` (binary search on its length), or `text` when it fits. */
export function fitWith(measure: (s: string) => number, text: string, width: number): string {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid) + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + '…';
}

/** A Deployment's pod name: workload, pod-template hash, random suffix (`frontend-5876995497-hdxmw`). */
const REPLICA = /^(.+)-([a-z0-9]{6,10})-([a-z0-9]{5})$/;

/**
 * A name cut to fit. A Deployment's pod loses the middle of its pod-template hash first, which its replicas
 * share, so the workload's name and the suffix that tells replicas apart stay whole (`frontend-58…-hdxmw`);
 * any other name, or one that still does not fit, is cut in the middle.
 */
export function fitName(measure: (s: string) => number, text: string, width: number): string {
  if (measure(text) <= width) return text;
  const m = REPLICA.exec(text);
  if (m) {
    const [, workload, hash, suffix] = m as unknown as [string, string, string, string];
    for (let k = hash.length - 1; k >= 0; k--) {
      const cut = `${workload}-${hash.slice(0, k)}…-${suffix}`;
      if (measure(cut) <= width) return cut;
    }
  }
  return fitMiddle(measure, text, width);
}

/** The most characters of `text` that fit with `…` in the middle: half from each end, the end first when odd. */
export function fitMiddle(measure: (s: string) => number, text: string, width: number): string {
  if (measure(text) <= width) return text;
  const cut = (n: number) => text.slice(0, Math.floor(n / 2)) + '…' + text.slice(text.length - Math.ceil(n / 2));
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(cut(mid)) <= width) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}
