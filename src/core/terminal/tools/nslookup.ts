/**
 * busybox nslookup. Since 1.29 busybox builds its own DNS packets (networking/nslookup.c,
 * FEATURE_NSLOOKUP_BIG): a name without a dot is asked once under each `search` domain and never as written,
 * a name with a dot is asked only as written (the search list and ndots are not applied), A then AAAA, and
 * each reply is printed as it arrives (`add_query_with_search`, `send_queries`, `parse_reply`); any NXDOMAIN
 * makes the exit status 1. busybox 1.28 and older print through getaddrinfo, that is the pod's own resolver
 * with its search list, in the older `Name:`/`Address 1:` layout (`print_host`).
 */
import type { RRType } from '../../controllers/coredns/index';
import { parseIP } from '../../net/ip';
import { ask, reachableServer, resolveIn, reverseName, searchList } from '../dns';
import { lookupHost } from '../network';
import type { RunContext } from '../run-context';

const TYPES: Record<string, RRType> = { a: 'A', aaaa: 'AAAA', cname: 'CNAME', ptr: 'PTR', srv: 'SRV', txt: 'TXT', ns: 'NS', soa: 'SOA' };

export const BUSYBOX_BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.';

function usage(ctx: RunContext): number {
  ctx.out.err(
    `${BUSYBOX_BANNER}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n`,
  );
  return 1;
}

export function nslookup(ctx: RunContext, args: string[]): number {
  const types: RRType[] = [];
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const [opt, val = ''] = args[i]!.slice(1).split('=', 2) as [string, string?];
    if (opt === 'type' || opt === 'querytype' || opt === 'q' || opt === 'query') {
      const t = TYPES[val.toLowerCase()];
      if (!t) {
        ctx.out.err(`nslookup: invalid query type "${val}"\n`);
        return 1;
      }
      types.push(t);
    } else if (!['debug', 'port', 'retry', 't', 'timeout'].includes(opt)) return usage(ctx);
  }
  const host = args[i];
  if (!host || args.length > i + 2) return usage(ctx);
  if (ctx.shell.tools.nslookup === 'bind' && types.length === 0) return bindNslookup(ctx, host);
  if (ctx.shell.kind === 'pod' && ctx.shell.tools.nslookup === 'busybox-1.28' && types.length === 0) return oldNslookup(ctx, host);
  const server = reachableServer(ctx.shell);
  if (server === null) {
    // Every nameserver timed out (bind-utils prints this on stdout too, as busybox notes).
    ctx.out.out(';; connection timed out; no servers could be reached\n\n');
    ctx.notes.push('No DNS reply: a NetworkPolicy blocks UDP 53 from this pod to its nameserver (NP-14).');
    return 1;
  }
  const queries = planQueries(ctx, host, types);
  ctx.out.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  let exit = 0;
  let answered = 0;
  for (const q of queries) {
    const r = ask(ctx.shell, q.name, q.type);
    if (r.rcode !== 'NOERROR') {
      ctx.out.out(`** server can't find ${q.name}: ${r.rcode}\n\n`);
      exit = 1;
      continue;
    }
    answered += r.answers.length;
    if (!r.authoritative) ctx.out.out('Non-authoritative answer:\n');
    if (r.answers.length === 0) ctx.out.out(`*** Can't find ${q.name}: No answer\n`);
    for (const a of r.answers) {
      const owner = a.name.replace(/\.$/, '');
      if (a.type === 'A' || a.type === 'AAAA') {
        ctx.out.out(`Name:\t${owner}\nAddress: `);
        ctx.out.out(a.data, a.object);
        ctx.out.out('\n');
      } else if (a.type === 'CNAME') ctx.out.out(`${owner}\tcanonical name = ${a.data.replace(/\.$/, '')}\n`);
      else if (a.type === 'PTR') ctx.out.out(`${owner}\tname = ${a.data.replace(/\.$/, '')}\n`);
      else if (a.type === 'SRV') {
        const [p, w, port, target] = a.data.split(' ');
        ctx.out.out(`${owner}\tservice = ${p} ${w} ${port} ${(target ?? '').replace(/\.$/, '')}\n`);
      }
    }
    ctx.out.out('\n');
  }
  const viaResolver = exit && answered === 0 && host.includes('.') && !parseIP(host) ? lookupHost(ctx.shell, host) : undefined;
  if (viaResolver?.kind === 'address')
    ctx.notes.push(`busybox nslookup asks a name with a dot only as written; the pod's resolver (which wget and curl use) tries the search list and finds ${host} at ${viaResolver.ip}. Ask for the full name (${host}.svc.cluster.local for a Service in that namespace), or use busybox:1.28.`);
  else if (exit && answered > 0)
    ctx.notes.push('busybox nslookup exits with 1 when any of its questions gets NXDOMAIN, even when another one is answered.');
  return exit;
}

