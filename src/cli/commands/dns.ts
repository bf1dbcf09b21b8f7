import { formatResolvConf, reachDNS, resolve, simulate, type DNSRecord, type ResolveResult, type RRType } from '../../core/index';
import { one, parseArgs } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../io';
import { loadInputs } from '../input';
import { warnUnread } from '../report';

const TYPES: RRType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT'];

/**
 * `knet dns`: resolve a name as a pod's resolver would, showing its resolv.conf, every name tried
 * with its result, the answer section as dig prints it, and why (§3).
 *
 * `rcode` is `NOERROR` or `NXDOMAIN` as the contract says. Names outside the cluster zone go to a simulated
 * upstream resolver (`status: "FORWARDED"`, `forwarded: true`; DNS-12 [SIM]: the hosts of the cluster's
 * Ingresses and Gateways → their load-balancer address, example.com/.net/.org → 192.0.2.10, else NXDOMAIN).
 * The one exception: a lookup whose DNS traffic is blocked gets no reply (`status: "TIMEOUT"`, `rcode: null`).
 */
export const dns: Command = {
  name: 'dns',
  summary: "resolve a name as a pod's resolver and the cluster DNS would",
  usage:
    'knet dns <input>... [--from ns/pod] NAME [--type A|AAAA|SRV|PTR|CNAME|TXT] [--json]\n' +
    '  rcode is NOERROR or NXDOMAIN; null only with status TIMEOUT (a policy blocks the DNS traffic, so no reply).\n' +
    '  Names outside the cluster zone are answered by a simulated upstream resolver [SIM]: hosts of the Ingresses and\n' +
    '  Gateways → their load-balancer address, example.com/.net/.org (and www.) → 192.0.2.10 (RFC 5737), else NXDOMAIN.',
  async run(argv, io) {
    const args = parseArgs(argv, ['from', 'type']);
    if (args.inputs.length < 2) throw new UsageError('give the input and the NAME to resolve: knet dns <input> --from ns/pod NAME');
    const name = args.inputs[args.inputs.length - 1]!;
    const typeText = (one(args, 'type') ?? 'A').toUpperCase();
    if (!TYPES.includes(typeText as RRType)) throw new UsageError(`--type must be one of ${TYPES.join(', ')}`);
    const type = typeText as RRType;
    const from = one(args, 'from');
    const files = await loadInputs(args.inputs.slice(0, -1), io);
    const sim = simulate(files);
    warnUnread(sim, files, io);
    // DNS needs the network: a pod whose egress policy blocks UDP 53 to the DNS server times out (NP-14).
    const r = resolve(sim, { name, type, ...(from !== undefined ? { from } : {}) }, reachDNS(sim));
    if (r.error) throw new InputError(r.error.message);
    if (args.json) io.out(JSON.stringify(toJSON(r), null, 2) + '\n');
    else io.out(human(r, io.isTTY));
    return EXIT.OK;
  },
};

function toJSON(r: ResolveResult) {
  return {
    query: { name: r.query.name, type: r.query.type },
    from: r.query.from,
    resolvConf: r.resolvConf && {
      nameservers: r.resolvConf.nameservers,
      searches: r.resolvConf.searches,
      options: r.resolvConf.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)),
      ndots: r.resolvConf.ndots,
      policy: r.resolvConf.policy,
    },
    nameserver: r.nameserver,
    tried: r.tried.map((t) => t.name),
    attempts: r.tried.map((t) => ({ name: t.name, status: t.status, rcode: t.rcode, rule: t.rule, reason: t.reason })),
    rcode: r.rcode,
    status: r.status,
    forwarded: r.forwarded,
    answers: r.answers.map((a) => ({
      name: a.name,
      type: a.type,
      ttl: a.ttl,
      data: a.data,
      source: a.source,
      extension: a.extension,
      ...(a.object ? { object: a.object } : {}),
    })),
    reason: r.reason,
    ...(r.hint ? { hint: r.hint } : {}),
    assumptions: r.assumptions,
  };
}

function human(r: ResolveResult, tty: boolean): string {
  const dim = (s: string) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
  const bold = (s: string) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
  const color = (status: string, s: string) =>
    !tty
      ? s
      : status === 'NOERROR'
        ? `\x1b[32m${s}\x1b[0m`
        : status === 'NODATA' || status === 'FORWARDED'
          ? `\x1b[33m${s}\x1b[0m`
          : `\x1b[31m${s}\x1b[0m`;
  const out: string[] = [];
  out.push(bold(`;; ${r.query.name} ${r.query.type}${r.query.from ? ` from ${r.query.from}` : ' (fully qualified, no client pod)'}`));
  if (r.resolvConf) {
    out.push('', dim(`;; /etc/resolv.conf (dnsPolicy ${r.resolvConf.policy}):`));
    out.push(
      ...formatResolvConf(r.resolvConf)
        .split('\n')
        .map((l) => `   ${l}`),
    );
    for (const t of r.resolvConf.truncated) out.push(dim(`   ; dropped by the kubelet: ${t}`));
  }
  out.push('', dim(`;; names tried, in order (nameserver ${r.nameserver}):`));
  const width = Math.max(...r.tried.map((t) => t.name.length));
  r.tried.forEach((t, i) => {
    out.push(`   ${i + 1}. ${t.name.padEnd(width)}  ${color(t.status, t.status.padEnd(9))} ${dim(t.reason)}`);
  });
  out.push('', dim(';; ANSWER SECTION:'));
  if (r.answers.length === 0) out.push(dim('   (none)'));
  for (const a of r.answers) out.push(`${zoneLine(a)}${a.extension ? dim('   ; CoreDNS extension, not in the DNS spec') : ''}`);
  const rcode = r.rcode ?? 'no reply (timed out)';
  out.push('', `${bold(';; status:')} ${color(r.status, r.status)}   rcode: ${rcode}`);
  out.push(`${bold(';; why:')} ${r.reason}`);
  if (r.hint) out.push(`${bold(';; hint:')} ${r.hint}`);
  out.push(dim(`;; assumed: ${r.assumptions.join(', ')}`));
  return out.join('\n') + '\n';
}

function zoneLine(a: DNSRecord): string {
  return `${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`;
}
