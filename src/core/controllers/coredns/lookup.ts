import type { Service } from '../../model/core';
import { formatIP, parseIP } from '../../net/ip';
import { askUpstream } from './upstream';
import { familyOf, SCHEMA_VERSION, undashIP } from './zone';
import type { DNSRecord, RRType, Zone, ZoneService } from './types';

/**
 * The outcome of one question to the cluster DNS server:
 * `NOERROR` with answers, `NODATA` (NOERROR, name exists, no record of the type), `NXDOMAIN`, or
 * `FORWARDED` (the name is outside the cluster zone: CoreDNS hands it to the upstream resolver, whose answer
 * the simulator does not invent).
 */
export type LookupStatus = 'NOERROR' | 'NODATA' | 'NXDOMAIN' | 'FORWARDED';

export interface LookupResult {
  name: string;
  type: RRType;
  status: LookupStatus;
  answers: DNSRecord[];
  /** One sentence: why this answer. */
  reason: string;
  /** Rule id that decided (docs/rules.md). */
  rule: string;
  /** Objects that decided the answer (`Service/ns/name`). */
  objects: string[];
  /** True when the answer depends on an implementation choice ([IMPL]/[SIM], e.g. partial names, pods mode). */
  implementationDefined?: boolean;
  /** For `FORWARDED`: the rcode of the simulated upstream resolver (DNS-12 [SIM], `upstream.ts`). */
  upstreamRcode?: 'NOERROR' | 'NXDOMAIN';
}

/** Lower-case, with a trailing dot. */
export function fqdn(name: string): string {
  const n = name.trim().toLowerCase();
  return n.endsWith('.') ? n : `${n}.`;
}

/**
 * Ask the simulated CoreDNS one question (a fully qualified name): the kubernetes plugin for the cluster
 * zone and the reverse zones, `fallthrough in-addr.arpa ip6.arpa`, everything else forwarded upstream
 * (kubeadm's Corefile, §3.1, DNS-12).
 */
export function lookup(zone: Zone, qname: string, qtype: RRType, depth = 0): LookupResult {
  const name = fqdn(qname);
  const r = (
    status: LookupStatus,
    reason: string,
    rule: string,
    answers: DNSRecord[] = [],
    objects: string[] = [],
    implementationDefined = false,
  ): LookupResult => ({
    name,
    type: qtype,
    status: status === 'NOERROR' && answers.length === 0 ? 'NODATA' : status,
    answers: dedupe(answers),
    reason,
    rule,
    objects,
    ...(implementationDefined ? { implementationDefined } : {}),
  });
  if (name.endsWith('.in-addr.arpa.') || name.endsWith('.ip6.arpa.')) return reverse(zone, name, qtype, r);
  if (name !== zone.domain && !name.endsWith(`.${zone.domain}`)) {
    const up = askUpstream(zone.upstream, name, qtype);
    return {
      ...r('FORWARDED', `${name} is outside ${zone.domain}; CoreDNS forwards it upstream (the node's resolv.conf), ${up.reason}.`, 'DNS-12', up.answers, [], true),
      status: 'FORWARDED',
      upstreamRcode: up.rcode,
    };
  }
  const labels = name === zone.domain ? [] : name.slice(0, -zone.domain.length - 1).split('.');
  const rec = (n: string, type: RRType, data: string, source: 'spec' | 'coredns', rule: string, object?: string): DNSRecord => ({
    name: n,
    type,
    ttl: zone.ttl,
    data,
    source,
    extension: source === 'coredns',
    ...(object ? { object } : {}),
    rule,
  });
  if (labels.length === 0) return r('NODATA', `${name} is the zone apex; its SOA/NS records are not simulated.`, 'DNS-12', [], [], true);
  if (labels.length === 1 && labels[0] === 'dns-version') {
    const answers = qtype === 'TXT' ? [rec(name, 'TXT', `"${SCHEMA_VERSION}"`, 'spec', 'DNS-1')] : [];
    return r('NOERROR', `dns-version.${zone.domain} carries the DNS schema version ${SCHEMA_VERSION} as TXT.`, 'DNS-1', answers);
  }
  const top = labels[labels.length - 1];
  const rest = labels.slice(0, -1);
  if (top === 'svc') return svcNames(zone, name, qtype, rest, depth, r, rec);
  if (top === 'pod') return podNames(zone, name, qtype, rest, r, rec);
  return r(
    'NXDOMAIN',
    `${name} is inside ${zone.domain} but is neither a Service (…svc.${zone.domain}) nor a pod (…pod.${zone.domain}) name.`,
    'DNS-12',
  );
}

