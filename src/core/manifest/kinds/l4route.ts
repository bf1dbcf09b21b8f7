import { CODES } from '../../diagnostics/codes';
import type { L4RouteRule } from '../../model/gateway';
import type { ObjectMeta } from '../../model/meta';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';
import { GATEWAY_GROUP, errorCount } from './gateway';
import { readBackendRefs, readHostnames, readParentRefs } from './httproute';

/** The rules of a TLSRoute, TCPRoute or UDPRoute: each needs at least one backendRef (CRD MinItems=1). */
function readRules(r: FieldReader, meta: ObjectMeta): L4RouteRule[] {
  const idx = r.list('spec.rules');
  if (idx.length === 0) r.required('spec.rules', 'spec.rules (at least one rule)');
  return idx.map((i) => {
    const p = `spec.rules.${i}`;
    const backendRefs = readBackendRefs(r, `${p}.backendRefs`, meta);
    if (r.list(`${p}.backendRefs`).length === 0) r.report(CODES.REQUIRED, `${p}.backendRefs`, `${p}.backendRefs must list at least one backend (GW-17).`, 'error', 'GW-17');
    for (const b of backendRefs) if (b.filters.length) r.report(CODES.INVALID_VALUE, `${p}.backendRefs.${b.index}.filters`, `${meta.kind} backendRefs take no filters; they are ignored (GW-17).`, 'warning', 'GW-17');
    const name = r.str(`${p}.name`);
    return { ...(name ? { name } : {}), backendRefs: backendRefs.map((b) => ({ ...b, filters: [] })), index: i };
  });
}

/**
 * gateway.networking.k8s.io TLSRoute (v1alpha2, v1alpha3, v1): hostnames match the TLS SNI; attaches to TLS
 * listeners (GW-17). Upstream: kubernetes-sigs/gateway-api apis/v1/tlsroute_types.go.
 */
export const tlsRouteKind: KindHandler = {
  kinds: ['TLSRoute'],
  apiVersions: [`${GATEWAY_GROUP}/v1`, `${GATEWAY_GROUP}/v1alpha3`, `${GATEWAY_GROUP}/v1alpha2`],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const parentRefs = readParentRefs(r, meta);
    const hostnames = readHostnames(r);
    const rules = readRules(r, meta);
    if (errorCount(r) > before) return;
    world.tlsRoutes.push({ ...meta, kind: 'TLSRoute', parentRefs, hostnames, rules });
  },
};

/** gateway.networking.k8s.io TCPRoute (v1alpha2, v1): every connection to its TCP listener goes to its backends (GW-17). */
export const tcpRouteKind: KindHandler = {
  kinds: ['TCPRoute'],
  apiVersions: [`${GATEWAY_GROUP}/v1`, `${GATEWAY_GROUP}/v1alpha2`],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const parentRefs = readParentRefs(r, meta);
    const rules = readRules(r, meta);
    if (errorCount(r) > before) return;
    world.tcpRoutes.push({ ...meta, kind: 'TCPRoute', parentRefs, rules });
  },
};

/** gateway.networking.k8s.io UDPRoute (v1alpha2): the datagrams to its UDP listener go to its backends (GW-17). */
export const udpRouteKind: KindHandler = {
  kinds: ['UDPRoute'],
  apiVersions: [`${GATEWAY_GROUP}/v1alpha2`],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const parentRefs = readParentRefs(r, meta);
    const rules = readRules(r, meta);
    if (errorCount(r) > before) return;
    world.udpRoutes.push({ ...meta, kind: 'UDPRoute', parentRefs, rules });
  },
};
