import type { Pod, Service, ServicePort, Workload } from '../model/core';
import type { LabelSelector, Protocol } from '../model/meta';
import type { Simulation } from '../simulate';
import { servingClass } from '../controllers/ingress/index';
import { allRoutes } from '../controllers/gateway/index';
import { servicesByName } from '../model/lookup';
import { podResolvConf } from '../controllers/coredns/index';
import { endpointLookups, servicePortEndpoints, type EndpointLookups } from '../net/endpoints';
import { revealedCalls, type RevealedCall } from '../topology/calls';
import { serviceFor } from '../topology/traffic';
import { ingressBackends } from '../topology/entry';

/**
 * The pods one NetworkPolicy selects and a rule names as a peer: a workload's pods (by its selector),
 * or a bare pod's (by its labels; a pod without labels as the pods lacking every label key its neighbours
 * carry). `selectable` is false only for a workload whose selector and template carry no label at all.
 */
export interface Subject {
  /** `Deployment/ns/name` or `Pod/ns/name`: one policy per subject. */
  id: string;
  kind: string;
  namespace: string;
  name: string;
  selector: LabelSelector;
  selectable: boolean;
  /** How the selector was chosen when it is not the obvious one, for the policy's comment. */
  note?: string;
}

/** One end of a connection the scenario uses. */
export type End =
  | { kind: 'pods'; subject: Subject }
  /** Anything outside the cluster's pod network (clients, node addresses after SNAT, the internet). */
  | { kind: 'outside' }
  /** Every pod of every namespace (the cluster DNS answers them all). */
  | { kind: 'any-pod' }
  /** One address that is not a pod (an endpoint written by hand). */
  | { kind: 'ip'; ip: string };

/**
 * A connection the scenario uses, after DNAT (NP-10): the port the destination listens on, or the Service's
 * named targetPort, which a policy names the same way and which matches each pod's own number (NP-6, SVC-9).
 */
export interface Use {
  from: End;
  to: End;
  port: number | string;
  protocol: Protocol;
  /** Which call, route or exposure this connection serves: the comment above its rule. */
  why: string;
}

/** Every connection the scenario uses: inferred calls, entry traffic, exposed Services and DNS. */
export interface Uses {
  uses: Use[];
  /** The pods of the cluster DNS behind the DNS Service, with the ports they answer on. */
  dns: { subjects: Subject[]; ports: { port: number | string; protocol: Protocol }[] };
}

export function scenarioUses(sim: Simulation): Uses {
  const ctx = context(sim);
  const uses: Use[] = [];
  callUses(ctx, uses);
  ingressUses(ctx, uses);
  gatewayUses(ctx, uses);
  exposedUses(ctx, uses);
  otherResolverUses(ctx, uses);
  const dns = dnsTargets(ctx);
  for (const s of dns.subjects) for (const p of dns.ports) uses.push({ from: { kind: 'any-pod' }, to: { kind: 'pods', subject: s }, port: p.port, protocol: p.protocol, why: 'every pod looks names up in the cluster DNS (NP-14)' });
  return { uses, dns };
}

interface Ctx {
  sim: Simulation;
  lookups: EndpointLookups;
  byName: Map<string, Service>;
  podById: Map<string, Pod>;
  podByIP: Map<string, Pod>;
  workloads: Map<string, Workload>;
  /** Every label key some pod of the namespace carries, sorted. */
  labelKeys: Map<string, string[]>;
}

function context(sim: Simulation): Ctx {
  const podById = new Map(sim.world.pods.map((p) => [p.id, p]));
  const podByIP = new Map<string, Pod>();
  for (const p of sim.world.pods) if (!p.hostNetwork) for (const ip of p.ips) podByIP.set(ip, p);
  const keys = new Map<string, Set<string>>();
  for (const p of sim.world.pods) for (const k of Object.keys(p.labels)) keys.set(p.namespace, (keys.get(p.namespace) ?? new Set()).add(k));
  const labelKeys = new Map([...keys].map(([ns, set]) => [ns, [...set].sort()]));
  return { sim, lookups: endpointLookups(sim.world), byName: servicesByName(sim.world), podById, podByIP, workloads: new Map(sim.world.workloads.map((w) => [w.id, w])), labelKeys };
}

