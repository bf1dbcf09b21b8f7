import type { Cite } from '../../diagnostics/diagnostic';
import type { HttpRequest } from '../../http';
import { citeOf } from '../../manifest/reader';
import type { Ingress, IngressBackend } from '../../model/networking';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import type { EntryResult, RouteBackend } from '../../model/route';
import { hasNginxAnnotations, nginxAnnotations, type NginxAnnotations } from './annotations';
import { resolveBackend } from './backends';
import { NGINX_NAMESPACE } from './addon';
import { ingressesOfClass, NGINX_CONTROLLER } from './classes';
import { hostMatches, normalizeHost, rewritePath, selectPath, type Candidate } from './match';

/** Where a chosen backend came from: a rule path, or a defaultBackend. */
interface Chosen {
  ingress: Ingress;
  backend: IngressBackend;
  rule: number | null;
  cite: Cite;
  candidate?: Candidate;
}

/**
 * Route one request through the controller of one IngressClass (§4): class → host group →
 * path → backend → endpoints, with ingress-nginx's annotations when the class is ingress-nginx's.
 */
export function routeIngressClass(world: World, options: SimOptions, className: string, req: HttpRequest): EntryResult {
  const cls = world.ingressClasses.find((c) => c.name === className);
  const controller = cls?.controller ?? 'unknown';
  const nginx = controller === NGINX_CONTROLLER;
  const result: EntryResult = { entry: { kind: 'IngressClass', name: className, controller }, status: 404, route: null, backends: [], reasons: [], assumptions: [] };
  const say = (s: string) => result.reasons.push(s);
  const assume = (s: string) => !result.assumptions.includes(s) && result.assumptions.push(s);
  if (!nginx) assume(`controller ${controller} is simulated with ingress-nginx's behaviour where the API leaves room (§4 [SIM])`);
  if (cls?.implicit) assume(`IngressClass ${className} (controller ${NGINX_CONTROLLER}) was supplied by the simulator because the input declares no IngressClass (ING-3 [SIM])`);
  const all = ingressesOfClass(world, className);
  const ann = new Map<Ingress, NginxAnnotations>(all.map((i) => [i, nginxAnnotations(i)]));
  const isCanary = (i: Ingress) => nginx && ann.get(i)!.canary;
  const main = all.filter((i) => !isCanary(i));
  const canaries = all.filter(isCanary);
  if (!nginx && all.some(hasNginxAnnotations)) assume(`nginx.ingress.kubernetes.io annotations are ignored: controller ${controller} is not ingress-nginx`);
  const host = normalizeHost(req.host);
  say(`${all.length} Ingress${all.length === 1 ? '' : 'es'} served by IngressClass ${className} (controller ${controller}); Host "${host}", path "${req.path}" (ING-3, ING-5)`);
  if (req.port !== 80 && req.port !== 443) assume(`ingress controllers listen on 80 (http) and 443 (https); port ${req.port} is assumed to reach the controller anyway`);
  if (options.ingress.pathMode === 'ingress-nginx') assume('path precedence follows ingress-nginx (Exact paths become `location =`), not the API text (I-14)');
  const sel = selectPath(main, host, req.path, options.ingress.pathMode, (i) => nginx && (ann.get(i)!.useRegex || ann.get(i)!.rewriteTarget !== undefined));
  if (sel.regex) assume('ingress-nginx regex mode: every path of this host is a case-insensitive ^path regular expression (ING-8 [IMPL])');
  let chosen: Chosen | undefined;
  if (sel.group === null) say(`no rule has a host matching "${host}" (ING-6)`);
  else say(`host group: ${sel.group === 'precise' ? 'the precise host' : sel.group === 'wildcard' ? 'a wildcard host' : 'rules without host'} (precise > wildcard > host-less, ING-7 [IMPL])`);
  if (sel.group && sel.group !== 'precise') assume('host precedence precise > wildcard > host-less, without fallback between groups (ING-7 [IMPL], nginx server_name)');
  if (sel.winner) {
    const w = sel.winner;
    const p = `spec.rules.${w.path.rule}.http.paths.${w.path.index}`;
    chosen = { ingress: w.ingress, backend: w.path.backend, rule: w.path.rule, cite: citeOf(w.ingress, p), candidate: w };
    say(`matched ${w.path.pathType} path "${w.path.path}" of ${w.ingress.id} rule ${w.path.rule + 1}: ${sel.why}`);
    if (w.path.pathType === 'ImplementationSpecific' && !sel.regex) assume('ImplementationSpecific path matched as ingress-nginx does: a character prefix (ING-8 [IMPL])');
    const others = sel.matching.slice(1).filter((c) => c.path.path === w.path.path && c.path.pathType === w.path.pathType && c.ingress !== w.ingress);
    if (others.length) assume(`identical path also in ${others.map((c) => c.ingress.id).join(', ')}: the oldest Ingress wins (ING-11 [SIM])`);
  } else if (sel.group !== null) {
    say(`no path of the host group matches "${req.path}" (ING-8); nothing falls back to another host group (ING-7)`);
  }
  if (!chosen) {
    const own = sel.groupIngresses.find((i) => i.defaultBackend);
    const catchAll = sel.group === null || sel.group === 'any' ? main.find((i) => i.rules.length === 0 && i.defaultBackend) : undefined;
    const from = own ?? catchAll;
    if (from) {
      chosen = { ingress: from, backend: from.defaultBackend!, rule: null, cite: citeOf(from, 'spec.defaultBackend') };
      say(own ? `using spec.defaultBackend of ${from.id}, the oldest Ingress of this host group that defines one (ING-10 [SIM])` : `using spec.defaultBackend of ${from.id}, an Ingress without rules: a catch-all for requests no rule claims (ING-10 [IMPL])`);
      if (!own) assume('an Ingress with only defaultBackend catches every request other rules do not claim (ING-10 [IMPL])');
    } else {
      say(`no defaultBackend applies → the controller's own default backend answers 404 (ING-10)`);
      assume("unmatched requests go to the controller's global default backend, which answers 404 (ingress-nginx, ING-10)");
      return result;
    }
  }
  const a = ann.get(chosen.ingress)!;
  result.route = { kind: 'Ingress', namespace: chosen.ingress.namespace, name: chosen.ingress.name, rule: chosen.rule };
  result.cite = chosen.cite;
  // TLS (ING-15): which Ingresses of this class list the host under spec.tls.
  const tls = main.flatMap((i) => i.tls.filter((t) => (t.hosts.length === 0 ? false : t.hosts.some((h) => hostMatches(h, host)))).map((t) => ({ ing: i, t })));
  if (req.scheme === 'https') {
    if (tls.length) {
      const { ing, t } = tls[0]!;
      const secret = t.secretName ? world.secrets.find((s) => s.namespace === ing.namespace && s.name === t.secretName) : undefined;
      if (secret && secret.type === 'kubernetes.io/tls') say(`TLS for "${host}" terminated with Secret ${ing.namespace}/${t.secretName} from ${ing.id} (ING-15)`);
      else {
        say(`TLS for "${host}": Secret ${ing.namespace}/${t.secretName ?? '(none)'} is missing or not kubernetes.io/tls → the controller serves its self-signed default certificate (ING-15 [IMPL])`);
        assume('missing TLS secret → ingress-nginx default (self-signed) certificate; clients that verify it fail (ING-15 [IMPL])');
      }
    } else {
      say(`"${host}" is not listed in any spec.tls; HTTPS is answered with the controller's default certificate (ING-15 [IMPL])`);
      assume("HTTPS to a host without TLS config uses the controller's default certificate (ING-15 [IMPL])");
    }
  }
  if (nginx && req.scheme === 'http' && chosen.candidate && ((tls.length > 0 && a.sslRedirect) || a.forceSslRedirect)) {
    const location = `https://${host}${req.path}${req.query.length ? '?' + req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : ''}`;
    result.status = 308;
    result.redirect = { status: 308, location };
    say(a.forceSslRedirect && tls.length === 0 ? `force-ssl-redirect on ${chosen.ingress.id} → 308 to ${location}` : `"${host}" has TLS in ${tls[0]!.ing.id}, so ingress-nginx redirects plain HTTP → 308 to ${location} (ING-15 [IMPL]; turn off with ssl-redirect: "false")`);
    assume('HTTP requests for TLS hosts are redirected with 308 (ingress-nginx ssl-redirect default, ING-15 [IMPL])');
    return result;
  }
  // Canary Ingresses (ingress-nginx): same host and path as the main rule.
  const backends: { b: IngressBackend; ing: Ingress; weight: number; role?: 'canary'; citePath: string }[] = [];
  const canary = chosen.candidate ? findCanary(canaries, chosen.candidate) : undefined;
  if (canary) {
    const ca = ann.get(canary.ing)!;
    const header = ca.canaryByHeader ? req.headers.find(([k]) => k === ca.canaryByHeader!.toLowerCase())?.[1] : undefined;
    const cookie = ca.canaryByCookie ? cookieValue(req, ca.canaryByCookie) : undefined;
    let canaryWeight: number;
    const total = ca.canaryWeightTotal;
    if (header !== undefined && ca.canaryByHeaderValue !== undefined) {
      canaryWeight = header === ca.canaryByHeaderValue ? total : (ca.canaryWeight ?? 0);
      say(header === ca.canaryByHeaderValue ? `header ${ca.canaryByHeader}: ${header} equals canary-by-header-value → canary ${canary.ing.id}` : `header ${ca.canaryByHeader}: ${header} differs from canary-by-header-value → canary weight decides`);
    } else if (header === 'always' || header === 'never') {
      canaryWeight = header === 'always' ? total : 0;
      say(`header ${ca.canaryByHeader}: ${header} → ${header === 'always' ? 'always the canary' : 'never the canary'} ${canary.ing.id}`);
    } else if (cookie === 'always' || cookie === 'never') {
      canaryWeight = cookie === 'always' ? total : 0;
      say(`cookie ${ca.canaryByCookie}=${cookie} → ${cookie === 'always' ? 'always' : 'never'} the canary ${canary.ing.id}`);
    } else {
      canaryWeight = ca.canaryWeight ?? 0;
      say(`canary ${canary.ing.id} takes ${canaryWeight} of ${total} requests by canary-weight (header/cookie rules did not apply)`);
    }
    const mainWeight = total - canaryWeight;
    assume('canary Ingress split as ingress-nginx does: by-header, then by-cookie, then weight (controller-specific)');
    if (mainWeight > 0) backends.push({ b: chosen.backend, ing: chosen.ingress, weight: mainWeight, citePath: chosen.cite.path! });
    if (canaryWeight > 0) backends.push({ b: canary.b, ing: canary.ing, weight: canaryWeight, role: 'canary', citePath: canary.citePath });
  } else backends.push({ b: chosen.backend, ing: chosen.ingress, weight: 1, citePath: chosen.cite.path! });
  for (const x of backends) result.backends.push(toRouteBackend(world, x.ing, x.b, x.weight, x.citePath, ann.get(x.ing)!, nginx, x.role));
  // Rewrites and protocol (ingress-nginx annotations).
  result.upstreamPath = req.path;
  if (nginx && a.rewriteTarget !== undefined && chosen.candidate) {
    const rewritten = rewritePath(chosen.candidate.path.path, a.rewriteTarget, req.path);
    if (rewritten !== null) {
      result.upstreamPath = rewritten;
      say(`rewrite-target "${a.rewriteTarget}" on ${chosen.ingress.id}: the backend receives "${rewritten}"`);
      assume('rewrite-target rewrites the whole URI with the path regex and its capture groups (ingress-nginx)');
    }
  }
  if (nginx && a.backendProtocol && a.backendProtocol !== 'HTTP') {
    say(`backend-protocol ${a.backendProtocol}: the controller speaks ${a.backendProtocol} to the pods`);
    assume(`backend-protocol ${a.backendProtocol} on the hop to the pods (ingress-nginx annotation)`);
  }
  const top = [...result.backends].sort((x, y) => y.weight - x.weight)[0]!;
  const ok = (b: RouteBackend) => b.state === 'ok' || b.state === 'external-name';
  result.status = ok(top) ? 200 : 503;
  for (const b of result.backends) say(`${b.role ?? 'backend'} ${b.kind} ${b.namespace}/${b.name}: ${b.reason}`);
  if (result.backends.length > 1) {
    const bad = result.backends.filter((b) => !ok(b));
    if (bad.length && bad.length < result.backends.length) say(`the share sent to ${bad.map((b) => b.name).join(', ')} (weight ${bad.reduce((n, b) => n + b.weight, 0)}) gets 503; the status shown is the larger share's`);
  }
  if (result.status === 503) assume('a missing Service or port, or no ready endpoint, is answered 503 (ingress-nginx, ING-14 / I-16)');
  if (nginx) {
    // The controller's pods, as the ingress controller recorded them on the class (ING-13).
    const impl = cls?.implementation;
    result.proxy = {
      namespace: impl?.namespace ?? NGINX_NAMESPACE,
      pods: (impl?.pods ?? []).map((id) => id.slice(id.indexOf('/') + 1)),
      note: a.serviceUpstream
        ? 'service-upstream: the controller pods connect to the Service ClusterIP and kube-proxy picks the endpoint; NetworkPolicy on the backends sees the controller pod as source (ING-13, NP-12)'
        : 'the controller pods connect straight to the endpoint pod IPs (not the ClusterIP), so NetworkPolicy on the backends sees the controller pod as source (ING-13, NP-12)',
    };
    assume(a.serviceUpstream ? 'service-upstream: traffic goes through the Service ClusterIP (ingress-nginx annotation, ING-13)' : 'ingress-nginx sends requests straight to endpoint pod IPs; Service sessionAffinity and internalTrafficPolicy do not apply (ING-13 / I-15)');
  } else assume(`the pods of controller ${controller} are not modelled; backends are reached straight at their endpoints (ING-13 / I-15)`);
  return result;
}

