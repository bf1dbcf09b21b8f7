import { useState } from 'react';
import { SCENARIOS, type ScenarioInfo } from '../../scenarios/index';
import { DEFAULT_SCENARIO } from '../default-scenario';
import { useActions, useApp } from '../store';

/** Work the user would lose: text that is neither the example nor a built-in scenario as shipped. */
export function isUnsavedWork(text: string): boolean {
  return text.trim() !== '' && text !== DEFAULT_SCENARIO && !SCENARIOS.some((s) => s.text === text);
}

/** The built-in scenarios and exercises: title, explanation, concepts; Load replaces the text (asking first over edited work). */
export function Gallery() {
  const text = useApp((s) => s.source.text);
  const readonly = useApp((s) => s.ui.readonly);
  const { load, setPanel } = useActions();
  const [confirm, setConfirm] = useState<ScenarioInfo | null>(null);
  const open = (s: ScenarioInfo) => {
    load({ text: s.text });
    setConfirm(null);
    if (s.exercise) setPanel('exercise');
  };
  const ask = (s: ScenarioInfo) => (isUnsavedWork(text) ? setConfirm(s) : open(s));
  return (
    <div className="gallery">
      <p className="muted">
        Built-in scenarios, each with a short explanation. Exercises carry goals that check themselves.
        {readonly ? ' This view is read-only: open the full playground to load one.' : ''}
      </p>
      {confirm ? (
        <div className="confirm" role="alert">
          <span>
            Replace your edited scenario with <strong>{confirm.title}</strong>? (Undo in the editor brings it back.)
          </span>
          <button type="button" className="primary" onClick={() => open(confirm)}>
            Replace
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      <ul className="cards">
        {SCENARIOS.map((s) => (
          <li key={s.id} className="card" data-scenario={s.id}>
            <div className="card-head">
              <h2>
                {s.exercise ? <span className="tag">exercise</span> : null} {s.title}
              </h2>
              <button type="button" onClick={() => ask(s)} aria-label={`Load ${s.title}`} disabled={readonly}>
                Load
              </button>
            </div>
            <p>{s.summary}</p>
            {s.concepts.length ? (
              <p className="concepts">
                {s.concepts.map((c) => (
                  <span key={c} className="concept">
                    {c}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
