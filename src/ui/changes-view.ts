/** How the page shows a `diff` document: counts for the header, and where each change is on the graph and in the YAML. */
import type { ConnectionChange, ConnectionVerdict, DiffDocument } from '../core/index';
import type { SimulatedReply } from '../worker/protocol';
import type { Selection } from './store';

const OPENNESS: Record<ConnectionVerdict, number> = { absent: 0, denied: 0, partial: 1, allowed: 2 };

/** A connection opened (more pod pairs allowed than before) or closed (fewer). */
export function direction(c: ConnectionChange): 'opened' | 'closed' | 'same' {
  const d = OPENNESS[c.after] - OPENNESS[c.before];
  return d > 0 ? 'opened' : d < 0 ? 'closed' : 'same';
}

export interface ChangeCounts {
  opened: number;
  closed: number;
  routes: number;
  dns: number;
}

export function countChanges(d: DiffDocument): ChangeCounts {
  return {
    opened: d.connections.filter((c) => direction(c) === 'opened').length,
    closed: d.connections.filter((c) => direction(c) === 'closed').length,
    routes: d.routes.length,
    dns: d.dns.length,
  };
}

/** "2 opened · 1 closed · 1 route changed", or "no change". */
export function describeCounts(n: ChangeCounts): string {
  const parts = [
    n.opened ? `${n.opened} opened` : '',
    n.closed ? `${n.closed} closed` : '',
    n.routes ? `${n.routes} ${n.routes === 1 ? 'route' : 'routes'} changed` : '',
    n.dns ? `${n.dns} DNS ${n.dns === 1 ? 'answer' : 'answers'} changed` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no change';
}

/** The drawn pods of an owner (`Deployment/shop/web`): the pod itself, or the pods its YAML declares. */
export function podsOf(reply: SimulatedReply, owner: string): string[] {
  const pods = reply.topology.nodes.filter((n) => n.kind === 'Pod');
  if (owner.startsWith('Pod/')) return pods.some((p) => p.id === owner) ? [owner] : [];
  const o = reply.objects.find((x) => x.id === owner);
  if (!o) return [];
  return pods.filter((p) => p.cite && p.cite.file === o.file && p.cite.range.start >= o.start && p.cite.range.end <= o.end).map((p) => p.id);
}

/**
 * Where a changed connection is drawn: an edge from one of the source's pods to one of the destination's
 * pods, or to a Service whose slices lead to them (the graph draws calls to Services); else the
 * destination pod, else the source pod. Null when neither end is drawn (system pods hidden).
 */
export function connectionTarget(reply: SimulatedReply, c: ConnectionChange): Selection {
  const from = new Set(podsOf(reply, c.from));
  const to = new Set(podsOf(reply, c.to));
  const edges = reply.topology.edges;
  // Nodes that lead to a destination pod: the pods, their slices, the slices' Services.
  const leads = new Set(to);
  for (let hop = 0; hop < 2; hop++) for (const e of edges) if (leads.has(e.to) && (e.relation === 'endpoint' || e.relation === 'slice')) leads.add(e.from);
  const edge = edges.find((e) => from.has(e.from) && leads.has(e.to));
  if (edge) return { type: 'edge', id: edge.id };
  const node = [...to][0] ?? [...from][0];
  return node ? { type: 'node', id: node } : null;
}

/** The YAML of an object (`NetworkPolicy/shop/db-only-api`) in the editor, if it is written there. */
export function objectRange(reply: SimulatedReply, id: string | null): { start: number; end: number } | null {
  const o = id ? reply.objects.find((x) => x.id === id && x.file === 0) : undefined;
  return o ? { start: o.start, end: o.end } : null;
}
