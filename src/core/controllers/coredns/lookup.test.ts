import { describe, expect, it } from 'vitest';
import type { DeepPartial, SimOptions } from '../../options';
import { slice, worldOf } from './testing';
import { lookup } from './lookup';
import { buildZone, zoneRecords } from './zone';
import type { DNSRecord, RRType } from './types';

/** The shop: a ClusterIP Service, a headless StatefulSet Service with hand-written slices, an ExternalName. */
const SHOP = `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  clusterIP: 10.96.0.12
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}, {name: metrics, port: 9090}]
---
apiVersion: v1
kind: Service
metadata: {name: dual, namespace: shop}
spec:
  clusterIPs: [10.96.0.13, "fd00::13"]
  ipFamilies: [IPv4, IPv6]
  ports: [{name: dns, port: 53, protocol: UDP}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: pg, port: 5432}]
---
apiVersion: v1
kind: Service
metadata: {name: cold, namespace: shop}
spec:
  clusterIP: None
  ports: [{name: x, port: 1}]
---
apiVersion: v1
kind: Service
metadata: {name: empty, namespace: shop}
spec:
  clusterIP: 10.96.0.14
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {type: ExternalName, externalName: api.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: alias, namespace: shop}
spec: {type: ExternalName, externalName: web.shop.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: ipext, namespace: shop}
spec: {type: ExternalName, externalName: 192.0.2.1}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop}
spec: {containers: [{name: c, image: busybox}]}
status: {podIP: 10.244.1.20}
`;

const SLICES = [
  slice('shop', 'db', [['pg', 5432]], ['10.244.1.5 db-0', '10.244.2.6 db-1', '10.244.3.7 db-2 notready', '10.244.3.8']),
  slice('shop', 'cold', [['x', 1]], ['10.244.1.9 notready']),
];

function zone(opts?: DeepPartial<SimOptions>) {
  const { world, options } = worldOf(SHOP, SLICES, opts);
  return buildZone(world, options);
}

const line = (r: DNSRecord) => `${r.name} ${r.ttl} IN ${r.type} ${r.data}`;

