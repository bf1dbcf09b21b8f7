/**
 * curl 8 (src/tool_getparam.c, lib/connect.c, lib/multi.c, lib/strerror.c): errors are `curl: (N) text` on
 * stderr and the exit status is N: (6) Could not resolve host, (7) Failed to connect ... Couldn't connect to
 * server (a refused connection; `-v` shows `Connection refused`), (28) a timeout (`--max-time`: Connection
 * timed out after N milliseconds; Resolving timed out when DNS gets no answer), (22) with `-f` on HTTP
 * >= 400, (60) for an untrusted certificate. `-s` hides errors unless `-S`. `-v` traces the connection
 * on stderr (`*` notes, `>` request and `<` response headers). The terminal is a TTY: no progress meter.
 */
import { attempt, type Attempt } from '../network';
import { getopt, isError } from '../getopt';
import { FIXED } from '../fixed';
import { recordTrace, type RunContext } from '../run-context';
import { responseOf, type HttpResponse } from './http';

const SPEC = {
  short: { s: 'silent', S: 'show-error', v: 'verbose', I: 'head', i: 'include', H: 'header:', X: 'request:', m: 'max-time:', o: 'output:', L: 'location', k: 'insecure', f: 'fail', A: 'user-agent:', '4': 'ipv4' },
  long: {
    silent: 'silent', 'show-error': 'show-error', verbose: 'verbose', head: 'head', include: 'include', header: 'header:', request: 'request:', 'max-time': 'max-time:',
    'connect-timeout': 'connect-timeout:', output: 'output:', location: 'location', insecure: 'insecure', fail: 'fail', 'user-agent': 'user-agent:', ipv4: 'ipv4',
  },
};

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** Linux gives up on a connection that gets no answer after about two minutes (tcp_syn_retries 6). */
const KERNEL_TIMEOUT_MS = 133_873;
/** glibc's resolver gives up after 2 attempts of 5 s. */
const RESOLVER_TIMEOUT_MS = 10_000;

