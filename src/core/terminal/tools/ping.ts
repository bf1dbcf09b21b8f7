/**
 * busybox ping (networking/ping.c): `PING HOST (IP): 56 data bytes`, one line per reply, then the
 * statistics; exit status 0 when a reply came back, 1 otherwise. Whether an echo is answered is the
 * NetworkPolicy engine's ICMP verdict (NP-13); a Service's virtual IP never answers (kube-proxy forwards
 * TCP, UDP and SCTP only). Without `-c` ping runs until Ctrl+C: the terminal stops it after 4 echoes.
 */
import { check as checkConnection } from '../../controllers/netpol/index';
import { getopt, isError } from '../getopt';
import { clientPeerOf, lookupHost } from '../network';
import type { RunContext } from '../run-context';
import { BUSYBOX_BANNER } from './nslookup';

const SPEC = { short: { c: 'count:', W: 'timeout:', w: 'deadline:', q: 'quiet', s: 'size:', i: 'interval:', '4': 'ipv4' }, long: {} };
const TIMES = [0.071, 0.088, 0.093, 0.079, 0.084, 0.09];

export function ping(ctx: RunContext, args: string[]): number {
  const p = getopt(args, SPEC);
  if (isError(p) || p.operands.length !== 1) {
    if (isError(p)) ctx.out.err('unknown' in p ? `ping: invalid option -- '${p.unknown.replace(/^-+/, '')}'\n` : `ping: option requires an argument -- '${p.missing.replace(/^-+/, '')}'\n`);
    ctx.out.err(`${BUSYBOX_BANNER}\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n`);
    return 1;
  }
  const host = p.operands[0]!;
  const countText = p.opts.get('count')?.[0];
  const count = countText === undefined ? 4 : Number(countText);
  if (!Number.isInteger(count) || count < 1) {
    ctx.out.err(`ping: invalid number '${countText}'\n`);
    return 1;
  }
  const l = lookupHost(ctx.shell, host);
  if (l.kind !== 'address') {
    ctx.out.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const answered = echoAnswered(ctx, l.ip);
  const w = ctx.shell.sim.world;
  const target = w.pods.find((x) => !x.hostNetwork && x.ips.includes(l.ip));
  const src = ctx.shell.kind === 'pod' ? ctx.shell.pod : undefined;
  ctx.touched = [src?.id, target?.id].filter((x): x is string => !!x);
  const ttl = src && target && src.nodeName === target.nodeName ? 64 : 63;
  ctx.out.out(`PING ${host} (${l.ip}): 56 data bytes\n`);
  if (answered && !p.opts.has('quiet')) for (let s = 0; s < count; s++) ctx.out.out(`64 bytes from ${l.ip}: seq=${s} ttl=${ttl} time=${TIMES[s % TIMES.length]!.toFixed(3)} ms\n`);
  if (countText === undefined) ctx.out.out('^C\n');
  const received = answered ? count : 0;
  ctx.out.out(`\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${received ? 0 : 100}% packet loss\n`);
  if (received) {
    const times = Array.from({ length: count }, (_, s) => TIMES[s % TIMES.length]!);
    const avg = times.reduce((a, b) => a + b, 0) / times.length;
    ctx.out.out(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`);
  }
  return received ? 0 : 1;
}

/** Does an ICMP echo to `ip` come back? Unknown destinations (a Service IP, outside the cluster) stay silent. */
function echoAnswered(ctx: RunContext, ip: string): boolean {
  const sim = ctx.shell.sim;
  if (ctx.shell.kind === 'host') return false;
  const vip = sim.world.services.find((s) => s.clusterIPs.includes(ip) || s.loadBalancerIPs.includes(ip) || s.externalIPs.includes(ip));
  if (vip) {
    ctx.notes.push(`${ip} is the virtual IP of Service ${vip.namespace}/${vip.name}: kube-proxy forwards TCP, UDP and SCTP only, so nothing answers a ping (use nc -zv or wget to test the Service).`);
    return false;
  }
  const known = sim.world.pods.some((x) => x.ips.includes(ip)) || sim.world.nodes.some((n) => n.addresses.includes(ip));
  const r = checkConnection(sim.world, sim.options, { from: clientPeerOf(ctx.shell), to: { kind: 'ip', ip }, port: 0, protocol: 'ICMP' }, sim.policies);
  if (!r.ok) {
    ctx.notes.push(`No reply: ${r.error}.`);
    return false;
  }
  if (!known) {
    ctx.notes.push(`${ip} is outside the cluster; what answers there is not simulated.`);
    return false;
  }
  if (r.result.verdict !== 'allowed') ctx.notes.push(r.result.reason);
  return r.result.verdict === 'allowed';
}
