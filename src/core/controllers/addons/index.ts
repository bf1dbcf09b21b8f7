import type { Container, Node, Service, Workload } from '../../model/core';
import type { EndpointSlice } from '../../model/discovery';
import { objectId, type SourceRef } from '../../model/meta';
import { madeService } from '../../model/made';
import type { ClusterConfig, World } from '../../model/world';
import { formatIP, nthAddress, parseCIDR, parseIP } from '../../net/ip';

/**
 * System objects every cluster has, added before workloads run (what kubeadm/kind install):
 * default Nodes when the input declares none, Service `kube-system/kube-dns` with the CoreDNS
 * Deployment, and Service `default/kubernetes` with its EndpointSlice to the API server.
 * Each is marked `system: true` so the UI can hide it; an object the input already declares (same id)
 * is never replaced — the user's object wins.
 *
 * [SIM] Default nodes: `defaultNodes[k]` (1-based position k) gets InternalIP `nodeIPBase + k-1`
 * (172.18.0.2, .3, .4) and pod CIDR number k of the cluster pod CIDR (10.244.1.0/24, 10.244.2.0/24...),
 * so node-1 holds 10.244.1.x. None is labelled control-plane: the API server is taken to run on the
 * first node (the `kubernetes` endpoint is its IP:6443), which also runs workloads, as in a one-node
 * kind cluster. Declared nodes without an InternalIP or pod CIDR get them the same way (node IPAM).
 * Inputs with more pods than three /24s hold get more default nodes (see `defaultNodes`).
 */
export function addSystemObjects(world: World): void {
  addNodes(world);
  markSystemNamespace(world);
  const ids = new Set([...world.services, ...world.workloads, ...world.endpointSlices].map((o) => o.id));
  const add = <T extends { id: string }>(list: T[], obj: T) => {
    if (!ids.has(obj.id)) list.push(obj);
  };
  add(world.services, kubeDNSService(world.cluster));
  add(world.workloads, coreDNSDeployment());
  const api = apiServerAddress(world);
  add(world.services, kubernetesService(world.cluster));
  if (api && !ids.has(objectId('Service', 'default', 'kubernetes'))) add(world.endpointSlices, kubernetesSlice(api));
}

export const SYSTEM_SOURCE: SourceRef = { file: 0, range: { start: 0, end: 0 }, fields: {} };

const ZONE = 'topology.kubernetes.io/zone';

function meta(kind: string, namespace: string, name: string, labels: Record<string, string> = {}) {
  return { id: objectId(kind, namespace, name), kind, name, namespace, labels, annotations: {}, order: -1, source: SYSTEM_SOURCE, system: true };
}

/** The `n`-th (0-based) /nodeCIDRMask subnet of the cluster pod CIDR, or undefined when it does not fit. */
export function nodePodCIDR(cluster: ClusterConfig, n: number): string | undefined {
  const pod = parseCIDR(cluster.podCIDR);
  if (!pod || cluster.nodeCIDRMask < pod.prefix) return undefined;
  const width = pod.family === 4 ? 32 : 128;
  if (BigInt(n) >= 1n << BigInt(cluster.nodeCIDRMask - pod.prefix)) return undefined;
  const base = pod.base + (BigInt(n) << BigInt(width - cluster.nodeCIDRMask));
  return `${formatIP({ family: pod.family, value: base })}/${cluster.nodeCIDRMask}`;
}

function nodeIP(cluster: ClusterConfig, n: number): string | undefined {
  const base = parseIP(cluster.nodeIPBase);
  return base ? formatIP({ family: base.family, value: base.value + BigInt(n) }) : undefined;
}

function addNodes(world: World): void {
  const c = world.cluster;
  if (world.nodes.length === 0) {
    defaultNodes(world).forEach((d) => {
      const node: Node = {
        ...meta('Node', '', d.name, { 'kubernetes.io/hostname': d.name, 'kubernetes.io/os': 'linux', ...(d.zone ? { [ZONE]: d.zone } : {}) }),
        kind: 'Node',
        addresses: [],
        podCIDRs: [],
        ...(d.zone ? { zone: d.zone } : {}),
        ready: true,
        controlPlane: false,
        cpuMillis: 4000,
        implicit: true,
      };
      world.nodes.push(node);
    });
  }
  // Node IPAM for every node lacking addresses: skip values some declared node already uses.
  const usedIPs = new Set(world.nodes.flatMap((n) => n.addresses));
  const usedCIDRs = new Set(world.nodes.flatMap((n) => n.podCIDRs));
  let ipIndex = 0;
  let cidrIndex = 1;
  for (const node of world.nodes) {
    if (node.addresses.length === 0) {
      let ip = nodeIP(c, ipIndex++);
      while (ip && usedIPs.has(ip)) ip = nodeIP(c, ipIndex++);
      if (ip) {
        node.addresses = [ip];
        usedIPs.add(ip);
      }
    }
    if (node.podCIDRs.length === 0) {
      let cidr = nodePodCIDR(c, cidrIndex++);
      while (cidr && usedCIDRs.has(cidr)) cidr = nodePodCIDR(c, cidrIndex++);
      if (cidr) {
        node.podCIDRs = [cidr];
        usedCIDRs.add(cidr);
      }
    }
  }
}

