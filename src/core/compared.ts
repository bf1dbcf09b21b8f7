/**
 * A worker reply in the form two replies are compared and patched: ranges counted by document
 * (`rangesByDocument`) and routes written against the nodes they join (`anchorRoutes`), so what an edit merely
 * moves is not sent again. The worker writes it (`toCompared`), the page reads it back (`fromCompared`); both
 * live here so the two directions cannot drift apart. Ranges sit only in the diagnostics, the object list and
 * the nodes' cites (edges name theirs without), so only those are rewritten: the edges, the bulk of a reply,
 * are shared as they are.
 */
import { rangesByDocument, rangesInText } from './delta';
import { anchorRoutes, routesFromAnchors, type AnchoredPoint } from './route-anchors';

type Point = [number, number];
type Placed = Parameters<typeof anchorRoutes>[2][string];

/** The parts of a reply this rewrites. */
interface Rewritten<R> {
  documents?: number[];
  diagnostics: unknown;
  objects: unknown;
  topology: { nodes: unknown; edges: readonly { id: string; from: string; to: string }[] };
  layout: Record<string, Placed>;
  routes: R;
}

export type Compared<T> = Omit<T, 'routes'> & { routes: Record<string, AnchoredPoint[]> };

/**
 * `anchored`: the routes already anchored, when the caller knows they are those of this reply's routes, edges
 * and layout (the worker, when it reused the last picture), so they are not written again.
 */
export function toCompared<T extends Rewritten<Record<string, Point[]>>>(reply: T, anchored?: Record<string, AnchoredPoint[]>): Compared<T> {
  const docs = reply.documents ?? [0];
  return {
    ...reply,
    diagnostics: rangesByDocument(reply.diagnostics, docs),
    objects: rangesByDocument(reply.objects, docs),
    topology: { ...reply.topology, nodes: rangesByDocument(reply.topology.nodes, docs) },
    routes: anchored ?? anchorRoutes(reply.routes, reply.topology.edges, reply.layout),
  };
}

/** `toCompared` undone. */
export function fromCompared<T extends Rewritten<Record<string, AnchoredPoint[]>>>(c: T): Omit<T, 'routes'> & { routes: Record<string, Point[]> } {
  const docs = c.documents ?? [0];
  return {
    ...c,
    diagnostics: rangesInText(c.diagnostics, docs),
    objects: rangesInText(c.objects, docs),
    topology: { ...c.topology, nodes: rangesInText(c.topology.nodes, docs) },
    routes: routesFromAnchors(c.routes, c.topology.edges, c.layout),
  };
}
