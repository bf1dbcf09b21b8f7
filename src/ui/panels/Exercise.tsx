import { useActions, useApp } from '../store';
import { hasExercise } from '../embed-api';

/** The scenario's exercise: every goal, live, with pass/fail, what the simulation says and why. */
export function Exercise() {
  const text = useApp((s) => s.source.text);
  const goals = useApp((s) => s.result.goals);
  const { focus } = useActions();
  if (!hasExercise(text)) {
    return (
      <p className="empty">
        No exercise in this scenario. Add a <code>kind: Exercise</code> document with goals (docs/embedding.md), or load one from the
        Scenarios tab.
      </p>
    );
  }
  if (!goals) return <p className="empty">Checking the goals…</p>;
  if (goals.error) return <p className="error">The goals could not be checked: {goals.error}</p>;
  if (goals.list.length === 0) return <p className="empty">The exercise has no goals yet (or they could not be read: see Problems).</p>;
  const passed = goals.list.filter((g) => g.passed).length;
  return (
    <div className="exercise">
      <p className={passed === goals.list.length ? 'v-allowed' : 'muted'} aria-live="polite">
        <strong>
          {passed} of {goals.list.length} goals pass
        </strong>
        {passed === goals.list.length ? ' — well done.' : '.'}
      </p>
      <ul className="goals">
        {goals.list.map((g, i) => (
          <li key={i} className={`goal ${g.passed ? 'pass' : 'fail'}`} data-passed={String(g.passed)}>
            <span className="goal-mark" aria-label={g.passed ? 'passes' : 'fails'}>
              {g.passed ? '✓' : '✗'}
            </span>
            {g.range ? (
              <button type="button" className="link goal-text" title="Show this goal in the YAML" onClick={() => focus({ start: g.range!.start, end: g.range!.end })}>
                {g.goal}
              </button>
            ) : (
              <span className="goal-text">{g.goal}</span>
            )}
            <span className="goal-actual">
              actual: <code>{g.actual}</code>
            </span>
            <span className="goal-reason muted">{g.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
