import { applyLockDown, type Applied } from '../lockdown/apply';
import { connectionChanges, type ConnectionChange } from '../lockdown/changes';
import { lockDown, namespacesWithPods, type PolicyObject } from '../lockdown/build';
import { ArgReader, fail, ok, type Query } from './query';

export interface PoliciesInput {
  /** Namespaces to lock down; left out: every namespace with pods the input declares or makes. */
  namespace?: string | string[];
  /** Answer with the whole input with the policies applied instead of the policies alone. */
  apply?: boolean;
}

export interface PoliciesArgs {
  namespaces: string[];
  apply: boolean;
}

/** `knet policies --json`: the generated NetworkPolicies; with `--apply`, the input with them applied. */
export type PoliciesDocument = PolicyObject[] | PoliciesApplied;
export interface PoliciesApplied extends Applied {
  policies: PolicyObject[];
  /** Pod pairs into the locked namespaces whose verdict the lock-down changes, by owner, port and protocol. */
  connections: ConnectionChange[];
}

/**
 * `knet policies`: zero-trust NetworkPolicies that keep exactly what the scenario uses (the graph's
 * inferred calls, entry traffic from Ingress controllers and Gateways to their backends, clients of
 * exposed Services, DNS) and deny the rest, one policy per workload with the reason of every rule.
 */
export const policies: Query<PoliciesInput, PoliciesArgs, PoliciesDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['namespace', 'apply']);
    const namespaces = a.list('namespace');
    const apply = a.flag('apply');
    return a.done({ namespaces: [...new Set(namespaces)], apply });
  },
  run: (sim, args) => {
    for (const ns of args.namespaces) if (!sim.world.namespaces.some((n) => n.name === ns)) return fail(`there is no namespace "${ns}" in the input`);
    const namespaces = args.namespaces.length ? args.namespaces : namespacesWithPods(sim);
    const objects = lockDown(sim, namespaces);
    if (!args.apply) return ok(objects);
    const applied = applyLockDown(sim, namespaces, objects);
    return ok({ ...applied, policies: objects, connections: connectionChanges(sim, applied.text, namespaces) });
  },
};
