import type { KindHandler } from '../kind';

/** v1/Secret: only type and data keys, for TLS references (ING-15, GW-3). */
export const secretKind: KindHandler = {
  kinds: ['Secret'],
  apiVersions: ['v1'],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const keys = new Set([...r.keys('data'), ...r.keys('stringData')]);
    world.secrets.push({ ...meta, kind: 'Secret', type: r.str('type') ?? 'Opaque', dataKeys: [...keys] });
  },
};

/**
 * Kinds that commonly sit in networking tutorials but change nothing in the simulation; they are
 * accepted quietly (no "unknown kind" noise) and listed in the World.
 */
export const inertKinds: KindHandler = {
  kinds: ['ConfigMap', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'],
  apiVersions: ['v1', 'rbac.authorization.k8s.io/v1', 'autoscaling/v2', 'autoscaling/v1', 'policy/v1'],
  namespaced: true,
  nameRule: 'any',
  read(_r, meta, { world }) {
    world.others.push({ id: meta.id, kind: meta.kind, namespace: meta.namespace, name: meta.name });
  },
};
