import type { GRPCRouteMatch, HTTPRouteMatch } from '../../model/gateway';
import type { HttpRequest } from '../../http';
import { hostnamePrecedence } from './hostnames';

/** [SIM] I-17: RegularExpression values are read as JS RegExp (an RE2-compatible subset), anchored to the whole value. */
export function regexMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** GW-8: Exact is whole-path equality; PathPrefix compares whole `/`-separated elements, ignoring a trailing `/`. */
export function pathMatches(path: HTTPRouteMatch['path'], reqPath: string): boolean {
  switch (path.type) {
    case 'Exact':
      return reqPath === path.value;
    case 'RegularExpression':
      return regexMatches(path.value, reqPath);
    default: {
      const prefix = path.value.replace(/\/+$/, '');
      return prefix === '' || reqPath === prefix || reqPath.startsWith(`${prefix}/`);
    }
  }
}

function firstHeader(req: HttpRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  return req.headers.find(([k]) => k === n)?.[1];
}

function stringMatch(m: { type: string; value: string }, v: string | undefined): boolean {
  if (v === undefined) return false;
  return m.type === 'RegularExpression' ? regexMatches(m.value, v) : v === m.value;
}

/** Header conditions, with only the first condition per (case-insensitive) name counting (GW-8). */
function uniqueHeaders<T extends { name: string }>(headers: T[]): T[] {
  const seen = new Set<string>();
  return headers.filter((h) => {
    const k = h.name.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** GW-8: all conditions of one HTTPRouteMatch, ANDed. Query parameters: [SIM] the first value of a repeated name. */
export function httpMatchMatches(m: HTTPRouteMatch, req: HttpRequest): boolean {
  if (!pathMatches(m.path, req.path)) return false;
  if (m.method !== undefined && m.method !== req.method) return false;
  for (const h of uniqueHeaders(m.headers)) if (!stringMatch(h, firstHeader(req, h.name))) return false;
  const seen = new Set<string>();
  for (const q of m.queryParams) {
    if (seen.has(q.name)) continue;
    seen.add(q.name);
    if (!stringMatch(q, req.query.find(([k]) => k === q.name)?.[1])) return false;
  }
  return true;
}

/** GW-16: a GRPCRouteMatch: method (service and/or method) and headers, ANDed. */
export function grpcMatchMatches(m: GRPCRouteMatch, req: HttpRequest): boolean {
  const call = req.grpc;
  if (m.method) {
    if (!call) return false;
    const test = (want: string | undefined, got: string) => want === undefined || (m.method!.type === 'RegularExpression' ? regexMatches(want, got) : want === got);
    if (!test(m.method.service, call.service) || !test(m.method.method, call.method)) return false;
  }
  for (const h of uniqueHeaders(m.headers)) if (!stringMatch(h, firstHeader(req, h.name))) return false;
  return true;
}

/** What a candidate match is ranked on (GW-9 / GW-16); compared left to right, larger wins. */
export type PrecedenceKey = number[];

/** GW-9 steps 1–6 for an HTTPRoute match that matched with `hostname`. RegularExpression ranks between Exact and PathPrefix [SIM, I-17]. */
export function httpPrecedence(hostname: string | undefined, m: HTTPRouteMatch): PrecedenceKey {
  const [precise, chars] = hostnamePrecedence(hostname);
  const kind = m.path.type === 'Exact' ? 2 : m.path.type === 'RegularExpression' ? 1 : 0;
  return [precise, chars, kind, m.path.value.length, m.method !== undefined ? 1 : 0, uniqueHeaders(m.headers).length, m.queryParams.length];
}

/** GW-16 precedence for a GRPCRoute match: hostname, then service characters, method characters, header count. */
export function grpcPrecedence(hostname: string | undefined, m: GRPCRouteMatch | undefined): PrecedenceKey {
  const [precise, chars] = hostnamePrecedence(hostname);
  return [precise, chars, m?.method?.service?.length ?? 0, m?.method?.method?.length ?? 0, m ? uniqueHeaders(m.headers).length : 0];
}

export function comparePrecedence(a: PrecedenceKey, b: PrecedenceKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
