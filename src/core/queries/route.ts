import type { Cite } from '../diagnostics/diagnostic';
import { parseRequestURL, type HttpRequest } from '../http';
import { route as routeRequest, type EntryResult } from '../route';
import type { Simulation } from '../simulate';
import { lineColumn } from './locate';
import { ArgReader, fail, ok, type Query } from './query';

export interface RouteInput {
  url: string;
  /** `"Name: value"` lines. */
  header?: string | string[];
  method?: string;
  /** `ns/name`: only this Gateway. */
  gateway?: string;
  /** Only this IngressClass. */
  'ingress-class'?: string;
}

export interface RouteArgs {
  request: HttpRequest;
  gateway?: string;
  ingressClass?: string;
}

type Place = { file: string; line: number; column: number };

/** One entry point's answer, as `knet route --json` prints it. */
export interface RouteEntryDocument {
  entry: EntryResult['entry'] | { kind: 'Gateway'; namespace: string; name: string; listener: string | null };
  status: number;
  route: EntryResult['route'];
  backends: {
    namespace: string;
    name: string;
    port: number | null;
    weight: number;
    kind: string;
    state: string;
    role?: 'canary' | 'mirror';
    protocol?: string;
    endpoints: EntryResult['backends'][number]['endpoints'];
    reason: string;
    source?: Place;
  }[];
  source?: Place & { object: string; path: string | undefined };
  upstreamPath?: string;
  redirect?: EntryResult['redirect'];
  proxy?: EntryResult['proxy'];
  reasons: string[];
  assumptions: string[];
}

export interface RouteDocument {
  results: RouteEntryDocument[];
}

/** `knet route`: which Service and pods an HTTP(S) or gRPC request from outside reaches, per entry point. */
export const route: Query<RouteInput, RouteArgs, RouteDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['url', 'header', 'method', 'gateway', 'ingress-class']);
    const url = a.str('url', true);
    const headers = a.headers();
    const method = a.str('method') ?? 'GET';
    const gateway = a.str('gateway');
    const ingressClass = a.str('ingress-class');
    if (a.error) return fail(a.error);
    if (gateway && ingressClass) return fail('give --gateway or --ingress-class, not both');
    if (gateway && !/^[^/]+\/[^/]+$/.test(gateway)) return fail('--gateway takes namespace/name');
    if (!/^[A-Za-z]+$/.test(method)) return fail('--method must be an HTTP method such as GET');
    const request = parseRequestURL(url ?? '', headers, method);
    if (!request) return fail(`--url must be an http:// or https:// URL, not "${url}"`);
    return ok({ request, ...(gateway ? { gateway } : {}), ...(ingressClass ? { ingressClass } : {}) });
  },
  run: (sim, args) => {
    if (args.ingressClass && !sim.world.ingressClasses.some((c) => c.name === args.ingressClass)) return fail(`there is no IngressClass "${args.ingressClass}" in the input`);
    if (args.gateway && !sim.world.gateways.some((g) => `${g.namespace}/${g.name}` === args.gateway)) return fail(`there is no Gateway "${args.gateway}" in the input`);
    const opts = { ...(args.gateway ? { gateway: args.gateway } : {}), ...(args.ingressClass ? { ingressClass: args.ingressClass } : {}) };
    const { results } = routeRequest(sim, args.request, opts);
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
        reason: b.reason,
        ...(source ? { source } : {}),
      };
    }),
    ...(rule ? { source: { ...rule, object: r.cite!.object, path: r.cite!.path } } : {}),
    ...(r.upstreamPath !== undefined ? { upstreamPath: r.upstreamPath } : {}),
    ...(r.redirect ? { redirect: r.redirect } : {}),
    ...(r.proxy ? { proxy: r.proxy } : {}),
    reasons: r.reasons,
    assumptions: r.assumptions,
  };
}
