/** How each query's answer is shown: DNS as nslookup would, traces as hops (routes: RouteAnswer.tsx; the matrix: Matrix.tsx). */
import type { DnsDocument, HopDocument, TraceDocument } from '../../core/index';
import { httpsFor } from './request-form';
import { useActions, useApp } from '../store';
import { allowArgsForTrace } from '../quick-fix';
import { AllowButton } from './QuickFix';

export function ObjLink({ id }: { id: string | null | undefined }) {
  const { select } = useActions();
  if (!id) return null;
  return (
    <button type="button" className="link" onClick={() => select({ type: 'node', id })}>
      {id}
    </button>
  );
}

export function DnsAnswer({ r }: { r: DnsDocument }) {
  return (
    <div className="answer-block">
      <p>
        <strong className={r.rcode === 'NOERROR' && r.answers.length > 0 ? 'v-allowed' : 'v-blocked'}>{r.rcode ?? r.status}</strong>{' '}
        {r.reason}
      </p>
      {r.hint ? <p className="muted">Hint: {r.hint}</p> : null}
      <h2 className="answer-head">Names tried (nameserver {r.nameserver})</h2>
      <ol className="tried">
        {r.attempts.map((t, i) => (
          <li key={i}>
            <code>{t.name}</code>{' '}
            <span className={t.status === 'NOERROR' ? 'v-allowed' : 'muted'}>{t.rcode ?? t.status}</span>{' '}
            <span className="muted">{t.reason}</span> <code className="code">{t.rule}</code>
          </li>
        ))}
      </ol>
      {r.answers.length ? (
        <>
          <h2 className="answer-head">Answer</h2>
          <pre className="answer">{r.answers.map((a) => `${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`).join('\n')}</pre>
        </>
      ) : null}
      {r.assumptions.length ? <p className="muted small">Assuming: {r.assumptions.join('; ')}</p> : null}
    </div>
  );
}

/** A trace's outcome in one line: the verdict and the sentence that says why. */
export function TraceVerdict({ r }: { r: TraceDocument }) {
  return (
    <p className="trace-verdict" title={`${r.verdict}: ${r.summary}`}>
      <strong className={r.verdict === 'delivered' ? 'v-allowed' : 'v-blocked'}>{r.verdict}</strong> {r.summary}
    </p>
  );
}

/**
 * A trace hop by hop (`verdict`: with its outcome line first). A hop that redirected shows its Location; when
 * plain http:// was redirected to https:// (a TLS host), `onUseUrl` offers the https URL (`url`: the one asked).
 */
export function TraceAnswer({ r, verdict = true, url, onUseUrl }: { r: TraceDocument; verdict?: boolean; url?: string; onUseUrl?: (url: string) => void }) {
  // The arguments this trace was asked with, when it is the one the page keeps (Trace panel, terminal, flags).
  const asked = useApp((s) => (s.result.lastTrace?.result === r ? s.result.lastTrace.args : null));
  const fix = asked ? allowArgsForTrace(asked, r) : null;
  return (
    <div className="answer-block">
      {verdict ? <TraceVerdict r={r} /> : null}
      {fix ? <AllowButton id={`${fix.from}>${fix.to}:${fix.port}`} title={`Allow ${fix.from} → ${fix.to}:${fix.port}`} args={fix} /> : null}
      <ol className="hops">
        {r.hops.map((h: HopDocument, i) => (
          <li key={i} className={`hop v-${h.result === 'ok' ? 'allowed' : 'blocked'}`}>
            <span className="hop-status">{h.result === 'ok' ? '✓' : '✕'}</span> <code className="code">{h.step}</code>{' '}
            <ObjLink id={h.object} /> <span>{h.reason}</span>
            {h.redirect ? <HopRedirect redirect={h.redirect} url={url} onUseUrl={onUseUrl} /> : null}
          </li>
        ))}
      </ol>
      {r.assumptions.length ? <p className="muted small">Assuming: {r.assumptions.join('; ')}</p> : null}
    </div>
  );
}

function HopRedirect({ redirect, url, onUseUrl }: { redirect: { status: number; location: string }; url?: string | undefined; onUseUrl?: ((url: string) => void) | undefined }) {
  const https = url ? httpsFor(url, redirect.location) : null;
  return (
    <p className="redirect" data-redirect={redirect.location}>
      ↪ <strong>{redirect.status}</strong> Location: <code>{redirect.location}</code>
      {https && onUseUrl ? (
        <>
          {' '}
          <span className="hint">The answer sends plain http:// to https://: ask again over TLS.</span>{' '}
          <button type="button" className="use-https" onClick={() => onUseUrl(https)}>
            Use https://
          </button>
        </>
      ) : null}
    </p>
  );
}
