import type { Ingress } from '../../model/networking';

/** The ingress-nginx annotation prefix. */
export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

/**
 * The ingress-nginx annotations that change where a request goes or what the backend receives
 * ([IMPL] controller-specific, https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/).
 */
export interface NginxAnnotations {
  canary: boolean;
  /** 0..canaryWeightTotal; undefined when not set. */
  canaryWeight?: number;
  canaryWeightTotal: number;
  canaryByHeader?: string;
  canaryByHeaderValue?: string;
  canaryByCookie?: string;
  rewriteTarget?: string;
  useRegex: boolean;
  /** Default true: redirect http → https when the host has TLS. */
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  backendProtocol?: string;
  serviceUpstream: boolean;
  /** ING-17: `permanent-redirect` / `temporal-redirect` (temporal wins), with the code to answer. */
  redirect?: { url: string; code: number; annotation: string };
  /** ING-17: `app-root`: a request for `/` on the host is redirected (302) here. */
  appRoot?: string;
  /** ING-18: `default-backend`: the Service that answers when the rule's backend has no endpoint. */
  defaultBackend?: string;
  /** ING-15: `preserve-trailing-slash` (default false: the ssl-redirect drops one trailing slash). */
  preserveTrailingSlash: boolean;
  /** Annotation keys with values the controller would reject, with why. */
  invalid: { key: string; why: string }[];
}

const BACKEND_PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'AUTO_HTTP', 'FCGI'];

/** Read the ingress-nginx annotations of one Ingress (missing or invalid values fall back to the controller's defaults). */
export function nginxAnnotations(ing: Ingress): NginxAnnotations {
  const a = ing.annotations;
  const invalid: { key: string; why: string }[] = [];
  const bool = (name: string, dflt: boolean): boolean => {
    const v = a[NGINX_PREFIX + name];
    if (v === undefined) return dflt;
    if (v === 'true') return true;
    if (v === 'false') return false;
    invalid.push({ key: NGINX_PREFIX + name, why: `must be "true" or "false", not "${v}"` });
    return dflt;
  };
  const int = (name: string): number | undefined => {
    const v = a[NGINX_PREFIX + name];
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) {
      invalid.push({ key: NGINX_PREFIX + name, why: `must be a whole number, not "${v}"` });
      return undefined;
    }
    return Number(v);
  };
  const str = (name: string): string | undefined => {
    const v = a[NGINX_PREFIX + name];
    return v === undefined || v === '' ? undefined : v;
  };
  let backendProtocol = str('backend-protocol')?.toUpperCase();
  if (backendProtocol && !BACKEND_PROTOCOLS.includes(backendProtocol)) {
    invalid.push({ key: NGINX_PREFIX + 'backend-protocol', why: `must be one of ${BACKEND_PROTOCOLS.join(', ')}, not "${backendProtocol}"` });
    backendProtocol = undefined;
  }
  const canaryWeightTotal = int('canary-weight-total') ?? 100;
  let canaryWeight = int('canary-weight');
  if (canaryWeight !== undefined && canaryWeight > canaryWeightTotal) canaryWeight = canaryWeightTotal;
  const out: NginxAnnotations = {
    canary: bool('canary', false),
    canaryWeightTotal,
    useRegex: bool('use-regex', false),
    sslRedirect: bool('ssl-redirect', true),
    forceSslRedirect: bool('force-ssl-redirect', false),
    serviceUpstream: bool('service-upstream', false),
    preserveTrailingSlash: bool('preserve-trailing-slash', false),
    invalid,
  };
  const redirect = readRedirect(str, int, invalid);
  if (redirect) out.redirect = redirect;
  const appRoot = str('app-root');
  // ingress-nginx rewrite parser: app-root must be a path, not an absolute URL (it is prefixed with scheme and host).
  if (appRoot !== undefined && (!appRoot.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(appRoot))) invalid.push({ key: NGINX_PREFIX + 'app-root', why: `must be a path starting with "/", not "${appRoot}"` });
  else if (appRoot !== undefined) out.appRoot = appRoot;
  const defaultBackend = str('default-backend');
  if (defaultBackend) out.defaultBackend = defaultBackend;
  if (canaryWeight !== undefined) out.canaryWeight = canaryWeight;
  const header = str('canary-by-header');
  if (header) out.canaryByHeader = header;
  const headerValue = str('canary-by-header-value');
  if (headerValue) out.canaryByHeaderValue = headerValue;
  const cookie = str('canary-by-cookie');
  if (cookie) out.canaryByCookie = cookie;
  const rewrite = a[NGINX_PREFIX + 'rewrite-target'];
  if (rewrite !== undefined) out.rewriteTarget = rewrite;
  if (backendProtocol) out.backendProtocol = backendProtocol;
  return out;
}

/** The ingress-nginx annotations the simulator models (names after the prefix); every other one is reported as ignored (ING-19). */
export const MODELLED_ANNOTATIONS = new Set([
  'canary',
  'canary-weight',
  'canary-weight-total',
  'canary-by-header',
  'canary-by-header-value',
  'canary-by-cookie',
  'rewrite-target',
  'use-regex',
  'ssl-redirect',
  'force-ssl-redirect',
  'preserve-trailing-slash',
  'backend-protocol',
  'service-upstream',
  'permanent-redirect',
  'permanent-redirect-code',
  'temporal-redirect',
  'temporal-redirect-code',
  'app-root',
  'default-backend',
]);

/** Whether any ingress-nginx annotation is set (to say it was ignored by another controller). */
export function hasNginxAnnotations(ing: Ingress): boolean {
  return Object.keys(ing.annotations).some((k) => k.startsWith(NGINX_PREFIX));
}

/**
 * ingress-nginx `internal/ingress/annotations/redirect`: `temporal-redirect` (code `temporal-redirect-code`,
 * default 302, 300-307 else 302) wins over `permanent-redirect` (code `permanent-redirect-code`, default 301,
 * 300-308 else 301); the URL must be http(s) ("only http and https are valid protocols").
 */
function readRedirect(str: (n: string) => string | undefined, int: (n: string) => number | undefined, invalid: { key: string; why: string }[]): NginxAnnotations['redirect'] {
  for (const [name, dflt, max] of [['temporal-redirect', 302, 307], ['permanent-redirect', 301, 308]] as const) {
    const url = str(name);
    if (url === undefined) continue;
    if (!/^https?:\/\//i.test(url)) {
      // The parser fails as a whole: no redirect at all (a temporal error does not fall back to permanent).
      invalid.push({ key: NGINX_PREFIX + name, why: `must be an http:// or https:// URL, not "${url}" (only http and https are valid protocols)` });
      return undefined;
    }
    const code = int(`${name}-code`);
    const valid = code !== undefined && code >= 300 && code <= max;
    if (code !== undefined && !valid) invalid.push({ key: `${NGINX_PREFIX}${name}-code`, why: `must be between 300 and ${max}, not ${code}; ingress-nginx answers ${dflt} instead` });
    return { url, code: valid ? code : dflt, annotation: NGINX_PREFIX + name };
  }
  return undefined;
}
