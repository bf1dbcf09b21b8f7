/**
 * The resource types `kubectl get` knows here, with kubectl's names and short names and the columns its
 * printers print (kubernetes pkg/printers/internalversion/printers.go: printPod, printService,
 * printEndpoints/formatEndpoints, printEndpointSlice, printIngress, printNetworkPolicy, printNode,
 * printNamespace, printDeployment, printIngressClass; the Gateway API CRDs' printer columns).
 */
import type { Container, Node, Pod, Service, Workload } from '../../model/core';
import type { EndpointSlice } from '../../model/discovery';
import type { Gateway, GatewayClass, HTTPRoute } from '../../model/gateway';
import type { ObjectMeta } from '../../model/meta';
import type { Ingress, IngressClass, NetworkPolicy } from '../../model/networking';
import { FIXED } from '../fixed';
import { KUBECTL_NAMES } from '../names';
import { endpointsObjects, formatLabelSelector, formatLabels, ingressAddress, type EndpointsObject, type View } from './view';

export interface ResourceType {
  /** The plural resource name kubectl prints in messages (`pods`). */
  plural: string;
  kind: string;
  namespaced: boolean;
  columns: string[];
  wideColumns: string[];
  list(view: View): ObjectMeta[];
  row(o: ObjectMeta, view: View, wide: boolean): string[];
}

const age = () => FIXED.age;
const none = (s: string | undefined) => (s ? s : '<none>');

function podRow(o: ObjectMeta, _v: View, wide: boolean): string[] {
  const p = o as Pod;
  const total = p.containers.length + p.initContainers.filter((c) => c.restartPolicy === 'Always').length;
  const running = p.phase === 'Running';
  const status = p.terminating ? 'Terminating' : p.phase;
  const row = [p.name, `${running && p.ready ? total : 0}/${total}`, status, '0', age()];
  return wide ? [...row, none(p.ips[0]), none(p.nodeName), '<none>', '<none>'] : row;
}

function serviceRow(o: ObjectMeta, _v: View, wide: boolean): string[] {
  const s = o as Service;
  const ip = s.headless ? 'None' : none(s.clusterIPs[0]);
  const ports = s.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  const row = [s.name, s.type, ip, externalIP(s, wide), ports || '<none>', age()];
  return wide ? [...row, formatLabels(s.selector)] : row;
}

/** getServiceExternalIP: externalIPs, the load balancer's addresses (clipped to 16 characters unless wide). */
function externalIP(s: Service, wide: boolean): string {
  if (s.type === 'ExternalName') return s.externalName ?? '';
  if (s.type !== 'LoadBalancer') return s.externalIPs.length ? s.externalIPs.join(',') : '<none>';
  let lb = [...new Set(s.loadBalancerIPs)].sort().join(',');
  if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
  const all = [...(lb ? lb.split(',') : []), ...s.externalIPs];
  return all.length ? all.join(',') : '<pending>';
}

