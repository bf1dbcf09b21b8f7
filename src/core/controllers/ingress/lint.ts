import type { Diagnostic, Severity } from '../../diagnostics/diagnostic';
import { rangeIn } from '../../manifest/reader';
import type { Ingress, IngressBackend } from '../../model/networking';
import type { World } from '../../model/world';
import type { SimOptions } from '../../options';
import { MODELLED_ANNOTATIONS, nginxAnnotations, NGINX_PREFIX } from './annotations';
import { resolveBackend } from './backends';
import { ingressesOfClass, NGINX_CONTROLLER, servingClass } from './classes';
import { INGRESS_CODES } from './codes';
import { hostMatches, selectPath, type Candidate } from './match';

function diag(ing: Ingress, code: string, severity: Severity, path: string, message: string, rule?: string): Diagnostic {
  const d: Diagnostic = { code, severity, message, file: ing.source.file, range: rangeIn(ing.source, path), path, object: ing.id };
  if (rule) d.rule = rule;
  return d;
}

/**
 * What an ingress controller would log or silently do wrong, as diagnostics on the exact field: an
 * Ingress no class serves (ING-3), missing backends (ING-12/14), missing TLS secrets (ING-15), duplicate
 * and shadowed paths (ING-9/ING-11), canaries without a main Ingress, invalid nginx annotations.
 */
export function lintIngresses(world: World, options: SimOptions, diags: Diagnostic[]): void {
  for (const ing of world.ingresses) {
    const s = servingClass(world, ing);
    if (!s.served) {
      const at = ing.classSource === 'spec' ? 'spec.ingressClassName' : ing.classSource === 'annotation' ? 'metadata.annotations.kubernetes.io/ingress.class' : 'metadata.name';
      diags.push(diag(ing, INGRESS_CODES.NOT_SERVED, 'warning', at, `No controller serves this Ingress: ${s.reason}. It routes nothing.`, 'ING-3'));
    }
    const backends: IngressBackend[] = [...(ing.defaultBackend ? [ing.defaultBackend] : []), ...ing.rules.flatMap((r) => r.paths.map((p) => p.backend))];
    for (const b of backends) {
      const r = resolveBackend(world, ing.namespace, b);
      if (r.state === 'service-missing') diags.push(diag(ing, INGRESS_CODES.BACKEND_SERVICE_MISSING, 'warning', `${b.path}.service.name`, `${r.reason}.`, 'ING-12'));
      else if (r.state === 'port-missing') diags.push(diag(ing, INGRESS_CODES.BACKEND_PORT_MISSING, 'warning', `${b.path}.service.port`, `${r.reason}.`, 'ING-12'));
      else if (r.state === 'unresolved') diags.push(diag(ing, INGRESS_CODES.RESOURCE_BACKEND, 'info', `${b.path}.resource`, `${r.reason}.`, 'ING-14'));
    }
    for (const t of ing.tls) {
      if (!t.secretName) continue;
      const secret = world.secrets.find((x) => x.namespace === ing.namespace && x.name === t.secretName);
      if (!secret || secret.type !== 'kubernetes.io/tls') {
        const why = secret ? `is of type ${secret.type}, not kubernetes.io/tls` : `does not exist in namespace ${ing.namespace}`;
        diags.push(diag(ing, INGRESS_CODES.TLS_SECRET_MISSING, 'warning', `spec.tls.${t.index}.secretName`, `TLS Secret ${t.secretName} ${why}; ingress-nginx serves its self-signed default certificate for ${t.hosts.join(', ') || 'these hosts'} (ING-15).`, 'ING-15'));
      }
    }
    if (s.served && s.ingressClass.controller === NGINX_CONTROLLER) {
      for (const bad of nginxAnnotations(ing).invalid) diags.push(diag(ing, INGRESS_CODES.ANNOTATION_INVALID, 'warning', `metadata.annotations.${bad.key}`, `${bad.key} ${bad.why}; ingress-nginx ignores it.`));
      // ING-19: say which ingress-nginx annotations the simulation leaves out, instead of dropping them silently.
      for (const key of Object.keys(ing.annotations)) {
        if (!key.startsWith(NGINX_PREFIX) || MODELLED_ANNOTATIONS.has(key.slice(NGINX_PREFIX.length))) continue;
        diags.push(diag(ing, INGRESS_CODES.ANNOTATION_NOT_MODELLED, 'info', `metadata.annotations.${key}`, `${key} is not simulated: routes, redirects and backends are computed as if it were absent, though ingress-nginx applies it (ING-19).`, 'ING-19'));
      }
    }
  }
  for (const cls of world.ingressClasses) lintClass(world, options, cls.name, cls.controller === NGINX_CONTROLLER, diags);
}