/**
 * The subject a pod belongs to: its workload, selected by the workload's own selector (what its pods are
 * guaranteed to carry), or the bare pod by all its labels. Host-network pods have none: policies cannot
 * select them, and they talk with their node's address (NP-11).
 */
export function subjectOf(ctx: Pick<Ctx, 'workloads' | 'labelKeys'>, pod: Pod): Subject | undefined {
  if (pod.hostNetwork) return undefined;
  const w = pod.ownerId ? ctx.workloads.get(pod.ownerId) : undefined;
  if (w) {
    const sel = w.selector && (Object.keys(w.selector.matchLabels).length || w.selector.matchExpressions.length) ? w.selector : { matchLabels: { ...w.template.labels }, matchExpressions: [] };
    return { id: w.id, kind: w.kind, namespace: w.namespace, name: w.name, selector: sel, selectable: Object.keys(sel.matchLabels).length + sel.matchExpressions.length > 0 };
  }
  if (Object.keys(pod.labels).length) return { id: pod.id, kind: 'Pod', namespace: pod.namespace, name: pod.name, selector: { matchLabels: { ...pod.labels }, matchExpressions: [] }, selectable: true };
  // No labels: the pods that carry none of the keys the namespace's pods use are exactly the unlabelled ones.
  const keys = ctx.labelKeys.get(pod.namespace) ?? [];
  return {
    id: pod.id,
    kind: 'Pod',
    namespace: pod.namespace,
    name: pod.name,
    selector: { matchLabels: {}, matchExpressions: keys.map((key) => ({ key, operator: 'DoesNotExist', values: [] })) },
    selectable: true,
    note: `Pod ${pod.name} has no labels, so it is selected as the pods of ${pod.namespace} without any of the label keys the others carry; a label would say it better.`,
  };
}

/** The pods (or bare addresses) behind one Service port, each with the port it listens on after DNAT (NP-10). */
function backendsOf(ctx: Ctx, svc: Service, port: ServicePort): { to: End; port: number | string }[] {
  const out: { to: End; port: number | string }[] = [];
  for (const b of servicePortEndpoints(ctx.sim.world, svc, port, ctx.lookups)) {
    const pod = (b.podId ? ctx.podById.get(b.podId) : undefined) ?? ctx.podByIP.get(b.ip);
    // A headless name resolves to the pod addresses and the client connects on the port it asked for (SVC-4).
    const at = svc.headless ? port.port : b.port;
    if (pod) {
      const named = !svc.headless && typeof port.targetPort === 'string' && svc.selector !== null;
      const subject = subjectOf(ctx, pod);
      if (subject) out.push({ to: { kind: 'pods', subject }, port: named ? port.targetPort : at });
    } else out.push({ to: { kind: 'ip', ip: b.ip }, port: at });
  }
  return out;
}

/** How a call is named in a comment: the env variable it was read from, else the field. */
function where(pod: Pod, call: RevealedCall): string {
  const env = /^spec\.(containers|initContainers)\.(\d+)\.env\.(\d+)\.value$/.exec(call.path);
  if (env) {
    const c = (env[1] === 'containers' ? pod.containers : pod.initContainers).find((x) => x.index === Number(env[2]));
    const name = c?.env[Number(env[3])]?.name;
    if (name) return `env ${name}`;
  }
  return call.origin === 'annotation' ? 'its calls annotation' : call.path;
}

