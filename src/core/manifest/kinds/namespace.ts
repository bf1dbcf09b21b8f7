import type { Namespace } from '../../model/core';
import { objectId } from '../../model/meta';
import type { World } from '../../model/world';
import type { KindHandler } from '../kind';
import { withMeta } from '../../model/meta';

const METADATA_NAME = 'kubernetes.io/metadata.name';

/** v1/Namespace. API defaulting always sets `kubernetes.io/metadata.name` (§0). */
export const namespaceKind: KindHandler = {
  kinds: ['Namespace'],
  apiVersions: ['v1'],
  namespaced: false,
  nameRule: 'label',
  read(_r, meta, { world }) {
    world.namespaces.push(withMeta<Namespace>(meta, { kind: 'Namespace', labels: { ...meta.labels, [METADATA_NAME]: meta.name }, implicit: false }));
  },
};

/**
 * Namespaces every cluster has (`default`, `kube-system`) and those that objects live in without a
 * Namespace document: the playground creates them rather than refusing the objects, as tutorials often
 * leave the Namespace out.
 */
export function finishNamespaces(world: World): void {
  const have = new Set(world.namespaces.map((n) => n.name));
  const wanted = new Set<string>(['default', 'kube-system']);
  const add = (ns: string) => ns && wanted.add(ns);
  for (const list of [world.pods, world.services, world.workloads, world.endpointSlices, world.ingresses, world.gateways, world.httpRoutes, world.grpcRoutes, world.tlsRoutes, world.tcpRoutes, world.udpRoutes, world.networkPolicies, world.referenceGrants, world.secrets, world.legacyEndpoints]) {
    for (const o of list) add(o.namespace);
  }
  for (const name of [...wanted].sort()) if (!have.has(name)) world.namespaces.push(implicitNamespace(name));
}

export function implicitNamespace(name: string): Namespace {
  return {
    id: objectId('Namespace', '', name),
    kind: 'Namespace',
    name,
    namespace: '',
    labels: { [METADATA_NAME]: name },
    annotations: {},
    order: -1,
    source: { file: 0, range: { start: 0, end: 0 }, fields: {} },
    implicit: true,
  };
}
