import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, Position, type Edge, type EdgeProps } from '@xyflow/react';
import type { ShownEdge } from '../../worker/protocol';
import type { TraceMark } from './trace-overlay';
import { midpoint, roundedPath } from './paths';
import { useActions } from '../store';

/** `size`: the drawn width and height of the source and target nodes (from the worker's layout). */
export type VerdictFlowEdge = Edge<
  {
    edge: ShownEdge;
    size: { source: [number, number]; target: [number, number] };
    route?: [number, number][];
    trace?: TraceMark;
    dim?: boolean;
  },
  'verdict'
>;

/** The mark on a blocked edge: a no-entry sign drawn in SVG (no emoji font needed). */
export function BlockedIcon({ size = 14 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="7" fill="var(--bad)" />
      <rect x="3.5" y="6.6" width="9" height="2.8" rx="0.6" fill="#fff" />
    </svg>
  );
}

/** A curve between two nodes: from the source's right to the target's left, or the other way round when the target lies to the left. */
function curve(p: EdgeProps<VerdictFlowEdge>): [string, number, number] {
  const { source: ss, target: ts } = p.data!.size;
  if (p.targetX >= p.sourceX - 20) return getBezierPath(p).slice(0, 3) as [string, number, number];
  const back = {
    sourceX: p.sourceX - ss[0],
    sourceY: p.sourceY,
    sourcePosition: Position.Left,
    targetX: p.targetX + ts[0],
    targetY: p.targetY,
    targetPosition: Position.Right,
  };
  return getBezierPath(back).slice(0, 3) as [string, number, number];
}

/** Most dashes drawn along one edge. */
const MAX_DASHES = 60;

/**
 * The dash pattern for an edge, stretched on long ones so that no edge has more than MAX_DASHES dashes.
 * Chrome dashes the whole path again for every tile it crosses: 500 blocked calls spanning namespaces made
 * each wheel step of a zoom-out a second of raster at 700 nodes (50 ms with this cap).
 */
export function dashFor(dash: string, sx: number, sy: number, tx: number, ty: number, route?: readonly [number, number][]): string {
  const pattern = dash.split(' ').map(Number);
  const period = pattern.reduce((a, b) => a + b, 0);
  // A Bezier is longer than the chord between its ends (1.5 covers it); a route is as long as its segments.
  const length = route
    ? route.slice(1).reduce((sum, q, i) => sum + Math.abs(q[0] - route[i]![0]) + Math.abs(q[1] - route[i]![1]), 0)
    : Math.hypot(tx - sx, ty - sy) * 1.5;
  const f = Math.max(1, length / (period * MAX_DASHES));
  return f === 1 ? dash : pattern.map((d) => Math.round(d * f * 10) / 10).join(' ');
}

export const VERDICT_STYLE = {
  allowed: { stroke: 'var(--ok)', dash: undefined, width: 1.8 },
  blocked: { stroke: 'var(--bad)', dash: '7 5', width: 2.4 },
  unknown: { stroke: 'var(--unknown)', dash: '2 5', width: 1.8 },
} as const;

/** A path traffic could take, drawn by verdict: blocked red dashed with a ⛔ mark, unknown grey dotted. */
export const VerdictEdge = memo(function VerdictEdge(p: EdgeProps<VerdictFlowEdge>) {
  // An edge to the next column is a curve between the two nodes; any other follows the route the layout gave
  // it through the gaps between columns (a call back to a Service, an edge past a column).
  const route = p.data!.route;
  const [path, lx, ly] = route ? [roundedPath(route), ...midpoint(route)] : curve(p);
  const e = p.data!.edge;
  const { select } = useActions();
  const mark = p.data!.trace;
  // On a trace's path the trace decides the look: where it stopped is red and dashed, whatever the edge's
  // usual verdict (a slice's endpoint edge is fine in general, and blocked for this request).
  const look = mark ? (mark === 'ok' ? 'allowed' : 'blocked') : e.verdict;
  const s = VERDICT_STYLE[look];
  const width = mark ? s.width + 2 : p.selected ? s.width + 1.6 : s.width;
  return (
    <>
      <BaseEdge
        id={p.id}
        path={path}
        markerEnd={p.markerEnd}
        interactionWidth={14}
        className={mark ? `trace-${mark}` : p.data!.dim ? 'dim' : undefined}
        style={{
          stroke: s.stroke,
          strokeWidth: width,
          strokeDasharray: s.dash && dashFor(s.dash, p.sourceX, p.sourceY, p.targetX, p.targetY, route),
        }}
      />
      {/* What a pointer resting on the line is told (the whole explanation is a click away). */}
      <title>{`${look}: ${e.from} → ${e.to} (click for why)`}</title>
      {e.share ? (
        // The weight split, as the core computed it for this edge: above the line, clear of the verdict mark.
        <EdgeLabelRenderer>
          <div
            className={`edge-share nodrag nopan${p.data!.dim ? ' dim' : ''}`}
            style={{ transform: `translate(-50%, -100%) translate(${lx}px, ${ly - 9}px)` }}
            data-share-edge={e.id}
            title={e.share.why}
            // A click on the share opens its edge in the Inspector, as a click on the line does.
            onClick={() => select({ type: 'edge', id: e.id })}
          >
            {e.share.text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
      {look === 'blocked' ? (
        <EdgeLabelRenderer>
          <div
            className={`edge-mark blocked nodrag nopan${p.data!.dim ? ' dim' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
            title={mark ? `This request stops here (${mark}).` : e.reason}
            role="img"
            aria-label={mark === 'failed' ? 'failed' : 'blocked'}
          >
            <BlockedIcon />
          </div>
        </EdgeLabelRenderer>
      ) : e.verdict === 'unknown' ? (
        <EdgeLabelRenderer>
          <div
            className={`edge-mark unknown nodrag nopan${p.data!.dim ? ' dim' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
            title={e.reason}
          >
            ?
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

export const EDGE_TYPES = { verdict: VerdictEdge };
