import { RuleText } from '../RuleText';
import { useActions, useApp } from '../store';

/**
 * Every diagnostic, errors first. A click on the row jumps to its range in the editor; the rule ids in the
 * message (and the rule the diagnostic enforces) are links into the rule reference, above the row's button.
 */
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
        <li key={i} className={`problem sev-${d.severity}`}>
          <button type="button" className="problem-jump" onClick={() => focus({ ...d.range })} aria-label={`${d.severity}: ${d.message} Show it in the editor.`} />
          <span className="sev" aria-hidden="true">
            {d.severity === 'error' ? '✕' : d.severity === 'warning' ? '⚠' : 'ℹ'}
          </span>
          <span className="msg">
            <RuleText text={d.message} />
          </span>
          <code className="code">
            {d.code}
            {d.rule ? (
              <>
                {' · '}
                <RuleText text={d.rule} />
              </>
            ) : null}
          </code>
          {d.object ? <span className="muted problem-obj">{d.object}</span> : null}
        </li>
      ))}
    </ul>
  );
}
