import type { Cite } from '../diagnostics/diagnostic';
import type { Pod, Service, ServicePort } from '../model/core';
import { parseRequestURL } from '../http';
import { routeMesh } from '../controllers/gateway/index';
import type { Simulation } from '../simulate';
import { check, reachDNS } from '../controllers/netpol/index';
import { podResolvConf, searchCandidates } from '../controllers/coredns/index';
import { addEdge, citeOf, INTERNET, shown, type Builder } from './builder';
import { revealedCalls, type RevealedCall } from './calls';
import type { Judged, Verdict } from './types';
import { slicesOf, type EndpointLookups } from '../net/endpoints';
import { servicesByName } from '../model/lookup';
import { whyNoTraffic } from '../model/pod-state';
import { OUTSIDE_CLIENT_IP, type Peer } from '../model/peer';

export type { Judged } from './types';

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

/** `judgeService` from a pod, answered from the verdicts kept from earlier graphs when the builder has them. */
export function judgeFromPod(g: Builder, sim: Simulation, pod: Pod, svc: Service, port: number): Judged {
  const judged = () => judgeService(sim, { kind: 'pod', namespace: pod.namespace, name: pod.name }, svc, port);
  return g.verdicts ? g.verdicts.judge(pod, svc, port, judged) : judged();
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
export function addCalls(g: Builder, sim: Simulation, lookups?: EndpointLookups): void {
  const dns = g.opts.skipPolicy ? undefined : reachDNS(sim.world, sim.options, sim.policies);
  // The first Service of each namespace/name, as `find` would pick it.
  const byName = servicesByName(sim.world);
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
      // SVC-7: a pod that does not run makes no call at all (checked before DNS, which it cannot reach either).
      const down = whyNoTraffic(pod);
      if (down) {
        addEdge(g, { from: pod.id, to: svc.id, verdict: 'blocked', relation: 'call', label, reason: `${pod.namespace}/${pod.name} ${down}. ${found}`, cites: [where] });
        continue;
      }
      if (dns && dnsBlocked === undefined) {
        const ip = sim.options.cluster.dnsServiceIP;
        const r = g.verdicts ? g.verdicts.dns(pod, ip, () => dns(pod.id, ip, 'UDP', 53)) : dns(pod.id, ip, 'UDP', 53);
        dnsBlocked = r.allowed || pod.dnsPolicy === 'None' ? '' : `The name ${call.host} cannot be looked up: ${r.reason} (NP-14)`;
      }
      if (dnsBlocked) {
        addEdge(g, { from: pod.id, to: svc.id, verdict: 'blocked', relation: 'call', label, reason: `${dnsBlocked} ${found}`, cites: [where] });
        continue;
      }
      // GW-19: mesh (GAMMA) routes attached to the Service decide where the call goes, before kube-proxy.
      const mesh = svc.headless || (call.scheme && !/^(https?|grpc)$/.test(call.scheme)) ? undefined : meshCall(g, sim, pod, svc, port, call);
      if (mesh) {
        addEdge(g, { from: pod.id, to: svc.id, verdict: mesh.verdict, relation: 'call', label, reason: `${mesh.reason} ${found}`, cites: [where, ...mesh.cites] });
        continue;
      }
      const j = g.opts.skipPolicy
        ? { verdict: 'unknown' as Verdict, reason: 'Policy verdicts are not computed in this view.', cites: [] }
        : svc.headless
          ? judgeHeadless(sim, pod, svc, port.port, call, lookups)
          : judgeFromPod(g, sim, pod, svc, port.port);
      addEdge(g, { from: pod.id, to: svc.id, verdict: j.verdict, relation: 'call', label, reason: `${j.reason} ${found}`, cites: [where, ...j.cites] });
    }
  }
}

