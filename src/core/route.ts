import type { HttpRequest } from './http';
import type { EntryResult, RouteResult } from './model/route';
import type { Simulation } from './simulate';
import { routeIngressClass } from './controllers/ingress/index';
import { routeGateways } from './controllers/gateway/index';

export type { Entry, EntryResult, RouteBackend, RouteEndpoint, RouteResult } from './model/route';

export interface RouteOptions {
  /** `ns/name`: only this Gateway. */
  gateway?: string;
  /** Only this IngressClass. */
  ingressClass?: string;
}

/**
 * Route one request from outside the cluster through every entry point (or the one asked for): each
 * IngressClass with a controller (§4) and each Gateway (§5). A pure query over a Simulation.
 */
export function route(sim: Simulation, req: HttpRequest, opts: RouteOptions = {}): RouteResult {
  const results: EntryResult[] = [];
  if (!opts.gateway) {
    const classes = [...sim.world.ingressClasses].filter((c) => !opts.ingressClass || c.name === opts.ingressClass).sort((a, b) => a.name.localeCompare(b.name));
    for (const cls of classes) results.push(routeIngressClass(sim.world, sim.options, cls.name, req));
  }
  if (!opts.ingressClass) results.push(...routeGateways(sim.world, sim.options, req, opts.gateway));
  return { request: req, results };
}
