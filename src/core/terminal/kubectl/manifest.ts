/**
 * Objects as `kubectl get -o json|yaml` prints them: the fields the simulator models, with the defaults the
 * API server fills in and the status the controllers write. Fields in Go struct order (JSON); YAML sorts
 * keys, as sigs.k8s.io/yaml does. Values the simulation cannot know (uid, resourceVersion, times) are fixed.
 */
import { stringify } from 'yaml';
import type { Container, Node, Pod, Service, Workload } from '../../model/core';
import type { EndpointSlice } from '../../model/discovery';
import type { Gateway, HTTPRoute } from '../../model/gateway';
import type { LabelSelector, ObjectMeta } from '../../model/meta';
import type { Ingress, IngressBackend, NetworkPolicy, NetworkPolicyRule } from '../../model/networking';
import { FIXED } from '../fixed';
import { ingressAddress, type EndpointsObject, type View } from './view';

type Json = Record<string, unknown>;

const API: Record<string, string> = {
  Pod: 'v1', Service: 'v1', Endpoints: 'v1', Namespace: 'v1', Node: 'v1', EndpointSlice: 'discovery.k8s.io/v1', Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1', NetworkPolicy: 'networking.k8s.io/v1', Deployment: 'apps/v1', Gateway: 'gateway.networking.k8s.io/v1',
  GatewayClass: 'gateway.networking.k8s.io/v1', HTTPRoute: 'gateway.networking.k8s.io/v1',
};

const some = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length ? xs : undefined);
const obj = (o: Json | undefined): Json | undefined => (o && Object.keys(o).length ? o : undefined);

function metadata(o: ObjectMeta, extra: Json = {}): Json {
  return clean({
    name: o.name,
    ...(extra.generateName ? { generateName: extra.generateName } : {}),
    namespace: o.namespace || undefined,
    uid: FIXED.uid,
    resourceVersion: FIXED.resourceVersion,
    creationTimestamp: o.creationTimestamp ?? FIXED.created,
    labels: obj(o.labels),
    annotations: obj(o.annotations),
    ownerReferences: extra.ownerReferences,
  });
}

function selector(s: LabelSelector): Json {
  return clean({ matchLabels: obj(s.matchLabels), matchExpressions: some(s.matchExpressions.map((e) => clean({ key: e.key, operator: e.operator, values: some(e.values) }))) });
}

function container(c: Container): Json {
  return clean({
    name: c.name,
    image: c.image,
    command: some(c.command),
    args: some(c.args),
    ports: some(c.ports.map((p) => clean({ name: p.name, containerPort: p.containerPort, hostPort: p.hostPort, protocol: p.protocol }))),
    env: some(c.env.map((e) => clean({ name: e.name, value: e.value }))),
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: /:latest$|^[^:]*$/.test(c.image ?? '') ? 'Always' : 'IfNotPresent',
  });
}

function podSpec(p: Pick<Pod, 'containers' | 'initContainers' | 'dnsPolicy' | 'hostNetwork' | 'hostname' | 'subdomain'> & { nodeName?: string }): Json {
  return clean({
    initContainers: some(p.initContainers.map(container)),
    containers: p.containers.map(container),
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: p.dnsPolicy,
    serviceAccountName: 'default',
    serviceAccount: 'default',
    nodeName: p.nodeName || undefined,
    hostNetwork: p.hostNetwork || undefined,
    securityContext: {},
    hostname: p.hostname,
    subdomain: p.subdomain,
    schedulerName: 'default-scheduler',
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  });
}

function pod(p: Pod, v: View): Json {
  const owner = p.ownerId ? v.sim.world.workloads.find((w) => w.id === p.ownerId) : undefined;
  const rs = owner?.kind === 'Deployment' ? p.name.replace(/-[^-]+$/, '') : owner?.name;
  const ownerReferences = owner ? [{ apiVersion: 'apps/v1', kind: owner.kind === 'Deployment' ? 'ReplicaSet' : owner.kind, name: rs, uid: FIXED.uid, controller: true, blockOwnerDeletion: true }] : undefined;
  const node = v.sim.world.nodes.find((n) => n.name === p.nodeName);
  const ready = p.phase === 'Running' && p.ready ? 'True' : 'False';
  return {
    metadata: metadata(p, { ownerReferences, generateName: owner && owner.kind !== 'StatefulSet' ? `${rs}-` : undefined }),
    spec: podSpec(p),
    status: clean({
      phase: p.phase,
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: type === 'Ready' || type === 'ContainersReady' ? ready : p.nodeName ? 'True' : 'False',
        lastProbeTime: null,
        lastTransitionTime: FIXED.created,
      })),
      hostIP: node?.addresses[0],
      hostIPs: node?.addresses[0] ? [{ ip: node.addresses[0] }] : undefined,
      podIP: p.ips[0],
      podIPs: some(p.ips.map((ip) => ({ ip }))),
      startTime: FIXED.created,
      qosClass: 'BestEffort',
    }),
  };
}

