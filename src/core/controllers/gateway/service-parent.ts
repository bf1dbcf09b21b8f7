import type { AnyRoute } from '../../model/gateway';
import type { World } from '../../model/world';
import type { Condition, ParentState } from './types';

const cond = (type: string, ok: boolean, reason: string, message = ''): Condition => ({ type, status: ok ? 'True' : 'False', reason, message });

/** GW-19: a parentRef to a core Service (`group: ""`, or `core` as the GAMMA docs write it). */
export function isServiceParent(ref: AnyRoute['parentRefs'][number]): boolean {
  return ref.kind === 'Service' && (ref.group === '' || ref.group === 'core');
}

/**
 * GW-19 (GAMMA): a route whose parentRef is a Service attaches to that Service's frontend (its name and
 * ClusterIP), for one port when `port` is set. The Service must exist (in the parentRef's namespace) and
 * have that port; mesh routing is modelled for HTTPRoutes.
 */
export function attachToService(route: AnyRoute, ref: AnyRoute['parentRefs'][number], world: World): ParentState {
  const base = { parentRef: ref, listeners: [] as string[], conditions: [] as Condition[] };
  const svc = world.services.find((s) => s.namespace === ref.namespace && s.name === ref.name);
  if (!svc) return { ...base, accepted: false, reason: 'NotFound', message: `Service ${ref.namespace}/${ref.name} does not exist; the route gets no status for this parent (GW-19).` };
  const fail = (reason: string, message: string): ParentState => ({ ...base, serviceId: svc.id, accepted: false, reason, message, conditions: [cond('Accepted', false, reason, message)] });
  if (route.kind !== 'HTTPRoute') return fail('UnsupportedValue', `the simulated mesh routes HTTPRoutes on Services; a ${route.kind} parented by Service ${svc.name} is not modelled (GW-19).`);
  if (svc.type === 'ExternalName') return fail('UnsupportedValue', `Service ${svc.name} is ExternalName: it has no frontend a mesh can intercept (GW-19).`);
  if (ref.port !== undefined && !svc.ports.some((p) => p.port === ref.port)) return fail('NoMatchingParent', `Service ${svc.namespace}/${svc.name} has no port ${ref.port} (GW-19).`);
  const scope = route.namespace === svc.namespace ? 'a producer route: it applies to requests from every namespace' : `a consumer route: it applies only to requests from pods in namespace ${route.namespace}`;
  return { ...base, serviceId: svc.id, accepted: true, reason: 'Accepted', message: `attached to Service ${svc.namespace}/${svc.name}${ref.port !== undefined ? ` port ${ref.port}` : ''}, ${scope} (GW-19).`, conditions: [cond('Accepted', true, 'Accepted')] };
}
