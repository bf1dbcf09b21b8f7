import type { Diagnostic, Severity } from '../../diagnostics/diagnostic';
import type { Container, Pod, Service } from '../../model/core';
import type { ObjectMeta } from '../../model/meta';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { fieldRange, rangeIn } from '../../manifest/reader';
import { parseIP } from '../../net/ip';
import { DNS_CODES } from './codes';
import { podResolvConf } from './resolv-conf';
import { slicesOf } from '../../net/endpoints';

/**
 * The cluster DNS stage of the pipeline: problems a person would only find when a lookup fails
 * (§3, §8 items 23–34). Reads the World after the EndpointSlice controller has run.
 */
export function checkDNS(world: World, options: SimOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const push = (
    obj: ObjectMeta,
    code: string,
    severity: Severity,
    path: string,
    message: string,
    rule: string,
    related: Diagnostic['related'] = [],
  ) => {
    const range = rangeIn(obj.source, path);
    // Pods made by one workload share the template's source: report each place once.
    const key = `${code} ${obj.source.file} ${range.start} ${range.end} ${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const object = obj.kind === 'Pod' && (obj as Pod).ownerId ? (obj as Pod).ownerId! : obj.id;
    out.push({ code, severity, message, file: obj.source.file, range, path, object, rule, ...(related.length ? { related } : {}) });
  };
  const byNs = new Map<string, Map<string, Service>>();
  for (const s of world.services) {
    let m = byNs.get(s.namespace);
    if (!m) byNs.set(s.namespace, (m = new Map<string, Service>()));
    m.set(s.name, s);
  }
  const svcIn = (ns: string, name: string) => byNs.get(ns)?.get(name);
  const cite = (s: Service, message: string) => ({ file: s.source.file, range: s.source.range, message });

  // A headless Service whose endpoints are all unready is NXDOMAIN (DNS-3, edge 23).
  for (const s of world.services) {
    if (!s.headless || s.type === 'ExternalName') continue;
    const eps = slicesOf(world, s).flatMap((sl) => sl.endpoints);
    if (eps.length > 0 && !eps.some((e) => e.conditions.ready)) {
      push(
        s,
        DNS_CODES.HEADLESS_NO_READY_ENDPOINTS,
        'warning',
        'spec.clusterIP',
        `Headless Service ${s.namespace}/${s.name} has ${eps.length} endpoint(s) and none is ready, so ${s.name}.${s.namespace}.svc.${options.cluster.clusterDomain} is NXDOMAIN (DNS-3). Set publishNotReadyAddresses: true if peers must find each other before they are ready.`,
        'DNS-3',
      );
    }
  }
  for (const s of world.services) {
    if (s.type === 'ExternalName' && s.externalName && parseIP(s.externalName.replace(/\.$/, ''))) {
      push(
        s,
        DNS_CODES.EXTERNALNAME_IP_LITERAL,
        'warning',
        'spec.externalName',
        `externalName "${s.externalName}" is an IP address; ExternalName makes a CNAME, so this name never resolves (DNS-9). Use a selector-less Service with an EndpointSlice for a fixed IP.`,
        'DNS-9',
      );
    }
  }

  // Every ClusterFirst pod sends its queries to the configured cluster DNS IP (kubelet clusterDNS).
  const kubeDNS = svcIn('kube-system', 'kube-dns');
  const dnsIP = options.cluster.dnsServiceIP;
  if (kubeDNS && kubeDNS.type !== 'ExternalName' && !kubeDNS.clusterIPs.includes(dnsIP)) {
    push(
      kubeDNS,
      DNS_CODES.KUBE_DNS_IP_MISMATCH,
      'warning',
      fieldRange(kubeDNS.source, 'spec.clusterIP') ? 'spec.clusterIP' : 'metadata.name',
      `Pods send DNS queries to ${dnsIP} (the kubelet's clusterDNS), but kube-system/kube-dns has ${kubeDNS.headless ? 'no ClusterIP' : `ClusterIP ${kubeDNS.clusterIPs.join(', ') || 'none'}`}: queries would reach no Service. Set spec.clusterIP: ${dnsIP} (DNS-13).`,
      'DNS-13',
    );
  }

  // StatefulSet serviceName must name a headless Service for per-pod names (DNS-7, edge 27).
  for (const w of world.workloads) {
    if (w.kind !== 'StatefulSet' || !w.serviceName) continue;
    const s = svcIn(w.namespace, w.serviceName);
    const first = `${w.name}-0.${w.serviceName}.${w.namespace}.svc.${options.cluster.clusterDomain}`;
    if (!s)
      push(
        w,
        DNS_CODES.STATEFULSET_SERVICE_MISSING,
        'warning',
        'spec.serviceName',
        `There is no Service ${w.serviceName} in namespace ${w.namespace}, so ${first} does not resolve (DNS-7). Create a headless Service (clusterIP: None) named ${w.serviceName} that selects the pods.`,
        'DNS-7',
      );
    else if (!s.headless)
      push(
        w,
        DNS_CODES.STATEFULSET_SERVICE_MISSING,
        'warning',
        'spec.serviceName',
        `Service ${w.namespace}/${w.serviceName} is not headless, so the spec promises no per-pod names like ${first} (DNS-7; CoreDNS answers them anyway [EXT]). Set clusterIP: None.`,
        'DNS-7',
        [cite(s, 'the Service')],
      );
  }

  for (const p of world.pods) {
    checkSubdomain(p, svcIn, world, options, push, cite);
    // One resolv.conf per pod for both checks (it is built from the pod's spec and the cluster options only).
    const rc = podResolvConf(p, options.cluster);
    checkResolver(p, rc, push);
    checkShortNames(p, rc, byNs, push, options);
  }
  return out;
}

