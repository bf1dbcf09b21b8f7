import type { HttpRequest } from '../../http';
import type { HTTPRouteMatch, RouteFilter } from '../../model/gateway';

export interface FilterEffect {
  redirect?: { status: number; location: string };
  /** The path the backend receives after URLRewrite. */
  upstreamPath?: string;
  /** The Host the backend receives after URLRewrite. */
  upstreamHost?: string;
  mirrors: { namespace: string; name: string; port?: number; filter: number }[];
  /** One sentence per filter applied (header changes shown, mirrors noted). */
  notes: string[];
  /** The request headers after RequestHeaderModifier filters (names lowercased). */
  headers: Record<string, string>;
}

/** What earlier filters already did to the request (a rule's filters run before a backendRef's, GW-18). */
export interface FilterStart {
  path: string;
  host?: string;
  headers: Record<string, string>;
}

/** The request's headers as one map, names lowercased, repeats joined with ", ". */
export function headerMap(req: HttpRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.headers) out[k] = out[k] !== undefined ? `${out[k]}, ${v}` : v;
  return out;
}

/** GW-14 RequestHeaderModifier: set (replace), add (append with ","), remove; header names are case-insensitive. */
function modifyHeaders(headers: Record<string, string>, cfg: Record<string, unknown>): void {
  const list = (k: string) => (Array.isArray(cfg[k]) ? (cfg[k] as { name?: unknown; value?: unknown }[]) : []);
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
  for (const h of list('set')) if (typeof h.name === 'string') headers[h.name.toLowerCase()] = text(h.value);
  for (const h of list('add')) {
    if (typeof h.name !== 'string') continue;
    const k = h.name.toLowerCase();
    headers[k] = headers[k] !== undefined ? `${headers[k]},${text(h.value)}` : text(h.value);
  }
  if (Array.isArray(cfg.remove)) for (const n of cfg.remove) if (typeof n === 'string') delete headers[n.toLowerCase()];
}

type PathModifier = { type?: string; replaceFullPath?: string; replacePrefixMatch?: string };

/** GW-14 ReplacePrefixMatch: `/foo` → `/xyz` turns `/foo/bar` into `/xyz/bar`; `""` turns `/foo` into `/`. */
export function replacePrefix(path: string, matchPrefix: string, replacement: string): string {
  const prefix = matchPrefix.replace(/\/+$/, '');
  const rest = path.slice(prefix.length);
  const repl = replacement.replace(/\/+$/, '');
  const out = rest === '' ? repl : repl + (rest.startsWith('/') ? rest : `/${rest}`);
  return out === '' ? '/' : out;
}

function modifyPath(mod: PathModifier | undefined, path: string, match: HTTPRouteMatch | undefined): string | undefined {
  if (!mod) return undefined;
  if (mod.type === 'ReplaceFullPath' && typeof mod.replaceFullPath === 'string') return mod.replaceFullPath;
  if (mod.type === 'ReplacePrefixMatch' && typeof mod.replacePrefixMatch === 'string' && match?.path.type === 'PathPrefix') return replacePrefix(path, match.path.value, mod.replacePrefixMatch);
  return undefined;
}

function headerOps(cfg: Record<string, unknown>): string {
  const list = (k: string) => (Array.isArray(cfg[k]) ? (cfg[k] as { name?: string; value?: string }[]) : []);
  const parts = [
    ...list('set').map((h) => `set ${h.name}: ${h.value}`),
    ...list('add').map((h) => `add ${h.name}: ${h.value}`),
    ...(Array.isArray(cfg.remove) ? (cfg.remove as string[]).map((n) => `remove ${n}`) : []),
  ];
  return parts.join('; ') || 'no changes';
}

/** Apply a rule's filters in list order ([SIM] GW-14): redirects answer, rewrites change what the backend sees. */
export function applyFilters(filters: RouteFilter[], req: HttpRequest, match: HTTPRouteMatch | undefined, listenerPort: number, routeNamespace: string, start?: FilterStart): FilterEffect {
  const effect: FilterEffect = { mirrors: [], notes: [], headers: { ...(start?.headers ?? headerMap(req)) } };
  let path = start?.path ?? req.path;
  if (start?.path !== undefined && start.path !== req.path) effect.upstreamPath = start.path;
  if (start?.host !== undefined) effect.upstreamHost = start.host;
  for (const f of filters) {
    const c = f.config;
    switch (f.type) {
      case 'RequestRedirect': {
        const scheme = typeof c.scheme === 'string' ? c.scheme : req.scheme;
        const host = typeof c.hostname === 'string' ? c.hostname : req.host;
        let port: number | undefined = typeof c.port === 'number' ? c.port : undefined;
        // Without a port: keep the listener port unless the scheme changed (then the scheme's default).
        if (port === undefined && scheme === req.scheme) port = listenerPort;
        const wellKnown = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
        const newPath = modifyPath(c.path as PathModifier | undefined, path, match) ?? path;
        const query = req.query.length ? `?${req.query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
        effect.redirect = { status: typeof c.statusCode === 'number' ? c.statusCode : 302, location: `${scheme}://${host}${port !== undefined && !wellKnown ? `:${port}` : ''}${newPath}${query}` };
        return effect;
      }
      case 'URLRewrite': {
        const np = modifyPath(c.path as PathModifier | undefined, path, match);
        if (np !== undefined) {
          effect.notes.push(`URLRewrite: the backend receives path ${np} instead of ${path} (GW-14).`);
          path = np;
          effect.upstreamPath = np;
        }
        if (typeof c.hostname === 'string') {
          effect.upstreamHost = c.hostname;
          effect.notes.push(`URLRewrite: the backend receives Host ${c.hostname} (GW-14).`);
        }
        break;
      }
      case 'RequestHeaderModifier':
        modifyHeaders(effect.headers, c);
        effect.notes.push(`RequestHeaderModifier: ${headerOps(c)} (GW-14).`);
        break;
      case 'ResponseHeaderModifier':
        effect.notes.push(`ResponseHeaderModifier on the answer: ${headerOps(c)} (GW-14).`);
        break;
      case 'RequestMirror': {
        const ref = (c.backendRef ?? {}) as { name?: string; namespace?: string; port?: number };
        if (ref.name) effect.mirrors.push({ namespace: ref.namespace ?? routeNamespace, name: ref.name, ...(typeof ref.port === 'number' ? { port: ref.port } : {}), filter: f.index });
        effect.notes.push(`RequestMirror: a copy goes to ${ref.namespace ?? routeNamespace}/${ref.name ?? '?'}; its answer is ignored (GW-14).`);
        break;
      }
      case 'CORS':
        effect.notes.push('CORS: preflight and CORS headers are answered by the gateway (Extended, GW-14).');
        break;
      default:
        effect.notes.push(`${f.type} is implementation-specific; the simulator ignores it (GW-14).`);
    }
  }
  return effect;
}
