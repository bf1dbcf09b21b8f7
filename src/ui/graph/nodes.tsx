import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { detailLines, type GraphNode } from '../../core/index';
import { fitText } from './fit-text';
import { kindStyle } from './kinds';
import { BlockedIcon } from './edges';
import type { TraceMark } from './trace-overlay';

/** What an object node's width spends besides its text: padding, border, the kind badge and the gap (styles.css .obj). */
const CHROME = 58;
let family: string | undefined;

/** The page's font family (styles.css), read once. */
function pageFont(): string {
  family ??= (typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily) || 'system-ui, sans-serif';
  return family;
}

export type ObjectNodeData = { node: GraphNode; trace?: TraceMark; source?: boolean; dim?: boolean };
export type ObjectFlowNode = Node<ObjectNodeData, 'object'>;
export type GroupFlowNode = Node<{ namespace: string; count: number }, 'namespace'>;

/**
 * Whether a node draws the same: React Flow also passes where the node sits on the canvas, which changes for
 * every node of a box that moves (a replica added above shifts the boxes below) while nothing drawn inside
 * the node does; the wrapper React Flow puts around the node moves it.
 */
function sameLook(a: NodeProps<ObjectFlowNode>, b: NodeProps<ObjectFlowNode>): boolean {
  return a.data === b.data && a.selected === b.selected && a.width === b.width;
}

/** One simulated object: kind badge, name, a detail line and a health dot. */
export const ObjectNode = memo(function ObjectNode({ data, selected, width }: NodeProps<ObjectFlowNode>) {
  const n = data.node;
  const k = kindStyle(n.kind);
  const room = (width ?? 200) - CHROME;
  const name = fitText(n.label, `600 14px ${pageFont()}`, room, true);
  return (
    <div
      className={`obj status-${n.status}${selected ? ' selected' : ''}${data.trace ? ` trace-${data.trace}` : ''}${data.source ? ' trace-source' : ''}${data.dim ? ' dim' : ''}`}
      title={`${n.id}${n.detail ? '\n' + n.detail : ''}`}
    >
      {data.source ? <span className="trace-tag">source</span> : null}
      {/* A cut name in full, above the node while it has the keyboard focus (a pointer gets the tooltip). */}
      {name !== n.label ? (
        <span className="full-name" aria-hidden="true">
          {n.label}
        </span>
      ) : null}
      {data.trace && data.trace !== 'ok' ? (
        <span className="trace-stop" role="img" aria-label={`the request stops here: ${data.trace}`}>
          <BlockedIcon size={16} />
        </span>
      ) : null}
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="badge" style={{ background: k.color }} aria-hidden="true">
        {k.badge}
      </span>
      <span className="obj-text">
        <span className="obj-name">{name}</span>
        {detailLines(n.detail).map((line, i) => (
          <span key={i} className="obj-detail">
            {fitText(line, `11.5px ${pageFont()}`, room)}
          </span>
        ))}
      </span>
      {n.status !== 'ok' ? <span className={`dot dot-${n.status}`} aria-label={n.status} /> : null}
      {n.isolation ? <IsolationMark isolation={n.isolation} /> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}, sameLook);

/** Which directions NetworkPolicies isolate, in words (NP-2). */
export function isolationText(iso: NonNullable<GraphNode['isolation']>): string {
  const part = (dir: string, ids: string[]) =>
    ids.length ? `${dir} by ${ids.map((id) => id.split('/').slice(1).join('/')).join(', ')}` : '';
  return `Isolated for ${[part('ingress', iso.ingress), part('egress', iso.egress)].filter(Boolean).join('; and for ')}: only what a rule admits gets through.`;
}

/** The shield drawn in SVG (no emoji font needed), on pods and in the legend. */
export function ShieldIcon() {
  return (
    <svg width="11" height="12" viewBox="0 0 11 12" aria-hidden="true">
      <path d="M5.5 0.5 L10 2.2 V5.6 C10 8.4 8 10.5 5.5 11.5 C3 10.5 1 8.4 1 5.6 V2.2 Z" fill="var(--bad)" />
    </svg>
  );
}

/** A shield on a pod that NetworkPolicies isolate: traffic it has no rule for is dropped. */
function IsolationMark({ isolation }: { isolation: NonNullable<GraphNode['isolation']> }) {
  const dirs = [isolation.ingress.length ? 'in' : '', isolation.egress.length ? 'out' : ''].filter(Boolean).join('+');
  return (
    <span className="shield" role="img" title={isolationText(isolation)} aria-label={isolationText(isolation)}>
      <ShieldIcon />
      {dirs}
    </span>
  );
}

/** A namespace: a labelled box around its objects. */
export const NamespaceNode = memo(function NamespaceNode({ data, selected }: NodeProps<GroupFlowNode>) {
  return (
    <div className={`ns-group${selected ? ' selected' : ''}`}>
      <span className="ns-label">
        <span className="badge ns-badge" aria-hidden="true">
          NS
        </span>
        {data.namespace}
      </span>
    </div>
  );
});

export const NODE_TYPES = { object: ObjectNode, namespace: NamespaceNode };