/** A call to a headless Service: the name resolves to the pod IPs and the client connects to them directly (SVC-4). */
function judgeHeadless(sim: Simulation, pod: Pod, svc: Service, port: number, call: RevealedCall, lookups?: EndpointLookups): Judged {
  const from: Peer = { kind: 'pod', namespace: pod.namespace, name: pod.name };
  const targets = slicesOf(sim.world, svc, lookups)
    .flatMap((es) => es.endpoints.filter((e) => e.conditions.ready).map((e) => e.addresses[0]!));
  if (targets.length === 0) return { verdict: 'blocked', reason: `${call.host} has no ready endpoint, so the headless name does not resolve (DNS-3).`, cites: [] };
  const results = targets.map((ip) => check(sim.world, sim.options, { from, to: { kind: 'ip', ip }, port, protocol: 'TCP' }, sim.policies)).flatMap((r) => (r.ok ? [r.result] : []));
  const denied = results.filter((r) => r.verdict === 'denied');
  const shownResult = denied[0] ?? results[0];
  if (!shownResult) return { verdict: 'unknown', reason: 'No endpoint could be judged.', cites: [] };
  const partial = denied.length && denied.length < results.length ? ` (${denied.length} of ${results.length} pods deny it)` : '';
  return { verdict: denied.length ? 'blocked' : 'allowed', reason: `${shownResult.reason}${partial}`, cites: [...shownResult.egress.cites, ...shownResult.ingress.cites] };
}

/**
 * GW-19: a call to a Service with mesh routes attached, sent as `GET <path>` (the path the configuration
 * shows, else `/`): the routed backends are judged (the route itself is drawn with the Gateway API routes,
 * hanging off the Service). Undefined when no mesh route applies to this client.
 */
function meshCall(g: Builder, sim: Simulation, pod: Pod, svc: Service, port: ServicePort, call: RevealedCall): Judged | undefined {
  // The path the configuration shows after the host (`http://echo/v2` → `/v2`), else `/`.
  const at = call.text.toLowerCase().indexOf(`://${call.host}`);
  const rest = at < 0 ? '' : call.text.slice(at + 3 + call.host.length).replace(/^:\d+/, '');
  const path = /^\/[^\s"'?#]*/.exec(rest)?.[0] ?? '/';
  const req = parseRequestURL(`${call.scheme === 'https' ? 'https' : 'http'}://${call.host}:${port.port}${path}`);
  if (!req) return undefined;
  const r = routeMesh(sim.world, req, pod, svc, port);
  if (!r.route && r.status !== 404) return undefined;
  const routeName = r.route ? `HTTPRoute ${r.route.namespace}/${r.route.name}` : 'the mesh routes';
  const cites = r.cite ? [r.cite] : [];
  if (r.redirect) return { verdict: 'unknown', reason: `${routeName} answers GET ${path} with a ${r.redirect.status} redirect to ${r.redirect.location} (GW-19).`, cites };
  if (r.status !== 200) return { verdict: 'blocked', reason: `${r.reasons.at(-1) ?? `HTTP ${r.status}`} (GET ${path}).`, cites };
  const live = r.backends.filter((b) => b.role === undefined && b.state === 'ok');
  const judged = live.map((b) => {
    const target = sim.world.services.find((s) => s.namespace === b.namespace && s.name === b.name)!;
    return g.opts.skipPolicy ? { verdict: 'unknown', reason: '', cites: [] } : judgeFromPod(g, sim, pod, target, b.port!);
  });
  const blocked = judged.filter((j) => j.verdict === 'blocked');
  const to = live.map((b) => `${b.namespace}/${b.name}:${b.port}`).join(', ') || 'no live backend';
  const verdict: Verdict = live.length === 0 ? 'blocked' : blocked.length ? 'blocked' : judged.every((j) => j.verdict === 'allowed') ? 'allowed' : 'unknown';
  return { verdict, reason: `${routeName} (mesh, GW-19) routes GET ${path} for ${svc.name} to ${to}. ${(blocked[0] ?? judged[0])?.reason ?? r.reasons.at(-1) ?? ''}`.trim(), cites: [...cites, ...judged.flatMap((j) => j.cites)] };
}
