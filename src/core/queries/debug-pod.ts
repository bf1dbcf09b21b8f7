import type { Simulation } from '../simulate';
import { DEBUG_POD, withPod } from '../terminal/context';
import { parseDebugPeer, type DebugPeer } from './peer';
import { fail, ok, type ArgReader, type Outcome } from './query';

/**
 * `--from debug:NS [--debug-labels k=v,...]` for dns, trace, check and route: the question is asked from a
 * busybox-like debug pod added to namespace NS (the terminal's debug pod, there), so a scenario with no
 * client pod can still be debugged the way its lessons do it with `kubectl run`. `from` becomes `NS/debug`.
 */
export function readDebugFrom(a: ArgReader, from: string | undefined): Outcome<{ from: string | undefined; debug?: DebugPeer }> {
  const d = parseDebugPeer(from, a.str('debug-labels'));
  if (d === null) return ok({ from });
  if ('error' in d) return fail(d.error);
  return ok({ from: `${d.namespace}/${DEBUG_POD.name}`, debug: d });
}

/** The Simulation with the debug pod running (scheduled and addressed as any pod), or why it cannot start. */
export function withDebugPod(sim: Simulation, debug: DebugPeer | undefined): Outcome<Simulation> {
  if (!debug) return ok(sim);
  if (!sim.world.namespaces.some((n) => n.name === debug.namespace)) return fail(`the debug pod cannot start: there is no namespace "${debug.namespace}" in the input`);
  const added = withPod(sim, { ...DEBUG_POD, namespace: debug.namespace, labels: debug.labels });
  return 'error' in added ? fail(added.error) : ok(added.sim);
}
