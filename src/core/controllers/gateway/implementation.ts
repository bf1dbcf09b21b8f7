import type { Implementation, Pod } from '../../model/core';
import type { Gateway } from '../../model/gateway';
import type { World } from '../../model/world';

/** GEP-1762: the label a gateway implementation puts on the pods it runs for a Gateway. */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** GEP-1762 naming of the in-cluster resources of a Gateway: `<gateway>-<gatewayclass>`. */
export function implementationName(gw: Gateway): string {
  return `${gw.name}-${gw.gatewayClassName}`.slice(0, 63).replace(/-+$/, '');
}

/** The proxy pods of a Gateway (declared or made from its Deployment) that have an address, by id. */
function gatewayPods(world: World, gw: Gateway): Pod[] {
  return world.pods.filter((p) => p.namespace === gw.namespace && p.labels[GATEWAY_NAME_LABEL] === gw.name && p.ips.length > 0).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * What carries a served Gateway's traffic (GW-15): its proxy pods, which NetworkPolicy sees as the source
 * of requests to the backends (NP-12), and the LoadBalancer Service in front of them (`<gateway>-<class>`
 * or the input's Service that selects the Gateway's pods).
 */
export function implementationOf(world: World, gw: Gateway): Implementation {
  const name = implementationName(gw);
  const service = world.services.find((s) => s.namespace === gw.namespace && (s.name === name || (s.selector !== null && s.selector[GATEWAY_NAME_LABEL] === gw.name)));
  return { namespace: gw.namespace, service: service?.id ?? null, pods: gatewayPods(world, gw).map((p) => p.id) };
}