type Reply = (
  status: LookupStatus,
  reason: string,
  rule: string,
  answers?: DNSRecord[],
  objects?: string[],
  implementationDefined?: boolean,
) => LookupResult;
type Rec = (n: string, type: RRType, data: string, source: 'spec' | 'coredns', rule: string, object?: string) => DNSRecord;

function namespaceOnly(zone: Zone, name: string, ns: string | undefined, what: string, r: Reply): LookupResult {
  if (ns === undefined) return r('NODATA', `${name} is an empty node of the zone (no records of its own) [IMPL].`, 'DNS-12', [], [], true);
  if (zone.namespaces.has(ns))
    return r(
      'NODATA',
      `${name} is a partial name: namespace ${ns} exists, so NOERROR without data (${what}) [IMPL I-9].`,
      'DNS-12',
      [],
      [`Namespace/${ns}`],
      true,
    );
  return r('NXDOMAIN', `Namespace ${ns} does not exist.`, 'DNS-12', [], [], true);
}

function svcNames(zone: Zone, name: string, qtype: RRType, parts: string[], depth: number, r: Reply, rec: Rec): LookupResult {
  if (parts.length <= 1) return namespaceOnly(zone, name, parts[0], 'no Service is named', r);
  const ns = parts[parts.length - 1]!;
  const svcName = parts[parts.length - 2]!;
  const entry = zone.services.get(`${svcName}.${ns}`);
  if (!entry) {
    const why = zone.namespaces.has(ns) ? `There is no Service ${svcName} in namespace ${ns}.` : `Namespace ${ns} does not exist.`;
    return r('NXDOMAIN', why, 'DNS-12');
  }
  const svc = entry.service;
  const svcFQDN = `${svcName}.${ns}.svc.${zone.domain}`;
  const below = parts.slice(0, -2);
  if (below.length === 0) return serviceName(zone, name, qtype, entry, svcFQDN, depth, r, rec);
  if (svc.type === 'ExternalName')
    return r('NXDOMAIN', `${svc.id} is an ExternalName Service: it has no names below it.`, 'DNS-9', [], [svc.id]);
  if (below.length === 1) return endpointName(name, qtype, entry, below[0]!, r, rec);
  if (below.length === 2 && below[0]!.startsWith('_') && below[1]!.startsWith('_')) {
    return srvName(name, qtype, entry, svcFQDN, below[0]!.slice(1), below[1]!.slice(1), r, rec);
  }
  return r('NXDOMAIN', `${name} does not match any record form under ${svcFQDN}.`, 'DNS-12', [], [svc.id]);
}

function serviceName(
  zone: Zone,
  name: string,
  qtype: RRType,
  entry: ZoneService,
  svcFQDN: string,
  depth: number,
  r: Reply,
  rec: Rec,
): LookupResult {
  const svc = entry.service;
  if (svc.type === 'ExternalName') return externalName(zone, name, qtype, svc, depth, r, rec);
  if (svc.headless) {
    const ready = entry.endpoints.filter((e) => e.ready);
    if (ready.length === 0) {
      const notReady = entry.endpoints.length;
      const why = notReady ? `all ${notReady} endpoint address(es) are not ready` : 'it has no endpoints';
      return r('NXDOMAIN', `${svc.id} is headless and ${why}, so its name does not exist.`, 'DNS-3', [], [svc.id]);
    }
    if (qtype === 'A' || qtype === 'AAAA') {
      const fam = qtype === 'A' ? 'IPv4' : 'IPv6';
      const answers = ready.filter((e) => e.family === fam).map((e) => rec(name, qtype, e.address, 'spec', 'DNS-3', e.targetRef ?? svc.id));
      return r(
        'NOERROR',
        answers.length
          ? `${svc.id} is headless: one ${qtype} record per ready endpoint address.`
          : `${svc.id} is headless and has no ready ${fam} endpoint.`,
        'DNS-3',
        answers,
        [svc.id],
      );
    }
    if (qtype === 'SRV') {
      const answers = headlessSRV(name, entry, svcFQDN, () => true, rec);
      return r('NOERROR', `CoreDNS answers SRV on the bare Service name with every port of every ready endpoint [EXT].`, 'DNS-5', answers, [
        svc.id,
      ]);
    }
    return r('NODATA', `${svc.id} exists but has no ${qtype} record.`, 'DNS-12', [], [svc.id]);
  }
  if (svc.clusterIPs.length === 0)
    return r('NODATA', `${svc.id} has no ClusterIP allocated, so it has no address record.`, 'DNS-2', [], [svc.id]);
  if (qtype === 'A' || qtype === 'AAAA') {
    const fam = qtype === 'A' ? 'IPv4' : 'IPv6';
    const answers = svc.clusterIPs.filter((ip) => familyOf(ip) === fam).map((ip) => rec(name, qtype, ip, 'spec', 'DNS-2', svc.id));
    const why = answers.length
      ? `${svc.id} has ClusterIP ${answers.map((a) => a.data).join(', ')}; the record exists whatever the endpoints.`
      : `${svc.id} has no ${fam} ClusterIP: the name exists, so NOERROR without data.`;
    return r('NOERROR', why, 'DNS-2', answers, [svc.id]);
  }
  if (qtype === 'SRV') {
    const ports = svc.ports;
    const answers = ports.map((p) => rec(name, 'SRV', `0 ${weight(ports.length)} ${p.port} ${svcFQDN}`, 'coredns', 'DNS-5', svc.id));
    return r('NOERROR', `CoreDNS answers SRV on the bare Service name with one record per port [EXT].`, 'DNS-5', answers, [svc.id]);
  }
  return r('NODATA', `${svc.id} exists but has no ${qtype} record.`, 'DNS-12', [], [svc.id]);
}

