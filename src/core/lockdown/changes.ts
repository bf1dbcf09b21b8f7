import { changedObjects } from '../diff/changed';
import { connectionChanges as diffConnections, type ConnectionChange } from '../diff/connections';
import { simulate, type Simulation } from '../simulate';

export type { ConnectionChange };

/**
 * What applying `text` changes, as `knet diff` reports it (the same connection changes: by owner, port and
 * protocol, each with the object that decided it), kept to connections into the locked namespaces, so the
 * Lock down preview and the Changes panel speak of one kind of change. The egress the lock-down closes from
 * those namespaces to others shows up again as that namespace's ingress when it is locked too.
 */
export function connectionChanges(sim: Simulation, text: string, namespaces: string[]): ConnectionChange[] {
  const after = simulate([{ name: sim.files[0]?.name ?? 'input.yaml', text }], sim.options);
  const locked = new Set(namespaces);
  // Owners are namespaced objects: `Deployment/ns/name`, `Pod/ns/name`.
  return diffConnections(sim, after, changedObjects(sim, after)).filter((c) => locked.has(c.to.split('/')[1]!));
}