export function curl(ctx: RunContext, args: string[]): number {
  const p = getopt(args, SPEC);
  if (isError(p)) {
    ctx.out.err('unknown' in p ? `curl: option ${p.unknown}: is unknown\n${TRY}` : `curl: option ${p.missing}: requires parameter\n${TRY}`);
    return 2;
  }
  const has = (k: string) => p.opts.has(k);
  const val = (k: string) => p.opts.get(k)?.at(-1);
  const raw = p.operands[0];
  if (!raw) {
    ctx.out.err(`curl: no URL specified\n${TRY}`);
    return 2;
  }
  const maxTime = val('max-time') ?? val('connect-timeout');
  if (maxTime !== undefined && !/^\d+(\.\d+)?$/.test(maxTime)) {
    ctx.out.err(`curl: option --max-time: expected a proper numerical parameter\n${TRY}`);
    return 2;
  }
  const showErrors = !has('silent') || has('show-error');
  const verbose = has('verbose');
  const method = val('request') ?? (has('head') ? 'HEAD' : 'GET');
  const headers = (p.opts.get('header') ?? []).map((h): [string, string] => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]);
  const fail = (code: number, text: string) => {
    if (verbose) ctx.out.err(`* ${text}\n* closing connection #0\n`);
    if (showErrors) ctx.out.err(`curl: (${code}) ${text}\n`);
    return code;
  };
  let url = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
  for (let hop = 0; hop < 50; hop++) {
    const host = /^[a-z]+:\/\/([^/:?#]+|\[[^\]]+\])/i.exec(url)?.[1] ?? '';
    const a = attempt(ctx.shell, { url, method, headers });
    if ('error' in a) return fail(3, `URL rejected: ${a.error}`);
    recordTrace(ctx, a);
    const note = () => a.trace && a.trace.verdict !== 'delivered' && ctx.notes.push(a.trace.summary);
    if (a.lookup.kind === 'timeout' && maxTime !== undefined && Number(maxTime) * 1000 < RESOLVER_TIMEOUT_MS) {
      note();
      return fail(28, `Resolving timed out after ${ms(maxTime)} milliseconds`);
    }
    if (a.lookup.kind !== 'address') {
      note();
      return fail(6, `Could not resolve host: ${host}`);
    }
    if (verbose) tryLines(ctx, a, host);
    const c = a.connection;
    if (c.kind !== 'open') {
      note();
      const local = ctx.shell.kind === 'pod' ? (ctx.shell.pod.ips[0] ?? '') : '';
      if (c.kind === 'refused') {
        if (verbose) ctx.out.err(`* connect to ${a.lookup.ip} port ${a.port} from ${local} port ${FIXED.localPort} failed: Connection refused\n`);
        return fail(7, `Failed to connect to ${host} port ${a.port} after 1 ms: Couldn't connect to server`);
      }
      if (maxTime !== undefined) return fail(28, `Connection timed out after ${ms(maxTime) + 1} milliseconds`);
      if (verbose) ctx.out.err(`* connect to ${a.lookup.ip} port ${a.port} from ${local} port ${FIXED.localPort} failed: Connection timed out\n`);
      return fail(28, `Failed to connect to ${host} port ${a.port} after ${KERNEL_TIMEOUT_MS} ms: Couldn't connect to server`);
    }
    if (url.toLowerCase().startsWith('https:') && !has('insecure'))
      return ctx.notes.push('The simulated certificates are not trusted by the client: add -k (--insecure).'), fail(60, 'SSL certificate problem: self-signed certificate');
    if (verbose) ctx.out.err(`* Connected to ${host} (${a.lookup.ip}) port ${a.port}\n`);
    const res = responseOf(c, method);
    if (verbose) requestLines(ctx, method, host, a.port, url, headers, val('user-agent'));
    if (verbose) {
      ctx.out.err(`< HTTP/1.1 ${res.status} ${res.reason}\r\n`);
      for (const [k, v] of res.headers) ctx.out.err(`< ${k}: ${v}\r\n`);
      ctx.out.err('< \r\n');
    }
    if (has('location') && res.location && res.status >= 300 && res.status < 400) {
      if (verbose) ctx.out.err(`* Ignoring the response-body\n* Connection #0 to host ${host} left intact\n* Issue another request to this URL: '${res.location}'\n`);
      url = res.location;
      continue;
    }
    if (has('fail') && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`);
    write(ctx, res, has('head') || has('include'), val('output'));
    if (verbose) ctx.out.err(`* Connection #0 to host ${host} left intact\n`);
    return 0;
  }
  return fail(47, 'Maximum (50) redirects followed');
}

function ms(seconds: string): number {
  return Math.round(Number(seconds) * 1000);
}

function tryLines(ctx: RunContext, a: Attempt, host: string): void {
  if (a.lookup.kind !== 'address') return;
  if (!a.lookup.literal) {
    const v4 = a.lookup.addresses.filter((x) => !x.includes(':'));
    const v6 = a.lookup.addresses.filter((x) => x.includes(':'));
    ctx.out.err(`* Host ${host}:${a.port} was resolved.\n* IPv6: ${v6.join(', ') || '(none)'}\n* IPv4: ${v4.join(', ') || '(none)'}\n`);
  }
  ctx.out.err(`*   Trying ${a.lookup.ip.includes(':') ? `[${a.lookup.ip}]` : a.lookup.ip}:${a.port}...\n`);
}

function requestLines(ctx: RunContext, method: string, host: string, port: number, url: string, headers: [string, string][], agent?: string): void {
  const path = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '') || '/';
  const defaultPort = url.toLowerCase().startsWith('https:') ? 443 : 80;
  const given = new Set(headers.map(([k]) => k.toLowerCase()));
  ctx.out.err(`* using HTTP/1.x\n> ${method} ${path.startsWith('/') ? path : `/${path}`} HTTP/1.1\r\n`);
  if (!given.has('host')) ctx.out.err(`> Host: ${host}${port === defaultPort ? '' : `:${port}`}\r\n`);
  if (!given.has('user-agent')) ctx.out.err(`> User-Agent: ${agent ?? `curl/${FIXED.curlVersion}`}\r\n`);
  if (!given.has('accept')) ctx.out.err('> Accept: */*\r\n');
  for (const [k, v] of headers) ctx.out.err(`> ${k}: ${v}\r\n`);
  ctx.out.err('> \r\n* Request completely sent off\n');
}

function write(ctx: RunContext, res: HttpResponse, withHeaders: boolean, output: string | undefined): void {
  if (withHeaders) {
    ctx.out.out(`HTTP/1.1 ${res.status} ${res.reason}\r\n`);
    for (const [k, v] of res.headers) ctx.out.out(`${k}: ${v}\r\n`);
    ctx.out.out('\r\n');
  }
  if (output !== undefined && output !== '-') return;
  ctx.out.out(res.body, res.pod);
}
