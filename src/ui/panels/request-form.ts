/**
 * The request the Routes and Trace forms send: method, header rows and, for gRPC, a service and method.
 * It becomes the CLI's flags as JSON (`--url`, `--method`, `--header "K: V"`...), so the page asks exactly
 * what `knet route`/`knet trace` would be asked. Pure: the forms keep the state, this turns it into flags.
 */
import type { ScenarioHeader } from '../../scenarios/header';

export interface HeaderRow {
  name: string;
  value: string;
}

export interface RequestForm {
  method: string;
  headers: HeaderRow[];
  /** Set when the request is a gRPC call: `package.Service` and `Method`. */
  grpc: { service: string; method: string } | null;
}

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export const EMPTY_REQUEST: RequestForm = { method: 'GET', headers: [], grpc: null };

/** `"Name: value"` → a row (the value keeps any further colons). */
export function headerRow(line: string): HeaderRow {
  const colon = line.indexOf(':');
  return colon < 0 ? { name: line.trim(), value: '' } : { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
}

/** What a lesson's header (`# request:`, `# header:`) pre-fills, or the empty form. */
export function lessonRequest(header: Pick<ScenarioHeader, 'request'>): RequestForm {
  const r = header.request;
  return r ? { method: r.method, headers: r.headers.map(headerRow), grpc: null } : EMPTY_REQUEST;
}

/**
 * The flags for one request. A gRPC call is what a gRPC client sends: HTTP/2 POST to `/Service/Method`
 * with `content-type: application/grpc`, which is how the routers recognise it (GRPCRoute matches on it).
 */
export function requestFlags(url: string, form: RequestForm): { url: string; method?: string; header?: string[] } {
  const rows = form.headers.filter((h) => h.name.trim() !== '').map((h) => `${h.name.trim()}: ${h.value.trim()}`);
  if (form.grpc) {
    const base = /^([a-z]+:\/\/[^/?#]*)/i.exec(url.trim())?.[1] ?? url.trim();
    const hasType = rows.some((h) => /^content-type:/i.test(h));
    const header = [...(hasType ? [] : ['content-type: application/grpc']), ...rows];
    return { url: `${base}/${form.grpc.service.trim()}/${form.grpc.method.trim()}`, method: 'POST', header };
  }
  return { url, ...(form.method !== 'GET' ? { method: form.method } : {}), ...(rows.length ? { header: rows } : {}) };
}

/** The https:// form of a plain http:// URL, when a redirect sends it there. */
export function httpsFor(sent: string, location: string): string | null {
  if (!/^http:\/\//i.test(sent) || !/^https:\/\//i.test(location)) return null;
  return sent.replace(/^http:\/\//i, 'https://').replace(/^(https:\/\/[^/?#]*):80(?=[/?#]|$)/i, '$1');
}
