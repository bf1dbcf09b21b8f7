import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../../simulate';
import { runCommand } from '../run';
import { transcriptOf, type Transcript } from '../testing';

/**
 * curl 8 transcripts, written from curl's sources: src/tool_msgs.c/tool_operate.c print `curl: (%d) %s`
 * with the error buffer and exit with that code unless -s hides it (-S shows it again); lib/connect.c
 * `Failed to connect to %s port %u after %d ms: %s` with curl_easy_strerror (`Couldn't connect to server`)
 * and, under -v, `connect to %s port %u from %s port %u failed: %s` (strerror: `Connection refused`);
 * lib/multi.c `Connection timed out after %d milliseconds` and `Resolving timed out after %d
 * milliseconds` when --max-time runs out; lib/hostip.c `Could not resolve host: %s` (6); -f: `The requested
 * URL returned error: %d` (22); -v writes `* ` notes, `> ` request and `< ` response lines on stderr.
 */
const nginx503 = '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const ROWS: Transcript[] = [
  ['a Service answers through kube-proxy', 'curl -sS http://api.shop', undefined, 0, 'api-0\n', ''],
  ['(6) the name does not resolve', 'curl http://nope', undefined, 6, '', 'curl: (6) Could not resolve host: nope\n'],
  ['-s hides the error, the status stays', 'curl -s http://nope', undefined, 6, '', ''],
  ['(7) refused: a Service without endpoints', 'curl -sS http://orphan.shop', undefined, 7, '', "curl: (7) Failed to connect to orphan.shop port 80 after 1 ms: Couldn't connect to server\n"],
  ['(28) a NetworkPolicy drops the packets: --max-time ends the wait', 'curl -sS --max-time 2 http://db.shop:5432', undefined, 28, '', 'curl: (28) Connection timed out after 2001 milliseconds\n'],
  ['(28) DNS blocked: resolving times out first', 'curl -sS -m 3 http://api.shop', 'shop/isolated', 28, '', 'curl: (28) Resolving timed out after 3000 milliseconds\n'],
  ['(6) DNS blocked, no --max-time: the resolver gives up', 'curl -sS http://api.shop', 'shop/isolated', 6, '', 'curl: (6) Could not resolve host: api.shop\n'],
  ['an Ingress answers 503 itself: curl exits 0', 'curl -sS http://shop.example.com/gone', undefined, 0, nginx503, ''],
  ['(22) -f fails on HTTP errors', 'curl -sSf http://shop.example.com/gone', undefined, 22, '', 'curl: (22) The requested URL returned error: 503\n'],
  [
    '-I: the response headers of a HEAD request',
    'curl -I -H "Host: shop.example.com" http://172.18.255.200/api',
    undefined,
    0,
    'HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Thu, 01 Jan 2026 12:05:00 GMT\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 6\r\nConnection: keep-alive\r\n\r\n',
    '',
  ],
  [
    '-v: the connection, the request and the response',
    'curl -v http://web.shop/',
    'shop/api-0',
    0,
    'web\n',
    '* Host web.shop:80 was resolved.\n* IPv6: (none)\n* IPv4: 10.96.100.40\n*   Trying 10.96.100.40:80...\n* Connected to web.shop (10.96.100.40) port 80\n* using HTTP/1.x\n> GET / HTTP/1.1\r\n> Host: web.shop\r\n> User-Agent: curl/8.11.1\r\n> Accept: */*\r\n> \r\n* Request completely sent off\n< HTTP/1.1 200 OK\r\n< Date: Thu, 01 Jan 2026 12:05:00 GMT\r\n< Content-Type: text/plain; charset=utf-8\r\n< Content-Length: 4\r\n< \r\n* Connection #0 to host web.shop left intact\n',
  ],
  [
    '-v on a refused connection shows the kernel error',
    'curl -v http://orphan.shop',
    'shop/web',
    7,
    '',
    "* Host orphan.shop:80 was resolved.\n* IPv6: (none)\n* IPv4: 10.96.100.30\n*   Trying 10.96.100.30:80...\n* connect to 10.96.100.30 port 80 from 10.244.1.10 port 41234 failed: Connection refused\n* Failed to connect to orphan.shop port 80 after 1 ms: Couldn't connect to server\n* closing connection #0\ncurl: (7) Failed to connect to orphan.shop port 80 after 1 ms: Couldn't connect to server\n",
  ],
  ['an unknown option: exit status 2', 'curl --bogus http://api', undefined, 2, '', "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"],
  ['no URL', 'curl -sS', undefined, 2, '', "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n"],
  ['busybox has no curl', 'curl http://api', 'shop/toolbox', 127, '', 'sh: curl: not found\n'],
];

describe('curl 8', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });
});

/**
 * Redirects, from the gallery's Ingress with TLS: ingress-nginx answers http with 308 to https
 * (ssl-redirect); curl prints the redirect unless -L; its certificate is not trusted without -k (60).
 */
describe('curl and wget through an Ingress with TLS', () => {
  const text = readFileSync(new URL('../../../scenarios/ingress-host-path-tls.yaml', import.meta.url), 'utf8');
  const sim = simulate([{ name: 'tls.yaml', text }]);
  const pod = sim.world.pods.find((p) => p.namespace === 'shop' && p.name.startsWith('api-'))!.name;
  it.each([
    ['-I shows the 308 and its Location', 'curl -sSI http://shop.example.com/api', 0, 'HTTP/1.1 308 Permanent Redirect\r\nServer: nginx\r\nDate: Thu, 01 Jan 2026 12:05:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 164\r\nConnection: keep-alive\r\nLocation: https://shop.example.com/api\r\n\r\n', ''],
    ['-L follows to https, -k trusts the certificate', 'curl -sSkL http://shop.example.com/api', 0, `${pod}\n`, ''],
    ['(60) without -k', 'curl -sSL http://shop.example.com/api', 60, '', 'curl: (60) SSL certificate problem: self-signed certificate\n'],
    ['busybox wget follows the redirect', 'wget -qO- http://shop.example.com/api', 0, `${pod}\n`, ''],
  ])('%s: %s', (_name, line, exit, stdout, stderr) => {
    const r = runCommand(sim, { line });
    expect({ exit: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({ exit, stdout, stderr });
  });
});
