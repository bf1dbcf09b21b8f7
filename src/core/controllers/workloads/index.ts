import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { World } from '../../model/world';
import { assignPodIPs } from './ipam';
import { podsForWorkload } from './pods';
import { placements, schedule } from './schedule';

export { podTemplateHash, podSuffix, replicaSetName } from './names';
export { podsForWorkload } from './pods';

/**
 * The workload controllers, scheduler and pod IPAM as one stage: every workload in `world.workloads`
 * (whoever added it: the input, the addons, an ingress controller stage) becomes pods; then every pod
 * without a node is scheduled and every running pod without an IP gets one. A generated pod whose id
 * the input already uses is not made (the user's Pod wins).
 */
export function runWorkloadControllers(world: World, diags: Diagnostic[]): void {
  const ids = new Set(world.pods.map((p) => p.id));
  for (const w of world.workloads) {
    for (const pod of podsForWorkload(w, world.nodes)) {
      if (ids.has(pod.id)) continue;
      ids.add(pod.id);
      world.pods.push(pod);
    }
  }
  const order = placements(world.pods);
  schedule(world.pods, world.nodes, diags, order);
  assignPodIPs(world.pods, world.nodes, diags, order);
}