function externalName(zone: Zone, name: string, qtype: RRType, svc: Service, depth: number, r: Reply, rec: Rec): LookupResult {
  const target = svc.externalName ?? '';
  if (parseIP(target.replace(/\.$/, ''))) {
    return r(
      'NODATA',
      `${svc.id} is an ExternalName set to the IP address ${target}; ExternalName takes a DNS name, so it never resolves.`,
      'DNS-9',
      [],
      [svc.id],
    );
  }
  const cname = rec(name, 'CNAME', fqdn(target), 'spec', 'DNS-9', svc.id);
  if (qtype === 'CNAME') return r('NOERROR', `${svc.id} is an ExternalName Service: CNAME to ${cname.data}.`, 'DNS-9', [cname], [svc.id]);
  const t = fqdn(target);
  const inZone = t === zone.domain || t.endsWith(`.${zone.domain}`) || t.endsWith('.in-addr.arpa.') || t.endsWith('.ip6.arpa.');
  if (depth >= 8) return r('FORWARDED', `${svc.id} is an ExternalName Service: CNAME to ${t}; the CNAME chain is too long to follow.`, 'DNS-9', [cname], [svc.id]);
  if (!inZone) {
    // DNS-12 [SIM]: the target is chased by the simulated upstream resolver; unknown → CNAME answer + NXDOMAIN.
    const up = askUpstream(zone.upstream, t, qtype);
    return {
      ...r('FORWARDED', `${svc.id} is an ExternalName Service: CNAME to ${t}, which goes upstream: ${up.reason}.`, 'DNS-9', [cname, ...up.answers], [svc.id], true),
      upstreamRcode: up.rcode,
    };
  }
  const chased = lookup(zone, t, qtype, depth + 1);
  const status: LookupStatus = chased.status === 'NODATA' ? 'NOERROR' : chased.status;
  return r(
    status,
    `${svc.id} is an ExternalName Service: CNAME to ${t}, which the cluster DNS answers too (${chased.status}): ${chased.reason}`,
    'DNS-9',
    [cname, ...chased.answers],
    [svc.id, ...chased.objects],
  );
}

function endpointName(name: string, qtype: RRType, entry: ZoneService, label: string, r: Reply, rec: Rec): LookupResult {
  const svc = entry.service;
  const all = entry.endpoints.filter((e) => e.label === label);
  const ready = all.filter((e) => e.ready);
  if (ready.length === 0) {
    const why = all.length
      ? `the endpoint ${label} of ${svc.id} is not ready (publishNotReadyAddresses is off), so its name does not exist`
      : `no endpoint of ${svc.id} has hostname ${label}${isDashed(label) ? ' or that address' : ''} (a pod needs spec.hostname and spec.subdomain=${svc.name}, and the Service must select it)`;
    return r('NXDOMAIN', `${capital(why)}.`, 'DNS-4', [], [svc.id]);
  }
  // The spec promises hostname records for headless Services; dashed-IP names and names under
  // ClusterIP Services are CoreDNS's own (DNS-4 [EXT]).
  const source = svc.headless && ready.some((e) => e.hostname) ? 'spec' : 'coredns';
  if (qtype === 'A' || qtype === 'AAAA') {
    const fam = qtype === 'A' ? 'IPv4' : 'IPv6';
    const answers = ready.filter((e) => e.family === fam).map((e) => rec(name, qtype, e.address, source, 'DNS-4', e.targetRef ?? svc.id));
    return r(
      'NOERROR',
      `Endpoint ${label} of ${svc.id} is ready${source === 'coredns' ? ' (name answered by CoreDNS, not the spec [EXT])' : ''}.`,
      'DNS-4',
      answers,
      [svc.id, ...ready.flatMap((e) => (e.targetRef ? [e.targetRef] : []))],
    );
  }
  return r('NODATA', `Endpoint ${label} of ${svc.id} exists but has no ${qtype} record.`, 'DNS-12', [], [svc.id]);
}

