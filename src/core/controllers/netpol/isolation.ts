import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { compile, type PolicyCache } from './compile';

/** The NetworkPolicies (ids) that isolate one pod, per direction (NP-2). */
export interface Isolation {
  ingress: string[];
  egress: string[];
}

/** Which policies isolate each pod, by pod id (NP-2): what the graph marks on a pod. */
export function isolationByPod(world: World, options: SimOptions, cache?: PolicyCache): Map<string, Isolation> {
  const c = compile(world, options, cache);
  const names = (ks: number[] | undefined) => (ks ?? []).map((k) => c.policies[k]!.policy.id);
  const out = new Map<string, Isolation>();
  c.pods.forEach((p, i) => {
    if (!out.has(p.id)) out.set(p.id, { ingress: names(c.isolating.ingress[i]), egress: names(c.isolating.egress[i]) });
  });
  return out;
}
