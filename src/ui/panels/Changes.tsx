import { useState } from 'react';
import type { ConnectionChange, DiffDocument } from '../../core/index';
import type { SimulatedReply } from '../../worker/protocol';
import { connectionTarget, countChanges, describeCounts, direction, objectRange, podsOf } from '../changes-view';
import { useActions, useApp, type CompareWith, type Selection } from '../store';

const AGAINST: Record<CompareWith, string> = {
  previous: 'the version before this edit (where typing last paused)',
  loaded: 'the scenario as loaded',
  shared: 'the last shared link',
  pasted: 'a pasted version…',
};

/**
 * What changed: connections (by owner workload, port, protocol), routes and DNS answers that differ from
 * the version chosen, each with the object that caused it; `knet diff --json`'s document, asked of the worker.
 */
export function Changes() {
  const reply = useApp((s) => s.result.reply);
  const changes = useApp((s) => s.result.changes);
  const against = useApp((s) => s.ui.compareWith);
  const { compareWith, requestChanges } = useActions();
  if (!reply) return <p className="empty">Simulating…</p>;
  return (
    <div className="changes">
      <div className="query-form">
        <label>
          Compare with
          <select value={against} onChange={(e) => compareWith(e.target.value as CompareWith)} aria-label="Compare with">
            {(Object.keys(AGAINST) as CompareWith[]).map((k) => (
              <option key={k} value={k}>
                {AGAINST[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {against === 'pasted' ? <PasteVersion /> : null}
      {!changes ? (
        <p className="empty">Edit the scenario: what each edit opens, closes or reroutes shows here.</p>
      ) : 'skipped' in changes ? (
        <p className="muted">
          This scenario has {reply.summary.pods} pods, so changes are not compared after every edit.{' '}
          <button type="button" onClick={requestChanges}>
            Compare now
          </button>
        </p>
      ) : 'error' in changes ? (
        <p className="empty">{changes.error}</p>
      ) : (
        <ChangeList doc={changes.doc} reply={reply} />
      )}
    </div>
  );
}

function PasteVersion() {
  const pasted = useApp((s) => s.ui.baselines.pasted);
  const [text, setText] = useState(pasted ?? '');
  const { compareWith } = useActions();
  return (
    <form
      className="paste-version"
      onSubmit={(e) => {
        e.preventDefault();
        compareWith('pasted', text);
      }}
    >
      <textarea value={text} onChange={(e) => setText(e.target.value)} aria-label="The version to compare with (YAML)" placeholder="Paste the other version's YAML here" rows={4} spellCheck={false} />
      <button type="submit">Compare</button>
    </form>
  );
}

function ChangeList({ doc, reply }: { doc: DiffDocument; reply: SimulatedReply }) {
  const { select, focus } = useActions();
  const counts = countChanges(doc);
  /** Show a change: its edge or node on the graph (the panel stays open), the YAML of its cause in the editor. */
  const show = (target: Selection, because: string | null) => {
    if (target) select(target, { keepPanel: true });
    const range = objectRange(reply, because);
    if (range) focus(range);
  };
  const node = (id: string | undefined): Selection => (id && reply.topology.nodes.some((n) => n.id === id) ? { type: 'node', id } : null);
  const cause = (because: string | null) => (because ? <span className="muted"> because of {because}</span> : null);
  return (
    <>
      <p className="changes-summary" data-changes-summary aria-live="polite">
        <strong>{describeCounts(counts)}</strong>
      </p>
      {doc.connections.length ? (
        <section>
          <h4>Connections</h4>
          <ul className="change-list">
            {doc.connections.map((c) => (
              <li key={`${c.from} ${c.to} ${c.port}/${c.protocol}`} data-change="connection" data-direction={direction(c)}>
                <button type="button" className="link" onClick={() => show(connectionTarget(reply, c), c.because)}>
                  {connectionText(c)}
                </button>{' '}
                <span className={`v-${c.after === 'allowed' ? 'allowed' : 'denied'}`}>
                  {c.before} → {c.after}
                </span>
                {cause(c.because)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {doc.routes.length ? (
        <section>
          <h4>Routes</h4>
          <ul className="change-list">
            {doc.routes.map((r) => (
              <li key={`${r.entry} ${r.url}`} data-change="route">
                <button type="button" className="link" onClick={() => show(node(r.because ?? undefined) ?? node(r.entry), r.because)}>
                  {r.url} <span className="muted">via {r.entry}</span>
                </button>{' '}
                <span>
                  {outcome(r.before)} → {outcome(r.after)}
                </span>
                {cause(r.because)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {doc.dns.length ? (
        <section>
          <h4>DNS answers</h4>
          <ul className="change-list">
            {doc.dns.map((d) => (
              <li key={`${d.from} ${d.name}`} data-change="dns">
                <button type="button" className="link" onClick={() => show(node(podsOf(reply, d.from)[0]), d.because)}>
                  {d.name} from {d.from}
                </button>{' '}
                <span>
                  {d.before} → {d.after}
                </span>
                {cause(d.because)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

const connectionText = (c: ConnectionChange) => `${c.from} → ${c.to} ${c.port}/${c.protocol}`;

function outcome(o: DiffDocument['routes'][number]['before']): string {
  if (!o) return 'no such entry point';
  return `${o.status}${o.backends.length ? ` ${o.backends.join(', ')}` : ''}`;
}
