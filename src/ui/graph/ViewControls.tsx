/**
 * Getting around the graph: the first view (first-view.ts) whenever the set of objects changes, zoom
 * buttons and "Fit all" in the tool row, a hint when part of the graph is out of view, and the overview,
 * shown only while part of the drawing is out of view and folded away on request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { GraphNode } from '../../core/index';
import type { Placement } from '../../worker/protocol';
import { bringIntoView, firstView, readableZoom, wholeInView, wholeView, type Insets } from './first-view';
import { absoluteBoxes, Overview } from './Overview';
import type { TraceOverlay } from './trace-overlay';

/** Room around the drawing: below the tool row (its measured height) and from the pane's edges. */
export function insets(tools: number): Insets {
  return { top: Math.round(tools + 14), right: 16, bottom: 18, left: 16 };
}

/** Sets the first view when `shape` (the set of drawn objects) changes; says whether part is out of view. */
export function useFirstView(extent: { w: number; h: number }, count: number, shape: string, toolsHeight: () => number, compact: boolean) {
  const flow = useReactFlow();
  const paneW = useStore((s) => s.width);
  const paneH = useStore((s) => s.height);
  const [partial, setPartial] = useState(false);
  const done = useRef('');
  useEffect(() => {
    if (!shape || !paneW || !paneH || done.current === shape) return;
    const first = done.current === '';
    done.current = shape;
    const v = firstView(extent, { w: paneW, h: paneH }, insets(toolsHeight()), count, compact);
    // Already there (a replica more in a big graph keeps its first view): moving the view to where it is
    // would still update React Flow's store, and every node and edge checks it again, twice per edit.
    const now = flow.getViewport();
    const there = Math.abs(now.x - v.x) < 0.5 && Math.abs(now.y - v.y) < 0.5 && Math.abs(now.zoom - v.zoom) < 1e-3;
    if (!there) void flow.setViewport({ x: v.x, y: v.y, zoom: v.zoom }, { duration: first ? 0 : 200 });
    setPartial(!v.whole);
  }, [shape, paneW, paneH, extent, count, flow, toolsHeight, compact]);
  const fitAll = useCallback(() => {
    const v = wholeView(extent, { w: paneW, h: paneH }, insets(toolsHeight()));
    void flow.setViewport({ x: v.x, y: v.y, zoom: v.zoom }, { duration: 200 });
    setPartial(false);
  }, [flow, toolsHeight, extent, paneW, paneH]);
  return { partial, setPartial, fitAll };
}

/** Zoom out, zoom in, fit all: in the tool row, so they never sit on the drawing. */
export function ZoomButtons({ fitAll }: { fitAll(): void }) {
  const flow = useReactFlow();
  return (
    <div className="zoom-buttons" role="group" aria-label="Zoom">
      <button type="button" onClick={() => void flow.zoomOut({ duration: 150 })} aria-label="Zoom out" title="Zoom out">
        −
      </button>
      <button type="button" onClick={() => void flow.zoomIn({ duration: 150 })} aria-label="Zoom in" title="Zoom in">
        +
      </button>
      <button type="button" onClick={fitAll} title="Show the whole graph, however small">
        Fit all
      </button>
    </div>
  );
}

/** Below this pane size the overview starts folded and the hint shrinks: either would cover much of the graph. */
const SMALL_PANE = { w: 560, h: 360 };

/** Whether the graph pane is small (React Flow's store selector). */
export const smallPane = (s: { width: number; height: number }): boolean => s.width > 0 && (s.width < SMALL_PANE.w || s.height < SMALL_PANE.h);

/**
 * While the first view shows only part of a graph too big to read whole: centred below the drawing, or in a
 * small pane a short line in the corner beside the overview button (centred, the long one covered the nodes
 * in the middle of an 800x500 page's graph).
 */
export function PartialHint(p: { short?: boolean }) {
  return (
    <span className={p.short ? 'view-hint view-hint-short' : 'view-hint'} role="status">
      {p.short ? 'More out of view: drag to see it' : 'Part of the graph is out of view: drag or scroll to see the rest'}
    </span>
  );
}

/** The overview, only while some of the drawing is out of view; it folds to a button. */
export function OverviewWhenNeeded(p: {
  layout: Record<string, Placement>;
  nodes: GraphNode[];
  extent: { w: number; h: number };
  folded: boolean;
}) {
  const { layout, nodes, extent } = p;
  const whole = useStore((s) => wholeInView(extent, { w: s.width, h: s.height }, s.transform));
  const small = useStore(smallPane);
  // Folded or not as the person chose; until they choose, as the pane's size suggests.
  const [chosen, setFolded] = useState<boolean | undefined>(p.folded ? true : undefined);
  const folded = chosen ?? small;
  if (whole) return null;
  if (folded)
    return (
      <button type="button" className="overview-toggle" onClick={() => setFolded(false)} aria-expanded={false}>
        Overview
      </button>
    );
  return (
    <div className="overview-box">
      <button
        type="button"
        className="overview-fold"
        onClick={() => setFolded(true)}
        aria-label="Hide the overview"
        title="Hide the overview"
      >
        ×
      </button>
      <Overview layout={layout} nodes={nodes} />
    </div>
  );
}

/**
 * A trace drawn on the graph is brought into view when it is drawn (a trace run from the Trace panel at
 * 800x500 lit pods out of view), and stays in view when the pane changes size (the embed's "Show editor" took
 * half of it, and the request's end went below the fold): then, and only then, the view moves to show the
 * trace's nodes if some are out of it, or, when they do not all fit, the part that ends where the request
 * arrived or stopped. Not on a reply, nor when the person moves the view.
 */
export function useTraceInView(
  overlay: TraceOverlay | null,
  layout: Record<string, Placement> | undefined,
  toolsHeight: () => number,
  count: number,
  compact: boolean,
  /** The trace's question: a new object for each run (the retrace after an edit keeps it). */
  trace: unknown,
): void {
  const flow = useReactFlow();
  const paneW = useStore((s) => s.width);
  const paneH = useStore((s) => s.height);
  const last = useRef({ w: 0, h: 0 });
  const shown = useRef<unknown>(null);
  useEffect(() => {
    const before = last.current;
    last.current = { w: paneW, h: paneH };
    const fresh = overlay !== null && trace !== shown.current;
    if (overlay) shown.current = trace;
    const resized = !!before.w && (before.w !== paneW || before.h !== paneH);
    if (!overlay || !layout || !paneW || !paneH || !(fresh || resized)) return;
    const boxes = absoluteBoxes(layout);
    const around = (ids: Iterable<string>) => {
      const on = [...ids].flatMap((id) => boxes.get(id) ?? []);
      if (!on.length) return undefined;
      const x = Math.min(...on.map((b) => b.x));
      const y = Math.min(...on.map((b) => b.y));
      return { x, y, w: Math.max(...on.map((b) => b.x + b.width)) - x, h: Math.max(...on.map((b) => b.y + b.height)) - y };
    };
    const box = around(overlay.nodes.keys());
    if (!box) return;
    // Where the request arrived or stopped is shown when the whole path does not fit at a readable zoom.
    const v = bringIntoView(box, { w: paneW, h: paneH }, insets(toolsHeight()), flow.getViewport(), readableZoom(count, compact), around(overlay.end));
    if (v) void flow.setViewport(v, { duration: 0 });
  }, [paneW, paneH, overlay, layout, flow, toolsHeight, count, compact, trace]);
}
