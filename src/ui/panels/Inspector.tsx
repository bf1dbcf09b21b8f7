import { useState } from 'react';
import type { Cite, GraphEdge } from '../../core/index';
import { useActions, useApp } from '../store';
import { allowArgsForEdge } from '../quick-fix';
import { isolationText } from '../graph/nodes';
import { kindStyle } from '../graph/kinds';

function CiteLink({ c }: { c: Cite }) {
  const { focus } = useActions();
  if (c.file !== 0) return <span className="cite">{c.object}</span>;
  return (
    <button type="button" className="link cite" onClick={() => focus({ ...c.range })}>
      {c.object}
      {c.path ? <code>.{c.path}</code> : null}
    </button>
  );
}

/**
 * "Allow this" on a blocked connection: `allow` rewrites the policies, the editor takes the new text as one
 * undoable edit (Ctrl+Z brings the old one back), and the lines it changed are shown below.
 */
function AllowButton({ e }: { e: GraphEdge }) {
  const { quickFix } = useActions();
  const readonly = useApp((s) => s.ui.readonly);
  const current = useApp((s) => s.result.reply?.rev === s.source.rev);
  const [why, setWhy] = useState<{ edge: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const args = allowArgsForEdge(e);
  if (!args || readonly) return null;
  const run = async () => {
    setBusy(true);
    const r = await quickFix(`Allow ${args.from} → ${args.to}:${args.port}`, args);
    setBusy(false);
    setWhy(r ? { edge: e.id, text: r } : null);
  };
  return (
    <div className="quick-fix">
      <button type="button" className="allow-this" disabled={busy || !current} onClick={() => void run()} title="Add the smallest NetworkPolicy rule that allows this connection">
        Allow this
      </button>
      <span className="muted"> adds the smallest NetworkPolicy rule that allows it (Ctrl+Z in the editor undoes it)</span>
      {why && why.edge === e.id ? <p className="fix-refused">{why.text}</p> : null}
    </div>
  );
}

/** The last quick fix: which objects it changed and the lines, + added and - removed. */
function FixResult() {
  const fix = useApp((s) => s.ui.lastFix);
  const text = useApp((s) => s.source.text);
  const { dismissFix } = useActions();
  if (!fix) return null;
  return (
    <section className="fix-result" aria-label="What the quick fix changed">
      <h4>
        {fix.title} <span className="muted">{text === fix.after ? '— applied' : '— edited or undone since'}</span>{' '}
        <button type="button" className="link" onClick={dismissFix}>
          Dismiss
        </button>
      </h4>
      <ul className="fix-changes">
        {fix.changes.map((c) => (
          <li key={c.object}>
            {c.action === 'create' ? 'Created' : 'Updated'} <code>{c.object}</code>
          </li>
        ))}
      </ul>
      <pre className="fix-diff">
        {fix.lines.map((l, i) => (
          <div key={i} className={`diff-line d-${l.kind === '+' ? 'add' : l.kind === '-' ? 'del' : 'same'}`}>
            <span className="diff-no">{l.line}</span>
            {l.kind} {l.text}
          </div>
        ))}
      </pre>
    </section>
  );
}

/** Why: the selected node or edge, its verdict and reason, and the YAML responsible. */
export function Inspector() {
  return (
    <>
      <FixResult />
      <Selected />
    </>
  );
}

function Selected() {
  const reply = useApp((s) => s.result.reply);
  const sel = useApp((s) => s.ui.selection);
  const { select } = useActions();
  if (!reply || !sel) return <p className="empty">Click a node or an edge on the graph (or an object in the YAML) to see why it is there and what decides its traffic.</p>;
  if (sel.type === 'edge') {
    const e = reply.topology.edges.find((x) => x.id === sel.id);
    if (!e) return <p className="empty">That connection is gone after the last edit.</p>;
    return (
      <div className="inspector">
        <h3>
          <span className={`verdict v-${e.verdict}`}>{e.verdict === 'blocked' ? '✕ blocked' : e.verdict === 'unknown' ? '? unknown' : '✓ allowed'}</span> {e.relation}
          {e.label ? <span className="muted"> · {e.label}</span> : null}
        </h3>
        <p className="path">
          <button type="button" className="link" onClick={() => select({ type: 'node', id: e.from })}>
            {e.from}
          </button>{' '}
          →{' '}
          <button type="button" className="link" onClick={() => select({ type: 'node', id: e.to })}>
            {e.to}
          </button>
        </p>
        <p className="reason">{e.reason}</p>
        <AllowButton e={e} />
        {e.cites.length ? (
          <div>
            <h4>Decided by</h4>
            <ul className="cites">
              {e.cites.map((c, i) => (
                <li key={i}>
                  <CiteLink c={c} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    );
  }
  const n = reply.topology.nodes.find((x) => x.id === sel.id);
  if (!n) {
    if (sel.id.startsWith('Namespace/')) return <div className="inspector"><h3>{sel.id}</h3><p className="muted">A namespace. Its objects are drawn inside the box.</p></div>;
    return <p className="empty">That object is gone after the last edit.</p>;
  }
  const inn = reply.topology.edges.filter((e) => e.to === n.id);
  const out = reply.topology.edges.filter((e) => e.from === n.id);
  const k = kindStyle(n.kind);
  const list = (edges: typeof inn, dir: 'from' | 'to') => (
    <ul className="edges">
      {edges.map((e) => (
        <li key={e.id}>
          <button type="button" className={`link v-${e.verdict}`} onClick={() => select({ type: 'edge', id: e.id })}>
            {e.verdict === 'blocked' ? '✕' : e.verdict === 'unknown' ? '?' : '✓'} {dir === 'from' ? e.from : e.to}
          </button>{' '}
          <span className="muted">{e.reason}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="inspector">
      <h3>
        <span className="badge" style={{ background: k.color }}>
          {k.badge}
        </span>{' '}
        {n.id}
      </h3>
      {n.detail ? <p className="muted">{n.detail}</p> : null}
      {n.status !== 'ok' ? <p className={`status-line s-${n.status}`}>{n.status === 'warning' ? 'Needs attention: ' : 'Broken: '}{n.kind === 'Service' ? 'no ready endpoint.' : n.kind === 'Pod' ? 'not ready.' : 'see Problems.'}</p> : null}
      {n.cite ? (
        <p>
          Declared in <CiteLink c={n.cite} />
        </p>
      ) : null}
      {n.isolation ? (
        <p className="isolation">
          <strong>NetworkPolicy:</strong> {isolationText(n.isolation)} (NP-2)
        </p>
      ) : n.kind === 'Pod' ? (
        <p className="muted">No NetworkPolicy selects this pod: it accepts and sends any traffic (NP-2), unless an admin policy says otherwise.</p>
      ) : null}
      {inn.length ? (
        <>
          <h4>Traffic in ({inn.length})</h4>
          {list(inn, 'from')}
        </>
      ) : null}
      {out.length ? (
        <>
          <h4>Traffic out ({out.length})</h4>
          {list(out, 'to')}
        </>
      ) : null}
    </div>
  );
}
