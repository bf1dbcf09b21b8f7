/** Diagnostic codes of the NetworkPolicy module (stable: tests assert codes, not wording). */
export const NETPOL_CODES = {
  /** A policy whose podSelector selects no pod: it changes nothing (yet). */
  SELECTS_NOTHING: 'netpol-selects-nothing',
  /** NP-14: an egress-isolating policy leaves the pods it selects without DNS. */
  BLOCKS_DNS: 'netpol-blocks-dns',
  /** NP-10: a rule written for a Service port instead of the targetPort, or an ipBlock on Service VIPs. */
  SERVICE_PORT: 'netpol-service-port',
  SERVICE_IP: 'netpol-service-ip',
  /** NP-6: `port: 53` without `protocol` allows TCP only; DNS over UDP stays blocked. */
  DNS_TCP_ONLY: 'netpol-dns-tcp-only',
  /** ANP-2 / I-26: two ANPs of the same priority select the same pod. */
  ANP_SAME_PRIORITY: 'anp-same-priority',
} as const;
