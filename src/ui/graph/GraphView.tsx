import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { Panel, ReactFlow, ReactFlowProvider, useStore as useFlowStore, type Edge, type Node } from '@xyflow/react';
import { useActions, useApp, useStoreApi } from '../store';
import { nextFocus } from './graph-keys';
import { NODE_TYPES } from './nodes';
import { EDGE_TYPES } from './edges';
import { flowElements, nothingKept, type Kept } from './flow-elements';
import { Legend } from './Legend';
import { absoluteBoxes, drawingExtent } from './Overview';
import { OverviewWhenNeeded, PartialHint, smallPane, useFirstView, useTraceInView, ZoomButtons } from './ViewControls';
import { ReachOverlay } from './ReachOverlay';
import { traceOverlay } from './trace-overlay';
import { TraceBanner } from './TraceBanner';
import './graph.css';

const PRO_OPTIONS = { hideAttribution: false };

/** What a screen reader hears on a focused node or edge: how to open it and how to move on (graph-keys.ts). */
const ARIA = {
  'node.a11yDescription.default':
    'Press Enter or Space to open it in the Inspector. Arrow keys: right and left follow its traffic, up and down move in its column.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter or Space to open it in the Inspector.',
  'edge.a11yDescription.default':
    'Press Enter or Space to open it in the Inspector. Arrow keys: right goes to its target, left to its source.',
};

/** Below the lowest node: room for the lanes of calls that run back to the left (edges.tsx). */
const ROUTE_MARGIN = 28;

