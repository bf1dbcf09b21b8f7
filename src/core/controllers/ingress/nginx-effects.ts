import type { Cite } from '../../diagnostics/diagnostic';
import type { HttpRequest } from '../../http';
import { citeOf } from '../../manifest/reader';
import type { Ingress } from '../../model/networking';
import type { World } from '../../model/world';
import type { RouteBackend, Upstream } from '../../model/route';
import { NGINX_PREFIX, type NginxAnnotations } from './annotations';
import { resolveBackend } from './backends';

/**
 * What ingress-nginx's generated configuration does before and after it picks a backend: the app-root,
 * permanent/temporal and ssl redirects (ING-15, ING-17), the default-backend annotation (ING-18) and the
 * request the backend receives. Pure helpers over one request; the router decides when each applies.
 */

/** nginx `$request_uri`: the path and query string as the client sent them. */
export function requestURI(req: HttpRequest): string {
  return req.path + (req.query.length ? `?${req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '');
}

/** nginx `$http_host`: the Host header, with the port when it is not the scheme's default. */
export function hostHeader(req: HttpRequest): string {
  return req.port === (req.scheme === 'https' ? 443 : 80) ? req.host : `${req.host}:${req.port}`;
}

/** The nginx variables a `return` URL may use, expanded for this request; others are left as written. */
function expand(url: string, req: HttpRequest): string {
  const uri = requestURI(req);
  const args = uri.includes('?') ? uri.slice(uri.indexOf('?') + 1) : '';
  const vars: Record<string, string> = { request_uri: uri, uri: req.path, host: req.host, http_host: hostHeader(req), scheme: req.scheme, args, query_string: args, is_args: args ? '?' : '' };
  return url.replace(/\$\{?([a-z_]+)\}?/g, (m, name: string) => vars[name] ?? m);
}

export interface NginxRedirect {
  status: number;
  location: string;
  ingress: Ingress;
  cite: Cite;
  why: string;
}

/**
 * ING-17 app-root: each location of an Ingress with `app-root` adds to its server (the host)
 * `if ($uri = /) { return 302 $scheme://$http_host<app-root>; }`, evaluated before any location is chosen.
 */
export function appRootRedirect(group: Ingress[], ann: Map<Ingress, NginxAnnotations>, req: HttpRequest): NginxRedirect | undefined {
  if (req.path !== '/') return undefined;
  const ing = group.find((i) => ann.get(i)?.appRoot !== undefined);
  if (!ing) return undefined;
  const root = ann.get(ing)!.appRoot!;
  const location = `${req.scheme}://${hostHeader(req)}${root}`;
  return { status: 302, location, ingress: ing, cite: citeOf(ing, `metadata.annotations.${NGINX_PREFIX}app-root`), why: `app-root "${root}" on ${ing.id}: a request for / on this host is answered 302 to ${location} before any path is matched (ING-17)` };
}

/** ING-17 permanent-redirect / temporal-redirect: the location answers `return <code> <url>` before the ssl redirect. */
export function locationRedirect(ing: Ingress, a: NginxAnnotations, req: HttpRequest): NginxRedirect | undefined {
  if (!a.redirect) return undefined;
  const location = expand(a.redirect.url, req);
  return { status: a.redirect.code, location, ingress: ing, cite: citeOf(ing, `metadata.annotations.${a.redirect.annotation}`), why: `${a.redirect.annotation.slice(NGINX_PREFIX.length)} on ${ing.id}: answered ${a.redirect.code} to ${location}; no backend is called (ING-17)` };
}

/**
 * ING-15: the ssl redirect's Location, as ingress-nginx's Lua (`lua_ingress.rewrite`) builds it:
 * `https://<host without port><request_uri>`, dropping one trailing `/` of the request URI unless
 * `preserve-trailing-slash` is set ("do not append a trailing slash on redirects").
 */
export function sslRedirectLocation(req: HttpRequest, preserveTrailingSlash: boolean): string {
  let uri = requestURI(req);
  if (!preserveTrailingSlash && uri.endsWith('/')) uri = uri.slice(0, -1);
  return `https://${req.host}${uri}`;
}

/**
 * ING-18 default-backend: when the location's Service has no endpoint, ingress-nginx sends the request to
 * the annotated Service (same namespace, its first port) if that one has endpoints, as a custom error
 * page request: path `/`, headers X-Code 503, X-Original-URI, X-Namespace, X-Ingress-Name, X-Service-Name,
 * X-Service-Port. Undefined when it cannot take over (the reason is then in `why`).
 */
export function defaultBackendFor(world: World, ing: Ingress, a: NginxAnnotations, failed: RouteBackend): { backend: RouteBackend; headers: Record<string, string> } | { why: string } | undefined {
  if (!a.defaultBackend) return undefined;
  const name = a.defaultBackend;
  const svc = world.services.find((s) => s.namespace === ing.namespace && s.name === name);
  const first = svc?.ports[0];
  if (!svc || !first) return { why: `default-backend ${ing.namespace}/${name} ${svc ? 'has no port' : 'does not exist'}, so it cannot answer instead (ING-18)` };
  const r = resolveBackend(world, ing.namespace, { service: { name, port: { number: first.port } }, path: '' });
  if (r.state !== 'ok') return { why: `default-backend ${ing.namespace}/${name} has no ready endpoint either (ING-18)` };
  const backend: RouteBackend = {
    namespace: ing.namespace,
    name,
    port: first.port,
    weight: failed.weight,
    kind: 'Service',
    state: 'ok',
    endpoints: r.endpoints,
    reason: `${failed.name} has no ready endpoint, so ingress-nginx sends the request to default-backend ${name} (its first port, ${first.port}) as a custom error page (X-Code 503) (ING-18)`,
    role: 'default-backend',
    cite: citeOf(ing, `metadata.annotations.${NGINX_PREFIX}default-backend`),
  };
  const headers = { 'x-code': '503', 'x-namespace': ing.namespace, 'x-ingress-name': ing.name, 'x-service-name': failed.name, 'x-service-port': String(failed.port ?? '') };
  return { backend, headers };
}

/** The request a backend behind ingress-nginx receives: the client's headers plus the X-Forwarded-* set the template adds. */
export function nginxUpstream(req: HttpRequest, path: string, extra: Record<string, string> = {}): Upstream {
  const headers: Record<string, string> = {};
  for (const [k, v] of req.headers) headers[k] = headers[k] !== undefined ? `${headers[k]}, ${v}` : v;
  Object.assign(headers, {
    'x-forwarded-host': hostHeader(req),
    'x-forwarded-port': String(req.port),
    'x-forwarded-proto': req.scheme,
    'x-forwarded-scheme': req.scheme,
    'x-scheme': req.scheme,
    ...extra,
  });
  return { host: hostHeader(req), path, headers };
}
