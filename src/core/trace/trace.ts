import type { Cite } from '../diagnostics/diagnostic';
import type { Pod } from '../model/core';
import type { Simulation } from '../simulate';
import { parseRequestURL, type HttpRequest } from '../http';
import { canonicalIP, parseIP } from '../net/ip';
import { citeOf } from '../manifest/reader';
import { whyNoTraffic } from '../model/pod-state';
import { resolve, findPod } from '../controllers/coredns/index';
import { check, reachDNS, type CheckResult } from '../controllers/netpol/index';
import type { Peer } from '../model/peer';
import { formatPeer, parsePeer } from '../queries/peer';
import { lookupServiceAddress, serviceBackends, type Client as ProxyClient } from '../controllers/kube-proxy/index';
import { route, type EntryResult } from '../route';
import { routeMesh } from '../controllers/gateway/index';
import type { Service, ServicePort } from '../model/core';
import type { Hop, TraceQuery, TraceResult } from './types';

interface Source {
  label: string;
  peer: Peer;
  client: ProxyClient;
  pod?: Pod;
}

/**
 * One request end to end (issue "trace"): the source's DNS lookup, the entry point (Ingress/Gateway or a
 * Service address), kube-proxy's choice of endpoints (the set, never a random pick, KP-7), both policy
 * checks after DNAT (NP-10), and delivery to the pod. Each hop names the object and rule that decided.
 */
export function trace(sim: Simulation, q: TraceQuery): TraceResult {
  const req = parseRequestURL(q.url, q.headers ?? [], q.method ?? 'GET');
  if (!req) return fail(`"${q.url}" is not an http:// or https:// URL`);
  const src = source(sim, q.from);
  if ('error' in src) return fail(src.error);
  const t = new Trail();
  // SVC-7: a pod that does not run (never started, finished, no IP) sends nothing; the request fails at its source.
  const down = src.pod ? whyNoTraffic(src.pod) : null;
  // No object: the source itself is where it stops (the graph marks the source pod; the cite shows why).
  if (src.pod && down) return t.hop('pod', null, 'failed', `${src.label} ${down}: the request is never sent.`, [citeOf(src.pod, src.pod.neverStarts ? 'spec.nodeName' : '')]).done('failed');
  const hostIP = parseIP(req.host) ? canonicalIP(req.host) : undefined;
  if (hostIP) return toAddress(sim, t, src, req, hostIP, q);
  if (!src.pod) {
    // A node (or a host-network process) uses the node's resolv.conf, not CoreDNS (DNS-13): cluster names
    // do not resolve there; names that public DNS knows lead to the cluster's entry points.
    if (src.client.kind === 'node' && !routed(sim, req, q).length) {
      return t.hop('dns', null, 'failed', `${req.host} does not resolve on ${src.label}: a node's resolver is its own resolv.conf (${sim.options.cluster.nodeResolvConf.nameservers.join(', ')}), which does not serve the cluster zone (DNS-13). Use the Service's ClusterIP, or a pod.`, []).done('failed');
    }
    return viaEntry(sim, t, src, req, q, undefined);
  }
  // A pod looks the name up with its own resolver (DNS-13..15); the lookup itself needs the network (NP-14).
  const reach = reachDNS(sim.world, sim.options, sim.policies);
  const r = resolve(sim.world, sim.options, { from: src.pod.id, name: req.host, type: 'A' }, reach);
  t.assume(...r.assumptions);
  const tried = r.tried.map((a) => `${a.name} ${a.status}`).join(', ');
  if (r.status === 'TIMEOUT') {
    const udp = reach(src.pod.id, r.nameserver, 'UDP', 53);
    const policies = udp.policies.map((p) => sim.world.networkPolicies.find((np) => `${np.namespace}/${np.name}` === p)).filter((p) => p !== undefined);
    const by = udp.policies.length ? ` by ${udp.policies.join(', ')}` : '';
    return t
      .hop('dns', policies[0]?.id ?? null, 'blocked', `The lookup of ${req.host} times out: ${src.label} may not send UDP 53 to its nameserver ${r.nameserver} (the CoreDNS pods after DNAT)${by} (NP-14).`, policies.map((p) => citeOf(p, 'spec')), policies.map((p) => p.id))
      .done('blocked');
  }
  // Names outside the cluster zone are answered by the simulated upstream resolver (DNS-12 [SIM]).
  const upstream = r.forwarded || r.status === 'FORWARDED' ? ' by the simulated upstream resolver (DNS-12)' : '';
  const a = r.answers.find((x) => x.type === 'A' || x.type === 'AAAA');
  if (!a) return t.hop('dns', null, 'failed', `${req.host} does not resolve from ${src.label}: tried ${tried}${upstream ? `; the last name was answered${upstream}` : ''}. ${r.hint ?? ''}`.trim(), []).done('failed');
  const ips = r.answers.filter((x) => x.type === 'A' || x.type === 'AAAA').map((x) => x.data);
  t.hop('dns', null, 'ok', `${req.host} → ${ips.join(', ')}${upstream} (tried ${tried}).${ips.length > 1 ? ' The client connects to the first address.' : ''}`, []);
  return toAddress(sim, t, src, req, canonicalIP(a.data), q);
}

