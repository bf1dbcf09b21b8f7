/** Between the graph and the YAML: which text a selection stands for, and which object a text offset is in. */
import type { Cite } from '../core/index';
import type { SimulatedReply } from '../worker/protocol';
import type { Selection } from './store';

export interface Highlight {
  start: number;
  end: number;
  whole: boolean;
}

/**
 * The ranges (file 0) that declare the selected node, or decided the selected edge: `cites` are that edge's,
 * with their ranges, as the worker answers them (useEdgeCites); null while they are being asked for.
 */
export function highlightRanges(reply: SimulatedReply | null, sel: Selection, cites: Cite[] | null = null): Highlight[] {
  if (!reply || !sel) return [];
  if (sel.type === 'node') {
    const n = reply.topology.nodes.find((x) => x.id === sel.id);
    if (n?.cite && n.cite.file === 0) return [{ ...n.cite.range, whole: true }];
    const o = reply.objects.find((x) => x.id === sel.id);
    return o ? [{ start: o.start, end: o.end, whole: true }] : [];
  }
  const e = reply.topology.edges.find((x) => x.id === sel.id);
  if (!e) return [];
  if (e.cites.length > 0 && !cites) return [];
  const here = (cites ?? []).filter((c) => c.file === 0);
  if (here.length > 0) return here.map((c) => ({ ...c.range, whole: true }));
  // No specific rule decided it: show the two ends.
  return [e.from, e.to]
    .map((id) => reply.topology.nodes.find((x) => x.id === id)?.cite)
    .filter((c): c is NonNullable<typeof c> => !!c && c.file === 0)
    .map((c) => ({ ...c.range, whole: true }));
}

/** The drawn object whose YAML holds this offset: the innermost declaring range wins. */
export function objectAt(reply: SimulatedReply | null, offset: number): string | null {
  if (!reply) return null;
  let best: { id: string; size: number } | null = null;
  const consider = (id: string, start: number, end: number) => {
    if (offset < start || offset > end) return;
    if (!best || end - start < best.size) best = { id, size: end - start };
  };
  const drawn = new Set(reply.topology.nodes.map((n) => n.id));
  for (const n of reply.topology.nodes) if (n.cite && n.cite.file === 0) consider(n.id, n.cite.range.start, n.cite.range.end);
  for (const o of reply.objects) if (drawn.has(o.id)) consider(o.id, o.start, o.end);
  if (best) return (best as { id: string }).id;
  // A workload's YAML: select its first pod.
  const o = reply.objects.find((x) => offset >= x.start && offset <= x.end);
  if (!o) return null;
  const ns = o.id.split('/')[1] ?? '';
  if (o.id.startsWith('Namespace/')) return drawn.has(o.id) ? o.id : null;
  // A NetworkPolicy's YAML: the first pod it isolates (its Inspector names the policy), or nothing.
  if (o.id.startsWith('NetworkPolicy/')) {
    const pod = reply.topology.nodes.find((n) => n.isolation && (n.isolation.ingress.includes(o.id) || n.isolation.egress.includes(o.id)));
    return pod?.id ?? null;
  }
  const pod = reply.topology.nodes.find((n) => n.kind === 'Pod' && n.namespace === ns && n.cite?.file === 0 && n.cite.range.start >= o.start && n.cite.range.end <= o.end);
  return pod?.id ?? (reply.layout[`Namespace/${ns}`] ? `Namespace/${ns}` : null);
}