/** East-west calls, found as the graph finds them (`topology/calls.ts`): pod → Service, then its backends. */
function callUses(ctx: Ctx, uses: Use[]): void {
  const { sim } = ctx;
  for (const pod of sim.world.pods) {
    const calls = revealedCalls(pod);
    if (calls.length === 0) continue;
    const from = subjectOf(ctx, pod);
    if (!from) continue;
    for (const call of calls) {
      const svc = serviceFor(sim, pod, call.host, ctx.byName);
      if (!svc) continue;
      const why = `${from.name} calls ${call.host}${call.port !== undefined ? `:${call.port}` : ''} (${where(pod, call)})`;
      if (svc.type === 'ExternalName') {
        if (call.port !== undefined) uses.push({ from: { kind: 'pods', subject: from }, to: { kind: 'outside' }, port: call.port, protocol: 'TCP', why: `${why}, outside the cluster at ${svc.externalName ?? '?'}` });
        continue;
      }
      const port = call.port !== undefined ? svc.ports.find((p) => p.port === call.port) : svc.ports.length === 1 ? svc.ports[0] : undefined;
      if (!port) continue;
      // GW-19: mesh routes attached to the Service may send the call to other Services.
      const targets: [Service, ServicePort][] = [[svc, port], ...meshBackends(ctx, svc)];
      for (const [s, p] of targets) {
        for (const b of backendsOf(ctx, s, p)) uses.push({ from: { kind: 'pods', subject: from }, to: b.to, port: b.port, protocol: p.protocol, why });
      }
    }
  }
}

/** The backends of the accepted mesh routes attached to a Service (GW-19), as Service ports. */
function meshBackends(ctx: Ctx, svc: Service): [Service, ServicePort][] {
  const out: [Service, ServicePort][] = [];
  for (const route of allRoutes(ctx.sim.world)) {
    const rs = route.status;
    if (!rs || !rs.parents.some((p) => p.accepted && p.serviceId === svc.id)) continue;
    for (const b of rs.backends) {
      if (!b.resolved || b.ref.kind !== 'Service' || b.ref.group !== '') continue;
      const s = ctx.byName.get(`${b.ref.namespace}/${b.ref.name}`);
      const p = s?.ports.find((x) => x.port === b.ref.port);
      if (s && p) out.push([s, p]);
    }
  }
  return out;
}

function proxySubjects(ctx: Ctx, podIds: string[] | undefined): Subject[] {
  const seen = new Map<string, Subject>();
  for (const id of podIds ?? []) {
    const pod = ctx.podById.get(id);
    const s = pod && subjectOf(ctx, pod);
    if (s) seen.set(s.id, s);
  }
  return [...seen.values()];
}

/** Each Ingress controller's pods → the backends of the Ingresses it serves (ING-13, NP-12). */
function ingressUses(ctx: Ctx, uses: Use[]): void {
  const w = ctx.sim.world;
  for (const ing of w.ingresses) {
    const serving = servingClass(w, ing);
    if (!serving.served) continue;
    const proxies = proxySubjects(ctx, serving.ingressClass.implementation?.pods);
    for (const b of ingressBackends(ing)) {
      const svc = ctx.byName.get(`${ing.namespace}/${b.service}`);
      const port = svc?.ports.find((p) => (b.port.number !== undefined ? p.port === b.port.number : p.name === b.port.name));
      if (!svc || !port) continue;
      const why = `IngressClass ${serving.ingressClass.name} sends ${b.routes.join(', ')} (Ingress ${ing.name}) to ${svc.name}:${port.port}`;
      for (const t of backendsOf(ctx, svc, port)) for (const p of proxies) uses.push({ from: { kind: 'pods', subject: p }, to: t.to, port: t.port, protocol: port.protocol, why });
    }
  }
}

