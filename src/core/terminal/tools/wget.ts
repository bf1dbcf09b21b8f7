/**
 * busybox wget (networking/wget.c): `Connecting to HOST (IP:PORT)` on stderr unless `-q`; a name that does
 * not resolve is `wget: bad address 'HOST'`; a refused connection `wget: can't connect to remote host (IP):
 * Connection refused`; with `-T SEC` a connection that gets no answer is `wget: download timed out`
 * (without it, the kernel gives up: `Connection timed out`); a status other than 2xx/3xx is
 * `wget: server returned error: HTTP/1.1 404 Not Found`; redirects are followed. `-S` prints the response
 * headers on stderr, indented by two blanks; `--spider` only checks (`remote file exists`). A URL without a
 * scheme is http. Every failure exits 1.
 */
import { attempt } from '../network';
import { getopt, isError } from '../getopt';
import { recordTrace, type RunContext } from '../run-context';
import { BUSYBOX_BANNER } from './nslookup';
import { responseOf } from './http';
import { utf8Length } from '../output';

const SPEC = {
  short: { q: 'quiet', O: 'output:', S: 'server-response', T: 'timeout:', U: 'user-agent:', s: 'spider', c: 'continue', P: 'prefix:', Y: 'proxy:', t: 'tries:' },
  long: { quiet: 'quiet', 'output-document': 'output:', 'server-response': 'server-response', timeout: 'timeout:', 'user-agent': 'user-agent:', spider: 'spider', header: 'header:', 'no-check-certificate': 'insecure', tries: 'tries:' },
  eqValues: true,
};

function usage(ctx: RunContext): number {
  ctx.out.err(
    `${BUSYBOX_BANNER}\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`,
  );
  return 1;
}

export function wget(ctx: RunContext, args: string[]): number {
  const p = getopt(args, SPEC);
  if (isError(p)) {
    ctx.out.err('unknown' in p ? `wget: unrecognized option '${p.unknown.replace(/^-(?!-)/, '')}'\n` : `wget: option requires an argument -- '${p.missing.replace(/^-+/, '')}'\n`);
    return usage(ctx);
  }
  const url = p.operands[0];
  if (!url) return usage(ctx);
  const quiet = p.opts.has('quiet');
  const output = p.opts.get('output')?.[0];
  const timeout = p.opts.get('timeout')?.[0];
  const headers = (p.opts.get('header') ?? []).map((h): [string, string] => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]);
  // Without a scheme busybox falls back to http://, as GNU wget does (parse_url).
  let target = url.includes('://') ? url : `http://${url}`;
  for (let hop = 0; hop < 5; hop++) {
    if (!/^https?:\/\//i.test(target)) {
      ctx.out.err(`wget: not an http or ftp url: ${target}\n`);
      return 1;
    }
    const host = /^[a-z]+:\/\/([^/:?#]+|\[[^\]]+\])/i.exec(target)?.[1] ?? '';
    const a = attempt(ctx.shell, { url: target, headers });
    if ('error' in a) {
      ctx.out.err(`wget: ${a.error}\n`);
      return 1;
    }
    recordTrace(ctx, a);
    if (a.lookup.kind !== 'address') {
      ctx.out.err(`wget: bad address '${host}'\n`);
      if (a.trace && a.trace.verdict !== 'delivered') ctx.notes.push(a.trace.summary);
      return 1;
    }
    if (!quiet) ctx.out.err(`Connecting to ${host} (${a.lookup.ip}:${a.port})\n`);
    const c = a.connection;
    if (c.kind === 'refused' || c.kind === 'timeout' || c.kind !== 'open') {
      if (a.trace) ctx.notes.push(a.trace.summary);
      if (c.kind === 'refused') ctx.out.err(`wget: can't connect to remote host (${a.lookup.ip}): Connection refused\n`);
      else if (timeout !== undefined) ctx.out.err('wget: download timed out\n');
      else ctx.out.err(`wget: can't connect to remote host (${a.lookup.ip}): Connection timed out\n`);
      return 1;
    }
    const res = responseOf(c, p.opts.has('spider') ? 'HEAD' : 'GET');
    if (p.opts.has('server-response')) {
      ctx.out.err(`  HTTP/1.1 ${res.status} ${res.reason}\n`);
      for (const [k, v] of res.headers) ctx.out.err(`  ${k}: ${v}\n`);
    }
    if (res.status >= 300 && res.status < 400 && res.location) {
      target = res.location;
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      ctx.out.err(`wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n`);
      return 1;
    }
    if (p.opts.has('spider')) {
      if (!quiet) ctx.out.err('remote file exists\n');
      return 0;
    }
    const toStdout = output === '-';
    const file = output ?? (/\/([^/?#]+)(?:[?#].*)?$/.exec(target.replace(/^[a-z]+:\/\/[^/]*/i, ''))?.[1] || 'index.html');
    if (!quiet) ctx.out.err(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
    if (toStdout) ctx.out.out(res.body, res.pod);
    if (!quiet) {
      const size = utf8Length(res.body);
      ctx.out.err(`${(toStdout ? '-' : file).slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`);
      ctx.out.err(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
    }
    return 0;
  }
  ctx.out.err('wget: too many redirections\n');
  return 1;
}