function fail(error: string): TraceResult {
  return { verdict: 'failed', hops: [], summary: error, assumptions: [], error };
}

function source(sim: Simulation, from: string): Source | { error: string } {
  const w = sim.world;
  const peer = parsePeer(from);
  if ('error' in peer) return peer;
  switch (peer.kind) {
    case 'ip': {
      const node = w.nodes[0];
      if (!node) return { error: 'the cluster has no nodes' };
      return { label: formatPeer(peer), peer, client: { kind: 'external', ip: peer.ip, node } };
    }
    case 'node': {
      const node = w.nodes.find((n) => n.name === peer.name);
      return node ? { label: formatPeer(peer), peer, client: { kind: 'node', node } } : { error: `no node named ${peer.name}` };
    }
    case 'service':
      return { error: `a trace starts at a pod, an address or a node, not at ${formatPeer(peer)}` };
    case 'pod': {
      const pod = findPod(w, formatPeer(peer));
      if (!pod) return { error: `no pod ${formatPeer(peer)}` };
      return { label: formatPeer(peer), peer, client: { kind: 'pod', pod }, pod };
    }
  }
}

/** A connection to an address: a Service's (ClusterIP, NodePort, LB, externalIP), an entry point's, a pod's, or outside. */
function toAddress(sim: Simulation, t: Trail, src: Source, req: HttpRequest, ip: string, q: TraceQuery): TraceResult {
  const w = sim.world;
  const entry = entryAt(sim, ip);
  if (entry) return viaEntry(sim, t, src, req, q, entry);
  const target = lookupServiceAddress(w, ip, req.port, 'TCP');
  // GW-19: a pod's own mesh data plane applies the HTTPRoutes attached to the Service before kube-proxy.
  if (target && src.pod && target.via === 'clusterIP' && (req.scheme === 'http' || req.scheme === 'https')) {
    const mesh = routeMesh(w, req, src.pod, target.service, target.port);
    if (mesh.route || mesh.status === 404) return viaMesh(sim, t, src, req, ip, target.service, target.port, mesh);
  }
  if (target) {
    const client: ProxyClient = src.client.kind === 'external' && target.node ? { ...src.client, node: target.node } : src.client;
    const sb = serviceBackends(w, target.service, target.port, client, target.via, target.node);
    const svcCite = citeOf(target.service, `spec.ports.${target.port.index}`);
    const why = sb.reasons.map((r) => `${r.message} (${r.rule})`).join(' ');
    if (sb.outcome !== 'ok') {
      const what = sb.outcome === 'reject' ? 'refused' : sb.outcome === 'drop' ? 'dropped (the client times out)' : 'not proxied';
      return t.hop('service', target.service.id, 'failed', `${ip}:${req.port} is Service ${target.service.namespace}/${target.service.name} (${target.via}); the connection is ${what}. ${why}`, [svcCite]).done('failed');
    }
    t.hop('service', target.service.id, 'ok', `${ip}:${req.port} is Service ${target.service.namespace}/${target.service.name} port ${target.port.port} (${target.via}). ${why}`.trim(), [svcCite]);
    const targets = sb.endpoints.map((b) => `${b.podId ? b.podId.slice(4) : b.ip}=${b.ip}:${b.port}`);
    t.hop('endpoint', sb.endpoints[0]?.slice ?? null, 'ok', `kube-proxy balances new connections at random over ${targets.length} endpoint${targets.length === 1 ? '' : 's'} (KP-7): ${targets.join(', ')}.`, [], sb.endpoints.flatMap((b) => (b.podId ? [b.podId] : [])));
    return policy(sim, t, src, ip, req.port, sb.endpoints.map((b) => b.podId).filter((x): x is string => !!x));
  }
  const pod = w.pods.find((p) => !p.hostNetwork && p.ips.includes(ip));
  if (pod) {
    t.hop('endpoint', pod.id, 'ok', `${ip} is pod ${pod.namespace}/${pod.name}: the connection goes to it directly, with no Service rewrite.`, [citeOf(pod, '')]);
    return policy(sim, t, src, ip, req.port, [pod.id]);
  }
  return outside(sim, t, src, req, ip);
}

