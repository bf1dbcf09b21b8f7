/** How each query's answer is shown: DNS as nslookup would, routes as rules → backends, traces as hops (the matrix: Matrix.tsx). */
import type { DnsDocument, HopDocument, RouteDocument, RouteEntryDocument, TraceDocument } from '../../core/index';
import { useActions, useApp } from '../store';
import { allowArgsForTrace } from '../quick-fix';
import { AllowButton } from './QuickFix';

function ObjLink({ id }: { id: string | null | undefined }) {
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
      <h4>Names tried (nameserver {r.nameserver})</h4>
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
          <h4>Answer</h4>
          <pre className="answer">{r.answers.map((a) => `${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`).join('\n')}</pre>
        </>
      ) : null}
      {r.assumptions.length ? <p className="muted small">Assuming: {r.assumptions.join('; ')}</p> : null}
    </div>
  );
}

function entryName(e: RouteEntryDocument['entry']): string {
  if (e.kind === 'Service') return `Service/${e.namespace}/${e.name}:${e.port} (mesh)`;
  return e.kind === 'IngressClass' ? `IngressClass/${e.name}` : `Gateway/${e.namespace}/${e.name}${e.listener ? ` (${e.listener})` : ''}`;
}

export function RouteAnswer({ r }: { r: RouteDocument }) {
  if (r.results.length === 0)
    return <p className="empty">No Ingress controller or Gateway in the scenario serves requests from outside.</p>;
  return (
    <div className="answer-block">
      {r.results.map((x, i) => (
        <section key={i} className="route-result">
          <h4>
            {entryName(x.entry)} → <span className={x.status < 400 ? 'v-allowed' : 'v-blocked'}>{x.status}</span>{' '}
            {x.route ? (
              <ObjLink
                id={x.route.namespace ? `${x.route.kind}/${x.route.namespace}/${x.route.name}` : `${x.route.kind}/${x.route.name}`}
              />
            ) : (
              <span className="muted">no rule matched</span>
            )}
          </h4>
          {x.backends.length ? (
            <ul>
              {x.backends.map((b, j) => (
                <li key={j}>
                  <ObjLink id={`${b.kind}/${b.namespace}/${b.name}`} />:{b.port ?? '?'}{' '}
                  <span className={b.state === 'ok' ? 'v-allowed' : 'v-blocked'}>{b.state}</span> ·{' '}
                  {b.endpoints.map((e) => `${e.ip}:${e.port}`).join(', ') || 'no endpoints'} <span className="muted">{b.reason}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <ul className="muted small">
            {x.reasons.map((s, j) => (
              <li key={j}>{s}</li>
            ))}
          </ul>
        </section>
      ))}
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

/** A trace hop by hop (`verdict`: with its outcome line first). */
export function TraceAnswer({ r, verdict = true }: { r: TraceDocument; verdict?: boolean }) {
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
          </li>
        ))}
      </ol>
      {r.assumptions.length ? <p className="muted small">Assuming: {r.assumptions.join('; ')}</p> : null}
    </div>
  );
}
