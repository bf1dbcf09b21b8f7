import type { Service } from '../../model/core';
import type { World } from '../../model/world';
import { controllerPods, isControllerLabels, NGINX_CONTROLLER_NAME, NGINX_NAMESPACE } from './addon';
import { NGINX_CONTROLLER, servingClass } from './classes';

/** The Services in front of the ingress-nginx controller pods: its own, or the input's that select them. */
function controllerServices(world: World): Service[] {
  return world.services.filter(
    (s) => (s.namespace === NGINX_NAMESPACE && s.name === NGINX_CONTROLLER_NAME) || (s.selector !== null && isControllerLabels(s.selector)) || isControllerLabels(s.labels),
  );
}

/**
 * The ingress controller's results once its pods and Service exist (after the workloads and allocation
 * stages), written into the World: each IngressClass it serves records the pods and LoadBalancer Service
 * that make up the controller (ING-13), and each Ingress it serves gets `status.loadBalancer.ingress`, the
 * addresses clients reach it at, as ingress-nginx publishes its Service's address. Routing, traces, DNS and
 * the graph read these instead of looking the controller up again.
 */
export function writeIngressStatus(world: World): void {
  const classes = world.ingressClasses.filter((c) => c.controller === NGINX_CONTROLLER);
  if (classes.length === 0) return;
  const pods = controllerPods(world);
  const services = controllerServices(world);
  const lb = services.find((s) => s.type === 'LoadBalancer') ?? services[0];
  for (const cls of classes) cls.implementation = { namespace: pods[0]?.namespace ?? NGINX_NAMESPACE, service: lb?.id ?? null, pods: pods.map((p) => p.id) };
  const ips = services.flatMap((s) => s.loadBalancerIPs);
  if (ips.length === 0) return;
  for (const ing of world.ingresses) {
    const serving = servingClass(world, ing);
    if (serving.served && serving.ingressClass.controller === NGINX_CONTROLLER) ing.status = { loadBalancer: { ingress: ips.map((ip) => ({ ip })) } };
  }
}