describe('cluster DNS records (§3.1)', () => {
  const z = zone();
  const cases: { name: string; q: string; type: RRType; status: string; answers: string[]; extension?: boolean }[] = [
    {
      name: 'a ClusterIP Service answers its ClusterIP (DNS-2)',
      q: 'web.shop.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['web.shop.svc.cluster.local. 30 IN A 10.96.0.12'],
    },
    {
      name: 'names compare case-insensitively',
      q: 'WEB.Shop.SVC.cluster.local',
      type: 'A',
      status: 'NOERROR',
      answers: ['web.shop.svc.cluster.local. 30 IN A 10.96.0.12'],
    },
    {
      name: 'a ClusterIP Service without endpoints still resolves (edge 23)',
      q: 'empty.shop.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['empty.shop.svc.cluster.local. 30 IN A 10.96.0.14'],
    },
    {
      name: 'an IPv4-only Service has no AAAA: NODATA (DNS-12)',
      q: 'web.shop.svc.cluster.local.',
      type: 'AAAA',
      status: 'NODATA',
      answers: [],
    },
    {
      name: 'a dual-stack Service answers AAAA with its IPv6 ClusterIP',
      q: 'dual.shop.svc.cluster.local.',
      type: 'AAAA',
      status: 'NOERROR',
      answers: ['dual.shop.svc.cluster.local. 30 IN AAAA fd00::13'],
    },
    { name: 'a missing Service is NXDOMAIN', q: 'nope.shop.svc.cluster.local.', type: 'A', status: 'NXDOMAIN', answers: [] },
    {
      name: 'a headless Service answers one A per ready endpoint (DNS-3)',
      q: 'db.shop.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: [
        'db.shop.svc.cluster.local. 30 IN A 10.244.1.5',
        'db.shop.svc.cluster.local. 30 IN A 10.244.2.6',
        'db.shop.svc.cluster.local. 30 IN A 10.244.3.8',
      ],
    },
    {
      name: 'a headless Service with no ready endpoint is NXDOMAIN (DNS-3)',
      q: 'cold.shop.svc.cluster.local.',
      type: 'A',
      status: 'NXDOMAIN',
      answers: [],
    },
    {
      name: 'a ready endpoint hostname has its own name (DNS-4)',
      q: 'db-0.db.shop.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['db-0.db.shop.svc.cluster.local. 30 IN A 10.244.1.5'],
      extension: false,
    },
    {
      name: 'a not-ready endpoint hostname does not exist (edge 26)',
      q: 'db-2.db.shop.svc.cluster.local.',
      type: 'A',
      status: 'NXDOMAIN',
      answers: [],
    },
    {
      name: 'an endpoint without hostname is named by its dashed IP [EXT]',
      q: '10-244-3-8.db.shop.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['10-244-3-8.db.shop.svc.cluster.local. 30 IN A 10.244.3.8'],
      extension: true,
    },
    {
      name: 'a named ClusterIP port has one SRV targeting the Service (DNS-5)',
      q: '_http._tcp.web.shop.svc.cluster.local.',
      type: 'SRV',
      status: 'NOERROR',
      answers: ['_http._tcp.web.shop.svc.cluster.local. 30 IN SRV 0 100 80 web.shop.svc.cluster.local.'],
      extension: false,
    },
    {
      name: 'the protocol label must match (edge 24)',
      q: '_http._udp.web.shop.svc.cluster.local.',
      type: 'SRV',
      status: 'NXDOMAIN',
      answers: [],
    },
    {
      name: 'a UDP port is under _udp (edge 24)',
      q: '_dns._udp.dual.shop.svc.cluster.local.',
      type: 'SRV',
      status: 'NOERROR',
      answers: ['_dns._udp.dual.shop.svc.cluster.local. 30 IN SRV 0 100 53 dual.shop.svc.cluster.local.'],
    },
    {
      name: 'a headless Service has one SRV per ready endpoint with the endpoint port (DNS-5)',
      q: '_pg._tcp.db.shop.svc.cluster.local.',
      type: 'SRV',
      status: 'NOERROR',
      answers: [
        '_pg._tcp.db.shop.svc.cluster.local. 30 IN SRV 0 33 5432 db-0.db.shop.svc.cluster.local.',
        '_pg._tcp.db.shop.svc.cluster.local. 30 IN SRV 0 33 5432 db-1.db.shop.svc.cluster.local.',
        '_pg._tcp.db.shop.svc.cluster.local. 30 IN SRV 0 33 5432 10-244-3-8.db.shop.svc.cluster.local.',
      ],
    },
    {
      name: 'an ExternalName Service is a CNAME to its target (DNS-9)',
      q: 'ext.shop.svc.cluster.local.',
      type: 'CNAME',
      status: 'NOERROR',
      answers: ['ext.shop.svc.cluster.local. 30 IN CNAME api.example.com.'],
    },
    {
      name: 'an outside CNAME target goes to the simulated upstream, which does not know it: CNAME only (DNS-9, DNS-12)',
      q: 'ext.shop.svc.cluster.local.',
      type: 'A',
      status: 'FORWARDED',
      answers: ['ext.shop.svc.cluster.local. 30 IN CNAME api.example.com.'],
    },
    {
      name: 'an in-cluster CNAME target is followed',
      q: 'alias.shop.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['alias.shop.svc.cluster.local. 30 IN CNAME web.shop.svc.cluster.local.', 'web.shop.svc.cluster.local. 30 IN A 10.96.0.12'],
    },
    {
      name: 'an ExternalName set to an IP literal gives no answer (edge 33)',
      q: 'ipext.shop.svc.cluster.local.',
      type: 'A',
      status: 'NODATA',
      answers: [],
    },
    { name: 'nothing exists below an ExternalName', q: 'x.ext.shop.svc.cluster.local.', type: 'A', status: 'NXDOMAIN', answers: [] },
    {
      name: 'a ClusterIP reverses to its Service (DNS-8)',
      q: '12.0.96.10.in-addr.arpa.',
      type: 'PTR',
      status: 'NOERROR',
      answers: ['12.0.96.10.in-addr.arpa. 30 IN PTR web.shop.svc.cluster.local.'],
      extension: false,
    },
    {
      name: 'a headless endpoint with hostname reverses to its name (DNS-8)',
      q: '5.1.244.10.in-addr.arpa.',
      type: 'PTR',
      status: 'NOERROR',
      answers: ['5.1.244.10.in-addr.arpa. 30 IN PTR db-0.db.shop.svc.cluster.local.'],
    },
    { name: 'an unknown address falls through upstream', q: '1.1.168.192.in-addr.arpa.', type: 'PTR', status: 'FORWARDED', answers: [] },
    {
      name: 'the kubernetes Service exists on the first Service address',
      q: 'kubernetes.default.svc.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['kubernetes.default.svc.cluster.local. 30 IN A 10.96.0.1'],
    },
    {
      name: 'kube-dns has SRV for its named UDP port',
      q: '_dns._udp.kube-dns.kube-system.svc.cluster.local.',
      type: 'SRV',
      status: 'NOERROR',
      answers: ['_dns._udp.kube-dns.kube-system.svc.cluster.local. 30 IN SRV 0 100 53 kube-dns.kube-system.svc.cluster.local.'],
    },
    {
      name: 'the schema version is a TXT record (DNS-1)',
      q: 'dns-version.cluster.local.',
      type: 'TXT',
      status: 'NOERROR',
      answers: ['dns-version.cluster.local. 30 IN TXT "1.1.0"'],
    },
    {
      name: 'pods insecure answers any well-formed pod name (edge 28)',
      q: '10-244-9-9.nope.pod.cluster.local.',
      type: 'A',
      status: 'NOERROR',
      answers: ['10-244-9-9.nope.pod.cluster.local. 30 IN A 10.244.9.9'],
      extension: true,
    },
    {
      name: 'a partial name in an existing namespace is NODATA [IMPL]',
      q: 'shop.svc.cluster.local.',
      type: 'A',
      status: 'NODATA',
      answers: [],
    },
    {
      name: 'a partial name in a missing namespace is NXDOMAIN [IMPL]',
      q: 'nowhere.svc.cluster.local.',
      type: 'A',
      status: 'NXDOMAIN',
      answers: [],
    },
    { name: 'an unknown name in the zone is NXDOMAIN', q: 'foo.cluster.local.', type: 'A', status: 'NXDOMAIN', answers: [] },
    { name: 'an RFC 2606 name outside the zone is answered upstream with the RFC 5737 documentation address (DNS-12 [SIM])', q: 'example.com.', type: 'A', status: 'FORWARDED', answers: ['example.com. 300 IN A 192.0.2.10'] },
    { name: 'an unknown name outside the zone is forwarded and gets no answer upstream (DNS-12 [SIM])', q: 'nothing.invalid.', type: 'A', status: 'FORWARDED', answers: [] },
  ];
  it.each(cases)('$name', ({ q, type, status, answers, extension }) => {
    const r = lookup(z, q, type);
    expect(r.status).toBe(status);
    expect(r.answers.map(line)).toEqual(answers);
    if (extension !== undefined) expect(r.answers.every((a) => a.extension === extension)).toBe(true);
  });
});

