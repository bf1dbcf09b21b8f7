/**
 * What a client in the terminal experiences when it looks a name up and opens a connection, read from the
 * simulator's own queries: the pod's resolver (`resolve` with the NetworkPolicy DNS hook), `trace` for the
 * path, kube-proxy (`serviceBackends`) for refused vs dropped, and `route` for the HTTP status an entry point
 * answers. No decision is made here that those queries do not make; this module only reads their answers.
 */
import { parseIP, canonicalIP } from '../net/ip';
import { parseRequestURL } from '../http';
import { route, type EntryResult } from '../route';
import { trace } from '../trace/index';
import type { TraceQuery, TraceResult } from '../trace/types';
import { buildZone, askUpstream } from '../controllers/coredns/index';
import { lookupServiceAddress, serviceBackends, type Client } from '../controllers/kube-proxy/index';
import type { Peer } from '../model/peer';
import { HOST_IP, type Shell } from './context';
import { resolveIn } from './dns';

/** A name looked up by the client's resolver. */
export type Lookup =
  | { kind: 'address'; ip: string; addresses: string[]; literal: boolean }
  | { kind: 'nxdomain' }
  /** No answer: the nameserver cannot be reached (a policy blocks UDP 53). */
  | { kind: 'timeout'; nameserver: string };

/** getaddrinfo as the shell's client sees it: a pod's resolv.conf and policies, or the host's public DNS. */
export function lookupHost(shell: Shell, host: string): Lookup {
  const literal = parseIP(host.replace(/^\[|\]$/g, ''));
  if (literal) {
    const ip = canonicalIP(host.replace(/^\[|\]$/g, ''));
    return { kind: 'address', ip, addresses: [ip], literal: true };
  }
  if (shell.kind === 'host') {
    // The learner's machine asks public DNS: cluster names are unknown there, entry-point hosts are not.
    const domain = shell.sim.world.cluster.clusterDomain.replace(/\.$/, '');
    const name = host.toLowerCase().replace(/\.$/, '');
    if (name === domain || name.endsWith(`.${domain}`) || !name.includes('.')) return { kind: 'nxdomain' };
    const up = askUpstream(buildZone(shell.sim.world, shell.sim.options).upstream, name, 'A');
    const addresses = up.answers.map((a) => a.data);
    return addresses.length ? { kind: 'address', ip: addresses[0]!, addresses, literal: false } : { kind: 'nxdomain' };
  }
  const r = resolveIn(shell.sim, shell.pod.id, host, 'A');
  if (r.status === 'TIMEOUT') return { kind: 'timeout', nameserver: r.nameserver };
  const addresses = r.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => a.data);
  return addresses.length ? { kind: 'address', ip: canonicalIP(addresses[0]!), addresses, literal: false } : { kind: 'nxdomain' };
}

/** The peer `trace` and `check` take for this shell's client. */
export function clientPeer(shell: Shell): string {
  return shell.kind === 'host' ? `ip:${HOST_IP}` : `${shell.pod.namespace}/${shell.pod.name}`;
}

/** The client as the NetworkPolicy engine takes it. */
export function clientPeerOf(shell: Shell): Peer {
  return shell.kind === 'host' ? { kind: 'ip', ip: HOST_IP } : { kind: 'pod', namespace: shell.pod.namespace, name: shell.pod.name };
}

/** How a TCP connection (and, for HTTP, the request on it) ends. */
export type Connection =
  | { kind: 'dns-timeout' }
  | { kind: 'nxdomain' }
  /** Established; `answeredBy` is the pod that answers (null when the peer is outside the cluster). */
  | { kind: 'open'; answeredBy: string | null; response?: EntryResult; outside: boolean }
  | { kind: 'refused' }
  | { kind: 'timeout' };

export interface Attempt {
  lookup: Lookup;
  connection: Connection;
  /** The request traced end to end (the same answer as the Trace panel), when one was sent. */
  trace?: TraceResult;
  /** The question that trace answered. */
  query?: TraceQuery;
  /** Port connected to. */
  port: number;
}

