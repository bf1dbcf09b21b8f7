import type { AnyRoute } from '../../model/gateway';
import type { World } from '../../model/world';

/** Every Gateway API route of the World, in a stable order (HTTP, gRPC, TLS, TCP, UDP). */
export function allRoutes(world: World): AnyRoute[] {
  return [...world.httpRoutes, ...world.grpcRoutes, ...world.tlsRoutes, ...world.tcpRoutes, ...world.udpRoutes];
}

/** The route object a RouteState describes. */
export function routeOf(world: World, id: string): AnyRoute | undefined {
  return allRoutes(world).find((r) => r.id === id);
}