function toRouteBackend(world: World, ing: Ingress, b: IngressBackend, weight: number, citePath: string, a: NginxAnnotations, nginx: boolean, role?: 'canary'): RouteBackend {
  const r = resolveBackend(world, ing.namespace, b);
  const backendPath = `${citePath === 'spec.defaultBackend' ? citePath : citePath + '.backend'}`;
  const out: RouteBackend = {
    namespace: ing.namespace,
    name: b.service?.name ?? b.resource!.name,
    port: r.servicePort?.port ?? b.service?.port.number ?? null,
    weight,
    kind: b.service ? 'Service' : b.resource!.kind,
    state: r.state,
    endpoints: r.endpoints,
    reason: r.reason,
    cite: citeOf(ing, backendPath),
  };
  if (nginx && a.backendProtocol && a.backendProtocol !== 'HTTP') out.protocol = a.backendProtocol;
  if (nginx && a.serviceUpstream && r.service?.clusterIPs[0] && r.servicePort) {
    out.reason += `; service-upstream: sent to ClusterIP ${r.service.clusterIPs[0]}:${r.servicePort.port}, where kube-proxy picks one of these endpoints (ING-13)`;
  }
  if (role) out.role = role;
  return out;
}

function findCanary(canaries: Ingress[], main: Candidate): { ing: Ingress; b: IngressBackend; citePath: string } | undefined {
  for (const ing of canaries) {
    for (const rule of ing.rules) {
      if ((rule.host ?? '') !== (main.rule.host ?? '')) continue;
      for (const p of rule.paths) {
        if (p.path === main.path.path) return { ing, b: p.backend, citePath: `spec.rules.${p.rule}.http.paths.${p.index}` };
      }
    }
  }
  return undefined;
}

function cookieValue(req: HttpRequest, name: string): string | undefined {
  for (const [k, v] of req.headers) {
    if (k !== 'cookie') continue;
    for (const part of v.split(';')) {
      const [ck, ...rest] = part.trim().split('=');
      if (ck === name) return rest.join('=');
    }
  }
  return undefined;
}