export interface Request {
  url: string;
  method?: string;
  headers?: [string, string][];
}

/** Look the URL's host up and send the request, as `trace` follows it. */
export function attempt(shell: Shell, req: Request): Attempt | { error: string } {
  const parsed = parseRequestURL(req.url, [], req.method ?? 'GET');
  if (!parsed) return { error: `not an http URL: ${req.url}` };
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(req.url)?.[1]?.replace(/^.*@/, '').replace(/:\d+$/, '') ?? parsed.host;
  const lookup = lookupHost(shell, authority);
  const port = parsed.port;
  if (lookup.kind !== 'address' && shell.kind === 'host') return { lookup, port, connection: { kind: 'nxdomain' } };
  const query: TraceQuery = { from: clientPeer(shell), url: req.url, method: req.method ?? 'GET', headers: req.headers ?? [] };
  const t = trace(shell.sim, query);
  if (t.error) return { error: t.error };
  if (lookup.kind === 'timeout') return { lookup, port, trace: t, query, connection: { kind: 'dns-timeout' } };
  if (lookup.kind === 'nxdomain') return { lookup, port, trace: t, query, connection: { kind: 'nxdomain' } };
  return { lookup, port, trace: t, query, connection: connectionOf(shell, t, lookup.ip, port, req) };
}

function connectionOf(shell: Shell, t: TraceResult, ip: string, port: number, req: Request): Connection {
  const last = t.hops[t.hops.length - 1];
  const entry = t.hops.find((h) => h.step === 'entry' && h.result === 'ok');
  const response = entry?.object ? entryResponse(shell, entry.object, req) : undefined;
  const answeredBy = t.hops.find((h) => h.step === 'pod' && h.result === 'ok')?.object ?? null;
  if (t.verdict === 'delivered') return { kind: 'open', answeredBy, outside: !answeredBy && !response, ...(response ? { response } : {}) };
  if (!last) return { kind: 'timeout' };
  // An entry point accepted the connection and answered itself: a redirect, 404, 500 or 503.
  if ((last.step === 'route' || (last.step === 'service' && entry)) && response) return { kind: 'open', answeredBy: null, response, outside: false };
  if (last.step === 'service' && last.result === 'failed') return serviceFailure(shell, ip, port);
  if (last.step === 'entry' && !entry) return { kind: 'timeout' };
  // NetworkPolicy drops the packets: the client waits until it gives up.
  return { kind: 'timeout' };
}

/** kube-proxy's answer for a Service address with no usable endpoint: rejected (refused) or dropped (timeout). */
function serviceFailure(shell: Shell, ip: string, port: number): Connection {
  const w = shell.sim.world;
  const target = lookupServiceAddress(w, ip, port, 'TCP');
  if (!target) return { kind: 'timeout' };
  const node = target.node ?? w.nodes[0];
  const client: Client | undefined = shell.kind === 'pod' ? { kind: 'pod', pod: shell.pod } : node ? { kind: 'external', ip: HOST_IP, node } : undefined;
  if (!client) return { kind: 'timeout' };
  const sb = serviceBackends(w, target.service, target.port, client, target.via, target.node);
  return sb.outcome === 'drop' ? { kind: 'timeout' } : { kind: 'refused' };
}

/** The answer of the entry point the trace went through (`IngressClass/nginx`, `Gateway/ns/name`). */
function entryResponse(shell: Shell, entryId: string, req: Request): EntryResult | undefined {
  const parsed = parseRequestURL(req.url, req.headers ?? [], req.method ?? 'GET');
  if (!parsed) return undefined;
  const [kind, ...rest] = entryId.split('/');
  const pin = kind === 'Gateway' ? { gateway: rest.join('/') } : { ingressClass: rest.join('/') };
  const all = route(shell.sim, parsed, pin).results;
  // The same choice as the trace: the first entry result that matched, else the first.
  return all.find((x) => x.status !== 404) ?? all[0];
}