describe('pods mode (I-8)', () => {
  it.each([
    { mode: 'disabled' as const, q: '10-244-1-20.shop.pod.cluster.local.', status: 'NXDOMAIN', answers: [] },
    {
      mode: 'verified' as const,
      q: '10-244-1-20.shop.pod.cluster.local.',
      status: 'NOERROR',
      answers: ['10-244-1-20.shop.pod.cluster.local. 30 IN A 10.244.1.20'],
    },
    { mode: 'verified' as const, q: '10-244-1-20.other.pod.cluster.local.', status: 'NXDOMAIN', answers: [] },
    {
      mode: 'insecure' as const,
      q: '10-244-1-20.other.pod.cluster.local.',
      status: 'NOERROR',
      answers: ['10-244-1-20.other.pod.cluster.local. 30 IN A 10.244.1.20'],
    },
  ])('pods $mode answers $q with $status', ({ mode, q, status, answers }) => {
    const r = lookup(zone({ dns: { podsMode: mode } }), q, 'A');
    expect(r.status).toBe(status);
    expect(r.answers.map(line)).toEqual(answers);
  });

  it('uses the configured cluster domain', () => {
    const r = lookup(zone({ cluster: { clusterDomain: 'kube.local' } }), 'web.shop.svc.kube.local.', 'A');
    expect(r.answers.map(line)).toEqual(['web.shop.svc.kube.local. 30 IN A 10.96.0.12']);
    expect(lookup(zone({ cluster: { clusterDomain: 'kube.local' } }), 'web.shop.svc.cluster.local.', 'A').status).toBe('FORWARDED');
  });
});

describe('the listed zone', () => {
  it('lists only records that a lookup of their own name and type answers, the same way', () => {
    const z = zone();
    const records = zoneRecords(z);
    // SRV priority/weight are not prescribed (DNS-5): compare port and target only.
    const key = (a: DNSRecord) => `${a.name} ${a.type} ${a.type === 'SRV' ? a.data.split(' ').slice(2).join(' ') : a.data} ${a.source}`;
    expect(records.length).toBeGreaterThan(20);
    for (const rec of records) expect(lookup(z, rec.name, rec.type).answers.map(key), line(rec)).toContain(key(rec));
  });

  it('has the Service, SRV, endpoint and PTR records of the shop, in zone-file form', () => {
    const lines = zoneRecords(zone())
      .filter((r) => r.name.includes('db.shop') || r.data.includes('db.shop'))
      .map(line);
    expect(lines).toEqual([
      'db.shop.svc.cluster.local. 30 IN A 10.244.1.5',
      'db.shop.svc.cluster.local. 30 IN A 10.244.2.6',
      'db.shop.svc.cluster.local. 30 IN A 10.244.3.8',
      'db-0.db.shop.svc.cluster.local. 30 IN A 10.244.1.5',
      '_pg._tcp.db.shop.svc.cluster.local. 30 IN SRV 0 100 5432 db-0.db.shop.svc.cluster.local.',
      'db-1.db.shop.svc.cluster.local. 30 IN A 10.244.2.6',
      '_pg._tcp.db.shop.svc.cluster.local. 30 IN SRV 0 100 5432 db-1.db.shop.svc.cluster.local.',
      '10-244-3-8.db.shop.svc.cluster.local. 30 IN A 10.244.3.8',
      '_pg._tcp.db.shop.svc.cluster.local. 30 IN SRV 0 100 5432 10-244-3-8.db.shop.svc.cluster.local.',
    ]);
  });
});
