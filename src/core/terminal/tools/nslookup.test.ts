import { describe, expect, it } from 'vitest';
import { transcriptOf, type Transcript } from '../testing';

/**
 * busybox nslookup transcripts, written from busybox networking/nslookup.c: the FEATURE_NSLOOKUP_BIG client
 * (`add_query_with_search`: a dotless name under each search domain, a dotted name as written, A then
 * AAAA; `send_queries` prints `Server:\t\t%s\nAddress:\t%s\n\n` at the first reply, `** server can't find
 * %s: %s\n` for an rcode and sets exit status 1; `parse_reply` prints `Non-authoritative answer:` for a
 * reply without AA, `Name:\t%s\nAddress: %s\n`, `%s\tname = %s\n` for PTR, `*** Can't find %s: No answer`
 * for an empty one, each reply followed by a blank line; `;; connection timed out; no servers could be
 * reached\n\n` when no server answers) and the small applet of busybox 1.28 (`print_host`: `%-10s %s\n`,
 * `Address %u: %s %s`, `can't resolve '%s'`). BIND's nslookup (bin/dig/nslookup.c, in dnsutils-style
 * images) goes through the search list and prints `Address:\t%s#53`. CoreDNS's kubernetes plugin answers
 * the cluster zone authoritatively; the shell runs in the debug pod default/debug unless a pod is named.
 */
const HEAD = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
const nx = (name: string) => `** server can't find ${name}: NXDOMAIN\n\n`;

const ROWS: Transcript[] = [
  [
    'the full name of a Service: its A record, and no AAAA (IPv4 only)',
    'nslookup api.shop.svc.cluster.local',
    undefined,
    0,
    `${HEAD}Name:\tapi.shop.svc.cluster.local\nAddress: 10.96.100.10\n\n*** Can't find api.shop.svc.cluster.local: No answer\n\n`,
    '',
  ],
  [
    'a short name is asked under every search domain, and never as written; one NXDOMAIN makes the status 1',
    'nslookup api',
    'shop/toolbox',
    1,
    `${HEAD}Name:\tapi.shop.svc.cluster.local\nAddress: 10.96.100.10\n\n${nx('api.svc.cluster.local')}${nx('api.cluster.local')}*** Can't find api.shop.svc.cluster.local: No answer\n\n${nx('api.svc.cluster.local')}${nx('api.cluster.local')}`,
    '',
  ],
  ['name.namespace has a dot: asked only as written, so NXDOMAIN', 'nslookup api.shop', undefined, 1, `${HEAD}${nx('api.shop')}${nx('api.shop')}`, ''],
  ['an address is a PTR question', 'nslookup 10.96.100.10', undefined, 0, `${HEAD}10.100.96.10.in-addr.arpa\tname = api.shop.svc.cluster.local\n\n`, ''],
  [
    'a name outside the cluster is forwarded: not authoritative',
    'nslookup shop.example.com',
    undefined,
    0,
    `${HEAD}Non-authoritative answer:\nName:\tshop.example.com\nAddress: 172.18.255.200\n\nNon-authoritative answer:\n*** Can't find shop.example.com: No answer\n\n`,
    '',
  ],
  ['-type=a asks only A', 'nslookup -type=a db.shop.svc.cluster.local', undefined, 0, `${HEAD}Name:\tdb.shop.svc.cluster.local\nAddress: 10.96.100.20\n\n`, ''],
  ['DNS blocked by a policy: no server answers', 'nslookup api.shop.svc.cluster.local', 'shop/isolated', 1, ';; connection timed out; no servers could be reached\n\n', ''],
  [
    "BIND's nslookup (an nginx image is assumed to carry dnsutils): the search list applies",
    'nslookup api',
    'shop/web',
    0,
    'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tapi.shop.svc.cluster.local\nAddress: 10.96.100.10\n\n',
    '',
  ],
  ["BIND's nslookup: a name that does not resolve", 'nslookup nope', 'shop/web', 1, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n", ''],
  ["BIND's nslookup: an address", 'nslookup 10.96.100.20', 'shop/web', 0, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n20.100.96.10.in-addr.arpa\tname = db.shop.svc.cluster.local.\n\n', ''],
  ['an unknown query type', 'nslookup -type=xyz api', undefined, 1, '', 'nslookup: invalid query type "xyz"\n'],
  [
    'busybox 1.28: through the libc resolver, with the search list',
    'kubectl run tmp -n shop --image=busybox:1.28 --rm -it --restart=Never -- nslookup api',
    undefined,
    0,
    'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      api\nAddress 1: 10.96.100.10 api.shop.svc.cluster.local\npod "tmp" deleted from shop namespace\n',
    '',
  ],
  [
    'busybox 1.28: a name that does not resolve',
    'kubectl run tmp --image=busybox:1.28 --rm -it --restart=Never -- nslookup nope',
    undefined,
    1,
    'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\npod "tmp" deleted from default namespace\n',
    "nslookup: can't resolve 'nope'\npod default/tmp terminated (Error)\n",
  ],
];

describe('nslookup (busybox)', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });
});