/**
 * `cluster.defaultNodes`, plus more (`node-4`, `node-5`…, zones taken round-robin from the defaults)
 * when the input's pods would not fit in their pod CIDRs ([SIM]: a /24 holds 253 pods; a DaemonSet
 * takes one address on every node). Small scenarios keep the configured nodes.
 */
function defaultNodes(world: World): { name: string; zone: string }[] {
  const c = world.cluster;
  const base = c.defaultNodes;
  if (base.length === 0) return base;
  const width = (parseCIDR(c.podCIDR)?.family ?? 4) === 4 ? 32 : 128;
  const perNode = width - c.nodeCIDRMask >= 20 ? Infinity : 2 ** (width - c.nodeCIDRMask) - 3;
  const daemonSets = world.workloads.filter((w) => w.kind === 'DaemonSet').length;
  // CoreDNS (2) is added after this count.
  const pods = world.pods.length + 2 + world.workloads.reduce((n, w) => n + (w.kind === 'DaemonSet' ? 0 : w.replicas), 0);
  const room = perNode - daemonSets;
  if (room <= 0 || pods <= room * base.length) return base;
  const want = Math.ceil(pods / room);
  const out = [...base];
  const names = new Set(base.map((d) => d.name));
  for (let k = base.length + 1; out.length < want && k < 100000; k++) {
    if (names.has(`node-${k}`)) continue;
    out.push({ name: `node-${k}`, zone: base[(k - 1) % base.length]!.zone });
  }
  return out;
}

function markSystemNamespace(world: World): void {
  for (const ns of world.namespaces) if (ns.name === 'kube-system' && ns.implicit) ns.system = true;
}

function firstServiceIP(cluster: ClusterConfig): string | undefined {
  const cidr = parseCIDR(cluster.serviceCIDR);
  return cidr ? formatIP(nthAddress(cidr, 1)) : undefined;
}

function kubeDNSService(cluster: ClusterConfig): Service {
  return madeService(meta('Service', 'kube-system', 'kube-dns', { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }), {
    clusterIPs: [cluster.dnsServiceIP],
    selector: { 'k8s-app': 'kube-dns' },
    ports: [
      { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, index: 0 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53, index: 1 },
      { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153, index: 2 },
    ],
  });
}

/** kubeadm's CoreDNS Deployment: 2 replicas, ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP. */
function coreDNSDeployment(): Workload {
  const container: Container = {
    name: 'coredns',
    image: 'registry.k8s.io/coredns/coredns:v1.11.3',
    ports: [
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
    ],
    env: [],
    command: [],
    args: ['-conf', '/etc/coredns/Corefile'],
    index: 0,
  };
  return {
    ...meta('Deployment', 'kube-system', 'coredns', { 'k8s-app': 'kube-dns' }),
    kind: 'Deployment',
    replicas: 2,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' }, matchExpressions: [] },
    template: {
      labels: { 'k8s-app': 'kube-dns' },
      annotations: {},
      hostNetwork: false,
      // CoreDNS itself resolves upstream names through the node's resolver.
      dnsPolicy: 'Default',
      containers: [container],
      initContainers: [],
    },
    templatePath: 'spec.template',
  };
}

function kubernetesService(cluster: ClusterConfig): Service {
  const ip = firstServiceIP(cluster);
  return madeService(meta('Service', 'default', 'kubernetes', { component: 'apiserver', provider: 'kubernetes' }), { clusterIPs: ip ? [ip] : [], ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443, index: 0 }] });
}

/** The API server's address: a control-plane node's IP, else the first node's. */
function apiServerAddress(world: World): { ip: string; node: string } | undefined {
  const node = world.nodes.find((n) => n.controlPlane && n.addresses.length) ?? world.nodes.find((n) => n.addresses.length);
  return node ? { ip: node.addresses[0]!, node: node.name } : undefined;
}

function kubernetesSlice(api: { ip: string; node: string }): EndpointSlice {
  return {
    ...meta('EndpointSlice', 'default', 'kubernetes', { 'kubernetes.io/service-name': 'kubernetes' }),
    kind: 'EndpointSlice',
    addressType: 'IPv4',
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    endpoints: [{ addresses: [api.ip], conditions: { ready: true, serving: true, terminating: false } }],
    serviceName: 'kubernetes',
    generated: true,
    ownerId: 'Service/default/kubernetes',
  };
}
