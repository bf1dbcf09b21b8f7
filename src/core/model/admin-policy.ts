import type { LabelSelector, ObjectMeta, Protocol } from './meta';

/** ANP subject (ANP-1): all pods of the selected namespaces, or selected pods in selected namespaces. */
export type AdminSubject =
  | { namespaces: LabelSelector }
  | { pods: { namespaceSelector: LabelSelector; podSelector: LabelSelector } };

export type AdminPeer =
  | { namespaces: LabelSelector }
  | { pods: { namespaceSelector: LabelSelector; podSelector: LabelSelector } }
  | { networks: string[] }
  | { nodes: LabelSelector };

export type AdminPort =
  | { portNumber: { protocol: Protocol; port: number } }
  | { portRange: { protocol: Protocol; start: number; end: number } }
  | { namedPort: string };

export interface AdminRule {
  name?: string;
  action: 'Allow' | 'Deny' | 'Pass';
  peers: AdminPeer[];
  /** Absent (undefined): every port. */
  ports?: AdminPort[];
  /** Where the ports are written: `ports` (v1alpha1) or `protocols` (v1alpha2 ClusterNetworkPolicy). */
  portsField?: 'ports' | 'protocols';
  index: number;
}

/**
 * policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy (ANP-1..5) or the BANP singleton, or a v1alpha2
 * ClusterNetworkPolicy (ANP-6) with its `tier`; `Accept` is read as `Allow`.
 */
export interface AdminNetworkPolicy extends ObjectMeta {
  kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';
  /** ClusterNetworkPolicy only: Admin runs with the ANPs, Baseline with the BANP (ANP-6). */
  tier?: 'Admin' | 'Baseline';
  /** 0..1000; BANP has none. */
  priority?: number;
  subject: AdminSubject;
  ingress: AdminRule[];
  egress: AdminRule[];
}
