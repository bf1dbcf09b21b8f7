import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { HttpRequest } from '../../http';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import type { EntryResult } from '../../route';
import type { Simulation } from '../../simulate';
import { gatewayDiagnostics } from './diagnostics';
import { routeGateways } from './router';
import { reconcileGatewayAPI } from './status';
import type { GatewayAPIStatus } from './types';

export { addGatewayImplementations, gatewayPods, GATEWAY_NAME_LABEL, implementationName } from './addon';
export { GATEWAY_CODES } from './codes';
export { reconcileGatewayAPI, findGrant, compareAge } from './status';
export { routeGateways } from './router';
export type * from './types';

/**
 * The Gateway API controller stage (§5): computes GatewayClass/Gateway/listener/Route status
 * and turns the conditions that mean "does not work as written" into diagnostics on the right fields.
 */
export function runGatewayController(world: World, options: SimOptions, diags: Diagnostic[]): GatewayAPIStatus {
  const status = reconcileGatewayAPI(world, options);
  diags.push(...gatewayDiagnostics(world, status));
  return status;
}

/** `knet route` for Gateways: one EntryResult per served Gateway, or only `gatewayFilter` (`ns/name`). */
export function routeGateway(sim: Simulation, req: HttpRequest, gatewayFilter?: string): EntryResult[] {
  return routeGateways(sim.world, sim.options, req, gatewayFilter);
}
