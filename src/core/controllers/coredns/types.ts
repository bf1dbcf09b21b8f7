import type { IPFamily, Pod, Service } from '../../model/core';
import type { EndpointPort } from '../../model/discovery';
import type { SimOptions } from '../../options';

/*
 * The cluster DNS server's data: the zone it builds from the World, its records and the simulated
 * upstream. Types only, so that the zone and the upstream resolver can both use them without importing
 * each other.
 */

/** Record types the simulated CoreDNS knows about. */
export type RRType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT' | 'NS' | 'SOA';

/**
 * One resource record as a zone file writes it: `data` is an address, a name with a trailing dot, a quoted
 * string or `<priority> <weight> <port> <target>.` for SRV. `source` says whether the Kubernetes DNS
 * specification promises the record (`spec`) or CoreDNS adds it (`coredns`, [EXT] in docs/rules.md).
 */
export interface DNSRecord {
  name: string;
  type: RRType;
  ttl: number;
  data: string;
  source: 'spec' | 'coredns';
  /** True when `source` is `coredns`: an extension, not the specification (I-7). */
  extension: boolean;
  /** The object the record comes from (`Service/ns/name`, `Pod/ns/name`). */
  object?: string;
  /** Rule id that makes the record (docs/rules.md). */
  rule: string;
}

/** One address of a slice endpoint, as CoreDNS sees it. */
export interface ZoneEndpoint {
  address: string;
  family: IPFamily;
  /** Endpoint `hostname`, lower-cased; absent when the endpoint has none. */
  hostname?: string;
  /** The name label CoreDNS uses: the hostname, else the dashed address ([EXT] DNS-4). */
  label: string;
  ready: boolean;
  ports: EndpointPort[];
  slice: string;
  targetRef?: string;
}

export interface ZoneService {
  service: Service;
  /** True when the simulator supplied the Service because the input has none ([SIM] system Services). */
  system: boolean;
  endpoints: ZoneEndpoint[];
}

/** What the cluster DNS server knows: an index over the World, built once per simulation. */
export interface Zone {
  /** Cluster domain with a trailing dot (`cluster.local.`). */
  domain: string;
  ttl: number;
  podsMode: SimOptions['dns']['podsMode'];
  namespaces: Set<string>;
  /** By `<svc>.<ns>`, lower-cased. */
  services: Map<string, ZoneService>;
  /** Pod IPs by namespace (for `pods verified`). */
  podIPs: Map<string, Map<string, Pod>>;
  dnsServiceIP: string;
  /** DNS-12 [SIM]: the fake internet zone of the upstream resolver (`upstream.ts`). */
  upstream: Map<string, UpstreamHost>;
}


/** One name the simulated upstream resolver knows (DNS-12 [SIM]). */
export interface UpstreamHost {
  addresses: string[];
  /** What publishes the name (`Ingress/ns/name`, `Gateway/ns/name`), or `RFC 2606`. */
  because: string;
}
