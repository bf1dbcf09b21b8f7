import { useActions, useApp } from '../store';

/** While a trace is drawn: what it is, how it ended, and a button that takes it off the graph. */
export function TraceBanner() {
  const t = useApp((s) => (s.ui.traceOnGraph ? s.result.lastTrace : null));
  const { clearTrace } = useActions();
  if (!t) return null;
  const v = t.result.verdict;
  return (
    <div className="trace-banner" role="status">
      <span className="title" title={t.result.summary}>
        <strong className={v === 'delivered' ? 'v-allowed' : 'v-blocked'}>{v}</strong> trace {t.title}
      </span>
      <button type="button" onClick={clearTrace}>
        Clear
      </button>
    </div>
  );
}
