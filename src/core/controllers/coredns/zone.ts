import type { IPFamily, Pod, Service } from '../../model/core';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { canonicalIP, formatIP, nthAddress, parseCIDR, parseIP, reverseName } from '../../net/ip';
import { buildUpstream } from './upstream';
import type { DNSRecord, RRType, Zone, ZoneService } from './types';

/** DNS-11 [SIM]: kubeadm's Corefile sets `ttl 30`. */
export const CLUSTER_TTL = 30;
/** DNS-1: the schema version the records follow. */
export const SCHEMA_VERSION = '1.1.0';

/** `10.244.1.5` → `10-244-1-5`, `5678:abcd::1` → `5678-abcd--1` (CoreDNS endpoint and pod names). */
export function dashedIP(ip: string): string {
  return ip.replace(/[.:]/g, '-');
}

/** Inverse of `dashedIP` (CoreDNS tries IPv4 first, then IPv6); null when the label is no address. */
export function undashIP(label: string): string | null {
  const v4 = parseIP(label.replace(/-/g, '.'));
  if (v4 && v4.family === 4) return formatIP(v4);
  const v6 = parseIP(label.replace(/-/g, ':'));
  return v6 && v6.family === 6 ? formatIP(v6) : null;
}

export function familyOf(ip: string): IPFamily {
  return parseIP(ip)?.family === 6 ? 'IPv6' : 'IPv4';
}

/**
 * Build the DNS server's view of the World: Services (plus the `kubernetes` and `kube-dns` Services every
 * cluster has, when the input does not declare them), their EndpointSlice endpoints, namespaces and pod IPs.
 * Mirrors what CoreDNS's kubernetes plugin watches [COREDNS-K8S].
 */
export function buildZone(world: World, options: SimOptions): Zone {
  const domain = `${options.cluster.clusterDomain.toLowerCase().replace(/\.$/, '')}.`;
  const services = new Map<string, ZoneService>();
  for (const s of world.services) services.set(`${s.name}.${s.namespace}`.toLowerCase(), { service: s, system: false, endpoints: [] });
  for (const s of systemServices(options)) {
    const key = `${s.name}.${s.namespace}`;
    if (!services.has(key)) services.set(key, { service: s, system: true, endpoints: [] });
  }
  for (const slice of world.endpointSlices) {
    if (!slice.serviceName || slice.addressType === 'FQDN') continue;
    const entry = services.get(`${slice.serviceName}.${slice.namespace}`.toLowerCase());
    if (!entry) continue;
    for (const ep of slice.endpoints) {
      for (const raw of ep.addresses) {
        const address = canonicalIP(raw);
        const hostname = ep.hostname?.toLowerCase();
        entry.endpoints.push({
          address,
          family: familyOf(address),
          ...(hostname ? { hostname } : {}),
          label: hostname ?? dashedIP(address),
          ready: ep.conditions.ready,
          ports: slice.ports,
          slice: slice.id,
          ...(ep.targetRef ? { targetRef: `${ep.targetRef.kind}/${ep.targetRef.namespace}/${ep.targetRef.name}` } : {}),
        });
      }
    }
  }
  const podIPs = new Map<string, Map<string, Pod>>();
  for (const p of world.pods) {
    if (p.hostNetwork) continue;
    let m = podIPs.get(p.namespace);
    if (!m) podIPs.set(p.namespace, (m = new Map<string, Pod>()));
    for (const ip of p.ips) m.set(ip, p);
  }
  return {
    domain,
    ttl: CLUSTER_TTL,
    podsMode: options.dns.podsMode,
    namespaces: new Set(world.namespaces.map((n) => n.name)),
    services,
    podIPs,
    dnsServiceIP: canonicalIP(options.cluster.dnsServiceIP),
    upstream: buildUpstream(world),
  };
}

/**
 * [SIM] The Services every cluster has (§0): `default/kubernetes` on the first address of the
 * Service CIDR (port 443 `https`) and `kube-system/kube-dns` on the cluster DNS IP (53/UDP `dns`,
 * 53/TCP `dns-tcp`, 9153/TCP `metrics`).
 */
