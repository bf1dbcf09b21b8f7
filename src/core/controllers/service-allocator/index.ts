import type { Diagnostic } from '../../diagnostics/diagnostic';
import { CODES } from '../../diagnostics/codes';
import type { Service } from '../../model/core';
import type { ClusterConfig, World } from '../../model/world';
import { rangeIn } from '../../manifest/reader';
import { cidrContains, cidrSize, formatIP, nthAddress, parseCIDR, parseIP, type CIDR } from '../../net/ip';
import { fnv32a } from '../../net/hash';
import { ALLOCATOR_CODES } from './codes';

/**
 * The API server's Service allocators (ClusterIP, NodePort) and a fake LoadBalancer provider (I-6).
 * Written values are honoured when valid; the API server rejects the others, so such a Service is reported
 * and left out of the World (§1). Dynamic choices are deterministic ([SIM] §0):
 * - ClusterIP: FNV-32a of `ns/name` picks an address in the upper band (above the static band of
 *   `min(max(16, size/16), 256)` addresses), linear probing past used ones.
 * - NodePort: FNV-32a of `ns/name/port/protocol` picks a port in the dynamic band (above the first
 *   `min(max(16, size/32), 128)` ports: 30086–32767 by default), linear probing.
 * - LoadBalancer IPs: the pool's addresses in order, to Services in input order.
 * - healthCheckNodePort for LoadBalancer + externalTrafficPolicy Local (KP-10), from the NodePort range.
 */
export function allocateServices(world: World, diags: Diagnostic[]): void {
  const c = world.cluster;
  const rejected = new Set<Service>();
  allocateClusterIPs(world.services, c, diags, rejected);
  allocateNodePorts(world.services, c, diags, rejected);
  allocateLoadBalancerIPs(world.services, c, diags);
  world.services = world.services.filter((s) => !rejected.has(s));
}

function report(diags: Diagnostic[], s: Service, code: string, path: string, message: string, severity: Diagnostic['severity'] = 'error', rule?: string): void {
  diags.push({ code, severity, message, file: s.source.file, range: rangeIn(s.source, path), path, object: s.id, ...(rule ? { rule } : {}) });
}

/** Allocation takes explicit values first (input order), then dynamic ones (sorted by id, so order does not matter). */
function byId(a: Service, b: Service): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function staticBandSize(size: bigint, div: bigint, min: bigint, max: bigint): bigint {
  const n = size / div;
  return n < min ? min : n > max ? max : n;
}

function allocateClusterIPs(services: Service[], c: ClusterConfig, diags: Diagnostic[], rejected: Set<Service>): void {
  const cidr = parseCIDR(c.serviceCIDR);
  if (!cidr) return;
  const used = new Map<string, Service>();
  // System Services exist before anything the user applies: they keep their addresses, a user Service
  // asking for 10.96.0.10 is the one rejected (as the API server would).
  const systemFirst = [...services.filter((s) => s.system), ...services.filter((s) => !s.system)];
  for (const s of systemFirst) {
    if (s.type === 'ExternalName' || s.headless) continue;
    for (const ip of s.clusterIPs) {
      const parsed = parseIP(ip)!;
      if (parsed.family !== cidr.family) continue; // the other family of a dual-stack Service: not checked
      if (!cidrContains(cidr, parsed)) {
        report(diags, s, CODES.CLUSTER_IP_OUT_OF_RANGE, 'spec.clusterIP', `clusterIP ${ip} is not in the Service CIDR ${c.serviceCIDR}; the API server rejects this Service.`);
        rejected.add(s);
      } else if (used.has(ip)) {
        report(diags, s, CODES.IP_CONFLICT, 'spec.clusterIP', `clusterIP ${ip} is already allocated to ${used.get(ip)!.id}; the API server rejects this Service.`);
        rejected.add(s);
      } else used.set(ip, s);
    }
  }
  // The cluster's DNS Service keeps the address every kubelet writes into resolv.conf (§0):
  // a kube-system/kube-dns written without clusterIP (as tutorials do) is the cluster's own DNS Service.
  const dns = services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns' && !s.clusterIPs.length && !s.headless && s.type !== 'ExternalName');
  if (dns && !used.has(c.dnsServiceIP)) {
    dns.clusterIPs = [c.dnsServiceIP];
    used.set(c.dnsServiceIP, dns);
  }
  const size = cidrSize(cidr);
  const band = staticBandSize(size, 16n, 16n, 256n);
  // Usable upper band: after the static band, excluding the broadcast address.
  const first = band + 1n;
  const count = size - 1n - first;
  for (const s of [...services].sort(byId)) {
    if (s.type === 'ExternalName' || s.headless || rejected.has(s) || s.clusterIPs.length) continue;
    const ip = probeIP(cidr, first, count, fnv32a(`${s.namespace}/${s.name}`), used);
    if (!ip) {
      report(diags, s, ALLOCATOR_CODES.CLUSTER_IP_RANGE_FULL, 'metadata.name', `The Service CIDR ${c.serviceCIDR} has no free address left.`);
      rejected.add(s);
      continue;
    }
    s.clusterIPs = [ip];
    used.set(ip, s);
  }
}

