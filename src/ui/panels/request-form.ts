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
 * The flags for one request, as `knet route`/`knet trace` take them. A gRPC call is `--grpc Service/Method`:
 * the query sends it as a gRPC client does (POST to `/Service/Method`, content-type application/grpc).
 */
export function requestFlags(url: string, form: RequestForm): { url: string; method?: string; grpc?: string; header?: string[] } {
  const rows = form.headers.filter((h) => h.name.trim() !== '').map((h) => `${h.name.trim()}: ${h.value.trim()}`);
  const call = form.grpc ? { grpc: `${form.grpc.service.trim()}/${form.grpc.method.trim()}` } : form.method !== 'GET' ? { method: form.method } : {};
  return { url, ...call, ...(rows.length ? { header: rows } : {}) };
}

/** The request as sent (URL with the gRPC path, header lines), to compare with what the backend receives. */
export function sentRequest(flags: ReturnType<typeof requestFlags>): { url: string; headers: string[] } {
  if (!flags.grpc) return { url: flags.url, headers: flags.header ?? [] };
  const base = /^([a-z]+:\/\/[^/?#]*)/i.exec(flags.url.trim())?.[1] ?? flags.url.trim();
  const typed = (flags.header ?? []).some((h) => /^content-type:/i.test(h));
  return { url: `${base}/${flags.grpc}`, headers: [...(flags.header ?? []), ...(typed ? [] : ['content-type: application/grpc'])] };
}

/** The form for a question already asked (a trace on screen, from the panel, `trace=` or a host page). */
export function formFromFlags(flags: { method?: string; grpc?: string; header?: string | string[] }): RequestForm {
  const headers = (flags.header === undefined ? [] : Array.isArray(flags.header) ? flags.header : [flags.header]).map(headerRow);
  const call = flags.grpc ? /^\/?([^/]+)\/(.+)$/.exec(flags.grpc) : null;
  return { method: call ? 'POST' : (flags.method ?? 'GET').toUpperCase(), headers, grpc: call ? { service: call[1]!, method: call[2]! } : null };
}

/** The https:// form of a plain http:// URL, when a redirect sends it there. */
export function httpsFor(sent: string, location: string): string | null {
  if (!/^http:\/\//i.test(sent) || !/^https:\/\//i.test(location)) return null;
  return sent.replace(/^http:\/\//i, 'https://').replace(/^(https:\/\/[^/?#]*):80(?=[/?#]|$)/i, '$1');
}
