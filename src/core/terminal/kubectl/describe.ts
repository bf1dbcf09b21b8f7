/**
 * `kubectl describe` (staging/src/k8s.io/kubectl/pkg/describe/describe.go): `describeService` (endpoints
 * from the Service's EndpointSlices, formatEndpointSlices), `describePod`, `describeNetworkPolicy`,
 * `describeIngressV1`; other kinds through the generic describer's Name/Namespace/Labels header. Lines
 * are written with the PrefixWriter's levels (two blanks each) into a tabwriter (padding 2).
 * A name matches exactly, else as a prefix, as kubectl's describe does.
 */
import type { Container, Pod, Service } from '../../model/core';
import type { ObjectMeta } from '../../model/meta';
import type { Ingress, IngressBackend, NetworkPolicy, NetworkPolicyRule } from '../../model/networking';
import type { Output } from '../output';
import { DESCRIBE_TABS, tabwrite } from '../tabwriter';
import { FIXED } from '../fixed';
import { linkOf } from './get';
import { resourceType } from './resources';
import { formatLabelSelector, formatLabels, ingressAddress, type View } from './view';

type W = (level: number, text: string) => void;

/** The PrefixWriter: every line a call starts is indented by its level (two blanks per level). */
function writer(): { w: W; text: () => string } {
  let buf = '';
  const w: W = (level, text) => {
    const pad = '  '.repeat(level);
    buf += text
      .split('\n')
      .map((line, i, all) => (line === '' && i === all.length - 1 ? '' : pad + line))
      .join('\n');
  };
  return { w, text: () => tabwrite(buf, DESCRIBE_TABS) };
}

function multiline(w: W, title: string, entries: [string, string][], sep: string): void {
  if (entries.length === 0) return w(0, `${title}:\t<none>\n`);
  entries.sort(([a], [b]) => (a < b ? -1 : 1)).forEach(([k, v], i) => w(0, `${i === 0 ? `${title}:\t` : '\t'}${k}${sep}${v}\n`));
}

const labelsOf = (o: ObjectMeta, w: W) => multiline(w, 'Labels', Object.entries(o.labels), '=');
const annotationsOf = (o: ObjectMeta, w: W) => multiline(w, 'Annotations', Object.entries(o.annotations), ': ');

