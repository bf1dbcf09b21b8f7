import type { Cite } from '../diagnostics/diagnostic';
import { parseRequestURL, type HttpRequest } from '../http';
import { route as routeRequest, type EntryResult, type Upstream } from '../route';
import type { Simulation } from '../simulate';
import { lineColumn } from './locate';
import { readDebugFrom, withDebugPod } from './debug-pod';
import { grpcCall } from './grpc';
import { formatPeer, parsePeer, type DebugPeer } from './peer';
import { ArgReader, fail, ok, type Query } from './query';

export interface RouteInput {
  url: string;
  /** `"Name: value"` lines. */
  header?: string | string[];
  method?: string;
  /** `package.Service/Method`: a gRPC call (POST with content-type application/grpc) to the URL's host. */
  grpc?: string;
  /** `ns/name`: only this Gateway. */
  gateway?: string;
  /** Only this IngressClass. */
  'ingress-class'?: string;
  /** The TLS server name, when it differs from the URL's host (https:// only; GW-20). */
  sni?: string;
  /** `ns/pod` (or `debug:NS`, a debug pod started there): send the request from inside this pod, so its target Service's mesh routes apply (GW-19). */
  from?: string;
  /** With `from: debug:NS`: the debug pod's labels, `k=v,k2=v2` (default `run=debug`). */
  'debug-labels'?: string;
}

export interface RouteArgs {
  request: HttpRequest;
  gateway?: string;
  ingressClass?: string;
  /** `ns/pod`, as the CLI writes it. */
  from?: string;
  /** Set when the request starts at a debug pod (`from` is then `NS/debug`). */
  debug?: DebugPeer;
}

type Place = { file: string; line: number; column: number };

/** One entry point's answer, as `knet route --json` prints it. */
export interface RouteEntryDocument {
  entry: EntryResult['entry'] | { kind: 'Gateway'; namespace: string; name: string; listener: string | null };
  status: number;
  /** How the connection went when no HTTP answer came back (`status` 0), or for a TCP/UDP/TLS stream. */
  connection?: EntryResult['connection'];
  route: EntryResult['route'];
  backends: {
    namespace: string;
    name: string;
    port: number | null;
    weight: number;
    kind: string;
    state: string;
    role?: 'canary' | 'mirror' | 'default-backend';
    protocol?: string;
    endpoints: EntryResult['backends'][number]['endpoints'];
    /** What this backend receives when its own filters change the request (GW-18). */
    upstream?: Upstream;
    reason: string;
    source?: Place;
  }[];
  source?: Place & { object: string; path: string | undefined };
  upstreamPath?: string;
  redirect?: EntryResult['redirect'];
  /** The request as the backend receives it (Host, path with query, headers), when it is forwarded. */
  upstream?: Upstream;
  proxy?: EntryResult['proxy'];
  reasons: string[];
  assumptions: string[];
}

export interface RouteDocument {
  results: RouteEntryDocument[];
}

/**
 * `knet route`: which Service and pods an HTTP(S) or gRPC request from outside reaches, per entry point, or
 * a TCP/UDP connection to a Gateway listener (`tcp://`, `udp://`); with `from`, a request sent from a pod
 * to a Service, through that Service's mesh routes (GW-19).
 */