/** Traffic leaving the cluster: only the source's egress policy can stop it. */
function outside(sim: Simulation, t: Trail, src: Source, req: HttpRequest, ip: string): TraceResult {
  if (!src.pod) return t.hop('entry', null, 'failed', `${ip} is not an address of this cluster; nothing here answers it.`, []).done('failed');
  const r = check(sim.world, sim.options, { from: src.peer, to: { kind: 'ip', ip }, port: req.port, protocol: 'TCP' }, sim.policies);
  if (!r.ok) return t.hop('policy-egress', null, 'failed', r.error, []).done('failed');
  const e = r.result.egress;
  t.assume(...r.result.assumptions);
  const ok = e.verdict === 'allowed';
  t.hop('policy-egress', e.rule ? `NetworkPolicy/${e.rule.policy}` : null, ok ? 'ok' : 'blocked', r.result.reason, e.cites, e.policies.map((p) => `NetworkPolicy/${p}`));
  return t.done(ok ? 'delivered' : 'blocked', ok ? `${src.label} → ${req.host} (${ip}):${req.port} leaves the cluster; what happens outside is not simulated.` : undefined);
}

/** The Ingress controller or Gateway whose address is `ip`, as their controllers recorded them in the World. */
function entryAt(sim: Simulation, ip: string): { gateway?: string; ingressClass?: string } | undefined {
  const w = sim.world;
  const gw = w.gateways.find((g) => g.addresses.includes(ip));
  if (gw) return { gateway: `${gw.namespace}/${gw.name}` };
  const lbOf = (id: string | null) => w.services.find((s) => s.id === id)?.loadBalancerIPs ?? [];
  const cls = w.ingressClasses.find((c) => c.implementation && lbOf(c.implementation.service).includes(ip));
  if (cls) return { ingressClass: cls.name };
  return undefined;
}

function routed(sim: Simulation, req: HttpRequest, q: { gateway?: string; ingressClass?: string }): EntryResult[] {
  const opts = { ...(q.gateway ? { gateway: q.gateway } : {}), ...(q.ingressClass ? { ingressClass: q.ingressClass } : {}) };
  return route(sim, req, opts).results.filter((r) => r.status !== 404);
}

