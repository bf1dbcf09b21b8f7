import type { Cite } from '../diagnostics/diagnostic';
import type { Simulation } from '../simulate';
import { trace as traceRequest, type Hop, type TraceResult } from '../trace/index';
import { lineColumn } from './locate';
import { readDebugFrom, withDebugPod } from './debug-pod';
import { grpcCall } from './grpc';
import type { DebugPeer } from './peer';
import { ArgReader, fail, ok, type Query } from './query';

export interface TraceInput {
  /** `ns/pod`, `ip:A.B.C.D` (a client outside the cluster), `node:NAME`, or `debug:NS` (a debug pod started there). */
  from: string;
  /** With `from: debug:NS`: the debug pod's labels, `k=v,k2=v2` (default `run=debug`). */
  'debug-labels'?: string;
  url: string;
  /** `"Name: value"` lines. */
  header?: string | string[];
  method?: string;
  /** `package.Service/Method`: a gRPC call (POST with content-type application/grpc) to the URL's host. */
  grpc?: string;
  /** Pin the entry point for requests from outside (`ns/name`). */
  gateway?: string;
  'ingress-class'?: string;
}

export interface TraceArgs {
  from: string;
  url: string;
  headers: [string, string][];
  method: string;
  gateway?: string;
  ingressClass?: string;
  /** Set when the request starts at a debug pod (`from` is then `NS/debug`). */
  debug?: DebugPeer;
}

/** One hop as `knet trace --json` prints it: its cites located as `file:line`. */
export type HopDocument = Omit<Hop, 'cites'> & { cites: { object: string; path: string | undefined; source: string }[] };

/** `knet trace --json`. */
export interface TraceDocument {
  verdict: TraceResult['verdict'];
  summary: string;
  hops: HopDocument[];
  assumptions: string[];
}

/** `knet trace`: one request hop by hop: DNS, entry point, Service, endpoints, both policy checks, the pod. */
export const trace: Query<TraceInput, TraceArgs, TraceDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['from', 'url', 'header', 'method', 'gateway', 'ingress-class', 'debug-labels', 'grpc']);
    const debug = readDebugFrom(a, a.str('from', true));
    if (!debug.ok) return debug;
    const from = debug.value.from ?? '';
    const grpc = a.str('grpc');
    let url = a.str('url', true) ?? '';
    let headers = a.headers();
    let method = a.str('method') ?? 'GET';
    if (grpc !== undefined) {
      if (a.str('method') !== undefined) return fail('give --grpc or --method, not both: a gRPC call is a POST');
      const call = grpcCall(url, grpc, headers);
      if ('error' in call) return fail(call.error);
      ({ url, headers, method } = call);
    }
    const gateway = a.str('gateway');
    const ingressClass = a.str('ingress-class');
    if (a.error) return fail(a.error);
    if (gateway && ingressClass) return fail('give --gateway or --ingress-class, not both');
    if (!/^https?:\/\//i.test(url)) {
      // A connection string from the manifests (postgres://db:5432/shop): the same host and port over http://
      // test whether a TCP connection gets there, which is what policies and Services decide.
      const other = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]+)/i.exec(url);
      const hint = other ? ` (to test whether a connection reaches ${other[1]}, trace http://${other[1]})` : '';
      return fail(`--url must be an http:// or https:// URL, not "${url}"${hint}`);
    }
    return ok({ from, url, headers, method, ...(gateway ? { gateway } : {}), ...(ingressClass ? { ingressClass } : {}), ...(debug.value.debug ? { debug: debug.value.debug } : {}) });
  },
  run: (scenario, args) => {
    const started = withDebugPod(scenario, args.debug);
    if (!started.ok) return started;
    const sim = started.value;
    const r = traceRequest(sim, args);
    return r.error ? fail(r.error) : ok(traceDocument(sim, r));
  },
};

function where(sim: Simulation, c: Cite): string {
  const f = sim.files[c.file];
  if (!f) return '';
  return `${f.name}:${lineColumn(f.text, c.range.start).line}`;
}

/** A trace as `knet trace --json` prints it (the terminal's commands trace their requests too). */
export function traceDocument(sim: Simulation, r: TraceResult): TraceDocument {
  const hops = r.hops.map((h) => ({ ...h, cites: h.cites.map((c) => ({ object: c.object, path: c.path, source: where(sim, c) })) }));
  return { verdict: r.verdict, summary: r.summary, hops, assumptions: r.assumptions };
}