export const route: Query<RouteInput, RouteArgs, RouteDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['url', 'header', 'method', 'gateway', 'ingress-class', 'sni', 'from', 'debug-labels', 'grpc']);
    const grpc = a.str('grpc');
    let url = a.str('url', true);
    let headers = a.headers();
    let method = a.str('method') ?? 'GET';
    if (grpc !== undefined && url !== undefined) {
      if (a.str('method') !== undefined) return fail('give --grpc or --method, not both: a gRPC call is a POST');
      const call = grpcCall(url, grpc, headers);
      if ('error' in call) return fail(call.error);
      ({ url, headers, method } = call);
    }
    const gateway = a.str('gateway');
    const ingressClass = a.str('ingress-class');
    const sni = a.str('sni');
    const debug = readDebugFrom(a, a.str('from'));
    if (!debug.ok) return debug;
    const fromText = debug.value.from;
    if (a.error) return fail(a.error);
    if (gateway && ingressClass) return fail('give --gateway or --ingress-class, not both');
    if (gateway && !/^[^/]+\/[^/]+$/.test(gateway)) return fail('--gateway takes namespace/name');
    if (!/^[A-Za-z]+$/.test(method)) return fail('--method must be an HTTP method such as GET');
    if (sni !== undefined && !/^https:\/\//i.test(url ?? '')) return fail('--sni needs an https:// URL (it is the TLS server name)');
    const request = parseRequestURL(url ?? '', headers, method, { transport: true, ...(sni !== undefined ? { sni } : {}) });
    if (!request) return fail(`--url must be an http://, https://, tcp://host:port or udp://host:port URL, not "${url}"`);
    let from: string | undefined;
    if (fromText !== undefined) {
      if (gateway || ingressClass) return fail('--from asks the mesh routes of a pod; give it without --gateway or --ingress-class');
      const peer = parsePeer(fromText);
      if ('error' in peer) return fail(`--from: ${peer.error}`);
      if (peer.kind !== 'pod') return fail(`--from takes a pod (namespace/name): mesh routes apply to requests a pod sends, not ${formatPeer(peer)}`);
      from = formatPeer(peer);
    }
    return ok({ request, ...(gateway ? { gateway } : {}), ...(ingressClass ? { ingressClass } : {}), ...(from ? { from } : {}), ...(debug.value.debug ? { debug: debug.value.debug } : {}) });
  },
  run: (scenario, args) => {
    const started = withDebugPod(scenario, args.debug);
    if (!started.ok) return started;
    const sim = started.value;
    if (args.ingressClass && !sim.world.ingressClasses.some((c) => c.name === args.ingressClass)) return fail(`there is no IngressClass "${args.ingressClass}" in the input`);
    if (args.gateway && !sim.world.gateways.some((g) => `${g.namespace}/${g.name}` === args.gateway)) return fail(`there is no Gateway "${args.gateway}" in the input`);
    const opts = { ...(args.gateway ? { gateway: args.gateway } : {}), ...(args.ingressClass ? { ingressClass: args.ingressClass } : {}), ...(args.from ? { from: args.from } : {}) };
    const { results, error } = routeRequest(sim, args.request, opts);
    if (error) return fail(error);
    return ok({ results: results.map((r) => entryDocument(sim, r)) });
  },
};

/** `file:line:column` of a cite; undefined when its file is not part of the input. */
function at(sim: Simulation, c: Cite | undefined): Place | undefined {
  if (!c) return undefined;
  const f = sim.files[c.file];
  if (!f) return undefined;
  return { file: f.name, ...lineColumn(f.text, c.range.start) };
}

function entryDocument(sim: Simulation, r: EntryResult): RouteEntryDocument {
  const rule = at(sim, r.cite);
  return {
    // A Gateway entry always has `listener`, null when no listener accepted the request.
    entry: r.entry.kind === 'Gateway' ? { ...r.entry, listener: r.entry.listener ?? null } : r.entry,
    status: r.status,
    ...(r.connection ? { connection: r.connection } : {}),
    route: r.route,
    backends: r.backends.map((b) => {
      const source = at(sim, b.cite);
      return {
        namespace: b.namespace,
        name: b.name,
        port: b.port,
        weight: b.weight,
        kind: b.kind,
        state: b.state,
        ...(b.role ? { role: b.role } : {}),
        ...(b.protocol ? { protocol: b.protocol } : {}),
        endpoints: b.endpoints,
        ...(b.upstream ? { upstream: b.upstream } : {}),
        reason: b.reason,
        ...(source ? { source } : {}),
      };
    }),
    ...(rule ? { source: { ...rule, object: r.cite!.object, path: r.cite!.path } } : {}),
    ...(r.upstreamPath !== undefined ? { upstreamPath: r.upstreamPath } : {}),
    ...(r.redirect ? { redirect: r.redirect } : {}),
    ...(r.upstream ? { upstream: r.upstream } : {}),
    ...(r.proxy ? { proxy: r.proxy } : {}),
    reasons: r.reasons,
    assumptions: r.assumptions,
  };
}