function planQueries(ctx: RunContext, host: string, types: RRType[]): { name: string; type: RRType }[] {
  const ip = parseIP(host);
  if (ip && types.length === 0) return [{ name: ptrName(host), type: 'PTR' }];
  const list = types.length ? types : (['A', 'AAAA'] as RRType[]);
  const search = searchList(ctx.shell);
  // add_query_with_search: PTR questions and names with a dot are asked as written.
  const names = (t: RRType) => (t === 'PTR' || host.includes('.') || search.length === 0 ? [host] : search.map((s) => `${host}.${s}`));
  return list.flatMap((t) => names(t).map((name) => ({ name, type: t })));
}

function ptrName(host: string): string {
  return `${host.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** busybox 1.28: getaddrinfo through the pod's resolver, then a reverse lookup of each address. */
function oldNslookup(ctx: RunContext, host: string): number {
  const server = ctx.shell.kind === 'pod' ? (reachableServer(ctx.shell) ?? '') : '';
  const shown = server || (ctx.shell.kind === 'pod' ? ctx.shell.sim.world.cluster.dnsServiceIP : '');
  const serverName = server ? reverseName(ctx.shell, server) : undefined;
  ctx.out.out(`${'Server:'.padEnd(10)} ${shown}\nAddress 1: ${shown}${serverName ? ` ${serverName}` : ''}\n\n`);
  const l = lookupHost(ctx.shell, host);
  if (l.kind !== 'address') {
    ctx.out.err(`nslookup: can't resolve '${host}'\n`);
    if (l.kind === 'timeout') ctx.notes.push('No DNS reply: a NetworkPolicy blocks UDP 53 from this pod to its nameserver (NP-14).');
    return 1;
  }
  ctx.out.out(`${'Name:'.padEnd(10)} ${host}\n`);
  l.addresses.forEach((a, n) => {
    const rev = reverseName(ctx.shell, a);
    ctx.out.out(`Address ${n + 1}: ${a}${rev ? ` ${rev}` : ''}\n`);
  });
  return 0;
}

/**
 * BIND's nslookup (bin/dig/nslookup.c, as in the dnsutils images): the resolver's search list and ndots
 * apply, `Address:\t%s#53`, one `Name:`/`Address:` pair per address, `** server can't find %s: NXDOMAIN`
 * (exit 1), and `;; connection timed out; no servers could be reached` when no server answers.
 */
function bindNslookup(ctx: RunContext, host: string): number {
  const server = reachableServer(ctx.shell);
  if (server === null) {
    ctx.out.out(';; connection timed out; no servers could be reached\n\n');
    ctx.notes.push('No DNS reply: a NetworkPolicy blocks UDP 53 from this pod to its nameserver (NP-14).');
    return 1;
  }
  ctx.out.out(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
  if (parseIP(host)) {
    const r = ask(ctx.shell, ptrName(host), 'PTR');
    if (r.rcode !== 'NOERROR' || r.answers.length === 0) {
      ctx.out.out(`** server can't find ${ptrName(host)}: NXDOMAIN\n\n`);
      return 1;
    }
    for (const a of r.answers) ctx.out.out(`${a.name.replace(/\.$/, '')}\tname = ${a.data}\n`);
    ctx.out.out('\n');
    return 0;
  }
  const l = lookupHost(ctx.shell, host);
  if (l.kind !== 'address') {
    ctx.out.out(`** server can't find ${host}: NXDOMAIN\n\n`);
    return 1;
  }
  const owner = resolvedName(ctx, host);
  if (owner.forwarded) ctx.out.out('Non-authoritative answer:\n');
  for (const ip of l.addresses) {
    ctx.out.out(`Name:\t${owner.name}\nAddress: `);
    ctx.out.out(ip, owner.object);
    ctx.out.out('\n');
  }
  ctx.out.out('\n');
  return 0;
}

/** The name the resolver found the address under (after the search list), and where it came from. */
function resolvedName(ctx: RunContext, host: string): { name: string; forwarded: boolean; object?: string } {
  const shell = ctx.shell;
  if (shell.kind === 'host') return { name: host, forwarded: true };
  const r = resolveIn(shell.sim, shell.pod.id, host, 'A');
  const a = r.answers.find((x) => x.type === 'A' || x.type === 'AAAA');
  return { name: (a?.name ?? host).replace(/\.$/, ''), forwarded: r.forwarded, ...(a?.object ? { object: a.object } : {}) };
}
