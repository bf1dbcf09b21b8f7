import type { World } from '../model/world';
import { formatPeer, parsePeer } from '../queries/peer';

/**
 * A goal's peer as the questions take it: a pod name stays as it is; `ns/name` that names a workload means
 * every pod of it; as a destination, a Service name means the Service (judged per backend, NP-10).
 * Addresses, nodes and `service:` peers pass through.
 */
export function expandPeer(world: World, text: string, asDestination: boolean): { peers: string[] } | { error: string } {
  const peer = parsePeer(text);
  if ('error' in peer) return peer;
  if (peer.kind !== 'pod') return { peers: [text] };
  const { namespace: ns, name } = peer;
  if (world.pods.some((p) => p.namespace === ns && p.name === name)) return { peers: [formatPeer(peer)] };
  const owners = world.workloads.filter((w) => w.namespace === ns && w.name === name).map((w) => w.id);
  const pods = world.pods.filter((p) => p.ownerId !== undefined && owners.includes(p.ownerId)).map((p) => `${p.namespace}/${p.name}`);
  if (pods.length > 0) return { peers: pods.sort() };
  if (owners.length > 0) return { error: `${ns}/${name} has no pods` };
  if (asDestination && world.services.some((s) => s.namespace === ns && s.name === name)) return { peers: [`service:${ns}/${name}`] };
  return { error: `there is no pod or workload ${ns}/${name}${asDestination ? ' (nor a Service)' : ''}` };
}
