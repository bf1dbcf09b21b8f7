/** Diagnostic codes of the cluster DNS module (§3). Stable: tests assert codes, not wording. */
export const DNS_CODES = {
  /** A container refers to a short name that only exists as a Service in another namespace (DNS-15, edge 32). */
  SHORT_NAME_OTHER_NAMESPACE: 'dns-short-name-other-namespace',
  /** A headless Service whose endpoints are all unready: its name is NXDOMAIN (DNS-3, edge 23). */
  HEADLESS_NO_READY_ENDPOINTS: 'dns-headless-no-ready-endpoints',
  /** A pod `subdomain` with no headless Service of that name in its namespace (DNS-6). */
  SUBDOMAIN_WITHOUT_HEADLESS_SERVICE: 'dns-subdomain-without-headless-service',
  /** A StatefulSet `serviceName` naming no headless Service (DNS-7, edge 27). */
  STATEFULSET_SERVICE_MISSING: 'dns-statefulset-service-missing',
  /** `hostNetwork: true` with `dnsPolicy: ClusterFirst` uses the node's resolver (DNS-13, edge 30). */
  HOSTNETWORK_CLUSTERFIRST: 'dns-hostnetwork-clusterfirst',
  /** resolv.conf limits cut nameservers or search domains (DNS-14, edge 34). */
  RESOLV_CONF_TRUNCATED: 'dns-resolv-conf-truncated',
  /** ExternalName set to an IP address never resolves (DNS-9, edge 33). */
  EXTERNALNAME_IP_LITERAL: 'dns-externalname-ip-literal',
  /** `kube-system/kube-dns` does not have the cluster DNS IP that every pod's resolv.conf names (DNS-13). */
  KUBE_DNS_IP_MISMATCH: 'dns-kube-dns-ip-mismatch',
} as const;
