/**
 * A route answer as the Routes panel shows it: per entry point the rule, each backend with its share of the
 * requests, a redirect's Location (with the way out when plain http:// meets a TLS host), and the request
 * as the backend receives it, compared with the request sent.
 */
import type { RouteDocument, RouteEntryDocument } from '../../core/index';
import { RuleText } from '../RuleText';
import { ObjLink } from './answers';
import { headerRow, httpsFor } from './request-form';

/** The request the form sent: its URL and `"Name: value"` header lines, to compare with what is forwarded. */
export interface SentRequest {
  url: string;
  headers: string[];
}

function entryName(e: RouteEntryDocument['entry']): string {
  if (e.kind === 'Service') return `Service/${e.namespace}/${e.name}:${e.port} (mesh)`;
  return e.kind === 'IngressClass' ? `IngressClass/${e.name}` : `Gateway/${e.namespace}/${e.name}${e.listener ? ` (${e.listener})` : ''}`;
}

/**
 * Each backend's share of the requests the rule sends, in percent, from the weights the router answered
 * with (a mirror gets a copy of every request, so it takes no share). Null when there is nothing to split.
 */
export function backendShares(backends: RouteEntryDocument['backends']): (number | null)[] {
  const split = backends.filter((b) => b.role !== 'mirror');
  const total = split.reduce((n, b) => n + b.weight, 0);
  return backends.map((b) => (split.length > 1 && b.role !== 'mirror' && total > 0 ? Math.round((100 * b.weight) / total) : null));
}

export function RouteAnswer({ r, sent, onUseUrl }: { r: RouteDocument; sent?: SentRequest; onUseUrl?: (url: string) => void }) {
  if (r.results.length === 0) return <p className="empty">No Ingress controller or Gateway in the scenario serves requests from outside.</p>;
  return (
    <div className="answer-block">
      {r.results.map((x, i) => (
        <section key={i} className="route-result">
          <h2>
            {entryName(x.entry)} → <span className={x.status < 400 ? 'v-allowed' : 'v-blocked'}>{x.status}</span>{' '}
            {x.route ? (
              <ObjLink id={x.route.namespace ? `${x.route.kind}/${x.route.namespace}/${x.route.name}` : `${x.route.kind}/${x.route.name}`} />
            ) : (
              <span className="muted">no rule matched</span>
            )}
          </h2>
          {x.redirect ? <Redirect x={x} sent={sent} onUseUrl={onUseUrl} /> : null}
          <Backends backends={x.backends} />
          {x.upstream ? <Forwarded upstream={x.upstream} sent={sent} /> : null}
          <ul className="muted small">
            {x.reasons.map((s, j) => (
              <li key={j}>
                <RuleText text={s} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Backends({ backends }: { backends: RouteEntryDocument['backends'] }) {
  if (backends.length === 0) return null;
  const shares = backendShares(backends);
  return (
    <ul className="route-backends">
      {backends.map((b, j) => (
        <li key={j} data-backend={`${b.namespace}/${b.name}`}>
          {shares[j] !== null ? (
            <span className="share" data-share={shares[j]} title={`weight ${b.weight}`}>
              {shares[j]}%
            </span>
          ) : null}
          <ObjLink id={`${b.kind}/${b.namespace}/${b.name}`} />:{b.port ?? '?'} {b.role ? <span className="tag">{b.role}</span> : null}{' '}
          <span className={b.state === 'ok' ? 'v-allowed' : 'v-blocked'}>{b.state}</span> ·{' '}
          {b.endpoints.map((e) => `${e.ip}:${e.port}`).join(', ') || 'no endpoints'} <span className="muted">{b.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** A redirect: where it sends the client, and why; plain http:// to a TLS host gets a one-click https://. */
function Redirect({ x, sent, onUseUrl }: { x: RouteEntryDocument; sent?: SentRequest | undefined; onUseUrl?: ((url: string) => void) | undefined }) {
  const redirect = x.redirect!;
  const https = sent ? httpsFor(sent.url, redirect.location) : null;
  // The router says why it redirected (a TLS host, a redirect filter or annotation): that sentence, as written.
  const why = [...x.reasons].reverse().find((s) => /redirect/i.test(s));
  return (
    <div className="redirect" data-redirect={redirect.location}>
      <p>
        ↪ <strong>{redirect.status}</strong> Location: <code>{redirect.location}</code>
      </p>
      {why ? (
        <p className="hint">
          <RuleText text={why} />
        </p>
      ) : null}
      {https && onUseUrl ? (
        <p className="hint">
          A browser follows this to the same address over TLS: ask again with <code>{https}</code>.{' '}
          <button type="button" className="use-https" onClick={() => onUseUrl(https)}>
            Use https://
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The request as the backend receives it: Host, path (rewritten or not), headers added (+) and removed (−). */
function Forwarded({ upstream, sent }: { upstream: NonNullable<RouteEntryDocument['upstream']>; sent?: SentRequest | undefined }) {
  const sentHeaders = new Map((sent?.headers ?? []).map(headerRow).map((h) => [h.name.toLowerCase(), h.value] as const));
  const sentPath = sent ? (/^[a-z]+:\/\/[^/?#]*([^#]*)/i.exec(sent.url)?.[1] ?? '') || '/' : null;
  const sentHost = sent ? (/^[a-z]+:\/\/([^/?#:]*)/i.exec(sent.url)?.[1] ?? '').toLowerCase() : null;
  const headers = Object.entries(upstream.headers);
  const removed = [...sentHeaders.keys()].filter((k) => k !== 'host' && !(k in upstream.headers));
  return (
    <div className="forwarded" data-forwarded>
      <h3>Forwarded to the backend as</h3>
      <pre className="answer">
        {`Host: ${upstream.host}${sentHost !== null && sentHost !== upstream.host ? `   (sent: ${sentHost})` : ''}\n`}
        {`Path: ${upstream.path}${sentPath !== null && sentPath !== upstream.path ? `   (rewritten from ${sentPath})` : ''}\n`}
        {headers.map(([k, v]) => `${sent && sentHeaders.get(k) === v ? '  ' : sent && sentHeaders.has(k) ? '~ ' : sent ? '+ ' : '  '}${k}: ${v}\n`).join('')}
        {removed.map((k) => `− ${k}: ${sentHeaders.get(k)}\n`).join('')}
      </pre>
      {sent ? <p className="muted small">+ added by the proxy, ~ changed, − removed; the rest as sent.</p> : null}
    </div>
  );
}
