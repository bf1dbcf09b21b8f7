import type { Cite } from '../diagnostics/diagnostic';
import type { Pod, Service } from '../model/core';
import type { Simulation } from '../simulate';
import { check, reachDNS } from '../controllers/netpol/index';
import { podResolvConf, searchCandidates } from '../controllers/coredns/index';
import { addEdge, citeOf, INTERNET, shown, type Builder } from './builder';
import { revealedCalls, type RevealedCall } from './calls';
import type { Verdict } from './types';
import { slicesOf } from '../net/endpoints';
import { OUTSIDE_CLIENT_IP, type Peer } from '../model/peer';

export interface Judged {
  verdict: Verdict;
  reason: string;
  cites: Cite[];
}

/**
 * The policy verdict for `from` connecting to a Service port, judged per backend after DNAT (NP-10)
 * by the policy engine; no ready backend is a refused connection (KP-5).
 */
export function judgeService(sim: Simulation, from: Peer, svc: Service, port: number, via?: 'nodePort' | 'loadBalancer' | 'externalIP'): Judged {
  const to: Peer = { kind: 'service', namespace: svc.namespace, name: svc.name };
  const r = check(sim.world, sim.options, { from, to, port, protocol: svc.ports.find((p) => p.port === port)?.protocol ?? 'TCP', ...(via ? { via } : {}) }, sim.policies);
  if (!r.ok) return { verdict: 'unknown', reason: r.error, cites: [] };
  const res = r.result;
  const cites = [...res.egress.cites, ...res.ingress.cites];
  return { verdict: res.verdict === 'allowed' ? 'allowed' : 'blocked', reason: [res.reason, ...res.assumptions].join(' '), cites };
}

/**
 * Client → Service for Services reachable from outside (NodePort, LoadBalancer, externalIPs), with the
 * verdict for an arbitrary client. When policies decide by client address (ipBlock), a static model
 * cannot know the client, so the edge is `unknown` and says so.
 */
export function addExternalEntry(g: Builder, sim: Simulation): void {
  for (const s of sim.world.services) {
    const via = s.type === 'LoadBalancer' ? 'loadBalancer' : s.type === 'NodePort' ? 'nodePort' : s.externalIPs.length ? 'externalIP' : undefined;
    if (!via || !g.nodes.has(s.id)) continue;
    const how =
      via === 'loadBalancer'
        ? `the load balancer address ${s.loadBalancerIPs[0] ?? '(pending)'}`
        : via === 'nodePort'
          ? `node ports ${s.ports.map((p) => p.nodePort).filter(Boolean).join(', ')} on every node`
          : `the external IPs ${s.externalIPs.join(', ')}`;
    const port = s.ports[0];
    let j: Judged = { verdict: 'allowed', reason: '', cites: [] };
    if (port && !g.opts.skipPolicy) {
      j = judgeService(sim, { kind: 'ip', ip: OUTSIDE_CLIENT_IP }, s, port.port, via);
      // Only a preserved client IP (externalTrafficPolicy Local, NP-12) lets ipBlock rules tell clients apart;
      // under Cluster the backend sees a node address whatever the client is.
      const byAddress = s.externalTrafficPolicy === 'Local' && sim.world.networkPolicies.some((p) => p.namespace === s.namespace && p.ingress.some((r) => r.peers.some((x) => x.ipBlock)));
      if (j.verdict === 'blocked' && byAddress) j = { ...j, verdict: 'unknown', reason: `Depends on the client's address: policies here admit some address ranges (ipBlock). For a client at ${OUTSIDE_CLIENT_IP}: ${j.reason}` };
    }
    addEdge(g, {
      from: INTERNET,
      to: s.id,
      verdict: j.verdict,
      relation: 'entry',
      label: s.type === 'ClusterIP' ? 'externalIPs' : s.type,
      reason: `Service ${s.name} is exposed outside the cluster through ${how}. ${j.reason}`.trim(),
      cites: [citeOf(s, 'spec.type'), ...j.cites],
    });
  }
}

/** The Service a host name reaches from a pod, following its search list as the resolver would (DNS-15). */
export function serviceFor(sim: Simulation, pod: Pod, host: string, byName?: Map<string, Service>): Service | undefined {
  const zone = `.svc.${sim.options.cluster.clusterDomain}.`;
  for (const name of searchCandidates(host, podResolvConf(pod, sim.options.cluster), sim.options.dns.resolver)) {
    const fqdn = name.toLowerCase();
    if (!fqdn.endsWith(zone)) continue;
    const parts = fqdn.slice(0, -zone.length).split('.');
    // <svc>.<ns>, or <hostname>.<svc>.<ns> for a pod behind a headless Service (DNS-4).
    const [svcName, ns] = parts.length === 2 ? parts : parts.length === 3 ? parts.slice(1) : [];
    if (ns === undefined) continue;
    const svc = byName ? byName.get(`${ns}/${svcName}`) : sim.world.services.find((s) => s.namespace === ns && s.name === svcName);
    if (svc) return svc;
  }
  return undefined;
}

