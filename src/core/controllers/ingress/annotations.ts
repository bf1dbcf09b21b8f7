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
    invalid,
  };
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

/** Whether any ingress-nginx annotation is set (to say it was ignored by another controller). */
export function hasNginxAnnotations(ing: Ingress): boolean {
  return Object.keys(ing.annotations).some((k) => k.startsWith(NGINX_PREFIX));
}
