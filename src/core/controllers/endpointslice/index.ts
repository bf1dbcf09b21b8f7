import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { World } from '../../model/world';
import { indexPods, podsMatching } from '../../model/lookup';
import { mirrorEndpoints } from './mirroring';
import { reconcile } from './reconcile';
import { removeSlicesTheControllerOwns } from './adopt';

export { reconcile, selectedPods, sliceLabels } from './reconcile';
export { mirrorEndpoints } from './mirroring';
export { applyHints, topologyModeAuto } from './hints';
export { diagnoseServices, closestMiss } from './diagnose';
export * from './utils';

/**
 * The EndpointSlice controller and the mirroring controller as one stage: managed slices for every
 * Service with a selector, mirrored slices for legacy Endpoints of selector-less Services. Hand-written
 * slices stay as they are, except those carrying the controller's own managed-by label for a Service it
 * manages (EPS-8: deleted, or rewritten from the selector); a generated slice whose name the input already
 * uses is not added.
 */
export function runEndpointSliceControllers(world: World, diags: Diagnostic[]): void {
  removeSlicesTheControllerOwns(world, diags);
  const ids = new Set(world.endpointSlices.map((s) => s.id));
  const max = world.cluster.maxEndpointsPerSlice;
  const add = (slices: World['endpointSlices']) => {
    for (const s of slices) if (!ids.has(s.id)) {
      ids.add(s.id);
      world.endpointSlices.push(s);
    }
  };
  // One index of the pods for all Services: each reconcile sees only the pods its selector can match.
  const pods = indexPods(world.pods);
  const nodes = new Map(world.nodes.map((n) => [n.name, n]));
  for (const svc of world.services) add(reconcile(svc, svc.selector ? podsMatching(pods, svc.namespace, svc.selector) : [], world.nodes, max, nodes));
  const byName = new Map(world.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  for (const ep of world.legacyEndpoints) add(mirrorEndpoints(ep, byName.get(`${ep.namespace}/${ep.name}`), max));
}