/** Each Gateway's proxy pods → the backends of the routes attached to it (GW-15, NP-12). */
function gatewayUses(ctx: Ctx, uses: Use[]): void {
  const w = ctx.sim.world;
  for (const route of allRoutes(w)) {
    const rs = route.status;
    if (!rs) continue;
    const gateways = rs.parents.filter((p) => p.accepted && p.gatewayId).map((p) => w.gateways.find((g) => g.id === p.gatewayId));
    for (const gw of gateways) {
      if (!gw) continue;
      const proxies = proxySubjects(ctx, gw.status?.implementation?.pods);
      for (const b of rs.backends) {
        if (!b.resolved || b.ref.kind !== 'Service' || b.ref.group !== '') continue;
        const svc = ctx.byName.get(`${b.ref.namespace}/${b.ref.name}`);
        const port = svc?.ports.find((p) => p.port === b.ref.port);
        if (!svc || !port) continue;
        const why = `Gateway ${gw.name} sends ${route.kind} ${route.name} rule ${b.rule + 1} to ${svc.name}:${port.port}`;
        for (const t of backendsOf(ctx, svc, port)) for (const p of proxies) uses.push({ from: { kind: 'pods', subject: p }, to: t.to, port: t.port, protocol: port.protocol, why });
      }
    }
  }
}

/** Services reachable from outside (NodePort, LoadBalancer, externalIPs): clients or nodes → their backends (NP-12). */
function exposedUses(ctx: Ctx, uses: Use[]): void {
  for (const s of ctx.sim.world.services) {
    const how = s.type === 'LoadBalancer' || s.type === 'NodePort' ? s.type : s.externalIPs.length ? 'externalIPs' : undefined;
    if (!how) continue;
    for (const port of s.ports) {
      const why = `Service ${s.name} is reachable from outside the cluster (${how}, port ${port.port})`;
      for (const t of backendsOf(ctx, s, port)) uses.push({ from: { kind: 'outside' }, to: t.to, port: t.port, protocol: port.protocol, why });
    }
  }
}

/** The cluster DNS: the pods behind the Service at the DNS address, on its port-53 ports (NP-14). */
function dnsTargets(ctx: Ctx): Uses['dns'] {
  const ip = ctx.sim.options.cluster.dnsServiceIP;
  const svc = ctx.sim.world.services.find((s) => s.clusterIPs.includes(ip));
  const subjects = new Map<string, Subject>();
  const ports = new Map<string, { port: number | string; protocol: Protocol }>();
  for (const p of svc?.ports.filter((x) => x.port === 53) ?? []) {
    for (const b of backendsOf(ctx, svc!, p)) {
      if (b.to.kind !== 'pods') continue;
      subjects.set(b.to.subject.id, b.to.subject);
      ports.set(`${b.port}/${p.protocol}`, { port: b.port, protocol: p.protocol });
    }
  }
  return { subjects: [...subjects.values()], ports: [...ports.values()] };
}

/**
 * Pods that do not ask the cluster DNS (dnsPolicy Default, None with dnsConfig, hostNetwork without
 * ClusterFirstWithHostNet) send their lookups to the nameservers in their resolv.conf (DNS-15): those
 * addresses on 53 UDP and TCP.
 */
function otherResolverUses(ctx: Ctx, uses: Use[]): void {
  const { sim } = ctx;
  for (const pod of sim.world.pods) {
    const from = subjectOf(ctx, pod);
    if (!from) continue;
    const conf = podResolvConf(pod, sim.options.cluster);
    const servers = [...conf.nameservers, ...(pod.dnsConfig?.nameservers ?? [])].filter((ip) => ip !== sim.options.cluster.dnsServiceIP);
    for (const ip of [...new Set(servers)]) {
      const why = `${from.name} looks names up at ${ip} (dnsPolicy ${pod.dnsPolicy})`;
      const svc = sim.world.services.find((s) => s.clusterIPs.includes(ip));
      const pod2 = ctx.podByIP.get(ip);
      for (const protocol of ['UDP', 'TCP'] as const) {
        if (svc) {
          for (const p of svc.ports.filter((x) => x.port === 53 && x.protocol === protocol)) for (const b of backendsOf(ctx, svc, p)) uses.push({ from: { kind: 'pods', subject: from }, to: b.to, port: b.port, protocol, why });
          continue;
        }
        const to2 = pod2 && subjectOf(ctx, pod2);
        uses.push({ from: { kind: 'pods', subject: from }, to: to2 ? { kind: 'pods', subject: to2 } : { kind: 'ip', ip }, port: 53, protocol, why });
      }
    }
  }
}
