import type { Pod } from '../../model/core';
import type { ClusterConfig } from '../../model/world';

/** A pod's /etc/resolv.conf as the kubelet writes it (DNS-13, DNS-14). */
export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: { name: string; value?: string }[];
  /** `options ndots:N`; glibc's default is 1 when the option is absent. */
  ndots: number;
  /** Which row of DNS-13 built it, in words (`ClusterFirst`, `ClusterFirst on hostNetwork → node's resolver`). */
  policy: string;
  /** True when the first nameserver is not the cluster DNS Service (cluster names do not resolve). */
  usesNodeResolver: boolean;
  /** What the kubelet cut to respect the limits (DNS-14); it warns with an event and the pod still runs. */
  truncated: string[];
}

/** kubelet limits (K-CORE-VAL / K-KUBELET-DNS). */
export const MAX_NAMESERVERS = 3;
export const MAX_SEARCHES = 32;
export const MAX_SEARCH_CHARS = 2048;

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * Build the resolv.conf of a pod from `dnsPolicy`, `hostNetwork` and `dnsConfig` (DNS-13), merge `dnsConfig`
 * (DNS-14) and apply the kubelet's limits. Mirrors kubelet `getPodDNS` [K-KUBELET-DNS].
 */
export function podResolvConf(pod: Pick<Pod, 'namespace' | 'dnsPolicy' | 'hostNetwork' | 'dnsConfig'>, cluster: ClusterConfig): ResolvConf {
  const zone = cluster.clusterDomain.replace(/\.$/, '');
  const node = cluster.nodeResolvConf;
  let nameservers: string[];
  let searches: string[];
  let options: { name: string; value?: string }[];
  let policy: string;
  const clusterFirst = pod.dnsPolicy === 'ClusterFirstWithHostNet' || (pod.dnsPolicy === 'ClusterFirst' && !pod.hostNetwork);
  if (clusterFirst) {
    nameservers = [cluster.dnsServiceIP];
    searches = uniq([`${pod.namespace}.svc.${zone}`, `svc.${zone}`, zone, ...node.searches]);
    options = [{ name: 'ndots', value: '5' }];
    policy = pod.dnsPolicy;
  } else if (pod.dnsPolicy === 'None') {
    nameservers = [];
    searches = [];
    options = [];
    policy = 'None (only dnsConfig)';
  } else {
    nameservers = [...node.nameservers];
    searches = [...node.searches];
    options = [];
    policy =
      pod.dnsPolicy === 'Default'
        ? "Default (the node's resolv.conf)"
        : "ClusterFirst on hostNetwork: falls back to the node's resolv.conf (use ClusterFirstWithHostNet)";
  }
  const dc = pod.dnsConfig;
  if (dc) {
    nameservers = uniq([...nameservers, ...dc.nameservers]);
    searches = uniq([...searches, ...dc.searches]);
    for (const o of dc.options) {
      const i = options.findIndex((x) => x.name === o.name);
      if (i >= 0) options[i] = o;
      else options.push(o);
    }
  }
  const truncated: string[] = [];
  if (nameservers.length > MAX_NAMESERVERS) {
    truncated.push(`nameservers ${nameservers.slice(MAX_NAMESERVERS).join(' ')} (at most ${MAX_NAMESERVERS})`);
    nameservers = nameservers.slice(0, MAX_NAMESERVERS);
  }
  if (searches.length > MAX_SEARCHES) {
    truncated.push(`search domains ${searches.slice(MAX_SEARCHES).join(' ')} (at most ${MAX_SEARCHES})`);
    searches = searches.slice(0, MAX_SEARCHES);
  }
  while (searches.length && searches.join(' ').length > MAX_SEARCH_CHARS) {
    truncated.push(`search domain ${searches[searches.length - 1]} (search line over ${MAX_SEARCH_CHARS} characters)`);
    searches = searches.slice(0, -1);
  }
  const nd = options.find((o) => o.name === 'ndots');
  const parsed = nd?.value !== undefined ? Number.parseInt(nd.value, 10) : NaN;
  // glibc clamps ndots to 15 and defaults to 1.
  const ndots = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 15) : 1;
  // glibc asks the first nameserver; the others only when it does not answer.
  const usesNodeResolver = nameservers[0] !== cluster.dnsServiceIP;
  return { nameservers, searches, options, ndots, policy, usesNodeResolver, truncated };
}

/** The file text, as `cat /etc/resolv.conf` shows it. */
export function formatResolvConf(rc: ResolvConf): string {
  const lines = rc.nameservers.map((n) => `nameserver ${n}`);
  if (rc.searches.length) lines.push(`search ${rc.searches.join(' ')}`);
  if (rc.options.length)
    lines.push(`options ${rc.options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)).join(' ')}`);
  return lines.join('\n');
}
