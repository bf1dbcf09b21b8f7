import type { World } from '../../model/world';
import { parseIP } from '../../net/ip';
import type { DNSRecord, RRType, UpstreamHost } from './types';

/**
 * DNS-12 [SIM]: the upstream resolver CoreDNS forwards names outside the cluster zone to, as a small fake
 * internet zone, so such names get a definite answer instead of "not simulated":
 * - the hosts the cluster's entry points serve, as public DNS would point them at their load balancer:
 *   Ingress `rules[].host` (exact names) → the addresses in the Ingress's `status.loadBalancer` (its
 *   controller's load balancer, written by the ingress controller); Gateway listener hostnames and attached
 *   HTTPRoute/GRPCRoute hostnames (exact names) → the Gateway's addresses;
 * - the RFC 2606 documentation names `example.com`, `example.net`, `example.org` and their `www.` → the
 *   RFC 5737 documentation address 192.0.2.10 (and RFC 3849 2001:db8::10), not their real addresses;
 * - every other name → NXDOMAIN.
 * A name the cluster publishes wins over the documentation default.
 */
export const UPSTREAM_ASSUMPTION =
  '[SIM] names outside the cluster zone are answered by a simulated upstream resolver: hosts of the Ingresses and Gateways → their load-balancer address, example.com/.net/.org (and www.) → 192.0.2.10 / 2001:db8::10 (RFC 5737/3849 documentation addresses), anything else NXDOMAIN (DNS-12)';

export const UPSTREAM_TTL = 300;
export const DOCUMENTATION_ADDRESSES = ['192.0.2.10', '2001:db8::10'];
const DOCUMENTATION_NAMES = ['example.com', 'example.net', 'example.org'].flatMap((d) => [d, `www.${d}`]);

const exact = (host: string | undefined): host is string => !!host && !host.includes('*') && !parseIP(host);
const key = (host: string) => `${host.toLowerCase().replace(/\.$/, '')}.`;

/** Name (lower-case, trailing dot) → addresses, built from the World's Ingresses and Gateways. */
export function buildUpstream(world: World): Map<string, UpstreamHost> {
  const out = new Map<string, UpstreamHost>();
  const add = (host: string, addresses: string[], because: string) => {
    const k = key(host);
    const cur = out.get(k);
    if (!cur) out.set(k, { addresses: [...addresses], because });
    else for (const a of addresses) if (!cur.addresses.includes(a)) cur.addresses.push(a);
  };
  // An Ingress is published at the address its controller wrote into its status (external-dns reads it).
  for (const ing of world.ingresses) {
    const lb = (ing.status?.loadBalancer.ingress ?? []).map((x) => x.ip);
    if (lb.length) for (const rule of ing.rules) if (exact(rule.host)) add(rule.host, lb, ing.id);
  }
  for (const gw of world.gateways) {
    if (gw.addresses.length === 0) continue;
    for (const l of gw.listeners) if (exact(l.hostname)) add(l.hostname, gw.addresses, gw.id);
    const attached = (refs: { group: string; kind: string; namespace: string; name: string }[]) =>
      refs.some((p) => p.kind === 'Gateway' && p.group === 'gateway.networking.k8s.io' && p.namespace === gw.namespace && p.name === gw.name);
    for (const r of [...world.httpRoutes, ...world.grpcRoutes]) {
      if (!attached(r.parentRefs)) continue;
      for (const h of r.hostnames) if (exact(h)) add(h, gw.addresses, gw.id);
    }
  }
  // The documentation names, unless the cluster publishes them itself (scenarios often use example.com hosts).
  for (const d of DOCUMENTATION_NAMES) if (!out.has(key(d))) add(d, DOCUMENTATION_ADDRESSES, 'RFC 2606');
  return out;
}

/** One question to the simulated upstream resolver: records and rcode (NXDOMAIN for names it does not know). */
export function askUpstream(upstream: Map<string, UpstreamHost>, name: string, qtype: RRType): { rcode: 'NOERROR' | 'NXDOMAIN'; answers: DNSRecord[]; reason: string } {
  const host = upstream.get(key(name));
  if (!host) return { rcode: 'NXDOMAIN', answers: [], reason: `the simulated upstream resolver does not know ${key(name)}: NXDOMAIN [SIM DNS-12]` };
  const family = qtype === 'A' ? 4 : qtype === 'AAAA' ? 6 : 0;
  const answers: DNSRecord[] = host.addresses
    .filter((a) => parseIP(a)?.family === family)
    .map((a) => ({ name: key(name), type: qtype, ttl: UPSTREAM_TTL, data: a, source: 'spec' as const, extension: false, ...(host.because.includes('/') ? { object: host.because } : {}), rule: 'DNS-12' }));
  const what = host.because === 'RFC 2606' ? 'an RFC 2606 documentation name, answered with the RFC 5737/3849 documentation address' : `published for ${host.because}'s load balancer`;
  return { rcode: 'NOERROR', answers, reason: `answered by the simulated upstream resolver: ${key(name)} is ${what}${answers.length ? '' : `, with no ${qtype} record`} [SIM DNS-12]` };
}
