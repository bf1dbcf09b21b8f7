import type { DnsDocument } from '../../core/index';
import { UsageError } from '../io';
import { queryCommand } from '../query-command';

/**
 * `knet dns`: resolve a name as a pod's resolver would, showing its resolv.conf, every name tried with its
 * result, the answer section as dig prints it, and why.
 *
 * `rcode` is `NOERROR` or `NXDOMAIN`. Names outside the cluster zone go to a simulated upstream resolver
 * (`status: "FORWARDED"`, `forwarded: true`; DNS-12 [SIM]). The one exception: a lookup whose DNS traffic is
 * blocked gets no reply (`status: "TIMEOUT"`, `rcode: null`).
 */
export const dns = queryCommand('dns', {
  summary: "resolve a name as a pod's resolver and the cluster DNS would",
  usage:
    'knet dns <input>... [--from ns/pod | --from debug:NS [--debug-labels k=v,...]] NAME [--type A|AAAA|SRV|PTR|CNAME|TXT] [--json]\n' +
    '  --from debug:NS [--debug-labels k=v,...]: from a busybox-like debug pod started in namespace NS (labels run=debug unless given),\n  as `kubectl run debug -n NS --labels ...` would, so a scenario with no client pod can be debugged too.\n' +
    '  rcode is NOERROR or NXDOMAIN; null only with status TIMEOUT (a policy blocks the DNS traffic, so no reply).\n' +
    '  Names outside the cluster zone are answered by a simulated upstream resolver [SIM]: hosts of the Ingresses and\n' +
    '  Gateways → their load-balancer address, example.com/.net/.org (and www.) → 192.0.2.10 (RFC 5737), else NXDOMAIN.',
  flags: ['from', 'type', 'debug-labels'],
  positional: (words) => {
    if (words.length < 2) throw new UsageError('give the input and the NAME to resolve: knet dns <input> --from ns/pod NAME');
    return { inputs: words.slice(0, -1), args: { name: words[words.length - 1]! } };
  },
  human: (r, io) => human(r, io.isTTY),
});

function human(r: DnsDocument, tty: boolean): string {
  const dim = (s: string) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
  const bold = (s: string) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
  const color = (status: string, s: string) =>
    !tty ? s : status === 'NOERROR' ? `\x1b[32m${s}\x1b[0m` : status === 'NODATA' || status === 'FORWARDED' ? `\x1b[33m${s}\x1b[0m` : `\x1b[31m${s}\x1b[0m`;
  const out: string[] = [];
  out.push(bold(`;; ${r.query.name} ${r.query.type}${r.from ? ` from ${r.from}` : ' (fully qualified, no client pod)'}`));
  if (r.resolvConf) {
    const rc = r.resolvConf;
    out.push('', dim(`;; /etc/resolv.conf (dnsPolicy ${rc.policy}):`));
    const file = [...rc.nameservers.map((n) => `nameserver ${n}`), ...(rc.searches.length ? [`search ${rc.searches.join(' ')}`] : []), ...(rc.options.length ? [`options ${rc.options.join(' ')}`] : [])];
    out.push(...file.map((l) => `   ${l}`));
    for (const t of rc.truncated ?? []) out.push(dim(`   ; dropped by the kubelet: ${t}`));
  }
  out.push('', dim(`;; names tried, in order (nameserver ${r.nameserver}):`));
  const width = Math.max(...r.attempts.map((t) => t.name.length));
  r.attempts.forEach((t, i) => {
    out.push(`   ${i + 1}. ${t.name.padEnd(width)}  ${color(t.status, t.status.padEnd(9))} ${dim(t.reason)}`);
  });
  out.push('', dim(';; ANSWER SECTION:'));
  if (r.answers.length === 0) out.push(dim('   (none)'));
  for (const a of r.answers) out.push(`${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}${a.extension ? dim('   ; CoreDNS extension, not in the DNS spec') : ''}`);
  const rcode = r.rcode ?? 'no reply (timed out)';
  out.push('', `${bold(';; status:')} ${color(r.status, r.status)}   rcode: ${rcode}`);
  out.push(`${bold(';; why:')} ${r.reason}`);
  if (r.hint) out.push(`${bold(';; hint:')} ${r.hint}`);
  out.push(dim(`;; assumed: ${r.assumptions.join(', ')}`));
  return out.join('\n') + '\n';
}
