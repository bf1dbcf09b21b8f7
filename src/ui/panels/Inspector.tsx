import type { Cite } from '../../core/index';
import type { CiteRef, ShownEdge } from '../../worker/protocol';
import { useEdgeCites } from '../edge-cites';
import { useActions, useApp } from '../store';
import { fixForEdge } from '../quick-fix';
import { AllowButton, FixResult } from './QuickFix';
import { isolationText } from '../graph/nodes';
import { kindStyle } from '../graph/kinds';
import { LockDownButton } from './LockDown';

/** A link to the YAML that decided something: `range` is the cite's place (an edge's arrive from the worker when asked). */
function CiteLink({ c, range }: { c: CiteRef; range: Cite['range'] | undefined }) {
  const { focus } = useActions();
  if (c.file !== 0) return <span className="cite">{c.object}</span>;
  return (
    <button type="button" className="link cite" disabled={!range} onClick={() => range && focus({ ...range })}>
      {c.object}
      {c.path ? <code>.{c.path}</code> : null}
    </button>
  );
}

/** Kinds that make pods from a template (`Kind/...` ids). */
const WORKLOADS = /^(Deployment|ReplicaSet|StatefulSet|DaemonSet|Job|CronJob|ReplicationController)\//;

/** The worker's answer for a cite, if it is the same place (the text may have moved on since the reply). */
const sameCite = (got: Cite | undefined, c: CiteRef) => (got && got.object === c.object && got.path === c.path ? got : undefined);

/** Why: the selected node or edge, its verdict and reason, and the YAML responsible. */
export function Inspector() {
  return (
    <>
      <FixResult />
      <Selected />
    </>
  );
}

function EdgeFix({ e }: { e: ShownEdge }) {
  const fix = fixForEdge(e);
  return fix ? <AllowButton id={e.id} title={fix.title} label={fix.args.dns ? 'Allow DNS' : 'Allow this'} args={fix.args} /> : null;
}

function Selected() {
  const reply = useApp((s) => s.result.reply);
  const sel = useApp((s) => s.ui.selection);
  const { select } = useActions();
  const cites = useEdgeCites(sel?.type === 'edge' ? sel.id : null);
  if (!reply || !sel) return <p className="empty">Click a node or an edge on the graph (or an object in the YAML) to see why it is there and what decides its traffic.</p>;
  if (sel.type === 'edge') {
    const e = reply.topology.edges.find((x) => x.id === sel.id);
    if (!e) return <p className="empty">That connection is gone after the last edit.</p>;
    return (
      <div className="inspector">
        <h2>
          <span className={`verdict v-${e.verdict}`}>{e.verdict === 'blocked' ? '✕ blocked' : e.verdict === 'unknown' ? '? unknown' : '✓ allowed'}</span> {e.relation}
          {e.label ? <span className="muted"> · {e.label}</span> : null}
        </h2>
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
        {e.share ? (
          <p className="reason" data-share-why>
            <strong>{e.share.text}</strong> of the requests: {e.share.why}
          </p>
        ) : null}
        <EdgeFix e={e} />
        {e.cites.length ? (
          <div>
            <h3>Decided by</h3>
            <ul className="cites">
              {e.cites.map((c, i) => (
                <li key={i}>
                  <CiteLink c={c} range={sameCite(cites?.[i], c)?.range} />
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
    if (sel.id.startsWith('Namespace/'))
      return (
        <div className="inspector">
          <h2>{sel.id}</h2>
          <p className="muted">A namespace. Its objects are drawn inside the box.</p>
          <LockDownButton namespace={sel.id.slice('Namespace/'.length)} />
        </div>
      );
    return <p className="empty">That object is gone after the last edit.</p>;
  }
  const inn = reply.topology.edges.filter((e) => e.to === n.id);
  const out = reply.topology.edges.filter((e) => e.from === n.id);
  const k = kindStyle(n.kind);
  // A pod made by something else is written nowhere itself: its place is the template inside a workload, or the
  // object it serves (a Gateway's proxy); an add-on of the simulated cluster has no place in the YAML at all.
  const c = n.cite;
  const addOn = !!c && n.system === true && c.range.end <= c.range.start;
  const maker =
    n.kind === 'Pod' && c && !addOn
      ? reply.objects.find((o) => o.id !== n.id && o.file === c.file && o.start <= c.range.start && c.range.end <= o.end)?.id
      : undefined;
  const fromTemplate = !!maker && WORKLOADS.test(maker);
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
      <h2>
        <span className="badge" style={{ background: k.color }}>
          {k.badge}
        </span>{' '}
        {n.id}
      </h2>
      {n.detail ? <p className="muted">{n.detail}</p> : null}
      {n.status !== 'ok' ? <p className={`status-line s-${n.status}`}>{n.status === 'warning' ? 'Needs attention: ' : 'Broken: '}{n.kind === 'Service' ? 'no ready endpoint.' : n.kind === 'Pod' ? 'not ready.' : 'see Problems.'}</p> : null}
      {addOn ? (
        <p className="muted">Part of the simulated cluster (an add-on it runs), not written in the YAML.</p>
      ) : n.cite ? (
        <p>
          {maker ? (
            <>
              {fromTemplate ? 'Made by' : 'Runs for'} <CiteLink c={{ ...n.cite, object: maker }} range={n.cite.range} />
              {fromTemplate ? ' from its pod template' : ''}
            </>
          ) : (
            <>
              Declared in <CiteLink c={n.cite} range={n.cite.range} />
            </>
          )}
        </p>
      ) : null}
      {n.isolation ? (
        <p className="isolation">
          <strong>NetworkPolicy:</strong> {isolationText(n.isolation)} (NP-2)
        </p>
      ) : n.kind === 'Pod' ? (
        <p className="muted">No NetworkPolicy selects this pod: it accepts and sends any traffic (NP-2), unless an admin policy says otherwise.</p>
      ) : null}
      {n.namespace && (n.kind === 'Pod' || n.kind === 'Service') ? (
        <p>
          <LockDownButton namespace={n.namespace} />
        </p>
      ) : null}
      {inn.length ? (
        <>
          <h3>Traffic in ({inn.length})</h3>
          {list(inn, 'from')}
        </>
      ) : null}
      {out.length ? (
        <>
          <h3>Traffic out ({out.length})</h3>
          {list(out, 'to')}
        </>
      ) : null}
    </div>
  );
}
