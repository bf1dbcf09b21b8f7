import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useActions, useApp } from '../store';
import { PANELS, type PanelId } from './registry';
import { Inspector } from './Inspector';
import { Problems } from './Problems';
import { Endpoints } from './Endpoints';
import { Settings } from './Settings';
import { Exercise } from './Exercise';

// The gallery carries every built-in scenario's text: loaded when first opened, outside the shell.
const Gallery = lazy(() => import('./Gallery').then((m) => ({ default: m.Gallery })));
// The question panels (DNS, Routes, Policy matrix, Trace) and Changes are loaded when first opened, outside
// the shell that paints the first graph.
const QueryPanel = lazy(() => import('./QueryPanel').then((m) => ({ default: m.QueryPanel })));
const Changes = lazy(() => import('./Changes').then((m) => ({ default: m.Changes })));
/** A panel body loaded on first use. */
const later = (body: ReactNode) => <Suspense fallback={<p className="empty">Loading…</p>}>{body}</Suspense>;
// The terminal is loaded when first opened, then kept mounted (below) so its session survives other tabs.
const Terminal = lazy(() => import('./Terminal'));

/** Each panel's body (the list of panels, their labels and keys: registry.ts). */
const BODY: Record<PanelId, () => ReactNode> = {
  inspector: () => <Inspector />,
  problems: () => <Problems />,
  endpoints: () => <Endpoints />,
  dns: () => later(<QueryPanel kind="dns" />),
  routes: () => later(<QueryPanel kind="routes" />),
  matrix: () => later(<QueryPanel kind="matrix" />),
  trace: () => later(<QueryPanel kind="trace" />),
  changes: () => later(<Changes />),
  exercise: () => <Exercise />,
  gallery: () => (
    <Suspense fallback={<p className="empty">Loading the scenarios…</p>}>
      <Gallery />
    </Suspense>
  ),
  settings: () => <Settings />,
  terminal: () => null,
};

/** The tabbed panels under the graph, each answering one question about the scenario. */
export function PanelDock() {
  const panel = useApp((s) => s.ui.panel);
  const count = useApp((s) => s.result.reply?.diagnostics.length ?? 0);
  const goals = useApp((s) => s.result.goals);
  const { setPanel } = useActions();
  const [terminalOpened, setTerminalOpened] = useState(false);
  const tabs = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (panel === 'terminal') setTerminalOpened(true);
    // In a narrow embed the tabs are one scrolling row: bring the open one into view. Only the row scrolls
    // (scrollIntoView could scroll the host page around the iframe too).
    const row = tabs.current;
    const tab = row?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (row && tab && row.scrollWidth > row.clientWidth) {
      const left = tab.offsetLeft - row.offsetLeft;
      if (left < row.scrollLeft || left + tab.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = Math.max(0, left - 8);
    }
  }, [panel]);
  return (
    // `nokey`: keys typed in the panels (forms, the terminal) never reach the graph's key handlers.
    <div className="dock nokey">
      <div className="tabs" role="tablist" aria-label="Panels" ref={tabs}>
        {PANELS.filter((t) => t.tab || t.id === panel).map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls="panel-body"
            className={panel === t.id ? 'active' : ''}
            title={`${t.label}: ${t.what} (Alt+${t.key})`}
            onClick={() => setPanel(t.id)}
          >
            {t.label}
            {t.id === 'problems' && count > 0 ? <span className="count">{count}</span> : null}
            {t.id === 'exercise' && goals && goals.list.length > 0 ? (
              <span className={`count ${goals.list.every((g) => g.passed) ? 'count-ok' : 'count-bad'}`}>
                {goals.list.filter((g) => g.passed).length}/{goals.list.length}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="panel-body" id="panel-body" role="tabpanel" aria-labelledby={`tab-${panel}`}>
        {BODY[panel]()}
        {terminalOpened || panel === 'terminal' ? (
          <div className="panel-terminal" hidden={panel !== 'terminal'} style={{ height: '100%' }}>
            <Suspense fallback={<p className="empty">Loading the terminal…</p>}>
              <Terminal />
            </Suspense>
          </div>
        ) : null}
      </div>
    </div>
  );
}
