import type { HttpRequest } from '../../http';
import type { Pod, Service, ServicePort } from '../../model/core';
import type { HTTPRoute, RouteStatus } from '../../model/gateway';
import type { World } from '../../model/world';
import type { EntryResult } from '../../model/route';
import { applyRule, readyEndpoints } from './http-router';
import { comparePrecedence, httpMatchMatches, httpPrecedence } from './match';
import { compareAge } from './status';

export interface MeshRoutes {
  /** `consumer`: routes in the client's namespace for another namespace's Service; `producer`: the Service's own. */
  scope: 'consumer' | 'producer';
  routes: { route: HTTPRoute; state: RouteStatus }[];
}

/**
 * GW-19 (GAMMA): the HTTPRoutes attached to a Service (port) that apply to a client in `clientNamespace`:
 * consumer routes (in the client's namespace, parented by a Service of another namespace) when there are
 * any, else the producer routes (in the Service's own namespace), which apply to every client. Empty when
 * no route is attached: the request then goes to the Service as if there were no mesh.
 */
export function meshRoutesFor(world: World, svc: Service, port: number, clientNamespace: string): MeshRoutes {
  const attached = world.httpRoutes.flatMap((route) => (route.status?.parents.some((p) => p.accepted && p.serviceId === svc.id && (p.parentRef.port === undefined || p.parentRef.port === port)) ? [{ route, state: route.status }] : []));
  const consumer = attached.filter((r) => r.route.namespace !== svc.namespace && r.route.namespace === clientNamespace);
  if (consumer.length) return { scope: 'consumer', routes: consumer };
  return { scope: 'producer', routes: attached.filter((r) => r.route.namespace === svc.namespace) };
}

/**
 * GW-19: a request from `client` to Service `svc` port `port`, as a GAMMA mesh data plane handles it before
 * kube-proxy: with routes attached, the most precise matching rule (GW-8, GW-9; hostnames play no part)
 * decides, with its filters and weighted backends, and a request that matches no route is rejected (404);
 * without routes, the Service's own endpoints take it. The client's data plane connects to the endpoints
 * itself, so policies see the client pod as the source.
 */
export function routeMesh(world: World, req: HttpRequest, client: Pod, svc: Service, port: ServicePort): EntryResult {
  const reasons: string[] = [];
  const assumptions = ['[SIM] a GAMMA-conformant mesh data plane runs beside every pod (GW-19).'];
  const base: EntryResult = {
    entry: { kind: 'Service', namespace: svc.namespace, name: svc.name, port: port.port },
    status: 0,
    route: null,
    backends: [],
    reasons,
    assumptions,
    proxy: { namespace: client.namespace, pods: [`${client.namespace}/${client.name}`], note: `The mesh data plane of ${client.namespace}/${client.name} sends the request straight to the chosen endpoints, so NetworkPolicies see that pod as the source (GW-19).` },
  };
  const { scope, routes } = meshRoutesFor(world, svc, port.port, client.namespace);
  if (routes.length === 0) {
    reasons.push(`No HTTPRoute is attached to Service ${svc.namespace}/${svc.name} port ${port.port}: the request goes to the Service as usual (GW-19).`);
    const endpoints = readyEndpoints(world, svc, port.port);
    base.backends = [{ namespace: svc.namespace, name: svc.name, port: port.port, weight: 1, kind: 'Service', state: endpoints.length ? 'ok' : 'no-ready-endpoints', endpoints, reason: endpoints.length ? `${endpoints.length} ready endpoint${endpoints.length > 1 ? 's' : ''}.` : 'no ready endpoint: the connection is refused (KP-5).' }];
    return { ...base, status: endpoints.length ? 200 : 0, ...(endpoints.length ? {} : { connection: 'refused' as const }) };
  }
  reasons.push(`${routes.length} HTTPRoute${routes.length > 1 ? 's are' : ' is'} attached to Service ${svc.namespace}/${svc.name}${scope === 'consumer' ? ` as consumer routes of namespace ${client.namespace}, which take the place of the Service's producer routes for it` : ' as producer routes (the Service\'s namespace), for every client'} (GW-19).`);
  if (scope === 'consumer') assumptions.push('[SIM] consumer routes in the client\'s namespace replace the producer routes for that client (GW-19).');
  const candidates = routes.flatMap(({ route, state }) => route.rules.flatMap((rule) => rule.matches.filter((m) => httpMatchMatches(m, req)).map((match) => ({ route, state, rule: rule.index, match, key: httpPrecedence(undefined, match) }))));
  if (candidates.length === 0) {
    reasons.push(`No rule of ${routes.map((r) => `${r.route.namespace}/${r.route.name}`).join(', ')} matches ${req.method} ${req.path}: a mesh rejects requests that match none of a Service's routes → 404 (GW-19).`);
    return { ...base, status: 404 };
  }
  candidates.sort((a, b) => comparePrecedence(a.key, b.key) || compareAge(a.route, b.route) || a.rule - b.rule || a.match.index - b.match.index);
  const win = candidates[0]!;
  reasons.push(`HTTPRoute ${win.route.namespace}/${win.route.name} rule ${win.rule + 1} match ${win.match.index + 1} matches (GW-8, GW-9; mesh routes ignore hostnames).`);
  return applyRule(world, win, req, port.port, base, false);
}
