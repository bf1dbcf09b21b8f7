import { useActions, useApp } from '../store';

/** Every diagnostic, errors first; a click jumps to its range in the editor. */
export function Problems() {
  const reply = useApp((s) => s.result.reply);
  const { focus } = useActions();
  if (!reply) return <p className="empty">Simulating…</p>;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const diags = [...reply.diagnostics].sort((a, b) => order[a.severity] - order[b.severity] || a.range.start - b.range.start);
  if (diags.length === 0) return <p className="empty ok">No problems: the API server would accept every object, and nothing looks wrong.</p>;
  return (
    <ul className="problems">
      {diags.map((d, i) => (
        <li key={i} className={`sev-${d.severity}`}>
          <button type="button" className="problem" onClick={() => focus({ ...d.range })}>
            <span className="sev">{d.severity === 'error' ? '✕' : d.severity === 'warning' ? '⚠' : 'ℹ'}</span>
            <span className="msg">{d.message}</span>
            <code className="code">
              {d.code}
              {d.rule ? ` · ${d.rule}` : ''}
            </code>
            {d.object ? <span className="muted obj">{d.object}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