function srvName(
  name: string,
  qtype: RRType,
  entry: ZoneService,
  svcFQDN: string,
  portName: string,
  proto: string,
  r: Reply,
  rec: Rec,
): LookupResult {
  const svc = entry.service;
  const matches = (p: { name: string; protocol: string }) =>
    p.name !== '' && p.name.toLowerCase() === portName && p.protocol.toLowerCase() === proto;
  if (svc.headless) {
    const ready = entry.endpoints.filter((e) => e.ready);
    const answers = headlessSRV(name, entry, svcFQDN, matches, rec);
    if (answers.length === 0) {
      const why =
        ready.length === 0
          ? `${svc.id} has no ready endpoint`
          : `no endpoint port of ${svc.id} is named ${portName} with protocol ${proto.toUpperCase()} (unnamed ports get no SRV)`;
      return r('NXDOMAIN', `${why}.`, 'DNS-5', [], [svc.id]);
    }
    if (qtype !== 'SRV') return r('NODATA', `${name} only has SRV records.`, 'DNS-12', [], [svc.id]);
    return r(
      'NOERROR',
      `${svc.id} is headless: one SRV per ready endpoint and named port, with the endpoint's port (CoreDNS).`,
      'DNS-5',
      answers,
      [svc.id],
    );
  }
  const ports = svc.ports.filter(matches);
  if (ports.length === 0)
    return r(
      'NXDOMAIN',
      `${svc.id} has no port named ${portName} with protocol ${proto.toUpperCase()} (unnamed ports get no SRV record).`,
      'DNS-5',
      [],
      [svc.id],
    );
  if (qtype !== 'SRV') return r('NODATA', `${name} only has SRV records.`, 'DNS-12', [], [svc.id]);
  const answers = ports.map((p) => rec(name, 'SRV', `0 ${weight(ports.length)} ${p.port} ${svcFQDN}`, 'spec', 'DNS-5', svc.id));
  return r(
    'NOERROR',
    `${svc.id} port ${portName}/${proto.toUpperCase()} is named: one SRV record targeting the Service name.`,
    'DNS-5',
    answers,
    [svc.id],
  );
}

function headlessSRV(
  name: string,
  entry: ZoneService,
  svcFQDN: string,
  matches: (p: { name: string; protocol: string }) => boolean,
  rec: Rec,
): DNSRecord[] {
  const rows: { port: number; target: string; source: 'spec' | 'coredns'; object: string }[] = [];
  for (const e of entry.endpoints) {
    if (!e.ready) continue;
    for (const p of e.ports) {
      if (p.port === null || !matches(p)) continue;
      rows.push({
        port: p.port,
        target: `${e.label}.${svcFQDN}`,
        source: e.hostname ? 'spec' : 'coredns',
        object: e.targetRef ?? entry.service.id,
      });
    }
  }
  const uniq = new Map(rows.map((x) => [`${x.port} ${x.target}`, x]));
  return [...uniq.values()].map((x) => rec(name, 'SRV', `0 ${weight(uniq.size)} ${x.port} ${x.target}`, x.source, 'DNS-5', x.object));
}

