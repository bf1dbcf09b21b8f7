import { describe, expect, it } from 'vitest';
import { transcriptOf, type Transcript } from '../testing';

/**
 * dig transcripts (BIND 9.18: bin/dig/dig.c prints the `; <<>> DiG ... <<>>` banner, `;; global options:
 * +cmd`, the `->>HEADER<<-` line, flags and section counts, `;; WARNING: recursion requested but not
 * available` for a server that does not set RA, the OPT pseudo-section, the sections and the statistics;
 * lib/dns/masterdump.c aligns records at columns 24/32/40/48 with 8-wide tabs; `+short` prints the data
 * only; `;; communications error to %s: timed out` and `;; no servers could be reached`, exit status 9).
 * dig asks the name as written (`+nosearch` is the default).
 */
const head = (args: string) => `\n; <<>> DiG 9.18.33 <<>> ${args}\n;; global options: +cmd\n;; Got answer:\n`;
const tail = (size: number) => `\n;; Query time: 0 msec\n;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Thu Jan 01 12:05:00 UTC 2026\n;; MSG SIZE  rcvd: ${size}\n\n`;
const opt = '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n';

const ROWS: Transcript[] = [
  [
    'an A record from the cluster zone (authoritative, no recursion)',
    'dig api.shop.svc.cluster.local',
    undefined,
    0,
    `${head('api.shop.svc.cluster.local')};; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 41817\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n${opt};; QUESTION SECTION:\n;api.shop.svc.cluster.local.\tIN\tA\n\n;; ANSWER SECTION:\napi.shop.svc.cluster.local. 30\tIN\tA\t10.96.100.10\n${tail(71)}`,
    '',
  ],
  ['+short prints the data only', 'dig +short api.shop.svc.cluster.local', undefined, 0, '10.96.100.10\n', ''],
  ['+short with a type', 'dig +short db.shop.svc.cluster.local A', undefined, 0, '10.96.100.20\n', ''],
  ['a dotless name is asked as written: NXDOMAIN from upstream, exit status 0', 'dig +short api', undefined, 0, '', ''],
  [
    'NXDOMAIN: the authority section carries the SOA',
    'dig api',
    undefined,
    0,
    `${head('api')};; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 41817\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n${opt};; QUESTION SECTION:\n;api.\t\t\t\tIN\tA\n\n;; AUTHORITY SECTION:\n.\t\t\t86400\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400\n${tail(108)}`,
    '',
  ],
  ['+search applies the search list', 'dig +short +search api.shop', undefined, 0, '10.96.100.10\n', ''],
  ['-x asks the PTR record', 'dig +short -x 10.96.100.20', undefined, 0, 'db.shop.svc.cluster.local.\n', ''],
  [
    'no server reachable: exit status 9',
    'dig +short api.shop.svc.cluster.local',
    'shop/isolated',
    9,
    ';; communications error to 10.96.0.10#53: timed out\n'.repeat(3) + ';; no servers could be reached\n',
    '',
  ],
  ['busybox has no dig', 'dig api', 'shop/toolbox', 127, '', 'sh: dig: not found\n'],
];

describe('dig (BIND 9.18)', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });
});
