/** How each query's answer is shown: DNS as nslookup would, routes as rules → backends, the matrix as a grid, traces as hops. */
import { useState } from 'react';
import type { DnsDocument, HopDocument, MatrixDocument, TraceDocument } from '../../core/index';
import { httpsFor } from './request-form';
import { useActions, useApp } from '../store';
import { allowArgsForTrace } from '../quick-fix';
import { AllowButton, FixResult } from './QuickFix';

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
    <p className="trace-verdict">
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

export function MatrixAnswer({ r }: { r: MatrixDocument }) {
  const { query } = useActions();
  const [why, setWhy] = useState<{ from: string; to: string; text: string } | null>(null);
  const key = Object.keys(r.matrix)[0];
  const port = r.ports[0];
  if (!key || !port) return <p className="empty">No ports asked.</p>;
  const rows = r.matrix[key]!;
  if (r.pods.length === 0) return <p className="empty">No pods in the scenario.</p>;
  const explain = async (from: string, to: string) => {
    setWhy({ from, to, text: '…' });
    try {
      const out = await query('check', { from, to, port: port.port, protocol: port.protocol });
      setWhy({ from, to, text: `${out.verdict}: ${out.reason}` });
    } catch (e) {
      setWhy({ from, to, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="answer-block">
      <div className="matrix-wrap">
        <table className="matrix">
          <caption>{key}: row → column (from → to). ✓ allowed, ✕ denied. Click a cell to see why.</caption>
          <thead>
            <tr>
              <th />
              {r.pods.map((p) => (
                <th key={p} className="col">
                  <span>{p}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.pods.map((from, i) => (
              <tr key={from}>
                <th>{from}</th>
                {[...(rows[i] ?? '')].map((c, j) => (
                  <td key={j} className={c === '1' ? 'yes' : 'no'}>
                    <button
                      type="button"
                      onClick={() => void explain(from, r.pods[j]!)}
                      aria-label={`${from} to ${r.pods[j]}: ${c === '1' ? 'allowed' : 'denied'}`}
                    >
                      {c === '1' ? '✓' : '✕'}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {why ? (
        <p>
          <code>{why.from}</code> → <code>{why.to}</code>: {why.text}
        </p>
      ) : null}
      {why?.text.startsWith('denied') ? <AllowButton id={`${why.from}>${why.to}`} title={`Allow ${why.from} → ${why.to}:${port.port}/${port.protocol}`} args={{ from: why.from, to: why.to, port: port.port, protocol: port.protocol }} /> : null}
      <FixResult />
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