/** Through an Ingress controller or a Gateway: the proxy pods open the connection to the backends (ING-13, GW-15). */
function viaEntry(sim: Simulation, t: Trail, src: Source, req: HttpRequest, q: TraceQuery, pinned: { gateway?: string; ingressClass?: string } | undefined): TraceResult {
  const all = route(sim, req, { ...(pinned ?? {}), ...(q.gateway ? { gateway: q.gateway } : {}), ...(q.ingressClass ? { ingressClass: q.ingressClass } : {}) }).results;
  const r = all.find((x) => x.status !== 404) ?? all[0];
  if (!r) return t.hop('entry', null, 'failed', `No Ingress controller or Gateway serves ${req.host}; from outside the cluster nothing answers this URL.`, []).done('failed');
  t.assume(...r.assumptions);
  const entryId = r.entry.kind === 'Gateway' ? `Gateway/${r.entry.namespace}/${r.entry.name}` : `IngressClass/${r.entry.name}`;
  const alternatives = all.length > 1 ? ` (${all.length} entry points answer this host; this trace follows the first that matches)` : '';
  t.hop('entry', entryId, 'ok', `${src.label} reaches ${r.entry.kind === 'Gateway' ? `Gateway ${r.entry.namespace}/${r.entry.name}${r.entry.listener ? ` listener ${r.entry.listener}` : ''}` : `the ${r.entry.name} Ingress controller`} on port ${req.port}${alternatives}.`, []);
  const routeId = r.route ? `${r.route.kind}/${r.route.namespace}/${r.route.name}` : null;
  const reasons = sentences(r.reasons);
  if (r.redirect) return t.hop('route', routeId, 'ok', `${reasons} The client is redirected (${r.redirect.status}) to ${r.redirect.location}.`, r.cite ? [r.cite] : []).redirected(r.redirect).done('failed', `${req.host}${req.path} is answered with a ${r.redirect.status} redirect, not delivered to a pod.`);
  if (r.status !== 200) return t.hop('route', routeId, 'failed', `HTTP ${r.status}: ${reasons}`, r.cite ? [r.cite] : []).done('failed');
  t.hop('route', routeId, 'ok', `${reasons}${r.upstreamPath && r.upstreamPath !== req.path ? ` The backend receives path ${r.upstreamPath}.` : ''}`, r.cite ? [r.cite] : []);
  const live = r.backends.filter((b) => b.endpoints.length > 0);
  const shares = r.backends.map((b) => `${b.namespace}/${b.name}:${b.port ?? '?'}${r.backends.length > 1 ? ` (weight ${b.weight})` : ''}`).join(', ');
  const svcIds = r.backends.map((b) => `Service/${b.namespace}/${b.name}`);
  t.hop('service', svcIds[0] ?? null, 'ok', `The rule sends the request to ${shares}.${r.backends.some((b) => b.state !== 'ok') ? ' ' + r.backends.filter((b) => b.state !== 'ok').map((b) => b.reason).join(' ') : ''}`, r.backends.flatMap((b) => (b.cite ? [b.cite] : [])), svcIds);
  const eps = live.flatMap((b) => b.endpoints);
  t.hop('endpoint', null, 'ok', `The proxy connects straight to the endpoints (ING-13/GW-15): ${eps.map((e) => `${e.pod ?? e.ip}=${e.ip}:${e.port}`).join(', ')}.`, [], eps.flatMap((e) => (e.pod ? [`Pod/${e.pod}`] : [])));
  const proxyPod = r.proxy?.pods[0];
  if (!proxyPod) {
    t.assume('assumed: no proxy pod is modelled for this entry point, so NetworkPolicy is not checked on the last hop');
    return t.hop('pod', null, 'ok', `Delivered to ${eps.length} possible endpoint${eps.length === 1 ? '' : 's'}.`, []).done('delivered');
  }
  if (r.proxy?.note) t.assume(r.proxy.note);
  return policyToEndpoints(sim, t, proxyPod.includes('/') ? proxyPod : `${r.proxy!.namespace}/${proxyPod}`, eps.map((e) => ({ ip: e.ip, port: e.port, pod: e.pod ? `Pod/${e.pod}` : undefined })));
}

