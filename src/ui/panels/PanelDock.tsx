import { lazy, Suspense, useEffect, useState } from 'react';
import { useActions, useApp, type PanelId } from '../store';
import { Inspector } from './Inspector';
import { Problems } from './Problems';
import { Endpoints } from './Endpoints';
import { QueryPanel } from './QueryPanel';
import { Settings } from './Settings';
import { Exercise } from './Exercise';

// The gallery carries every built-in scenario's text: loaded when first opened, outside the shell.
const Gallery = lazy(() => import('./Gallery').then((m) => ({ default: m.Gallery })));
// The terminal is loaded when first opened, then kept mounted so its session survives other tabs.
const Terminal = lazy(() => import('./Terminal'));

const TABS: { id: PanelId; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'problems', label: 'Problems' },
  { id: 'endpoints', label: 'Endpoints' },
  { id: 'dns', label: 'DNS' },
  { id: 'routes', label: 'Routes' },
  { id: 'matrix', label: 'Policy matrix' },
  { id: 'trace', label: 'Trace' },
  { id: 'settings', label: 'Settings' },
  { id: 'gallery', label: 'Scenarios' },
  { id: 'exercise', label: 'Exercise' },
  { id: 'terminal', label: 'Terminal' },
];

/** The tabbed panels under the graph, each answering one question about the scenario. */
export function PanelDock() {
  const panel = useApp((s) => s.ui.panel);
  const count = useApp((s) => s.result.reply?.diagnostics.length ?? 0);
  const goals = useApp((s) => s.result.goals);
  const { setPanel } = useActions();
  const [terminalOpened, setTerminalOpened] = useState(false);
  useEffect(() => {
    if (panel === 'terminal') setTerminalOpened(true);
  }, [panel]);
  return (
    // `nokey`: keys typed in the panels (forms, the terminal) never reach the graph's key handlers.
    <div className="dock nokey">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls="panel-body"
            className={panel === t.id ? 'active' : ''}
            title={i < 10 ? `Alt+${(i + 1) % 10}` : undefined}
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
        {panel === 'inspector' ? <Inspector /> : null}
        {panel === 'problems' ? <Problems /> : null}
        {panel === 'endpoints' ? <Endpoints /> : null}
        {panel === 'dns' || panel === 'routes' || panel === 'matrix' || panel === 'trace' ? <QueryPanel kind={panel} /> : null}
        {panel === 'settings' ? <Settings /> : null}
        {panel === 'gallery' ? (
          <Suspense fallback={<p className="empty">Loading the scenarios…</p>}>
            <Gallery />
          </Suspense>
        ) : null}
        {panel === 'exercise' ? <Exercise /> : null}
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