/**
 * East-west calls the manifests reveal: a container whose env, args or command name a Service
 * gets a pod → Service edge, judged on the real path (DNS first, then each backend after DNAT).
 */
export function addCalls(g: Builder, sim: Simulation): void {
  const dns = g.opts.skipPolicy ? undefined : reachDNS(sim.world, sim.options, sim.policies);
  // The first Service of each namespace/name, as `find` would pick it.
  const byName = new Map<string, Service>();
  for (const s of sim.world.services) if (!byName.has(`${s.namespace}/${s.name}`)) byName.set(`${s.namespace}/${s.name}`, s);
  for (const pod of sim.world.pods) {
    if (!shown(g, pod) || !g.nodes.has(pod.id)) continue;
    const calls = revealedCalls(pod);
    if (calls.length === 0) continue;
    let dnsBlocked: string | undefined;
    for (const call of calls) {
      const svc = serviceFor(sim, pod, call.host, byName);
      if (!svc || svc.type === 'ExternalName' || !g.nodes.has(svc.id)) continue;
      const where: Cite = citeOf(pod, call.path);
      const found = `${call.origin === 'annotation' ? 'Declared' : 'Inferred'} from ${call.path} ("${call.text.length > 60 ? `${call.text.slice(0, 57)}...` : call.text}").`;
      const port = call.port !== undefined ? svc.ports.find((p) => p.port === call.port) : svc.ports.length === 1 ? svc.ports[0] : undefined;
      const label = `:${call.port ?? port?.port ?? '?'}`;
      if (!port) {
        const reason = call.port !== undefined ? `Service ${svc.namespace}/${svc.name} has no port ${call.port}; nothing answers there.` : `The call names no port and Service ${svc.name} has several; pick one to judge it.`;
        addEdge(g, { from: pod.id, to: svc.id, verdict: call.port !== undefined ? 'blocked' : 'unknown', relation: 'call', label, reason: `${reason} ${found}`, cites: [where, citeOf(svc, 'spec.ports')] });
        continue;
      }
      if (dns && dnsBlocked === undefined) {
        const r = dns(pod.id, sim.options.cluster.dnsServiceIP, 'UDP', 53);
        dnsBlocked = r.allowed || pod.dnsPolicy === 'None' ? '' : `The name ${call.host} cannot be looked up: ${r.reason} (NP-14)`;
      }
      if (dnsBlocked) {
        addEdge(g, { from: pod.id, to: svc.id, verdict: 'blocked', relation: 'call', label, reason: `${dnsBlocked} ${found}`, cites: [where] });
        continue;
      }
      const j = g.opts.skipPolicy ? { verdict: 'unknown' as Verdict, reason: 'Policy verdicts are not computed in this view.', cites: [] } : judgeCall(sim, pod, svc, port.port, call);
      addEdge(g, { from: pod.id, to: svc.id, verdict: j.verdict, relation: 'call', label, reason: `${j.reason} ${found}`, cites: [where, ...j.cites] });
    }
  }
}

function judgeCall(sim: Simulation, pod: Pod, svc: Service, port: number, call: RevealedCall): Judged {
  const from: Peer = { kind: 'pod', namespace: pod.namespace, name: pod.name };
  if (!svc.headless) return judgeService(sim, from, svc, port);
  // Headless: the name resolves to the pod IPs and the client connects to them directly (SVC-4).
  const targets = slicesOf(sim.world, svc)
    .flatMap((es) => es.endpoints.filter((e) => e.conditions.ready).map((e) => e.addresses[0]!));
  if (targets.length === 0) return { verdict: 'blocked', reason: `${call.host} has no ready endpoint, so the headless name does not resolve (DNS-3).`, cites: [] };
  const results = targets.map((ip) => check(sim.world, sim.options, { from, to: { kind: 'ip', ip }, port, protocol: 'TCP' }, sim.policies)).flatMap((r) => (r.ok ? [r.result] : []));
  const denied = results.filter((r) => r.verdict === 'denied');
  const shownResult = denied[0] ?? results[0];
  if (!shownResult) return { verdict: 'unknown', reason: 'No endpoint could be judged.', cites: [] };
  const partial = denied.length && denied.length < results.length ? ` (${denied.length} of ${results.length} pods deny it)` : '';
  return { verdict: denied.length ? 'blocked' : 'allowed', reason: `${shownResult.reason}${partial}`, cites: [...shownResult.egress.cites, ...shownResult.ingress.cites] };
}
