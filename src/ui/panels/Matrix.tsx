/**
 * The policy matrix as a grid that reads in a narrow dock (issue 16): columns numbered as the rows (as
 * `knet matrix` prints it), so no two column labels read the same; row names cut in the middle so their
 * distinguishing end stays; headers that stay in view while the grid scrolls; a cell's explanation with
 * the same "Decided by" links to YAML lines as the edge Inspector; the export beside it.
 */
import { useEffect, useState } from 'react';
import type { CheckDocument, DirectionDocument, MatrixDocument } from '../../core/index';
import { matrixToCSV, matrixToMarkdown } from '../../share/index';
import { download } from '../export';
import { RuleText } from '../RuleText';
import { useActions, useApp } from '../store';
import { shortNames } from './short-names';
import { AllowButton, FixResult } from './QuickFix';

/** Row names are cut to the room beside the grid, but never to fewer characters than NAME_MIN (a narrow dock) nor kept longer than NAME_MAX. */
const NAME_MIN = 22;
const NAME_MAX = 64;

type Why = { from: string; to: string; doc: CheckDocument | null; error?: string };

export function MatrixAnswer({ r }: { r: MatrixDocument }) {
  const { query } = useActions();
  const [why, setWhy] = useState<Why | null>(null);
  const port = r.ports[0];
  /** Ask `knet check` about one cell, on the matrix's port. */
  const explain = async (from: string, to: string) => {
    if (!port) return;
    setWhy({ from, to, doc: null });
    try {
      const doc = await query('check', { from, to, port: port.port, protocol: port.protocol });
      setWhy({ from, to, doc });
    } catch (e) {
      setWhy({ from, to, doc: null, error: e instanceof Error ? e.message : String(e) });
    }
  };
  // A new matrix (the text changed): ask again about the cell being explained, if both pods are still there.
  useEffect(() => {
    if (why && r.pods.includes(why.from) && r.pods.includes(why.to)) void explain(why.from, why.to);
    else setWhy(null);
  }, [r]);
  // Row names are cut only as far as the panel needs: whole where the grid leaves room beside it.
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(e?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  const key = Object.keys(r.matrix)[0];
  if (!key || !port) return <p className="empty">No ports asked.</p>;
  const rows = r.matrix[key]!;
  if (r.pods.length === 0) return <p className="empty">No pods in the scenario.</p>;
  // About 6.5 px a character at the grid's 11 px, beside 23 px a cell and the row number.
  const room = Math.floor((width - r.pods.length * 23 - 60) / 6.5);
  const names = shortNames(r.pods, Math.max(NAME_MIN, Math.min(NAME_MAX, room)));
  const allowed = rows.reduce((n, row) => n + [...row].filter((c) => c === '1').length, 0);
  return (
    <div className="answer-block" ref={setEl}>
      <div className="matrix-tools">
        <span className="muted">
          {key} · {allowed} of {rows.length * rows.length} allowed · rows from, columns to (numbered as the rows) · click a cell to see why
        </span>
        <button type="button" onClick={() => download('policy-matrix.csv', matrixToCSV(r), 'text/csv')}>
          ⤓ CSV
        </button>
        <button type="button" onClick={() => download('policy-matrix.md', matrixToMarkdown(r), 'text/markdown')}>
          ⤓ Markdown
        </button>
      </div>
      <div className="matrix-wrap">
        <table className="matrix" aria-label={`Policy matrix on ${key}: rows from, columns to`}>
          <thead>
            <tr>
              <th className="corner" scope="col">
                from ╲ to
              </th>
              {r.pods.map((p, j) => (
                <th key={p} className="col" scope="col" title={p} aria-label={p}>
                  {j}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.pods.map((from, i) => (
              <tr key={from}>
                <th scope="row" className="row" title={from}>
                  <span className="num">{i}</span> <span className="name">{names[i]}</span>
                </th>
                {[...(rows[i] ?? '')].map((c, j) => {
                  const to = r.pods[j]!;
                  const on = why?.from === from && why.to === to;
                  return (
                    <td key={j} className={`${c === '1' ? 'yes' : 'no'}${on ? ' on' : ''}`}>
                      <button type="button" aria-pressed={on} onClick={() => void explain(from, to)} aria-label={`${from} to ${to}: ${c === '1' ? 'allowed' : 'denied'}`} title={`${i} → ${j}: ${from} → ${to}`}>
                        {c === '1' ? '✓' : '✕'}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {why ? <WhyCell why={why} /> : null}
      {why?.doc?.verdict === 'denied' ? (
        <AllowButton
          id={`${why.from}>${why.to}`}
          title={`Allow ${why.from} → ${why.to}:${port.port}/${port.protocol}`}
          args={{ from: why.from, to: why.to, port: port.port, protocol: port.protocol }}
        />
      ) : null}
      <FixResult />
    </div>
  );
}

/** One cell's answer: `knet check`'s verdict and reason, and the policy rules that decided, as YAML links. */
function WhyCell({ why }: { why: Why }) {
  const { doc } = why;
  return (
    <div className="matrix-why" aria-live="polite">
      <p>
        {doc ? (
          <>
            <strong className={doc.verdict === 'allowed' ? 'v-allowed' : 'v-blocked'}>{doc.verdict}</strong> <RuleText text={doc.reason} />
          </>
        ) : (
          <>
            <code>{why.from}</code> → <code>{why.to}</code>: {why.error ?? '…'}
          </>
        )}
      </p>
      {doc ? <DecidedBy doc={doc} /> : null}
    </div>
  );
}

type Located = DirectionDocument['cites'][number];

/** Each direction's deciding rule first, then the policies that isolate the pods, each once. */
function DecidedBy({ doc }: { doc: CheckDocument }) {
  const seen = new Set<string>();
  const cites: { c: Located; role: string }[] = [];
  const add = (c: Located | undefined, role: string) => {
    if (!c) return;
    const k = `${c.object} ${c.line}:${c.column} ${c.path ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    cites.push({ c, role });
  };
  for (const [dir, d] of [['egress', doc.egress], ['ingress', doc.ingress]] as const) {
    add(d.rule?.cite, `the ${dir} rule that decided`);
    add(d.passedBy?.cite, `passed ${dir} on to the next tier`);
  }
  for (const [dir, d] of [['egress', doc.egress], ['ingress', doc.ingress]] as const) for (const c of d.cites) add(c, `isolates the ${dir === 'ingress' ? 'destination' : 'source'} for ${dir}`);
  if (cites.length === 0)
    return !doc.egress.isolated && !doc.ingress.isolated ? <p className="muted small">
          <RuleText text="No policy selects either pod: traffic is allowed by default (NP-2)." />
        </p> : null;
  return (
    <div>
      <h4>Decided by</h4>
      <ul className="cites">
        {cites.map(({ c, role }, i) => (
          <li key={i}>
            <LineLink c={c} /> <span className="muted">{role}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A located cite as a link to its line in the editor (as the Inspector's), when the object is in the text. */
function LineLink({ c }: { c: Located }) {
  const { focus } = useActions();
  const text = useApp((s) => s.source.text);
  const inText = useApp((s) => !!s.result.reply?.objects.some((o) => o.id === c.object));
  const label = (
    <>
      {c.object}
      {c.path ? <code>.{c.path}</code> : null}
    </>
  );
  if (!inText) return <span className="cite">{label}</span>;
  return (
    <button type="button" className="link cite" onClick={() => focus(lineRange(text, c.line, c.column))} title={`line ${c.line}`}>
      {label} <span className="muted">line {c.line}</span>
    </button>
  );
}

/** The range from a 1-based line and column to the end of that line. */
function lineRange(text: string, line: number, column: number): { start: number; end: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const eol = text.indexOf('\n', start);
  const end = eol < 0 ? text.length : eol;
  return { start: Math.min(start + column - 1, end), end };
}
