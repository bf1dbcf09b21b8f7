/**
 * The minimap: every node as a small rectangle, and a frame for the part of the graph in view. Click or
 * drag in it to move the view there.
 *
 * React Flow's own MiniMap redraws its whole SVG on every pan frame (its viewBox follows the view), and at
 * 700 nodes that repaint costs a frame in two. Here the rectangles are drawn once per layout, and the frame
 * is four bars moved only by `transform` (each its own composited layer), so panning repaints nothing.
 */
import { memo, useCallback, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { GraphNode } from '../../core/index';
import type { Placement } from '../../worker/protocol';
import { useApp } from '../store';
import { kindStyle } from './kinds';

export const OVERVIEW_W = 160;
export const OVERVIEW_H = 100;
const BAR = 1.5;
/** Room between the drawing and the overview's border. */
const PAD = 6;
/** A small graph stays small: no larger than a fifth of its size. */
const MAX_SCALE = 0.2;
/** A namespace box's outline (styles.css `.ns-group`). */
const GROUP_STROKE = '#94a3b8';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each node's box in flow coordinates (a child's placement is relative to its namespace group). */
export function absoluteBoxes(layout: Record<string, Placement>): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const [id, p] of Object.entries(layout)) {
    const parent = p.parent ? layout[p.parent] : undefined;
    out.set(id, { x: p.x + (parent?.x ?? 0), y: p.y + (parent?.y ?? 0), width: p.width, height: p.height });
  }
  return out;
}

/** The drawing's width and height in flow coordinates (the layout never goes below 0). */
export function drawingExtent(boxes: Iterable<Box>): { w: number; h: number } {
  let w = 1;
  let h = 1;
  for (const b of boxes) {
    w = Math.max(w, b.x + b.width);
    h = Math.max(h, b.y + b.height);
  }
  return { w, h };
}

/** How flow coordinates map into the overview: the drawing's extent fitted and centred. */
export function overviewScale(boxes: Iterable<Box>): { k: number; ox: number; oy: number } {
  const { w, h } = drawingExtent(boxes);
  const k = Math.min((OVERVIEW_W - 2 * PAD) / w, (OVERVIEW_H - 2 * PAD) / h, MAX_SCALE);
  return { k, ox: (OVERVIEW_W - w * k) / 2, oy: (OVERVIEW_H - h * k) / 2 };
}

export function Overview({ layout, nodes }: { layout: Record<string, Placement>; nodes: GraphNode[] }) {
  const boxes = useMemo(() => absoluteBoxes(layout), [layout]);
  const fit = useMemo(() => overviewScale(boxes.values()), [boxes]);
  const flow = useReactFlow();
  const zoom = useStore((s) => s.transform[2]);
  const dragging = useRef(false);

  // Centre the view on the flow point under the pointer, keeping the zoom.
  const moveTo = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const r = e.currentTarget.getBoundingClientRect();
      const x = (e.clientX - r.left - fit.ox) / fit.k;
      const y = (e.clientY - r.top - fit.oy) / fit.k;
      void flow.setCenter(x, y, { zoom, duration: 0 });
    },
    [flow, fit, zoom],
  );

  return (
    <div
      className="overview"
      role="img"
      aria-label="Overview of the whole graph: click or drag here to move the view"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => dragging.current && moveTo(e)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <Shapes boxes={boxes} nodes={nodes} fit={fit} />
      <ViewFrame fit={fit} />
    </div>
  );
}

/**
 * The node rectangles, painted on a canvas once per layout (and theme): at 700 nodes an SVG of one element
 * per node had 700 attributes rewritten whenever a box moved, for a picture 160 pixels wide.
 */
const Shapes = memo(function Shapes({
  boxes,
  nodes,
  fit,
}: {
  boxes: Map<string, Box>;
  nodes: GraphNode[];
  fit: { k: number; ox: number; oy: number };
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useApp((s) => s.ui.theme);
  useEffect(() => {
    const el = canvas.current;
    const g = el?.getContext('2d');
    if (!el || !g) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(OVERVIEW_W * dpr);
    el.height = Math.round(OVERVIEW_H * dpr);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, OVERVIEW_W, OVERVIEW_H);
    const style = getComputedStyle(el);
    const rect = (b: Box, r: number) => {
      g.beginPath();
      g.roundRect(fit.ox + b.x * fit.k, fit.oy + b.y * fit.k, b.width * fit.k, b.height * fit.k, r * fit.k);
    };
    g.fillStyle = style.getPropertyValue('--group-bg').trim() || 'transparent';
    g.strokeStyle = GROUP_STROKE;
    g.lineWidth = 1;
    for (const [id, b] of boxes) {
      if (!id.startsWith('Namespace/')) continue;
      rect(b, 12);
      g.fill();
      g.stroke();
    }
    let drawn = 0;
    for (const n of nodes) {
      const b = boxes.get(n.id);
      if (!b) continue;
      g.fillStyle = kindStyle(n.kind).color;
      rect(b, 8);
      g.fill();
      drawn++;
    }
    // How many node rectangles the canvas holds, for tests (a canvas has no elements to count).
    el.dataset.nodes = String(drawn);
  }, [boxes, nodes, fit, theme]);
  return <canvas ref={canvas} style={{ width: OVERVIEW_W, height: OVERVIEW_H }} aria-hidden="true" />;
});

/** The part of the graph in view: four bars placed by transform alone, so a pan frame repaints nothing. */
function ViewFrame({ fit }: { fit: { k: number; ox: number; oy: number } }) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const x = fit.ox + (-tx / zoom) * fit.k;
  const y = fit.oy + (-ty / zoom) * fit.k;
  const w = (width / zoom) * fit.k;
  const h = (height / zoom) * fit.k;
  const bar = (bx: number, by: number, sx: number, sy: number) => ({
    transform: `translate(${bx}px, ${by}px) scale(${Math.max(sx, 0)}, ${Math.max(sy, 0)})`,
  });
  return (
    <>
      <div className="overview-bar" style={bar(x, y, w, BAR)} />
      <div className="overview-bar" style={bar(x, y + h - BAR, w, BAR)} />
      <div className="overview-bar" style={bar(x, y, BAR, h)} />
      <div className="overview-bar" style={bar(x + w - BAR, y, BAR, h)} />
    </>
  );
}