/** formatEndpointSlices for one Service port: ready addresses only, three then `+ N more...`. */
function endpointsOf(view: View, s: Service, portName: string): string {
  const slices = view.sim.world.endpointSlices.filter((x) => x.namespace === s.namespace && x.serviceName === s.name);
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const sl of slices) {
    for (const p of sl.ports.length ? sl.ports.filter((x) => x.name === portName) : [null]) {
      for (const e of sl.endpoints) {
        if (list.length === 3) more = true;
        if (!e.conditions.ready) continue;
        const a = e.addresses[0] ?? '';
        if (!more) list.push(p && p.port !== null ? `${a.includes(':') ? `[${a}]` : a}:${p.port}` : a);
        count++;
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function service(s: Service, view: View, w: W): void {
  w(0, `Name:\t${s.name}\nNamespace:\t${s.namespace}\n`);
  labelsOf(s, w);
  annotationsOf(s, w);
  w(0, `Selector:\t${formatLabels(s.selector)}\nType:\t${s.type}\n`);
  if (s.type !== 'ExternalName') w(0, `IP Family Policy:\tSingleStack\nIP Families:\t${s.ipFamilies.join(',')}\n`);
  else w(0, 'IP Families:\t<none>\n');
  const ip = s.headless ? 'None' : (s.clusterIPs[0] ?? '');
  w(0, `IP:\t${ip}\nIPs:\t${s.headless ? 'None' : s.clusterIPs.join(',') || '<none>'}\n`);
  if (s.externalIPs.length) w(0, `External IPs:\t${s.externalIPs.join(',')}\n`);
  if (s.externalName) w(0, `External Name:\t${s.externalName}\n`);
  if (s.loadBalancerIPs.length) w(0, `LoadBalancer Ingress:\t${s.loadBalancerIPs.map((x) => `${x} (VIP)`).join(', ')}\n`);
  for (const p of s.ports) {
    const name = p.name || '<unset>';
    w(0, `Port:\t${name}\t${p.port}/${p.protocol}\nTargetPort:\t${p.targetPort}/${p.protocol}\n`);
    if (p.nodePort) w(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w(0, `Endpoints:\t${endpointsOf(view, s, p.name)}\n`);
  }
  w(0, `Session Affinity:\t${s.sessionAffinity}\n`);
  if (s.externalTrafficPolicy) w(0, `External Traffic Policy:\t${s.externalTrafficPolicy}\n`);
  if (s.internalTrafficPolicy) w(0, `Internal Traffic Policy:\t${s.internalTrafficPolicy}\n`);
  if (s.healthCheckNodePort) w(0, `HealthCheck NodePort:\t${s.healthCheckNodePort}\n`);
  if (s.loadBalancerSourceRanges.length) w(0, `LoadBalancer Source Ranges:\t${s.loadBalancerSourceRanges.join(',')}\n`);
  w(0, 'Events:\t<none>\n');
}

function containers(title: string, cs: Container[], p: Pod, w: W): void {
  w(0, `${title}:\n`);
  for (const c of cs) {
    const running = p.phase === 'Running';
    w(1, `${c.name}:\n`);
    if (running) w(2, `Container ID:\tcontainerd://${'0'.repeat(64)}\n`);
    w(2, `Image:\t${c.image ?? ''}\n`);
    if (running) w(2, `Image ID:\t${c.image ?? ''}\n`);
    const ports = c.ports.map((x) => `${x.containerPort}/${x.protocol}`).join(', ');
    const hostPorts = c.ports.map((x) => `${x.hostPort ?? 0}/${x.protocol}`).join(', ');
    w(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command.length) {
      w(2, 'Command:\n');
      for (const x of c.command) w(3, `${x}\n`);
    }
    if (c.args.length) {
      w(2, 'Args:\n');
      for (const x of c.args) w(3, `${x}\n`);
    }
    w(2, running ? 'State:\tRunning\n' : 'State:\tWaiting\n');
    w(3, running ? `Started:\t${FIXED.createdText}\n` : 'Reason:\tContainerCreating\n');
    w(2, `Ready:\t${running && p.ready ? 'True' : 'False'}\nRestart Count:\t0\n`);
    if (c.env.length) {
      w(2, 'Environment:\n');
      for (const e of c.env) w(3, `${e.name}:\t${e.value ?? ''}\n`);
    } else w(2, 'Environment:\t<none>\n');
    w(2, 'Mounts:\n');
    w(3, '/var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-4x7mz (ro)\n');
  }
}

function pod(p: Pod, view: View, w: W): void {
  const node = view.sim.world.nodes.find((n) => n.name === p.nodeName);
  w(0, `Name:\t${p.name}\nNamespace:\t${p.namespace}\nPriority:\t0\nService Account:\tdefault\n`);
  w(0, p.nodeName ? `Node:\t${p.nodeName}/${node?.addresses[0] ?? ''}\n` : 'Node:\t<none>\n');
  if (p.nodeName) w(0, `Start Time:\t${FIXED.createdText}\n`);
  labelsOf(p, w);
  annotationsOf(p, w);
  w(0, `Status:\t${p.terminating ? 'Terminating' : p.phase}\nIP:\t${p.ips[0] ?? ''}\n`);
  if (p.ips.length === 0) w(0, 'IPs:\t<none>\n');
  else {
    w(0, 'IPs:\n');
    for (const ip of p.ips) w(1, `IP:\t${ip}\n`);
  }
  const owner = view.sim.world.workloads.find((x) => x.id === p.ownerId);
  if (owner) w(0, `Controlled By:\t${owner.kind === 'Deployment' ? `ReplicaSet/${p.name.replace(/-[^-]+$/, '')}` : `${owner.kind}/${owner.name}`}\n`);
  if (p.initContainers.length) containers('Init Containers', p.initContainers, p, w);
  containers('Containers', p.containers, p, w);
  const ready = p.phase === 'Running' && p.ready ? 'True' : 'False';
  w(0, 'Conditions:\n  Type\tStatus\n');
  for (const [t, st] of [['PodReadyToStartContainers', 'True'], ['Initialized', 'True'], ['Ready', ready], ['ContainersReady', ready], ['PodScheduled', p.nodeName ? 'True' : 'False']])
    w(1, `${t} \t${st} \n`);
  w(0, 'Volumes:\n');
  w(1, 'kube-api-access-4x7mz:\n');
  w(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  w(2, 'TokenExpirationSeconds:\t3607\nConfigMapName:\tkube-root-ca.crt\nConfigMapOptional:\t<nil>\nDownwardAPI:\ttrue\n');
  w(0, 'QoS Class:\tBestEffort\nNode-Selectors:\t<none>\n');
  w(0, 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  w(0, 'Events:\t<none>\n');
}

function peers(r: NetworkPolicyRule, dir: 'From' | 'To', w: W): void {
  const indent = '    ';
  // kubectl prints `To Port` and `(... by source)` for both directions.
  if (r.ports.length === 0) w(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
  for (const p of r.ports) w(0, `${indent}To Port: ${p.port ?? '<any>'}/${p.protocol}\n`);
  if (r.peers.length === 0) w(0, `${indent}${dir}: <any> (traffic not restricted by source)\n`);
  for (const peer of r.peers) {
    w(0, `${indent}${dir}:\n`);
    if (peer.namespaceSelector) w(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
    if (peer.podSelector) w(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    if (peer.ipBlock) {
      w(1, `${indent}IPBlock:\n`);
      w(2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w(2, `${indent}Except: ${peer.ipBlock.except.join(', ')}\n`);
    }
  }
}

function policy(n: NetworkPolicy, w: W): void {
  w(0, `Name:\t${n.name}\nNamespace:\t${n.namespace}\nCreated on:\t${(n.creationTimestamp ?? FIXED.created).replace('T', ' ').replace('Z', ' +0000 UTC')}\n`);
  labelsOf(n, w);
  annotationsOf(n, w);
  w(0, 'Spec:\n');
  w(1, 'PodSelector: ');
  const sel = formatLabelSelector(n.podSelector);
  w(2, sel === '<none>' ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${sel}\n`);
  for (const [dir, rules, word] of [['Ingress', n.ingress, 'From'], ['Egress', n.egress, 'To']] as const) {
    if (!n.policyTypes.includes(dir)) {
      w(1, `Not affecting ${dir.toLowerCase()} traffic\n`);
      continue;
    }
    w(1, `Allowing ${dir.toLowerCase()} traffic:\n`);
    if (rules.length === 0) w(0, `    <none> (Selected pods are isolated for ${dir.toLowerCase()} connectivity)\n`);
    rules.forEach((r, i) => {
      peers(r, word, w);
      if (i < rules.length - 1) w(0, '    ----------\n');
    });
  }
  w(1, `Policy Types: ${n.policyTypes.join(', ')}\n`);
}

function backendText(view: View, ns: string, b: IngressBackend): string {
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  const svc = view.sim.world.services.find((s) => s.namespace === ns && s.name === b.service?.name);
  const port = b.service?.port.number ?? b.service?.port.name ?? '';
  const sb = `${b.service?.name}:${port}`;
  if (!svc) return `${sb} (<error: services "${b.service?.name}" not found>)`;
  const sp = svc.ports.find((p) => (b.service?.port.number ? p.port === b.service.port.number : p.name === b.service?.port.name));
  return `${sb} (${endpointsOf(view, svc, sp?.name ?? '\u0000')})`;
}

function ingress(i: Ingress, view: View, w: W): void {
  w(0, `Name:\t${i.name}\n`);
  labelsOf(i, w);
  w(0, `Namespace:\t${i.namespace}\nAddress:\t${ingressAddress(i).join(',')}\n`);
  w(0, `Ingress Class:\t${i.classSource === 'annotation' || !i.ingressClassName ? '<none>' : i.ingressClassName}\n`);
  const def = i.defaultBackend ? backendText(view, i.namespace, i.defaultBackend) : '<default>';
  w(0, `Default backend:\t${def}\n`);
  if (i.tls.length) {
    w(0, 'TLS:\n');
    for (const t of i.tls) w(1, t.secretName ? `${t.secretName} terminates ${t.hosts.join(',')}\n` : `SNI routes ${t.hosts.join(',')}\n`);
  }
  w(0, 'Rules:\n  Host\tPath\tBackends\n');
  w(1, '----\t----\t--------\n');
  for (const r of i.rules) {
    w(1, `${r.host || '*'}\t\n`);
    for (const p of r.paths) w(2, `\t${p.path} \t${backendText(view, i.namespace, p.backend)}\n`);
  }
  if (i.rules.length === 0) w(1, `*\t*\t${def}\n`);
  annotationsOf(i, w);
  w(0, 'Events:\t<none>\n');
}

/** The generic describer's header, for kinds without a describer of their own here. */
function generic(o: ObjectMeta, w: W): void {
  w(0, `Name:\t${o.name}\n`);
  if (o.namespace) w(0, `Namespace:\t${o.namespace}\n`);
  labelsOf(o, w);
  annotationsOf(o, w);
  w(0, `Kind:\t${o.kind}\nEvents:\t<none>\n`);
}

export function describe(out: Output, view: View, args: string[], namespace: string): number {
  if (args.length === 0) {
    out.err("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n");
    return 1;
  }
  const [typeName, ...rest] = args[0]!.includes('/') ? [args[0]!.split('/')[0]!, args[0]!.split('/').slice(1).join('/'), ...args.slice(1)] : args;
  const type = resourceType(typeName!);
  if (!type) {
    out.err(`error: the server doesn't have a resource type "${typeName}"\n`);
    return 1;
  }
  const scope = type.list(view).filter((o) => !type.namespaced || o.namespace === namespace);
  const picked: ObjectMeta[] = [];
  let exit = 0;
  for (const name of rest.length ? rest : [undefined]) {
    const matches = name === undefined ? scope : scope.some((o) => o.name === name) ? scope.filter((o) => o.name === name) : scope.filter((o) => o.name.startsWith(name));
    if (name !== undefined && matches.length === 0) {
      out.err(`Error from server (NotFound): ${type.plural} "${name}" not found\n`);
      exit = 1;
    }
    picked.push(...matches);
  }
  if (picked.length === 0 && exit === 0) out.err(type.namespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
  picked.forEach((o, i) => {
    const { w, text } = writer();
    if (o.kind === 'Service') service(o as Service, view, w);
    else if (o.kind === 'Pod') pod(o as Pod, view, w);
    else if (o.kind === 'NetworkPolicy') policy(o as NetworkPolicy, w);
    else if (o.kind === 'Ingress') ingress(o as Ingress, view, w);
    else generic(o, w);
    const body = text();
    const first = body.indexOf('\n');
    // The object's name on the first line is a link to it.
    const nameAt = body.indexOf(o.name);
    if (nameAt >= 0 && nameAt < first) {
      out.out(body.slice(0, nameAt));
      out.out(o.name, linkOf(o));
      out.out(body.slice(nameAt + o.name.length));
    } else out.out(body);
    if (i < picked.length - 1) out.out('\n\n');
  });
  return exit;
}