/** GW-19: the client's mesh data plane routes by the Service's HTTPRoutes and connects to the chosen endpoints itself. */
function viaMesh(sim: Simulation, t: Trail, src: Source, req: HttpRequest, ip: string, svc: Service, port: ServicePort, r: EntryResult): TraceResult {
  t.assume(...r.assumptions);
  t.hop('service', svc.id, 'ok', `${ip}:${req.port} is Service ${svc.namespace}/${svc.name} port ${port.port}: the mesh data plane of ${src.label} takes the request before kube-proxy (GW-19).`, [citeOf(svc, `spec.ports.${port.index}`)]);
  const routeId = r.route ? `${r.route.kind}/${r.route.namespace}/${r.route.name}` : null;
  const reasons = sentences(r.reasons);
  if (r.redirect) return t.hop('route', routeId, 'ok', `${reasons} The client is redirected (${r.redirect.status}) to ${r.redirect.location}.`, r.cite ? [r.cite] : []).redirected(r.redirect).done('failed', `${req.host}${req.path} is answered with a ${r.redirect.status} redirect by the mesh, not delivered to a pod.`);
  if (r.status !== 200) return t.hop('route', routeId, 'failed', `HTTP ${r.status}: ${reasons}`, r.cite ? [r.cite] : []).done('failed');
  t.hop('route', routeId, 'ok', reasons, r.cite ? [r.cite] : []);
  const live = r.backends.filter((b) => b.state === 'ok');
  const svcIds = live.map((b) => `Service/${b.namespace}/${b.name}`);
  t.hop('service', svcIds[0] ?? null, 'ok', `The rule sends the request to ${live.map((b) => `${b.namespace}/${b.name}:${b.port ?? '?'}${live.length > 1 ? ` (weight ${b.weight})` : ''}`).join(', ')}.`, live.flatMap((b) => (b.cite ? [b.cite] : [])), svcIds);
  const eps = live.flatMap((b) => b.endpoints);
  t.hop('endpoint', null, 'ok', `The mesh data plane connects straight to the endpoints: ${eps.map((e) => `${e.pod ?? e.ip}=${e.ip}:${e.port}`).join(', ')}.`, [], eps.flatMap((e) => (e.pod ? [`Pod/${e.pod}`] : [])));
  return policyToEndpoints(sim, t, src.label, eps.map((e) => ({ ip: e.ip, port: e.port, pod: e.pod ? `Pod/${e.pod}` : undefined })), 'the client pod');
}

/** Both policy checks for a connection to a Service address or a pod, judged after DNAT (NP-10). */
function policy(sim: Simulation, t: Trail, src: Source, ip: string, port: number, pods: string[]): TraceResult {
  const r = check(sim.world, sim.options, { from: src.peer, to: { kind: 'ip', ip }, port, protocol: 'TCP' }, sim.policies);
  if (!r.ok) return t.hop('policy-egress', null, 'failed', r.error, []).done('failed');
  return policyHops(t, r.result, pods);
}

function policyToEndpoints(sim: Simulation, t: Trail, from: string, eps: { ip: string; port: number; pod: string | undefined }[], sender = 'the proxy pod'): TraceResult {
  const [namespace = '', name = ''] = from.split('/');
  const proxy: Peer = { kind: 'pod', namespace, name };
  const results = eps.map((e) => check(sim.world, sim.options, { from: proxy, to: { kind: 'ip', ip: e.ip }, port: e.port, protocol: 'TCP' }, sim.policies)).filter((r): r is { ok: true; result: CheckResult } => r.ok);
  if (results.length === 0) return t.hop('pod', null, 'failed', 'No endpoint to deliver to.', []).done('failed');
  const denied = results.filter((r) => r.result.verdict === 'denied');
  const shown = (denied[0] ?? results[0]!).result;
  const partial = denied.length && denied.length < results.length ? ` ${denied.length} of ${results.length} endpoints deny it.` : '';
  shown.reason = `From ${sender} ${from}: ${shown.reason}${partial}`;
  return policyHops(t, shown, eps.flatMap((e) => (e.pod ? [e.pod] : [])));
}

