/** The only entry point for code outside core (cli, worker, share, ui). */
export { simulate, type Simulation } from './simulate';
export type { InputFile } from './manifest/read';
export { DEFAULT_OPTIONS, withDefaults, type SimOptions, type DeepPartial } from './options';
export type { Diagnostic, Range, Severity, Cite, Location } from './diagnostics/diagnostic';
export { CODES } from './diagnostics/codes';
export * from './model/index';
export { rangeIn } from './manifest/reader';
export * from './topology/index';
export { parseRequestURL, type HttpRequest } from './http';
export {
  resolve,
  lookup,
  buildZone,
  podResolvConf,
  formatResolvConf,
  searchCandidates,
  findPod,
  DNS_CODES,
  RR_TYPES,
  type ResolveQuery,
  type ResolveResult,
  type ResolveStatus,
  type DNSAttempt,
  type DNSRecord,
  type RRType,
  type ReachDNS,
  type ResolvConf,
  type Zone,
  type LookupResult,
} from './controllers/coredns/index';