type Push = (
  obj: ObjectMeta,
  code: string,
  severity: Severity,
  path: string,
  message: string,
  rule: string,
  related?: Diagnostic['related'],
) => void;
type Cite = (s: Service, message: string) => NonNullable<Diagnostic['related']>[number];

function checkSubdomain(
  p: Pod,
  svcIn: (ns: string, name: string) => Service | undefined,
  world: World,
  options: SimOptions,
  push: Push,
  cite: Cite,
): void {
  if (!p.subdomain) return;
  // A StatefulSet's pods inherit subdomain = serviceName; the StatefulSet check above reports that once.
  const owner = p.ownerId ? world.workloads.find((w) => w.id === p.ownerId) : undefined;
  if (owner?.kind === 'StatefulSet' && owner.serviceName === p.subdomain) return;
  const s = svcIn(p.namespace, p.subdomain);
  const name = p.hostname ? `${p.hostname}.${p.subdomain}.${p.namespace}.svc.${options.cluster.clusterDomain}` : 'its per-pod name';
  if (!s)
    push(
      p,
      DNS_CODES.SUBDOMAIN_WITHOUT_HEADLESS_SERVICE,
      'warning',
      'spec.subdomain',
      `There is no Service ${p.subdomain} in namespace ${p.namespace}, so ${name} does not resolve (DNS-6). Create a headless Service named ${p.subdomain} that selects this pod.`,
      'DNS-6',
    );
  else if (!s.headless)
    push(
      p,
      DNS_CODES.SUBDOMAIN_WITHOUT_HEADLESS_SERVICE,
      'info',
      'spec.subdomain',
      `Service ${p.namespace}/${p.subdomain} is not headless: the spec promises ${name} only for headless Services (CoreDNS answers it anyway [EXT]) (DNS-6).`,
      'DNS-6',
      [cite(s, 'the Service')],
    );
}