function service(s: Service): Json {
  return {
    metadata: metadata(s),
    spec: clean({
      ports: s.ports.map((p) => clean({ name: p.name || undefined, protocol: p.protocol, appProtocol: p.appProtocol, port: p.port, targetPort: p.targetPort, nodePort: p.nodePort })),
      selector: s.selector ? s.selector : undefined,
      clusterIP: s.type === 'ExternalName' ? undefined : s.headless ? 'None' : s.clusterIPs[0],
      clusterIPs: s.type === 'ExternalName' ? undefined : s.headless ? ['None'] : some(s.clusterIPs),
      type: s.type,
      externalIPs: some(s.externalIPs),
      externalName: s.externalName,
      sessionAffinity: s.sessionAffinity,
      externalTrafficPolicy: s.externalTrafficPolicy,
      healthCheckNodePort: s.healthCheckNodePort,
      publishNotReadyAddresses: s.publishNotReadyAddresses || undefined,
      ipFamilies: s.type === 'ExternalName' ? undefined : s.ipFamilies,
      ipFamilyPolicy: s.type === 'ExternalName' ? undefined : 'SingleStack',
      allocateLoadBalancerNodePorts: s.type === 'LoadBalancer' ? s.allocateLoadBalancerNodePorts : undefined,
      internalTrafficPolicy: s.internalTrafficPolicy,
    }),
    status: { loadBalancer: s.loadBalancerIPs.length ? { ingress: s.loadBalancerIPs.map((ip) => ({ ip, ipMode: 'VIP' })) } : {} },
  };
}

function slice(s: EndpointSlice): Json {
  return {
    metadata: metadata(s),
    addressType: s.addressType,
    endpoints: s.endpoints.map((e) =>
      clean({
        addresses: e.addresses,
        conditions: { ready: e.conditions.ready, serving: e.conditions.serving, terminating: e.conditions.terminating },
        hostname: e.hostname,
        targetRef: e.targetRef ? { kind: e.targetRef.kind, namespace: e.targetRef.namespace, name: e.targetRef.name, uid: FIXED.uid } : undefined,
        nodeName: e.nodeName,
        zone: e.zone,
      }),
    ),
    ports: s.ports.map((p) => clean({ name: p.name, protocol: p.protocol, port: p.port ?? undefined, appProtocol: p.appProtocol })),
  };
}

function endpoints(e: EndpointsObject): Json {
  const addr = (a: EndpointsObject['subsets'][number]['addresses'][number]) => clean({ ip: a.ip, nodeName: a.nodeName, targetRef: a.targetRef ? { ...a.targetRef, uid: FIXED.uid } : undefined });
  return {
    metadata: metadata(e),
    subsets: some(e.subsets.map((s) => clean({ addresses: some(s.addresses.map(addr)), notReadyAddresses: some(s.notReadyAddresses.map(addr)), ports: s.ports.map((p) => clean({ name: p.name || undefined, port: p.port, protocol: p.protocol })) }))),
  };
}

function backend(b: IngressBackend): Json {
  if (b.resource) return { resource: clean({ apiGroup: b.resource.apiGroup, kind: b.resource.kind, name: b.resource.name }) };
  return { service: { name: b.service?.name, port: clean({ number: b.service?.port.number, name: b.service?.port.name }) } };
}

function ingress(i: Ingress): Json {
  const lb = ingressAddress(i);
  return {
    metadata: metadata(i),
    spec: clean({
      ingressClassName: i.classSource === 'annotation' ? undefined : i.ingressClassName,
      defaultBackend: i.defaultBackend ? backend(i.defaultBackend) : undefined,
      tls: some(i.tls.map((t) => clean({ hosts: some(t.hosts), secretName: t.secretName }))),
      rules: some(i.rules.map((r) => clean({ host: r.host, http: { paths: r.paths.map((p) => ({ path: p.path, pathType: p.pathType, backend: backend(p.backend) })) } }))),
    }),
    status: { loadBalancer: lb.length ? { ingress: lb.map((ip) => ({ ip })) } : {} },
  };
}

