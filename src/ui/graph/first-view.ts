/**
 * The first view of a graph, readable at first sight: the whole drawing when it fits at a zoom where
 * node titles read at 11 CSS px or more (9 px past 40 nodes); otherwise the part that matters, the entry
 * points on the left and the first namespace at the top, at that readable zoom, and the page says how to see
 * the rest. Pure, so the rule is tested without a browser.
 */

/** Node titles' font size in CSS px (styles.css `.obj-name`). */
export const TITLE_PX = 14;
/** Never magnify a small graph past its natural size. */
const MAX_ZOOM = 1;

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface View {
  x: number;
  y: number;
  zoom: number;
  /** Whether the whole drawing is in view. */
  whole: boolean;
}

/**
 * The smallest zoom at which titles are readable for a graph of this many nodes: 11 px up to 40 nodes, 9 px
 * beyond, and 9 px in a compact frame (an embed in a course page), where space is scarcer.
 */
export function readableZoom(nodes: number, compact = false): number {
  return (nodes <= 40 && !compact ? 11 : 9) / TITLE_PX;
}

/** The pane less its insets: where the drawing is shown. */
function freeArea(pane: { w: number; h: number }, pad: Insets): { w: number; h: number } {
  return { w: Math.max(1, pane.w - pad.left - pad.right), h: Math.max(1, pane.h - pad.top - pad.bottom) };
}

/** Where on one axis a length starts at this zoom: centred in the free room when it fits, else at its start. */
function place(size: number, zoom: number, lo: number, room: number): number {
  return size * zoom <= room ? lo + (room - size * zoom) / 2 : lo;
}

/** The zoom that shows the whole drawing in the free area of the pane. */
export function fitZoom(extent: { w: number; h: number }, pane: { w: number; h: number }, pad: Insets): number {
  const { w, h } = freeArea(pane, pad);
  return Math.min(w / Math.max(1, extent.w), h / Math.max(1, extent.h), MAX_ZOOM);
}

export function firstView(
  extent: { w: number; h: number },
  pane: { w: number; h: number },
  pad: Insets,
  nodes: number,
  compact = false,
): View {
  return viewAt(Math.max(fitZoom(extent, pane, pad), Math.min(MAX_ZOOM, readableZoom(nodes, compact))), extent, pane, pad);
}

/** The whole drawing, however small ("Fit all"). */
export function wholeView(extent: { w: number; h: number }, pane: { w: number; h: number }, pad: Insets): View {
  return viewAt(fitZoom(extent, pane, pad), extent, pane, pad);
}

function viewAt(zoom: number, extent: { w: number; h: number }, pane: { w: number; h: number }, pad: Insets): View {
  const fit = fitZoom(extent, pane, pad);
  // On each axis: centred in the free area when the drawing fits, else from its top or left edge.
  const free = { w: pane.w - pad.left - pad.right, h: pane.h - pad.top - pad.bottom };
  return { x: place(extent.w, zoom, pad.left, free.w), y: place(extent.h, zoom, pad.top, free.h), zoom, whole: zoom <= fit + 1e-9 };
}

/** Is the drawing (flow coordinates from 0,0) wholly inside the pane at this transform? */
export function wholeInView(extent: { w: number; h: number }, pane: { w: number; h: number }, t: [number, number, number]): boolean {
  const [tx, ty, k] = t;
  return tx >= -1 && ty >= -1 && tx + extent.w * k <= pane.w + 1 && ty + extent.h * k <= pane.h + 1;
}

/**
 * A view that shows `box` (flow coordinates) in the free area of the pane, or null when the current view
 * already does. The zoom stays where it is when the box fits there; else it goes out as far as it takes, but not
 * below `minZoom` (titles stay readable) unless the view was already further out. On an axis where the box
 * still does not fit, its start (top, left) is shown, or, given a `focus` inside it (where a trace stopped), as
 * much of it as shows the focus too. For a trace run, and for one whose end left the view when the pane shrank
 * (the embed's editor opened).
 */
export function bringIntoView(
  box: { x: number; y: number; w: number; h: number },
  pane: { w: number; h: number },
  pad: Insets,
  now: { x: number; y: number; zoom: number },
  minZoom = 0,
  focus?: { x: number; y: number; w: number; h: number },
): { x: number; y: number; zoom: number } | null {
  const free = freeArea(pane, pad);
  const k = now.zoom;
  const inside =
    now.x + box.x * k >= pad.left - 1 &&
    now.y + box.y * k >= pad.top - 1 &&
    now.x + (box.x + box.w) * k <= pane.w - pad.right + 1 &&
    now.y + (box.y + box.h) * k <= pane.h - pad.bottom + 1;
  if (inside) return null;
  const fit = Math.min(free.w / Math.max(1, box.w), free.h / Math.max(1, box.h));
  const zoom = Math.min(k, Math.max(minZoom, fit));
  const axis = (start: number, size: number, lo: number, room: number, f?: [number, number]): number => {
    let t = place(size, zoom, lo, room) - start * zoom;
    if (!f || size * zoom <= room) return t;
    // Moved up (left) just enough for the focus to end inside the room, but never past its own start.
    const end = t + (f[0] + f[1]) * zoom;
    if (end > lo + room) t -= end - (lo + room);
    const begin = t + f[0] * zoom;
    if (begin < lo) t += lo - begin;
    return t;
  };
  return {
    x: axis(box.x, box.w, pad.left, free.w, focus && [focus.x, focus.w]),
    y: axis(box.y, box.h, pad.top, free.h, focus && [focus.y, focus.h]),
    zoom,
  };
}
