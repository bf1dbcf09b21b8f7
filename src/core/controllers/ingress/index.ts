import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { addIngressControllerPods } from './addon';
import { admitIngresses } from './classes';
import { lintIngresses } from './lint';

export { routeIngressClass } from './router';
export { INGRESS_CODES } from './codes';
export { servingClass, IMPLICIT_CLASS, NGINX_CONTROLLER } from './classes';
export { NGINX_NAMESPACE, NGINX_CONTROLLER_NAME } from './addon';
export { writeIngressStatus } from './status';
export { nginxAnnotations } from './annotations';

/**
 * The ingress stage (§4), run before the workloads stage: admission of Ingresses (ING-1,
 * built-in class ING-3), the ingress-nginx controller as pods (ING-13), and the controller's complaints
 * as diagnostics. Routing itself is a query: `routeIngressClass`.
 */
export function reconcileIngresses(world: World, options: SimOptions, diags: Diagnostic[]): void {
  if (world.ingresses.length === 0 && world.ingressClasses.length === 0) return;
  admitIngresses(world, options, diags);
  addIngressControllerPods(world);
  lintIngresses(world, options, diags);
}