function rule(r: NetworkPolicyRule, dir: 'from' | 'to'): Json {
  const peers = r.peers.map((p) => clean({ podSelector: p.podSelector ? selector(p.podSelector) : undefined, namespaceSelector: p.namespaceSelector ? selector(p.namespaceSelector) : undefined, ipBlock: p.ipBlock ? clean({ cidr: p.ipBlock.cidr, except: some(p.ipBlock.except) }) : undefined }));
  return clean({ ports: some(r.ports.map((p) => clean({ protocol: p.protocol, port: p.port, endPort: p.endPort }))), [dir]: some(peers) });
}

function policy(n: NetworkPolicy): Json {
  return { metadata: metadata(n), spec: clean({ podSelector: selector(n.podSelector), ingress: some(n.ingress.map((r) => rule(r, 'from'))), egress: some(n.egress.map((r) => rule(r, 'to'))), policyTypes: n.policyTypes }) };
}

function node(n: Node): Json {
  return { metadata: metadata(n), spec: { podCIDR: n.podCIDRs[0], podCIDRs: n.podCIDRs }, status: { addresses: n.addresses.map((address) => ({ type: 'InternalIP', address })), conditions: [{ type: 'Ready', status: n.ready ? 'True' : 'False' }] } };
}

function deployment(d: Workload, v: View): Json {
  const pods = v.sim.world.pods.filter((p) => p.ownerId === d.id);
  const ready = pods.filter((p) => p.ready).length;
  return {
    metadata: metadata(d),
    spec: { replicas: d.replicas, selector: d.selector ? selector(d.selector) : {}, template: { metadata: clean({ labels: obj(d.template.labels), annotations: obj(d.template.annotations) }), spec: podSpec({ ...d.template, nodeName: undefined }) } },
    status: { replicas: pods.length, readyReplicas: ready || undefined, availableReplicas: ready || undefined, updatedReplicas: pods.length },
  };
}

function gateway(g: Gateway): Json {
  return {
    metadata: metadata(g),
    spec: { gatewayClassName: g.gatewayClassName, listeners: g.listeners.map((l) => clean({ name: l.name, hostname: l.hostname, port: l.port, protocol: l.protocol })) },
    status: clean({ addresses: some(g.addresses.map((value) => ({ type: 'IPAddress', value }))) }),
  };
}

function route(r: HTTPRoute): Json {
  const ref = (p: { group: string; kind: string; namespace: string; name: string }) => ({ group: p.group, kind: p.kind, name: p.name, namespace: p.namespace });
  return {
    metadata: metadata(r),
    spec: clean({
      parentRefs: r.parentRefs.map((p) => clean({ ...ref(p), sectionName: p.sectionName, port: p.port })),
      hostnames: some(r.hostnames),
      rules: r.rules.map((x) => clean({ matches: x.matches.map((m) => clean({ path: m.path, headers: some(m.headers) })), backendRefs: some(x.backendRefs.map((b) => clean({ ...ref(b), port: b.port, weight: b.weight }))) })),
    }),
  };
}

/** The object as the API returns it: apiVersion, kind, then its fields. */
export function manifest(o: ObjectMeta, view: View): Json {
  const body = (() => {
    switch (o.kind) {
      case 'Pod': return pod(o as Pod, view);
      case 'Service': return service(o as Service);
      case 'EndpointSlice': return slice(o as EndpointSlice);
      case 'Endpoints': return endpoints(o as EndpointsObject);
      case 'Ingress': return ingress(o as Ingress);
      case 'NetworkPolicy': return policy(o as NetworkPolicy);
      case 'Node': return node(o as Node);
      case 'Deployment': return deployment(o as Workload, view);
      case 'Gateway': return gateway(o as Gateway);
      case 'HTTPRoute': return route(o as HTTPRoute);
      case 'Namespace': return { metadata: metadata(o), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
      default: return { metadata: metadata(o) };
    }
  })();
  return { apiVersion: API[o.kind] ?? 'v1', kind: o.kind, ...body };
}

/** `-o json`: one object, or a `List` of several (4-space indent, as encoding/json MarshalIndent). */
export function toJSON(items: Json[], single: boolean): string {
  const doc = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  return `${JSON.stringify(doc, null, 4)}\n`;
}

/** `-o yaml`: keys sorted, sequences not indented under their key (sigs.k8s.io/yaml). */
export function toYAML(items: Json[], single: boolean): string {
  const doc = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  return stringify(doc, { sortMapEntries: true, indentSeq: false, lineWidth: 0, version: '1.1' });
}

/** Drop undefined fields (omitempty). */
function clean(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
