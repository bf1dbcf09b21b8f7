import { parseRequestURL } from '../http';
import type { EntryResult } from '../model/route';
import { route } from '../route';
import type { Simulation } from '../simulate';

/** What one entry point answers for one URL: the status and the Services it forwards to (`ns/name`). */
export interface RouteOutcome {
  status: number;
  backends: string[];
}

export interface RouteChange {
  /** `IngressClass/nginx` or `Gateway/ns/name`. */
  entry: string;
  url: string;
  /** null: this entry point does not exist in that version. */
  before: RouteOutcome | null;
  after: RouteOutcome | null;
  /** The Ingress or route whose rule answered, or a backend Service, that changed; null when none did. */
  because: string | null;
}

/** A rule without a host answers every host: it is asked with this one (RFC 2606, never a real site). */
export const ANY_HOST = 'example.com';

/**
 * Every URL that the Ingresses and HTTPRoutes of either version declare (host × path; a path given as a
 * regular expression is left out, it names no one URL), asked of every entry point of both versions; the
 * answers that differ.
 */
export function routeChanges(before: Simulation, after: Simulation, changed: Set<string>): RouteChange[] {
  const urls = [...new Set([...declaredURLs(before), ...declaredURLs(after)])].sort();
  const out: RouteChange[] = [];
  for (const url of urls) {
    const request = parseRequestURL(url);
    if (!request) continue;
    const was = answers(before, request);
    const now = answers(after, request);
    for (const entry of [...new Set([...was.keys(), ...now.keys()])].sort()) {
      const a = was.get(entry);
      const b = now.get(entry);
      const x = a ? outcome(a) : null;
      const y = b ? outcome(b) : null;
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      const candidates = [b?.cite?.object, a?.cite?.object, ...[b, a].flatMap((r) => r?.backends.map((s) => `Service/${s.namespace}/${s.name}`) ?? []), entry];
      out.push({ entry, url, before: x, after: y, because: candidates.find((id): id is string => id !== undefined && changed.has(id)) ?? null });
    }
  }
  return out;
}

function answers(sim: Simulation, request: NonNullable<ReturnType<typeof parseRequestURL>>): Map<string, EntryResult> {
  const out = new Map<string, EntryResult>();
  for (const r of route(sim, request).results) {
    const e = r.entry;
    out.set(e.kind === 'IngressClass' ? `IngressClass/${e.name}` : `${e.kind}/${e.namespace}/${e.name}`, r);
  }
  return out;
}

const outcome = (r: EntryResult): RouteOutcome => ({ status: r.status, backends: r.backends.map((b) => `${b.namespace}/${b.name}`) });

function declaredURLs(sim: Simulation): string[] {
  const w = sim.world;
  const urls: string[] = [];
  const host = (h: string | undefined) => (!h ? ANY_HOST : h.startsWith('*.') ? `any.${h.slice(2)}` : h);
  const literal = (p: string) => p.startsWith('/') && !/[\\^$*+?()[\]{}|]/.test(p);
  for (const ing of w.ingresses) {
    const tls = new Set(ing.tls.flatMap((t) => t.hosts));
    for (const rule of ing.rules) {
      for (const p of rule.paths) {
        if (!literal(p.path)) continue;
        urls.push(`http://${host(rule.host)}${p.path}`);
        if (rule.host && tls.has(rule.host)) urls.push(`https://${host(rule.host)}${p.path}`);
      }
    }
  }
  // HTTPRoutes are asked on every HTTP(S) port a Gateway listens on.
  const origins = new Set<string>();
  for (const g of w.gateways) {
    for (const l of g.listeners) {
      const scheme = l.protocol === 'HTTP' ? 'http' : l.protocol === 'HTTPS' ? 'https' : null;
      if (scheme) origins.add(`${scheme}://HOST${l.port === (scheme === 'http' ? 80 : 443) ? '' : `:${l.port}`}`);
    }
  }
  for (const r of w.httpRoutes) {
    const hosts = r.hostnames.length ? r.hostnames : [undefined];
    for (const rule of r.rules) {
      for (const m of rule.matches) {
        if (m.path.type === 'RegularExpression' || !literal(m.path.value)) continue;
        for (const h of hosts) for (const o of origins) urls.push(`${o.replace('HOST', host(h))}${m.path.value}`);
      }
    }
  }
  return urls;
}