/** formatEndpoints: up to three `ip:port`, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(e: EndpointsObject, portNames?: Set<string>): string {
  if (e.subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of e.subsets) {
    const ports = ss.ports.length ? ss.ports.filter((p) => !portNames || portNames.has(p.name)) : [null];
    for (const port of ports) {
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (list.length === 3) {
          more = true;
          break;
        }
        list.push(port ? `${a.ip.includes(':') ? `[${a.ip}]` : a.ip}:${port.port}` : a.ip);
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function listWithMore(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
  return items.length ? items.join(',') : '<unset>';
}

function sliceRow(o: ObjectMeta): string[] {
  const s = o as EndpointSlice;
  const ports = s.ports.map((p) => (p.port !== null ? String(p.port) : p.name || '*'));
  return [s.name, s.addressType, listWithMore(ports), listWithMore(s.endpoints.flatMap((e) => e.addresses)), age()];
}

function ingressRow(o: ObjectMeta, v: View, wide: boolean): string[] {
  const i = o as Ingress;
  const hosts = i.rules.map((r) => r.host).filter((h): h is string => !!h);
  const shown = hosts.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${i.rules.length - 3} more...` : hosts.join(',') || '*';
  let address = [...new Set(ingressAddress(i))].sort().join(',');
  if (!wide && address.length > 16) address = `${address.slice(0, 13)}...`;
  const cls = i.classSource === 'annotation' || !i.ingressClassName ? '<none>' : i.ingressClassName;
  return [i.name, cls, shown, address, i.tls.length ? '80, 443' : '80', age()];
}

function containersOf(cs: Container[]): [string, string] {
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

function deploymentRow(o: ObjectMeta, v: View, wide: boolean): string[] {
  const d = o as Workload;
  const pods = v.sim.world.pods.filter((p) => p.ownerId === d.id);
  const ready = pods.filter((p) => p.ready && p.phase === 'Running').length;
  const row = [d.name, `${ready}/${d.replicas}`, String(pods.length), String(ready), age()];
  return wide ? [...row, ...containersOf(d.template.containers), formatLabelSelector(d.selector)] : row;
}

function nodeRow(o: ObjectMeta, _v: View, wide: boolean): string[] {
  const n = o as Node;
  const row = [n.name, n.ready ? 'Ready' : 'NotReady', n.controlPlane ? 'control-plane' : '<none>', age(), 'v1.34.0'];
  return wide ? [...row, none(n.addresses[0]), '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0-28-amd64', 'containerd://2.0.2'] : row;
}

function gatewayRow(o: ObjectMeta): string[] {
  const g = o as Gateway;
  const st = g.status;
  const programmed = st?.ours ? (st.conditions.find((c) => c.type === 'Programmed')?.status ?? 'Unknown') : 'Unknown';
  return [g.name, g.gatewayClassName, g.addresses.join(',') || '<none>', programmed, age()];
}

function gatewayClassRow(o: ObjectMeta): string[] {
  const c = o as GatewayClass;
  const st = c.status;
  return [c.name, c.controllerName, st?.conditions.find((x) => x.type === 'Accepted')?.status ?? 'Unknown', age()];
}

const byNamespaceAndName = (a: ObjectMeta, b: ObjectMeta) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.namespace < b.namespace ? -1 : 1);
const sorted = <T extends ObjectMeta>(xs: T[]) => [...xs].sort(byNamespaceAndName);

export const RESOURCES: ResourceType[] = [
  { plural: 'pods', kind: 'Pod', namespaced: true, columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'], list: (v) => sorted(v.sim.world.pods), row: podRow },
  { plural: 'services', kind: 'Service', namespaced: true, columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wideColumns: ['SELECTOR'], list: (v) => sorted(v.sim.world.services), row: serviceRow },
  { plural: 'endpoints', kind: 'Endpoints', namespaced: true, columns: ['NAME', 'ENDPOINTS', 'AGE'], wideColumns: [], list: (v) => sorted(endpointsObjects(v)), row: (o) => [o.name, formatEndpoints(o as EndpointsObject), age()] },
  { plural: 'endpointslices', kind: 'EndpointSlice', namespaced: true, columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.endpointSlices), row: sliceRow },
  { plural: 'ingresses', kind: 'Ingress', namespaced: true, columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.ingresses), row: ingressRow },
  { plural: 'ingressclasses', kind: 'IngressClass', namespaced: false, columns: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.ingressClasses), row: (o) => [o.name, (o as IngressClass).controller, '<none>', age()] },
  { plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, columns: ['NAME', 'POD-SELECTOR', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.networkPolicies), row: (o) => [o.name, formatLabelSelector((o as NetworkPolicy).podSelector), age()] },
  { plural: 'gateways', kind: 'Gateway', namespaced: true, columns: ['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.gateways), row: gatewayRow },
  { plural: 'gatewayclasses', kind: 'GatewayClass', namespaced: false, columns: ['NAME', 'CONTROLLER', 'ACCEPTED', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.gatewayClasses), row: gatewayClassRow },
  { plural: 'httproutes', kind: 'HTTPRoute', namespaced: true, columns: ['NAME', 'HOSTNAMES', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.httpRoutes), row: (o) => [o.name, (o as HTTPRoute).hostnames.length ? JSON.stringify((o as HTTPRoute).hostnames) : '<none>', age()] },
  { plural: 'namespaces', kind: 'Namespace', namespaced: false, columns: ['NAME', 'STATUS', 'AGE'], wideColumns: [], list: (v) => sorted(v.sim.world.namespaces), row: (o) => [o.name, 'Active', age()] },
  { plural: 'nodes', kind: 'Node', namespaced: false, columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'], list: (v) => sorted(v.sim.world.nodes), row: nodeRow },
  { plural: 'deployments', kind: 'Deployment', namespaced: true, columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'], list: (v) => sorted(v.sim.world.workloads.filter((w) => w.kind === 'Deployment')), row: deploymentRow },
];

/** The type kubectl means by a name: plural, singular, short name or `plural.group` (KUBECTL_NAMES). */
export function resourceType(name: string): ResourceType | undefined {
  return RESOURCES.find((r) => KUBECTL_NAMES[r.kind]?.includes(name));
}
