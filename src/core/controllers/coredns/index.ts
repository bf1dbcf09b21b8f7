/** Cluster DNS (CoreDNS's kubernetes plugin and the pod's resolver), SEMANTICS.md §3. */
export {
  buildZone,
  zoneRecords,
  systemServices,
  dashedIP,
  undashIP,
  CLUSTER_TTL,
  SCHEMA_VERSION,
  RR_TYPES,
  type Zone,
  type ZoneService,
  type ZoneEndpoint,
  type DNSRecord,
  type RRType,
} from './zone';
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
export { DNS_CODES } from './codes';
