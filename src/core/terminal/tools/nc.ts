/**
 * busybox nc (networking/nc_bloaty.c, `nc_main`): `-z` connects and closes, `-v` reports
 * `HOST (IP:PORT) open` on stderr; a refused connection is reported only at `-vv` (`nc: HOST (IP:PORT):
 * Connection refused`), any other failure at `-v` (with `-w SEC` the wait ends in `Connection timed out`).
 * Exit status 0 when open, 1 otherwise. A name that does not resolve is `nc: bad address 'HOST'`.
 */
import { attempt } from '../network';
import { getopt, isError } from '../getopt';
import { recordTrace, type RunContext } from '../run-context';
import { BUSYBOX_BANNER } from './nslookup';

const SPEC = { short: { z: 'zero', v: 'verbose', w: 'wait:', n: 'numeric', u: 'udp', i: 'interval:', p: 'port:', s: 'source:' }, long: {} };

function usage(ctx: RunContext): number {
  ctx.out.err(`${BUSYBOX_BANNER}\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n`);
  return 1;
}

export function nc(ctx: RunContext, args: string[]): number {
  const p = getopt(args, SPEC);
  if (isError(p)) {
    ctx.out.err('unknown' in p ? `nc: invalid option -- '${p.unknown.replace(/^-+/, '')}'\n` : `nc: option requires an argument -- '${p.missing.replace(/^-+/, '')}'\n`);
    return usage(ctx);
  }
  const [host, portText] = p.operands;
  if (!host || !portText || p.operands.length > 2) return usage(ctx);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    ctx.out.err(`nc: bad port '${portText}'\n`);
    return 1;
  }
  if (p.opts.has('udp')) {
    ctx.out.err('nc: UDP probes are not simulated in this terminal (a UDP "open" only means no ICMP error came back)\n');
    return 1;
  }
  const verbose = p.opts.get('verbose')?.length ?? 0;
  const a = attempt(ctx.shell, { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/` });
  if ('error' in a) {
    ctx.out.err(`nc: ${a.error}\n`);
    return 1;
  }
  recordTrace(ctx, a);
  if (a.lookup.kind !== 'address') {
    ctx.out.err(`nc: bad address '${host}'\n`);
    if (a.trace && a.trace.verdict !== 'delivered') ctx.notes.push(a.trace.summary);
    return 1;
  }
  const dotted = `${a.lookup.ip}:${port}`;
  const c = a.connection;
  if (c.kind === 'open') {
    if (verbose) ctx.out.err(`${host} (${dotted}) open\n`);
    if (!p.opts.has('zero')) ctx.notes.push('The connection is open; nc would now wait for input, which this terminal does not simulate (use -z).');
    return 0;
  }
  if (a.trace) ctx.notes.push(a.trace.summary);
  if (c.kind === 'refused') {
    if (verbose > 1) ctx.out.err(`nc: ${host} (${dotted}): Connection refused\n`);
    return 1;
  }
  if (verbose) ctx.out.err(`nc: ${host} (${dotted}): Connection timed out\n`);
  return 1;
}