function checkResolver(p: Pod, rc: ReturnType<typeof podResolvConf>, push: Push): void {
  if (p.hostNetwork && p.dnsPolicy === 'ClusterFirst') {
    push(
      p,
      DNS_CODES.HOSTNETWORK_CLUSTERFIRST,
      'info',
      fieldRange(p.source, 'spec.dnsPolicy') ? 'spec.dnsPolicy' : 'spec.hostNetwork',
      `This pod uses the host network with dnsPolicy ClusterFirst, so it gets the node's resolv.conf and cannot resolve Service names; use dnsPolicy: ClusterFirstWithHostNet (DNS-13).`,
      'DNS-13',
    );
  }
  if (rc.truncated.length) {
    push(
      p,
      DNS_CODES.RESOLV_CONF_TRUNCATED,
      'warning',
      'spec.dnsConfig',
      `The kubelet drops ${rc.truncated.join('; ')} from this pod's resolv.conf; the pod still starts (DNS-14).`,
      'DNS-14',
    );
  }
}

/** Hosts in `http://api:8080/x`, `api:8080`, or a bare name in a variable named like `*_HOST`. */
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([a-z0-9-]+)(?::\d+)?(?:[/?#]|$)/i;
const HOST_PORT = /^([a-z0-9-]+):\d{1,5}$/i;
const HOST_VAR = /(_HOST|_HOSTNAME|_SERVICE|_SERVER|_ADDR|_ADDRESS)$/;
const BARE = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

function shortHost(value: string, varName?: string): string | undefined {
  const v = value.trim();
  const m = URL_HOST.exec(v) ?? HOST_PORT.exec(v);
  if (m) return m[1]!.toLowerCase();
  if (varName && HOST_VAR.test(varName) && BARE.test(v)) return v;
  return undefined;
}

function checkShortNames(p: Pod, rc: ReturnType<typeof podResolvConf>, byNs: Map<string, Map<string, Service>>, push: Push, options: SimOptions): void {
  // Only pods that ask the cluster DNS; a dnsConfig search domain of the other namespace makes the name resolve.
  if (rc.usesNodeResolver) return;
  // The search domains, read only for a pod that names a host in another namespace.
  let searched: Set<string> | undefined;
  const zone = options.cluster.clusterDomain.toLowerCase().replace(/\.$/, '');
  const lists: [string, Container[]][] = [
    ['spec.containers', p.containers],
    ['spec.initContainers', p.initContainers],
  ];
  for (const [base, containers] of lists) {
    for (const c of containers) {
      const at = `${base}.${c.index}`;
      // Env values, then args, then command; the path of each is built only for a host worth a look.
      const refs: [string, string][] = [];
      c.env.forEach((e, j) => {
        const host = e.value === undefined ? undefined : shortHost(e.value, e.name);
        if (host) refs.push([`${at}.env.${j}.value`, host]);
      });
      c.args.forEach((a, j) => {
        const host = shortHost(a);
        if (host) refs.push([`${at}.args.${j}`, host]);
      });
      c.command.forEach((a, j) => {
        const host = shortHost(a);
        if (host) refs.push([`${at}.command.${j}`, host]);
      });
      for (const [path, host] of refs) {
        if (!host || host === 'localhost' || byNs.get(p.namespace)?.has(host)) continue;
        const elsewhere = [...byNs.entries()]
          .filter(([ns, m]) => ns !== p.namespace && m.has(host))
          .map(([ns]) => ns)
          .sort();
        if (elsewhere.length === 0) continue;
        searched ??= new Set(rc.searches.map((d) => d.toLowerCase().replace(/\.$/, '')));
        const inSearch = searched;
        if ([...byNs.keys()].some((ns) => byNs.get(ns)!.has(host) && inSearch.has(`${ns}.svc.${zone}`))) continue;
        const fix = elsewhere.map((ns) => `${host}.${ns}`).join(' or ');
        push(
          p,
          DNS_CODES.SHORT_NAME_OTHER_NAMESPACE,
          'warning',
          path,
          `"${host}" is a short name: from namespace ${p.namespace} it is looked up as ${host}.${p.namespace}.svc.${options.cluster.clusterDomain}, where there is no Service ${host}; Service ${host} exists in ${elsewhere.join(', ')}. Write ${fix} (DNS-15).`,
          'DNS-15',
          elsewhere.map((ns) => {
            const s = byNs.get(ns)!.get(host)!;
            return { file: s.source.file, range: s.source.range, message: `Service ${ns}/${host}` };
          }),
        );
      }
    }
  }
}
