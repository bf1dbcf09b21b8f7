import { useEffect, useRef, useState } from 'react';
import type { PoliciesApplied } from '../../core/index';
import { useActions, useApp } from '../store';
import { direction } from '../changes-view';
import { RuleText } from '../RuleText';

type Preview = { ns: string; doc: PoliciesApplied } | { ns: string; error: string } | null;

/**
 * "Lock down namespace…": asks the worker for `knet policies --namespace NS --apply` (the same query the CLI
 * answers), shows the generated YAML beside what it would change, and on Insert puts the applied text into
 * the editor as one edit (Undo takes it back).
 */
export function LockDownButton({ namespace }: { namespace: string }) {
  const { query } = useActions();
  const [preview, setPreview] = useState<Preview>(null);
  const open = () => {
    query('policies', { namespace: [namespace], apply: true }).then(
      (doc) => setPreview(Array.isArray(doc) ? { ns: namespace, error: 'no applied text came back' } : { ns: namespace, doc }),
      (e: unknown) => setPreview({ ns: namespace, error: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <>
      <button type="button" className="lockdown-open" onClick={open} title="Zero-trust NetworkPolicies that keep what the scenario uses (knet policies)">
        Lock down namespace {namespace}…
      </button>
      {preview ? <LockDownDialog preview={preview} close={() => setPreview(null)} /> : null}
    </>
  );
}

function LockDownDialog({ preview, close }: { preview: NonNullable<Preview>; close: () => void }) {
  const { setText, notify } = useActions();
  const readonly = useApp((s) => s.ui.readonly);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  const insert = (doc: PoliciesApplied) => {
    setText(doc.text);
    notify(`Namespace ${preview.ns} locked down: ${doc.policies.length} NetworkPolicies appended${doc.replaced.length ? `, ${doc.replaced.length} replaced (commented out)` : ''}. Undo in the editor takes it back.`);
    close();
  };
  return (
    <div className="lockdown-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div ref={ref} className="lockdown" role="dialog" aria-modal="true" aria-labelledby="lockdown-title" data-lockdown={preview.ns}>
        <header>
          <h3 id="lockdown-title">Lock down namespace {preview.ns}</h3>
          <button type="button" onClick={close} aria-label="Close">
            ✕
          </button>
        </header>
        {'error' in preview ? (
          <p className="status-line s-error">{preview.error}</p>
        ) : (
          <>
            <p className="muted">
              A default deny for ingress and egress, DNS, and one policy per workload allowing back exactly what the scenario uses: the calls the graph draws, traffic from Ingress controllers and Gateways to their backends, clients of exposed Services.
            </p>
            <div className="lockdown-body">
              <section>
                <h4>Generated YAML ({preview.doc.policies.length} NetworkPolicies)</h4>
                <pre className="lockdown-yaml" data-lockdown-yaml>
                  <RuleText text={preview.doc.yaml} />
                </pre>
              </section>
              <section>
                <h4>What it changes</h4>
                <Kept ns={preview.ns} />
                <Changes doc={preview.doc} />
              </section>
            </div>
            <footer>
              <button type="button" className="primary" disabled={readonly} onClick={() => insert(preview.doc)}>
                Insert into the editor
              </button>
              <button type="button" onClick={close}>
                Cancel
              </button>
              {readonly ? <span className="muted">This view is read-only.</span> : null}
            </footer>
          </>
        )}
      </div>
    </div>
  );
}

/** The graph's allowed calls and entry routes that touch the namespace: the lock-down keeps every one. */
function Kept({ ns }: { ns: string }) {
  const edges = useApp((s) => s.result.reply?.topology.edges ?? []);
  const inNs = (id: string) => id.split('/')[1] === ns;
  const kept = edges.filter((e) => e.verdict === 'allowed' && (e.relation === 'call' || e.relation === 'backend') && (inNs(e.from) || inNs(e.to)));
  const calls = kept.filter((e) => e.relation === 'call').length;
  return (
    <p data-lockdown-kept>
      Keeps allowed: {calls} call{calls === 1 ? '' : 's'} and {kept.length - calls} route backend{kept.length - calls === 1 ? '' : 's'} the graph draws in {ns}.
    </p>
  );
}

function Changes({ doc }: { doc: PoliciesApplied }) {
  // Read as the Changes panel reads a diff: `partial` (some replica pairs) sits between denied and allowed.
  const denied = doc.connections.filter((c) => direction(c) === 'closed');
  const allowed = doc.connections.filter((c) => direction(c) === 'opened');
  const row = (c: PoliciesApplied['connections'][number]) => (
    <li key={`${c.from} ${c.to} ${c.port}/${c.protocol}`} className={direction(c) === 'closed' ? 'v-blocked' : 'v-allowed'}>
      {direction(c) === 'closed' ? '✕' : '✓'} {c.from} → {c.to} <span className="muted">:{c.port}/{c.protocol}</span>
      {c.after === 'partial' ? <span className="muted"> (some replicas)</span> : null}
    </li>
  );
  return (
    <div className="lockdown-changes">
      {doc.replaced.length ? (
        <>
          <p>
            <RuleText text="Replaced (commented out, since policies only add allowances, NP-3):" />
          </p>
          <ul>
            {doc.replaced.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        </>
      ) : null}
      {doc.connections.length === 0 ? <p className="muted">No pod pair changes verdict: everything the namespace allowed is in use.</p> : null}
      {denied.length ? (
        <>
          <p>Newly denied ({denied.length}):</p>
          <ul data-lockdown-denied>{denied.map(row)}</ul>
        </>
      ) : null}
      {allowed.length ? (
        <>
          <p>Newly allowed ({allowed.length}): calls the scenario makes that policies blocked.</p>
          <ul data-lockdown-allowed>{allowed.map(row)}</ul>
        </>
      ) : null}
    </div>
  );
}
