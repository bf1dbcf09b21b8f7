import { describe, expect, it } from 'vitest';
import { transcriptOf, type Transcript } from '../testing';

/**
 * busybox wget transcripts, written from busybox networking/wget.c: `Connecting to %s (%s)` on stderr
 * unless -q; `bad address '%s'` when the name does not resolve (xhost2sockaddr); `can't connect to remote
 * host (%s): Connection refused` (xconnect); `download timed out` when -T SEC runs out; `server returned
 * error: %s` for a status other than 2xx/3xx; `-S` prints each response line indented by two blanks;
 * `saving to '%s'` / `writing to stdout` and the progress line, then `'%s' saved` / `written to stdout`.
 * Pods answer with their name (the serve-hostname convention, see `help`).
 */
const progress = (name: string, size: number) => `${name.padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;

const ROWS: Transcript[] = [
  ['-qO- prints the body only', 'wget -qO- -T 2 http://api.shop', undefined, 0, 'api-0\n', ''],
  [
    'without -q: the connection and the file saved',
    'wget http://api.shop',
    undefined,
    0,
    '',
    `Connecting to api.shop (10.96.100.10:80)\nsaving to 'index.html'\n${progress('index.html', 6)}'index.html' saved\n`,
  ],
  [
    '-S prints the response headers',
    'wget -S -O- http://web.shop',
    undefined,
    0,
    'web\n',
    `Connecting to web.shop (10.96.100.40:80)\n  HTTP/1.1 200 OK\n  Date: Thu, 01 Jan 2026 12:05:00 GMT\n  Content-Type: text/plain; charset=utf-8\n  Content-Length: 4\nwriting to stdout\n${progress('-', 4)}written to stdout\n`,
  ],
  ['a NetworkPolicy drops the packets: -T ends the wait', 'wget -qO- -T 2 http://db.shop:5432', undefined, 1, '', 'wget: download timed out\n'],
  ['without -T the kernel gives up', 'wget -q -O- http://db.shop:5432', 'shop/web', 1, '', "wget: can't connect to remote host (10.96.100.20): Connection timed out\n"],
  ['a Service without endpoints: kube-proxy rejects', 'wget -qO- http://orphan.shop', undefined, 1, '', "wget: can't connect to remote host (10.96.100.30): Connection refused\n"],
  ['a name that does not resolve', 'wget -qO- http://nope', undefined, 1, '', "wget: bad address 'nope'\n"],
  ['DNS blocked by a policy: the lookup fails', 'wget -qO- -T 2 http://api.shop', 'shop/isolated', 1, '', "wget: bad address 'api.shop'\n"],
  ['an Ingress path whose Service has no endpoints: 503', 'wget -qO- http://shop.example.com/gone', undefined, 1, '', 'wget: server returned error: HTTP/1.1 503 Service Temporarily Unavailable\n'],
  ['through the Ingress to a pod', 'wget -qO- http://shop.example.com/api', undefined, 0, 'api-0\n', ''],
  ['a URL of another scheme', 'wget gopher://x.example.com', undefined, 1, '', 'wget: not an http or ftp url: gopher://x.example.com\n'],
  ['no scheme is http; --spider only checks (the Declare Network Policy walk-through)', 'wget --spider --timeout=1 web.shop', undefined, 0, '', 'Connecting to web.shop (10.96.100.40:80)\nremote file exists\n'],
  ['--spider, dropped by a policy', 'wget --spider --timeout=1 db.shop:5432', undefined, 1, '', 'Connecting to db.shop (10.96.100.20:5432)\nwget: download timed out\n'],
  ['an unknown option', 'wget --bogus http://api', undefined, 1, '', "wget: unrecognized option '--bogus'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n"],
];

describe('wget (busybox)', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });
});
