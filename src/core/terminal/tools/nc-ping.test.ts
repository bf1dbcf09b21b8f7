import { describe, expect, it } from 'vitest';
import { transcriptOf, type Transcript } from '../testing';

/**
 * busybox nc (networking/nc_bloaty.c `nc_main`: `%s (%s) open` at -v; a refusal reported only at -vv,
 * other failures at -v through bb_perror_msg `nc: %s (%s): <strerror>`; `-w` turns a silent wait into
 * ETIMEDOUT; exit 0 open, 1 otherwise) and busybox ping (networking/ping.c: `PING %s (%s): %d data bytes`,
 * `%d bytes from %s: seq=%u ttl=%d time=...`, the statistics block; exit 1 without a reply). Echoes are
 * judged by the NetworkPolicy engine as ICMP; a Service's virtual IP never answers one.
 */
const ROWS: Transcript[] = [
  ['open', 'nc -zv api.shop 80', undefined, 0, '', 'api.shop (10.96.100.10:80) open\n'],
  ['open, quietly without -v', 'nc -z api.shop 80', undefined, 0, '', ''],
  ['dropped by a policy, -w ends the wait', 'nc -zv -w 2 db.shop 5432', undefined, 1, '', 'nc: db.shop (10.96.100.20:5432): Connection timed out\n'],
  ['allowed by the policy for the api pods', 'nc -zv -w 2 db.shop 5432', 'shop/api-1', 0, '', 'db.shop (10.96.100.20:5432) open\n'],
  ['refused: silent at one -v', 'nc -zv orphan.shop 80', undefined, 1, '', ''],
  ['refused: reported at -vv', 'nc -zvv orphan.shop 80', undefined, 1, '', 'nc: orphan.shop (10.96.100.30:80): Connection refused\n'],
  ['a name that does not resolve', 'nc -zv nope 80', undefined, 1, '', "nc: bad address 'nope'\n"],
  [
    'ping a pod on the same node',
    'ping -c 2 10.244.1.11',
    'shop/web',
    0,
    'PING 10.244.1.11 (10.244.1.11): 56 data bytes\n64 bytes from 10.244.1.11: seq=0 ttl=64 time=0.071 ms\n64 bytes from 10.244.1.11: seq=1 ttl=64 time=0.088 ms\n\n--- 10.244.1.11 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.071/0.079/0.088 ms\n',
    '',
  ],
  ['ping a pod on another node: one hop', 'ping -c 1 -q 10.244.2.10', 'shop/web', 0, 'PING 10.244.2.10 (10.244.2.10): 56 data bytes\n\n--- 10.244.2.10 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.071/0.071/0.071 ms\n', ''],
  [
    'a Service IP does not answer ping; without -c it runs until Ctrl+C',
    'ping api.shop',
    undefined,
    1,
    'PING api.shop (10.96.100.10): 56 data bytes\n^C\n\n--- api.shop ping statistics ---\n4 packets transmitted, 0 packets received, 100% packet loss\n',
    '',
  ],
  ['an egress policy drops the echo', 'ping -c 1 10.244.1.10', 'shop/isolated', 1, 'PING 10.244.1.10 (10.244.1.10): 56 data bytes\n\n--- 10.244.1.10 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n', ''],
  ['a name that does not resolve', 'ping nope', undefined, 1, '', "ping: bad address 'nope'\n"],
];

describe('nc and ping (busybox)', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });
});