function podNames(zone: Zone, name: string, qtype: RRType, parts: string[], r: Reply, rec: Rec): LookupResult {
  if (parts.length <= 1) return namespaceOnly(zone, name, parts[0], 'pod names need an address label', r);
  if (parts.length > 2) return r('NXDOMAIN', `${name} is not of the form a-b-c-d.<namespace>.pod.${zone.domain}`, 'DNS-10');
  const [label, ns] = parts as [string, string];
  if (zone.podsMode === 'disabled')
    return r('NXDOMAIN', `CoreDNS runs with \`pods disabled\`: pod A records are not served [EXT, I-8].`, 'DNS-10', [], [], true);
  const ip = undashIP(label);
  if (!ip) return r('NXDOMAIN', `${label} is not a dashed IP address.`, 'DNS-10');
  let object: string | undefined;
  if (zone.podsMode === 'verified') {
    const pod = zone.podIPs.get(ns)?.get(ip);
    if (!pod)
      return r(
        'NXDOMAIN',
        `CoreDNS runs with \`pods verified\` and no pod in namespace ${ns} has IP ${ip} [EXT, I-8].`,
        'DNS-10',
        [],
        [],
        true,
      );
    object = pod.id;
  }
  const type = familyOf(ip) === 'IPv4' ? 'A' : 'AAAA';
  const answers = qtype === type ? [rec(name, type, ip, 'coredns', 'DNS-10', object)] : [];
  const why =
    zone.podsMode === 'insecure'
      ? `CoreDNS runs with \`pods insecure\` (kubeadm): it answers any well-formed pod name with the encoded address, without checking that such a pod exists [EXT, I-8].`
      : `CoreDNS runs with \`pods verified\`: ${object} has IP ${ip} [EXT, I-8].`;
  return r('NOERROR', why, 'DNS-10', answers, object ? [object] : [], true);
}

function reverse(zone: Zone, name: string, qtype: RRType, r: Reply): LookupResult {
  const ip = reverseToIP(name);
  const rec = (data: string, source: 'spec' | 'coredns', object: string): DNSRecord => ({
    name,
    type: 'PTR',
    ttl: zone.ttl,
    data,
    source,
    extension: source === 'coredns',
    object,
    rule: 'DNS-8',
  });
  const forward = (): LookupResult => ({
    ...r(
      'FORWARDED',
      `No Service or endpoint has address ${ip ?? name}; CoreDNS falls through to the upstream resolver (\`fallthrough in-addr.arpa ip6.arpa\`), ${askUpstream(zone.upstream, name, qtype).reason}.`,
      'DNS-8',
      [],
      [],
      true,
    ),
    upstreamRcode: 'NXDOMAIN',
  });
  if (!ip) return forward();
  // CoreDNS checks ClusterIPs first; only then slice endpoints (DNS-8 [EXT]).
  const bySvc: DNSRecord[] = [];
  for (const e of zone.services.values()) {
    if (e.service.clusterIPs.includes(ip))
      bySvc.push(rec(`${e.service.name}.${e.service.namespace}.svc.${zone.domain}`, 'spec', e.service.id));
  }
  let answers = bySvc;
  let why = `${ip} is the ClusterIP of ${bySvc.map((a) => a.object).join(', ')}.`;
  if (answers.length === 0) {
    for (const e of zone.services.values()) {
      for (const ep of e.endpoints) {
        if (!ep.ready || ep.address !== ip) continue;
        const spec = e.service.headless && !!ep.hostname;
        answers.push(
          rec(
            `${ep.label}.${e.service.name}.${e.service.namespace}.svc.${zone.domain}`,
            spec ? 'spec' : 'coredns',
            ep.targetRef ?? e.service.id,
          ),
        );
      }
    }
    why = `${ip} is a ready endpoint address (CoreDNS answers PTR for any endpoint; the spec only for headless hostnames).`;
  }
  if (answers.length === 0) return forward();
  if (qtype !== 'PTR') answers = [];
  return r('NOERROR', why, 'DNS-8', answers, [...new Set(answers.map((a) => a.object!))]);
}

/** `1.0.3.10.in-addr.arpa.` → `10.3.0.1`; nibble names under `ip6.arpa.`; null for partial names. */
export function reverseToIP(name: string): string | null {
  const n = fqdn(name);
  if (n.endsWith('.in-addr.arpa.')) {
    const parts = n.slice(0, -'.in-addr.arpa.'.length).split('.');
    if (parts.length !== 4) return null;
    const ip = parseIP(parts.reverse().join('.'));
    return ip ? formatIP(ip) : null;
  }
  if (n.endsWith('.ip6.arpa.')) {
    const nibbles = n.slice(0, -'.ip6.arpa.'.length).split('.');
    if (nibbles.length !== 32 || nibbles.some((x) => !/^[0-9a-f]$/.test(x))) return null;
    const hex = nibbles.reverse().join('');
    return formatIP({ family: 6, value: BigInt(`0x${hex}`) });
  }
  return null;
}

/** [SIM] CoreDNS's SRV weights: equal shares of 100 (priority 0). Tests must not depend on them. */
function weight(n: number): number {
  return Math.floor(100 / Math.max(1, n));
}

function dedupe(records: DNSRecord[]): DNSRecord[] {
  const seen = new Set<string>();
  return records.filter((x) => {
    const k = `${x.name} ${x.type} ${x.data}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function isDashed(label: string): boolean {
  return undashIP(label) !== null;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
