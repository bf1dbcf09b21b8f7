/**
 * dig from BIND 9.18 (bin/dig/dig.c, lib/dns/masterdump.c): asks exactly the name given (`+nosearch` is the
 * default), prints the header, the EDNS pseudo-section, question, answer and authority sections in zone-file
 * columns (owner, then TTL at column 24, class at 32, type at 40, data at 48, padded with 8-wide tabs or one
 * space when a field runs past its column), and the statistics. `+short` prints only the answer data.
 * Exit status 0 whatever the rcode; 9 when no server answers. Query ids, dates and times are fixed values.
 */
import type { DNSRecord, RRType } from '../../controllers/coredns/index';
import { ask, reachableServer, searchList, type DnsReply } from '../dns';
import type { RunContext } from '../run-context';
import { FIXED } from '../fixed';

const TYPES = new Set(['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'NS', 'SOA']);
const RECORD_STOPS = [24, 32, 40, 48];
const QUESTION_STOPS = [32, 40];

export function dig(ctx: RunContext, args: string[]): number {
  let short = false;
  let search = false;
  let name: string | undefined;
  let type: RRType | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '+short') short = true;
    else if (a === '+noshort') short = false;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a.startsWith('+')) continue; // other display options are accepted and change nothing here
    else if (a.startsWith('@')) continue; // the server: the shell's nameserver answers either way
    else if (a === '-t') type = (args[++i] ?? '').toUpperCase() as RRType;
    else if (a === '-x') {
      const ip = args[++i] ?? '';
      name = `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
      type = 'PTR';
    } else if (TYPES.has(a.toUpperCase()) && name !== undefined) type = a.toUpperCase() as RRType;
    else if (a.startsWith('-')) {
      ctx.out.err(`Invalid option: ${a}\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n`);
      return 1;
    } else if (name === undefined) name = a;
    else if (TYPES.has(a.toUpperCase())) type = a.toUpperCase() as RRType;
  }
  if (name === undefined) name = '.';
  const qtype: RRType = type ?? 'A';
  const server = reachableServer(ctx.shell);
  const asked = args.join(' ');
  if (server === null) {
    const ns = ctx.shell.kind === 'pod' ? ctx.shell.sim.world.cluster.dnsServiceIP : '';
    ctx.out.out(`;; communications error to ${ns}#53: timed out\n`.repeat(3));
    if (!short) ctx.out.out(`\n; <<>> DiG ${FIXED.digVersion} <<>> ${asked}\n;; global options: +cmd\n`);
    ctx.out.out(';; no servers could be reached\n');
    ctx.notes.push('No DNS reply: a NetworkPolicy blocks UDP 53 from this pod to its nameserver (NP-14).');
    return 9;
  }
  // +search tries the search list the way the resolver does, for names with fewer dots than ndots.
  const candidates = search && !name.endsWith('.') ? [...searchList(ctx.shell).map((s) => `${name}.${s}`), name] : [name];
  let qname = fqdn(candidates[0]!);
  let reply = ask(ctx.shell, qname, qtype);
  for (const c of candidates.slice(1)) {
    if (reply.rcode === 'NOERROR' && reply.answers.length) break;
    qname = fqdn(c);
    reply = ask(ctx.shell, qname, qtype);
  }
  if (short) {
    for (const a of reply.answers) ctx.out.out(`${a.data}\n`, a.object);
    return 0;
  }
  print(ctx, asked, qname, qtype, reply, server);
  if (reply.rcode === 'NXDOMAIN' && !name.endsWith('.') && !name.includes('.svc.') && searchList(ctx.shell).length)
    ctx.notes.push('dig asks the name exactly as written (+nosearch): add +search, or write the full name.');
  return 0;
}

function fqdn(n: string): string {
  return n.endsWith('.') ? n.toLowerCase() : `${n.toLowerCase()}.`;
}

function print(ctx: RunContext, asked: string, qname: string, qtype: RRType, r: DnsReply, server: string): void {
  const domain = `${ctx.shell.sim.world.cluster.clusterDomain.replace(/\.$/, '')}.`;
  const authority = r.answers.length === 0 ? [soa(r.authoritative ? domain : '.', r.authoritative)] : [];
  const flags = r.authoritative ? 'qr aa rd' : 'qr rd ra';
  const o = ctx.out;
  o.out(`\n; <<>> DiG ${FIXED.digVersion} <<>> ${asked}\n;; global options: +cmd\n;; Got answer:\n`);
  o.out(`;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${FIXED.queryId}\n`);
  o.out(`;; flags: ${flags}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 1\n`);
  if (r.authoritative) o.out(';; WARNING: recursion requested but not available\n');
  o.out('\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n');
  o.out(`${columns([`;${qname}`, 'IN', qtype], QUESTION_STOPS)}\n`);
  if (r.answers.length) {
    o.out('\n;; ANSWER SECTION:\n');
    for (const a of r.answers) {
      o.out(columns([a.name, String(a.ttl), 'IN', a.type, ''], RECORD_STOPS));
      o.out(a.data, a.object);
      o.out('\n');
    }
  }
  if (authority.length) {
    o.out('\n;; AUTHORITY SECTION:\n');
    for (const a of authority) o.out(`${columns([a.name, String(a.ttl), 'IN', a.type, a.data], RECORD_STOPS)}\n`);
  }
  const size = 12 + wireName(qname) + 4 + [...r.answers, ...authority].reduce((n, a) => n + 12 + rdlength(a), 0) + 11;
  o.out(`\n;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${FIXED.when}\n;; MSG SIZE  rcvd: ${size}\n\n`);
}

/** masterdump's columns: after the owner, pad with 8-wide tabs to each stop, or one space when past it. */
function columns(fields: string[], stops: number[]): string {
  let out = fields[0]!;
  let col = out.length;
  fields.slice(1).forEach((f, i) => {
    const stop = stops[i]!;
    if (col >= stop) {
      out += ' ';
      col += 1;
    }
    while (col < stop) {
      out += '\t';
      col = (Math.floor(col / 8) + 1) * 8;
    }
    out += f;
    col += f.length;
  });
  return out;
}

function soa(zone: string, cluster: boolean): DNSRecord {
  const data = cluster
    ? `ns.dns.${zone} hostmaster.${zone} ${FIXED.soaSerial} 7200 1800 86400 30`
    : `a.root-servers.net. nstld.verisign-grs.com. ${FIXED.rootSerial} 1800 900 604800 86400`;
  return { name: zone, type: 'SOA', ttl: cluster ? 30 : 86400, data, source: 'coredns', extension: false, rule: 'DNS-12' };
}

function wireName(n: string): number {
  return n === '.' ? 1 : n.replace(/\.$/, '').split('.').reduce((len, label) => len + label.length + 1, 1);
}

function rdlength(a: DNSRecord): number {
  if (a.type === 'A') return 4;
  if (a.type === 'AAAA') return 16;
  if (a.type === 'SRV') return 6 + wireName(a.data.split(' ')[3] ?? '.');
  if (a.type === 'SOA') return a.data.split(' ').slice(0, 2).reduce((n, x) => n + wireName(x), 20);
  if (a.type === 'TXT') return a.data.length + 1;
  return wireName(a.data);
}
