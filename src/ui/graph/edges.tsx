import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { GraphEdge } from '../../core/index';
import type { TraceMark } from './trace-overlay';

/** `size`: the drawn width and height of the source and target nodes (from the worker's layout). */
export type VerdictFlowEdge = Edge<
  { edge: GraphEdge; size: { source: [number, number]; target: [number, number] }; trace?: TraceMark; dim?: boolean },
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

function arcBelow(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const h = 28 + Math.abs(sx - tx) * 0.12;
  const c1y = sy + h;
  const c2y = ty + h;
  // The point halfway along the cubic, for the verdict mark.
  const mx = (sx + 3 * sx + 3 * tx + tx) / 8;
  const my = (sy + 3 * c1y + 3 * c2y + ty) / 8;
  return [`M ${sx},${sy} C ${sx},${c1y} ${tx},${c2y} ${tx},${ty}`, mx, my];
}

/** Most dashes drawn along one edge. */
const MAX_DASHES = 60;

/**
 * The dash pattern for an edge, stretched on long ones so that no edge has more than MAX_DASHES dashes.
 * Chrome dashes the whole path again for every tile it crosses: 500 blocked calls spanning namespaces made
 * each wheel step of a zoom-out a second of raster at 700 nodes (50 ms with this cap).
 */
export function dashFor(dash: string, sx: number, sy: number, tx: number, ty: number): string {
  const pattern = dash.split(' ').map(Number);
  const period = pattern.reduce((a, b) => a + b, 0);
  // A Bezier or an arc is longer than the chord between its ends; 1.5 covers the arcs below.
  const length = Math.hypot(tx - sx, ty - sy) * 1.5;
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
  // A call from a pod back to a Service (right to left): an arc below both nodes, from the pod's bottom to
  // the Service's bottom, so it reads apart from the left-to-right chain and never loops around the graph.
  const backward = p.targetX < p.sourceX - 20;
  const { source: ss, target: ts } = p.data!.size;
  const [path, lx, ly] = backward
    ? arcBelow(p.sourceX - ss[0] / 2, p.sourceY + ss[1] / 2, p.targetX + ts[0] / 2, p.targetY + ts[1] / 2)
    : getBezierPath(p);
  const e = p.data!.edge;
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
          strokeDasharray: s.dash && dashFor(s.dash, p.sourceX, p.sourceY, p.targetX, p.targetY),
        }}
      />
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