/** Paths that can never be selected, tried with requests that only that path's own rule would claim. */
function lintClass(world: World, options: SimOptions, className: string, nginx: boolean, diags: Diagnostic[]): void {
  const all = ingressesOfClass(world, className);
  const ann = new Map(all.map((i) => [i, nginxAnnotations(i)]));
  const isCanary = (i: Ingress) => nginx && ann.get(i)!.canary;
  const main = all.filter((i) => !isCanary(i));
  const regexFor = (i: Ingress) => nginx && (ann.get(i)!.useRegex || ann.get(i)!.rewriteTarget !== undefined);
  // Only Ingresses with a rule for the sample host can change its answer: route among those (fast for many hosts).
  const byHost = new Map<string, Ingress[]>();
  const relevant = (host: string) => {
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = main.filter((i) => i.rules.some((r) => hostMatches(r.host, host)))));
    return list;
  };
  for (const ing of main) {
    for (const rule of ing.rules) {
      const host = sampleHost(rule.host);
      const scope = relevant(host);
      for (const path of rule.paths) {
        const me: Candidate = { ingress: ing, rule, path };
        let won = false;
        let beaten: Candidate | undefined;
        let regex = false;
        for (const reqPath of samplePaths(path.path, path.pathType)) {
          const sel = selectPath(scope, host, reqPath, options.ingress.pathMode, regexFor);
          regex = sel.regex;
          if (!sel.matching.some((c) => same(c, me))) continue;
          if (sel.winner && same(sel.winner, me)) won = true;
          else beaten ??= sel.winner;
        }
        if (won || !beaten || regex) continue;
        const p = `spec.rules.${path.rule}.http.paths.${path.index}`;
        const dup = beaten.path.path === path.path && beaten.path.pathType === path.pathType;
        const d = dup
          ? diag(ing, INGRESS_CODES.DUPLICATE_PATH, 'warning', `${p}.path`, `${rule.host ?? '(any host)'} ${path.pathType} ${path.path} is also defined by ${beaten.ingress.id}, which is older (or earlier) and wins; this path never receives traffic (ING-11).`, 'ING-11')
          : diag(ing, INGRESS_CODES.PATH_SHADOWED, 'warning', `${p}.path`, `${path.pathType} ${path.path} can never be selected: ${beaten.path.pathType} ${beaten.path.path} of ${beaten.ingress.id} wins every request it matches (ING-9).`, 'ING-9');
        d.related = [{ file: beaten.ingress.source.file, range: rangeIn(beaten.ingress.source, `spec.rules.${beaten.path.rule}.http.paths.${beaten.path.index}.path`), message: 'the path that wins' }];
        diags.push(d);
      }
    }
  }
  for (const ing of all.filter(isCanary)) {
    // ING-16: ingress-nginx merges a canary path into the main location with the same host, path and
    // pathType; any other canary path is dropped ("unable to find real backend for alternative backend").
    for (const r of ing.rules) {
      for (const p of r.paths) {
        const samePath = main.flatMap((m) => m.rules.filter((mr) => (mr.host ?? '') === (r.host ?? '')).flatMap((mr) => mr.paths.filter((mp) => mp.path === p.path).map((mp) => ({ m, mp }))));
        if (samePath.some(({ mp }) => mp.pathType === p.pathType)) continue;
        const other = samePath[0];
        const why = other
          ? `the main Ingress ${other.m.id} has ${r.host ?? '(any host)'} ${p.path} with pathType ${other.mp.pathType}, not ${p.pathType}, and ingress-nginx pairs a canary by host, path and pathType`
          : `no main Ingress of this class has host ${r.host ?? '(any host)'} and path ${p.path}`;
        const d = diag(ing, INGRESS_CODES.CANARY_WITHOUT_MAIN, 'warning', `spec.rules.${p.rule}.http.paths.${p.index}`, `This canary path is ignored: ${why}; the controller logs "unable to find real backend for alternative backend" and drops it (ING-16).`, 'ING-16');
        if (other) d.related = [{ file: other.m.source.file, range: rangeIn(other.m.source, `spec.rules.${other.mp.rule}.http.paths.${other.mp.index}.pathType`), message: 'the main path' }];
        diags.push(d);
      }
    }
  }
}

function same(a: Candidate, b: Candidate): boolean {
  return a.ingress === b.ingress && a.path.rule === b.path.rule && a.path.index === b.path.index;
}

function sampleHost(host: string | undefined): string {
  if (!host) return 'no-host-rule.invalid';
  return host.startsWith('*.') ? `sample${host.slice(1)}` : host;
}

/** Requests a path matches and that a longer, unrelated rule is unlikely to claim. */
function samplePaths(path: string, type: string): string[] {
  const p = path === '' ? '/' : path;
  if (type === 'Exact') return [p];
  if (type === 'ImplementationSpecific') return [p, p + '~sample~'];
  const base = '/' + p.split('/').filter(Boolean).join('/');
  return [base, base === '/' ? '/' : base + '/', (base === '/' ? '' : base) + '/~sample~'];
}
