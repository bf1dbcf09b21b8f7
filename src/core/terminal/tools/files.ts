/**
 * The files learners read in a pod. `/etc/resolv.conf` as the container runtime writes it from the DNS
 * config the kubelet computes (containerd `parseDNSOptions`: search, nameserver, options lines, in that
 * order); `/etc/hosts` as the kubelet writes it (pkg/kubelet/kubelet_pods.go `managedHostsFileContent`);
 * `/etc/hostname`. busybox cat's error for anything else.
 */
import { podResolvConf } from '../../controllers/coredns/index';
import type { RunContext } from '../run-context';

export function cat(ctx: RunContext, args: string[]): number {
  let exit = 0;
  for (const f of args.filter((a) => !a.startsWith('-') || a === '-')) {
    const text = read(ctx, f);
    if (text === undefined) {
      ctx.out.err(`cat: can't open '${f}': No such file or directory\n`);
      exit = 1;
    } else ctx.out.out(text);
  }
  return exit;
}

function read(ctx: RunContext, path: string): string | undefined {
  const shell = ctx.shell;
  if (shell.kind === 'host') return undefined;
  const pod = shell.pod;
  if (path === '/etc/resolv.conf') {
    const rc = podResolvConf(pod, shell.sim.world.cluster);
    const lines: string[] = [];
    if (rc.searches.length) lines.push(`search ${rc.searches.join(' ')}`);
    if (rc.nameservers.length) lines.push(...rc.nameservers.map((n) => `nameserver ${n}`));
    if (rc.options.length) lines.push(`options ${rc.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)).join(' ')}`);
    return lines.map((l) => `${l}\n`).join('');
  }
  const hostname = pod.hostname ?? pod.name;
  if (path === '/etc/hostname') return `${hostname}\n`;
  if (path === '/etc/hosts') {
    if (pod.hostNetwork) return '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n';
    const domain = shell.sim.world.cluster.clusterDomain.replace(/\.$/, '');
    const fqdn = pod.subdomain ? `${hostname}.${pod.subdomain}.${pod.namespace}.svc.${domain}\t${hostname}` : hostname;
    const own = pod.ips.map((ip) => `${ip}\t${fqdn}\n`).join('');
    return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${own}`;
  }
  return undefined;
}