function probeIP(cidr: CIDR, first: bigint, count: bigint, hash: number, used: Map<string, Service>): string | undefined {
  if (count <= 0n) return undefined;
  const start = BigInt(hash) % count;
  for (let i = 0n; i < count && i < 1_000_000n; i++) {
    const ip = formatIP(nthAddress(cidr, first + ((start + i) % count)));
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

function allocateNodePorts(services: Service[], c: ClusterConfig, diags: Diagnostic[], rejected: Set<Service>): void {
  const { base, size } = c.nodePortRange;
  const max = base + size - 1;
  const used = new Map<string, Service>();
  const key = (port: number, protocol: string) => `${port}/${protocol}`;
  for (const s of services) {
    if (rejected.has(s)) continue;
    s.ports.forEach((p) => {
      if (p.nodePort === undefined) return;
      const path = `spec.ports.${p.index}.nodePort`;
      if (p.nodePort < base || p.nodePort > max) {
        report(diags, s, CODES.NODEPORT_OUT_OF_RANGE, path, `nodePort ${p.nodePort} is outside the NodePort range ${base}-${max}; the API server rejects this Service.`, 'error', 'ADM-2');
        rejected.add(s);
      } else if (used.has(key(p.nodePort, p.protocol)) && used.get(key(p.nodePort, p.protocol)) !== s) {
        report(diags, s, CODES.NODEPORT_CONFLICT, path, `nodePort ${p.nodePort}/${p.protocol} is already allocated to ${used.get(key(p.nodePort, p.protocol))!.id}; the API server rejects this Service.`);
        rejected.add(s);
      } else used.set(key(p.nodePort, p.protocol), s);
    });
    if (s.healthCheckNodePort !== undefined) used.set(key(s.healthCheckNodePort, 'TCP'), s);
  }
  const band = Number(staticBandSize(BigInt(size), 32n, 16n, 128n));
  const first = base + band;
  const count = size - band;
  const pick = (seed: string, protocol: string): number | undefined => {
    const start = fnv32a(seed) % count;
    for (let i = 0; i < count; i++) {
      const port = first + ((start + i) % count);
      if (!used.has(key(port, protocol))) return port;
    }
    return undefined;
  };
  for (const s of [...services].sort(byId)) {
    if (rejected.has(s)) continue;
    const wants = s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts);
    if (wants) {
      for (const p of s.ports) {
        if (p.nodePort !== undefined) continue;
        const port = pick(`${s.namespace}/${s.name}/${p.port}/${p.protocol}`, p.protocol);
        if (port === undefined) {
          report(diags, s, ALLOCATOR_CODES.NODEPORT_RANGE_FULL, `spec.ports.${p.index}`, `The NodePort range has no free port left.`);
          continue;
        }
        p.nodePort = port;
        used.set(key(port, p.protocol), s);
      }
    }
    if (s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local' && s.healthCheckNodePort === undefined) {
      const port = pick(`${s.namespace}/${s.name}/healthCheckNodePort`, 'TCP');
      if (port !== undefined) {
        s.healthCheckNodePort = port;
        used.set(key(port, 'TCP'), s);
      }
    }
  }
}

function allocateLoadBalancerIPs(services: Service[], c: ClusterConfig, diags: Diagnostic[]): void {
  const pool = parseCIDR(c.loadBalancerPool);
  if (!pool) return;
  const used = new Set(services.flatMap((s) => s.loadBalancerIPs));
  const size = cidrSize(pool);
  let n = 0n;
  for (const s of services) {
    if (s.type !== 'LoadBalancer' || s.loadBalancerIPs.length) continue;
    while (n < size && used.has(formatIP(nthAddress(pool, n)))) n++;
    if (n >= size) {
      report(diags, s, ALLOCATOR_CODES.LB_POOL_EXHAUSTED, 'spec.type', `The load balancer pool ${c.loadBalancerPool} is exhausted; this Service stays <pending> without an external address (I-6).`, 'warning');
      continue;
    }
    const ip = formatIP(nthAddress(pool, n));
    s.loadBalancerIPs = [ip];
    used.add(ip);
  }
}
