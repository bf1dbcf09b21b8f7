/** Codes of the Service allocator beyond those in diagnostics/codes.ts. */
export const ALLOCATOR_CODES = {
  LB_POOL_EXHAUSTED: 'loadbalancer-pool-exhausted',
  CLUSTER_IP_RANGE_FULL: 'cluster-ip-range-full',
  NODEPORT_RANGE_FULL: 'nodeport-range-full',
} as const;
