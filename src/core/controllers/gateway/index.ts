import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { gatewayDiagnostics } from './diagnostics';
import { reconcileGatewayAPI } from './status';

export { addGatewayImplementations } from './addon';
export { GATEWAY_NAME_LABEL, implementationName } from './implementation';
export { GATEWAY_CODES } from './codes';
export { reconcileGatewayAPI, findGrant, compareAge } from './status';
export { routeGateways } from './router';
export type * from './types';

/**
 * The Gateway API controller stage (§5): writes GatewayClass, Gateway (listeners, addresses, the pods and
 * Service that implement it) and Route status into the World, and turns the conditions that mean "does not
 * work as written" into diagnostics on the right fields.
 */
export function runGatewayController(world: World, options: SimOptions, diags: Diagnostic[]): void {
  reconcileGatewayAPI(world, options);
  diags.push(...gatewayDiagnostics(world));
}