function policyHops(t: Trail, r: CheckResult, pods: string[]): TraceResult {
  t.assume(...r.assumptions);
  const backends = r.service?.backends ?? [];
  const denied = backends.filter((b) => b.verdict === 'denied').length;
  const egressOK = r.egress.verdict === 'allowed';
  const ingressOK = r.ingress.verdict === 'allowed';
  const pol = (d: CheckResult['egress']) => (d.rule ? [`NetworkPolicy/${d.rule.policy}`] : d.policies.map((p) => `NetworkPolicy/${p}`));
  t.hop('policy-egress', pol(r.egress)[0] ?? null, egressOK ? 'ok' : 'blocked', egressOK ? describe(r.egress, 'egress', r.from) : r.reason, r.egress.cites, pol(r.egress));
  if (!egressOK) return t.done('blocked', r.reason);
  const receiver = r.service?.backends.find((b) => b.verdict === 'allowed')?.to ?? r.to;
  t.hop('policy-ingress', pol(r.ingress)[0] ?? null, ingressOK ? 'ok' : 'blocked', ingressOK ? describe(r.ingress, 'ingress', receiver) : r.reason, r.ingress.cites, pol(r.ingress));
  if (!ingressOK) return t.done('blocked', r.reason);
  const partial = denied > 0 ? ` Note: ${denied} of ${backends.length} endpoints would deny it; kube-proxy picks at random (KP-7).` : '';
  // Each backend receives the connection on its own port (named targetPorts may differ per pod, SVC-9).
  const delivered = backends.length ? backends.filter((b) => b.verdict === 'allowed').map((b) => `${b.to}:${b.port}`) : [`${r.to}:${r.port}`];
  const first = backends.find((b) => b.verdict === 'allowed');
  const podId = first ? pods.find((id) => id === `Pod/${first.to}`) : pods[0];
  const where = delivered.length > 1 ? `one of ${delivered.length} endpoints: ${delivered.join(', ')}` : (delivered[0] ?? r.to);
  t.hop('pod', podId ?? null, 'ok', `Delivered to ${where}.${partial}`, [], pods);
  return t.done(denied > 0 ? 'blocked' : 'delivered', denied > 0 ? r.reason : undefined);
}

/** Join reason fragments into sentences. */
function sentences(parts: string[]): string {
  return parts.map((p) => p.trim()).filter(Boolean).map((p) => (/[.!?)]$/.test(p) ? p : `${p}.`)).join(' ');
}

function describe(d: CheckResult['egress'], dir: string, who: string): string {
  switch (d.decidedBy) {
    case 'none':
      return `${who} is not isolated for ${dir}, so nothing restricts this direction (NP-2).`;
    case 'not-a-pod':
      return `${who} is not a pod, so no ${dir} policy applies to it.`;
    case 'self':
      return 'A pod may always reach its own IP (NP-8).';
    case 'node':
      return `Traffic from ${who}'s own node is always allowed (NP-8).`;
    case 'host-network':
      return `${who} uses the host network, which pod selectors ignore (NP-11).`;
    case 'not-running':
      return `${who} does not run, so nothing is sent (SVC-7).`;
    default:
      return d.rule ? `Allowed for ${dir} by ${d.rule.kind} ${d.rule.policy}, ${d.rule.direction} rule ${d.rule.rule + 1}.` : `Allowed for ${dir}.`;
  }
}

/** Collects hops and assumptions in order. */
class Trail {
  hops: Hop[] = [];
  assumptions: string[] = [];
  hop(step: Hop['step'], object: string | null, result: Hop['result'], reason: string, cites: Cite[], objects?: string[]): this {
    this.hops.push({ step, object, result, reason, cites, ...(objects && objects.length ? { objects: [...new Set(objects)] } : {}) });
    return this;
  }
  /** The last hop answered the client with a redirect: its status and Location, for a client to follow. */
  redirected(redirect: { status: number; location: string }): this {
    const last = this.hops[this.hops.length - 1];
    if (last) last.redirect = { status: redirect.status, location: redirect.location };
    return this;
  }
  assume(...a: string[]): void {
    for (const x of a) if (x && !this.assumptions.includes(x)) this.assumptions.push(x);
  }
  done(verdict: TraceResult['verdict'], summary?: string): TraceResult {
    const last = this.hops[this.hops.length - 1];
    return { verdict, hops: this.hops, summary: summary ?? last?.reason ?? verdict, assumptions: this.assumptions };
  }
}