export function systemServices(options: SimOptions): Service[] {
  const cidr = parseCIDR(options.cluster.serviceCIDR);
  const apiIP = cidr ? formatIP(nthAddress(cidr, 1)) : '10.96.0.1';
  const base = (namespace: string, name: string, ip: string): Service => ({
    id: `Service/${namespace}/${name}`,
    kind: 'Service',
    name,
    namespace,
    labels: {},
    annotations: {},
    order: -1,
    source: { file: 0, range: { start: 0, end: 0 }, fields: {} },
    type: 'ClusterIP',
    headless: false,
    clusterIPs: [ip],
    selector: null,
    ports: [],
    externalIPs: [],
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    publishNotReadyAddresses: false,
    ipFamilies: [familyOf(ip)],
    allocateLoadBalancerNodePorts: false,
  });
  const port = (name: string, protocol: 'TCP' | 'UDP', p: number, index: number) => ({ name, protocol, port: p, targetPort: p, index });
  const api = base('default', 'kubernetes', apiIP);
  api.ports = [port('https', 'TCP', 443, 0)];
  const dns = base('kube-system', 'kube-dns', canonicalIP(options.cluster.dnsServiceIP));
  dns.ports = [port('dns', 'UDP', 53, 0), port('dns-tcp', 'TCP', 53, 1), port('metrics', 'TCP', 9153, 2)];
  return [api, dns];
}

/**
 * Every record the cluster DNS serves that can be listed (for the UI's record table and for tests): Service
 * names, SRV for named ports, endpoint names, PTRs and the schema version. Pod A records are not listed:
 * under `pods insecure` every well-formed name answers (DNS-10).
 */
export function zoneRecords(zone: Zone): DNSRecord[] {
  const out: DNSRecord[] = [];
  const rec = (name: string, type: RRType, data: string, source: 'spec' | 'coredns', rule: string, object?: string) =>
    out.push({ name, type, ttl: zone.ttl, data, source, extension: source === 'coredns', ...(object ? { object } : {}), rule });
  rec(`dns-version.${zone.domain}`, 'TXT', `"${SCHEMA_VERSION}"`, 'spec', 'DNS-1');
  const keys = [...zone.services.keys()].sort();
  for (const key of keys) {
    const { service: s, endpoints } = zone.services.get(key)!;
    const fq = `${s.name}.${s.namespace}.svc.${zone.domain}`;
    if (s.type === 'ExternalName') {
      if (s.externalName && !parseIP(s.externalName.replace(/\.$/, '')))
        rec(fq, 'CNAME', `${s.externalName.toLowerCase().replace(/\.?$/, '.')}`, 'spec', 'DNS-9', s.id);
      continue;
    }
    const ready = endpoints.filter((e) => e.ready);
    if (s.headless) {
      for (const e of ready) rec(fq, e.family === 'IPv4' ? 'A' : 'AAAA', e.address, 'spec', 'DNS-3', e.targetRef ?? s.id);
    } else {
      for (const ip of s.clusterIPs) rec(fq, familyOf(ip) === 'IPv4' ? 'A' : 'AAAA', ip, 'spec', 'DNS-2', s.id);
      for (const p of s.ports)
        if (p.name) rec(`_${p.name}._${p.protocol.toLowerCase()}.${fq}`, 'SRV', `0 100 ${p.port} ${fq}`, 'spec', 'DNS-5', s.id);
      for (const ip of s.clusterIPs) {
        const parsed = parseIP(ip);
        if (parsed) rec(reverseName(parsed), 'PTR', fq, 'spec', 'DNS-8', s.id);
      }
    }
    for (const e of ready) {
      const source = s.headless && e.hostname ? 'spec' : 'coredns';
      rec(`${e.label}.${fq}`, e.family === 'IPv4' ? 'A' : 'AAAA', e.address, source, 'DNS-4', e.targetRef ?? s.id);
      if (s.headless) {
        for (const p of e.ports)
          if (p.name && p.port !== null)
            rec(
              `_${p.name}._${p.protocol.toLowerCase()}.${fq}`,
              'SRV',
              `0 100 ${p.port} ${e.label}.${fq}`,
              e.hostname ? 'spec' : 'coredns',
              'DNS-5',
              e.targetRef ?? s.id,
            );
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const k = `${r.name} ${r.type} ${r.data}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
