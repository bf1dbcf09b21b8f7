/**
 * The HTTP response a client gets once its connection is open, from the simulated answer: the entry point's
 * status (ingress-nginx or a Gateway: a redirect, 404, 500 or 503, as `route` decides) or a pod's reply.
 * What a pod's application sends is unknowable, so every pod answers like Kubernetes' e2e `serve-hostname`
 * image: its own name, one line. ingress-nginx answers its own statuses with nginx's error page.
 */
import type { Connection } from '../network';
import { FIXED } from '../fixed';
import { utf8Length } from '../output';

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
  /** The pod that answered (`Pod/ns/name`), when one did. */
  pod?: string;
  location?: string;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  404: 'Not Found',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
};

export function reasonOf(status: number): string {
  return REASONS[status] ?? 'Unknown';
}

/** nginx's built-in page for a status it answers itself (ngx_http_special_response.c). */
function nginxPage(status: number): string {
  const title = `${status} ${reasonOf(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export function responseOf(c: Extract<Connection, { kind: 'open' }>, method: string): HttpResponse {
  const r = c.response;
  const viaNginx = r?.entry.kind === 'IngressClass';
  const status = r ? (r.redirect?.status ?? r.status) : 200;
  const headers: [string, string][] = [];
  if (viaNginx) headers.push(['Server', 'nginx']);
  headers.push(['Date', FIXED.httpDate]);
  let body: string;
  if (status === 200) {
    body = c.answeredBy ? `${c.answeredBy.split('/').pop()}\n` : '';
    headers.push(['Content-Type', 'text/plain; charset=utf-8']);
  } else if (viaNginx) {
    body = nginxPage(status);
    headers.push(['Content-Type', 'text/html']);
  } else {
    body = status === 503 ? 'no healthy upstream' : '';
    headers.push(['Content-Type', 'text/plain']);
  }
  headers.push(['Content-Length', String(utf8Length(body))]);
  if (viaNginx) headers.push(['Connection', 'keep-alive']);
  const location = r?.redirect?.location;
  if (location) headers.push(['Location', location]);
  return {
    status,
    reason: reasonOf(status),
    headers,
    body: method === 'HEAD' ? '' : body,
    ...(c.answeredBy && status === 200 ? { pod: c.answeredBy } : {}),
    ...(location ? { location } : {}),
  };
}
