/**
 * Cluster DNS (CoreDNS's kubernetes plugin and the pod's resolver), §3.
 *
 * Choices made here (kubeadm's Corefile unless noted):
 * - TTL 30 s (DNS-11); SRV priority 0 and equal weights summing to 100 (DNS-5 [SIM]); pods mode from options (I-8).
 * - CoreDNS behaviour beyond the spec is answered and tagged `source: 'coredns'`, `extension: true` (I-7): dashed-IP
 *   endpoint names, endpoint names under ClusterIP Services, SRV on the bare Service name, PTR for any endpoint,
 *   pod A records.
 * - Partial names (`<ns>.svc.Z`, `svc.Z`, `pod.Z`): NODATA if the namespace exists, else NXDOMAIN (I-9).
 * - Names outside the zone, reverse names of unknown addresses and ExternalName targets outside the zone are
 *   `FORWARDED` (`forwarded: true`) and answered by a simulated upstream resolver (DNS-12 [SIM], `upstream.ts`):
 *   the hosts of the cluster's Ingresses and Gateways → their load-balancer address, the RFC 2606 names
 *   example.com/.net/.org (and www.) → the RFC 5737/3849 documentation addresses 192.0.2.10 / 2001:db8::10,
 *   everything else NXDOMAIN. So `rcode` is always `NOERROR` or `NXDOMAIN`, as the knet contract fixes it, except for a
 *   blocked DNS path: `TIMEOUT`, with `rcode: null` (no reply).
 * - A pod whose first nameserver is not the cluster DNS (hostNetwork + ClusterFirst, Default) gets NXDOMAIN for
 *   cluster names ([SIM]: the node's resolver does not serve the cluster zone) and FORWARDED for the rest.
 * - `default/kubernetes` and `kube-system/kube-dns` are answered even when the World lacks them ([SIM] §0).
 */
export {
  buildZone,
  zoneRecords,
  systemServices,
  dashedIP,
  undashIP,
  CLUSTER_TTL,
  SCHEMA_VERSION,
} from './zone';
export type { Zone, ZoneService, ZoneEndpoint, DNSRecord, RRType, UpstreamHost } from './types';
export { lookup, fqdn, reverseToIP, type LookupResult, type LookupStatus } from './lookup';
export { podResolvConf, formatResolvConf, MAX_NAMESERVERS, MAX_SEARCHES, MAX_SEARCH_CHARS, type ResolvConf } from './resolv-conf';
export {
  resolve,
  findPod,
  searchCandidates,
  type ResolveQuery,
  type ResolveResult,
  type ResolveStatus,
  type DNSAttempt,
  type ReachDNS,
} from './resolver';
export { checkDNS } from './diagnostics';
export { buildUpstream, askUpstream, DOCUMENTATION_ADDRESSES, UPSTREAM_ASSUMPTION } from './upstream';
export { DNS_CODES } from './codes';
