import { describe, expect, it } from 'vitest';
import { transcriptOf, type Transcript } from '../testing';

/**
 * Files in a pod: /etc/resolv.conf as containerd writes it from the kubelet's DNS config
 * (containerd internal/cri/server/sandbox_run.go `parseDNSOptions`: search, then nameserver lines, then
 * options; the kubelet's ClusterFirst config: `<ns>.svc.<zone> svc.<zone> <zone>`, the cluster DNS,
 * `ndots:5`), /etc/hosts as the kubelet writes it (pkg/kubelet/kubelet_pods.go
 * `managedHostsFileContent`), and busybox cat's message for a file that does not exist.
 */
const ROWS: Transcript[] = [
  ['resolv.conf of a pod in shop', 'cat /etc/resolv.conf', 'shop/web', 0, 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', ''],
  ['resolv.conf of the debug pod in default', 'cat /etc/resolv.conf', undefined, 0, 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', ''],
  [
    'hosts',
    'cat /etc/hosts',
    'shop/db',
    0,
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.3.10\tdb\n',
    '',
  ],
  ['hostname', 'cat /etc/hostname', 'shop/db', 0, 'db\n', ''],
  ['a file that does not exist', 'cat /etc/nope', 'shop/db', 1, '', "cat: can't open '/etc/nope': No such file or directory\n"],
];

describe('cat', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });
});
