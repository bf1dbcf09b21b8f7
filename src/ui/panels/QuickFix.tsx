/**
 * The quick fixes' controls: the "Allow this" button (Inspector, Policy matrix) and what the last fix changed.
 */
import { useState } from 'react';
import type { QueryInput } from '../../core/index';
import { useActions, useApp } from '../store';

/**
 * "Allow this" on a blocked connection: `allow` rewrites the policies, the editor takes the new text as one
 * undoable edit (Ctrl+Z brings the old one back), and the lines it changed are shown below.
 */
export function AllowButton({ id, title, args, label = 'Allow this' }: { id: string; title: string; args: QueryInput<'allow'>; label?: string }) {
  const { quickFix } = useActions();
  const readonly = useApp((s) => s.ui.readonly);
  const current = useApp((s) => s.result.reply?.rev === s.source.rev);
  const [why, setWhy] = useState<{ id: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (readonly) return null;
  const run = async () => {
    setBusy(true);
    const r = await quickFix(title, args);
    setBusy(false);
    setWhy(r ? { id, text: r } : null);
  };
  return (
    <div className="quick-fix">
      <button type="button" className="allow-this" disabled={busy || !current} onClick={() => void run()} title="Add the smallest NetworkPolicy rule that allows this connection">
        {label}
      </button>
      <span className="muted"> adds the smallest NetworkPolicy rule that allows it (Ctrl+Z in the editor undoes it)</span>
      {why && why.id === id ? <p className="fix-refused">{why.text}</p> : null}
    </div>
  );
}

/** The last quick fix: which objects it changed and the lines, + added and - removed. */
export function FixResult() {
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

