/** Codes of the workload controllers, scheduler and pod IPAM beyond those in diagnostics/codes.ts. */
export const WORKLOAD_CODES = {
  /** A node's pod CIDR has no free address left: further pods on it get no IP (and no endpoints). */
  POD_CIDR_EXHAUSTED: 'pod-cidr-exhausted',
} as const;