function GraphInner() {
  const reply = useApp((s) => s.result.reply);
  const selection = useApp((s) => s.ui.selection);
  const lastTrace = useApp((s) => s.result.lastTrace);
  const traceOnGraph = useApp((s) => s.ui.traceOnGraph);
  const theme = useApp((s) => s.ui.theme);
  const { select } = useActions();
  const store = useStoreApi();
  // Stable handlers and options: a new function or object on every render makes React Flow update its store.
  const onNodeClick = useCallback((_: unknown, n: Node) => select({ type: 'node', id: n.id }), [select]);
  const onEdgeClick = useCallback((_: unknown, e: Edge) => select({ type: 'edge', id: e.id }), [select]);
  const onPaneClick = useCallback(() => select(null), [select]);
  const onKeyDown = useCallback(
    (ev: KeyboardEvent<HTMLDivElement>) => {
      const el = (ev.target as Element).closest('.react-flow__node, .react-flow__edge');
      const id = el?.getAttribute('data-id');
      const reply = store.getState().result.reply;
      if (!el || !id || !reply) return;
      const type = el.classList.contains('react-flow__node') ? 'node' : 'edge';
      // A node out of view is brought into it by React Flow as it takes the focus (autoPanOnNodeFocus).
      const focus = (f: { type: 'node' | 'edge'; id: string }) =>
        canvas.current?.querySelector<HTMLElement | SVGElement>(`.react-flow__${f.type}[data-id="${CSS.escape(f.id)}"]`)?.focus();
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        select({ type, id });
        return;
      }
      const next = nextFocus(reply.topology, reply.layout, { type, id }, ev.key);
      if (!next) return;
      ev.preventDefault();
      focus(next);
    },
    [select, store],
  );
  // While the user drags or wheel-zooms the view, the canvas is marked `moving` (graph.css:
  // one layer moved by the compositor, no per-move hit tests). From the first real move, not the
  // mouse-down, so a click on a node stays a click. Never for fit-to-view and the zoom buttons (no event):
  // a layer composited through that animation kept the raster scale it started with, and when the class
  // stayed on, the next zoom re-rastered 400 tiles of it, 20 s at 700 nodes.
  const canvas = useRef<HTMLDivElement>(null);
  const onMove = useCallback((e: MouseEvent | TouchEvent | null) => {
    if (!e) return;
    canvas.current?.classList.add('moving');
    setPartialRef.current(false);
  }, []);
  const onMoveEnd = useCallback(() => canvas.current?.classList.remove('moving'), []);

  // What the last reply's nodes and edges were built from (flow-elements.ts).
  const kept = useRef<Kept>(nothingKept());
  const overlay = useMemo(
    () => (reply && lastTrace && traceOnGraph ? traceOverlay(reply.topology, lastTrace.args.from, lastTrace.result) : null),
    [reply, lastTrace, traceOnGraph],
  );
  const { nodes, edges } = useMemo(
    () => (reply ? flowElements(reply, selection, overlay, kept) : { nodes: [] as Node[], edges: [] as Edge[] }),
    [reply, selection, overlay],
  );

  // For benchmarks: a `graph-painted` performance mark (detail: the reply's revision) once the graph for a new
  // reply has been painted: the frame after the commit, then a task after that frame's paint.
  const paintedRev = useRef(0);
  useEffect(() => {
    if (!reply || reply.rev === paintedRev.current) return;
    paintedRev.current = reply.rev;
    const rev = reply.rev;
    const count = reply.topology.nodes.length;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        performance.mark('graph-painted', { detail: { rev, nodes: count } });
        ch.port1.close();
      };
      ch.port2.postMessage(null);
    });
  }, [reply]);

  // For benchmarks and browser tests: when the first graph was drawn (ms since navigation).
  useEffect(() => {
    if (nodes.length === 0) return;
    const w = window as unknown as { __playground?: Record<string, unknown> };
    w.__playground = { ...w.__playground };
    w.__playground.graphDrawn ??= performance.now();
    // Edit → drawn: the reply's time since the keystroke plus this commit, measured on the next frame.
    if (reply) {
      const t = { ...reply.timings };
      const start = performance.now() - (t.sinceEdit ?? 0);
      requestAnimationFrame(() => {
        w.__playground!.timings = { ...t, editToPaint: t.sinceEdit === undefined ? undefined : performance.now() - start };
      });
    }
  }, [nodes, reply]);

  // The legend and the reachability switch share one row, or two on a narrow pane: fitting leaves room for them.
  const tools = useRef<HTMLDivElement>(null);
  const toolsHeight = useRef(36);
  useEffect(() => {
    const el = tools.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => (toolsHeight.current = el.offsetHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The first view, each time the set of objects changes (not on every keystroke that only moves a label).
  const shape = useMemo(() => nodes.map((n) => n.id).join('|'), [nodes]);
  const drawing = useMemo(() => drawingExtent(absoluteBoxes(reply?.layout ?? {}).values()), [reply?.layout]);
  const extent = useMemo(() => ({ w: drawing.w, h: drawing.h + ROUTE_MARGIN }), [drawing]);
  const count = reply?.topology.nodes.length ?? 0;
  const measureTools = useCallback(() => toolsHeight.current, []);
  const embed = useApp((s) => s.ui.embed);
  const { partial, setPartial, fitAll } = useFirstView(extent, count, shape, measureTools, embed);
  useBackdrop(canvas, drawing);
  // A trace run is known by its question: the retrace after each edit keeps it, so the view stays where the
  // person left it; a run from the panel, the terminal or the embed API asks a new one.
  useTraceInView(overlay, reply?.layout, measureTools, count, embed, lastTrace?.args ?? null);
  const small = useFlowStore(smallPane);
  const setPartialRef = useRef(setPartial);
  setPartialRef.current = setPartial;

  return (
    <ReactFlow
      ref={canvas}
      onMove={onMove}
      onMoveEnd={onMoveEnd}
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      // Every node and edge stays in the page, in view or not: tests and embedders find them there.
      onlyRenderVisibleElements={false}
      nodesDraggable={false}
      nodesConnectable={false}
      // No box or multiple selection (the Inspector shows one thing) and nothing to delete: React Flow
      // listens for these keys on the whole document, modifiers included, so every Shift or Ctrl typed in
      // the editor switched its selection mode, which restyled and repainted a big graph (about 80 ms at
      // 700 nodes, per capital letter).
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      deleteKeyCode={null}
      elementsSelectable
      colorMode={theme}
      minZoom={0.03}
      maxZoom={2.5}
      onNodeClick={onNodeClick}
      onEdgeClick={onEdgeClick}
      onPaneClick={onPaneClick}
      onKeyDown={onKeyDown}
      ariaLabelConfig={ARIA}
      proOptions={PRO_OPTIONS}
    >
      {/* No dotted background: it moves with every pan frame, so Chrome repaints the whole pane each frame. */}
      {partial && !small ? (
        <Panel position="bottom-center">
          <PartialHint />
        </Panel>
      ) : null}
      <Panel position="bottom-left" className="graph-corner">
        {reply ? <OverviewWhenNeeded layout={reply.layout} nodes={reply.topology.nodes} extent={extent} folded={embed} /> : null}
        {partial && small ? <PartialHint short /> : null}
      </Panel>
      <Panel position="top-left" className="graph-tools">
        <div ref={tools} className="graph-tools-row">
          <ZoomButtons fitAll={fitAll} />
          <ReachOverlay />
          <TraceBanner />
          <Legend compact={embed} />
        </div>
      </Panel>
    </ReactFlow>
  );
}

/** Below the lowest node, room for the arcs of backward calls and their marks (edges.tsx arcBelow). */
const EXTENT_MARGIN = 320;

/**
 * The drawing's extent in flow coordinates (the layout never goes below 0), for the viewport's backdrop
 * (graph.css): one box under the whole drawing lets Chrome paint every node and edge into the viewport's
 * single layer while panning, instead of a layer per row of nodes. Set on the viewport itself as custom
 * properties that graph.css registers as not inherited: on an ancestor, an inherited property that changed
 * (the drawing one pod taller) restyled all 14,000 elements of a 700-node graph, about 40 ms of an edit.
 */
function useBackdrop(canvas: RefObject<HTMLDivElement | null>, { w, h }: { w: number; h: number }): void {
  useLayoutEffect(() => {
    const viewport = canvas.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    viewport.style.setProperty('--graph-w', `${Math.ceil(w + EXTENT_MARGIN)}px`);
    viewport.style.setProperty('--graph-h', `${Math.ceil(h + EXTENT_MARGIN)}px`);
  }, [canvas, w, h]);
}

export function GraphView() {
  const reply = useApp((s) => s.result.reply);
  const failure = useApp((s) => s.result.failure);
  const empty = reply && reply.topology.nodes.filter((n) => n.kind !== 'Client').length === 0;
  return (
    <div className="graph">
      <ReactFlowProvider>
        <GraphInner />
      </ReactFlowProvider>
      {!reply && !failure ? <div className="graph-empty">Simulating…</div> : null}
      {empty ? (
        <div className="graph-empty">
          <strong>Nothing to draw yet.</strong>
          <span>Paste Services, Deployments, Pods, Ingresses or NetworkPolicies into the editor.</span>
        </div>
      ) : null}
      {failure ? (
        <div className="graph-empty error" role="alert">
          <strong>The simulation failed.</strong>
          <span>{failure}</span>
        </div>
      ) : null}
    </div>
  );
}
