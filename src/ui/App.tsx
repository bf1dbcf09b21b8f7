import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { linkSize, playgroundHref } from '../share/index';
import { ExportMenu } from './ExportMenu';
import { ErrorBoundary } from './ErrorBoundary';
import { GraphView } from './graph/GraphView';
import { PanelDock } from './panels/PanelDock';
import { useActions, useApp } from './store';
import { countChanges, describeCounts } from './changes-view';
import { useShortcuts } from './shortcuts';
import { encodeScenario } from './url-state';
import { whenIdle, type Idle } from './idle';
import type { DeepPartial, SimOptions } from '../core/index';

const EditorPane = lazy(() => import('./editor/EditorPane'));

/** The full playground's address (same origin and path, no embed flags) carrying the scenario (src/share). */
function fullLink(text: string, options: DeepPartial<SimOptions>): string {
  return playgroundHref(location.href, encodeScenario(text, options));
}

/**
 * The link, recomputed once typing pauses: compressing a 400-object scenario on every keystroke took
 * 100 ms or more of each one. Copying and opening build a fresh link at the click.
 */
function useSharedLink(text: string, options: DeepPartial<SimOptions>, busy: boolean): string {
  const [link, setLink] = useState(() => fullLink(text, options));
  useEffect(() => {
    // Not while an edit is simulated: its graph comes first.
    if (busy) return;
    let idle: Idle | null = null;
    const t = setTimeout(() => (idle = whenIdle(() => setLink(fullLink(text, options)))), 300);
    return () => {
      clearTimeout(t);
      idle?.cancel();
    };
  }, [text, options, busy]);
  return link;
}

function Header() {
  const summary = useApp((s) => s.result.reply?.summary);
  const busy = useApp((s) => s.result.busy);
  const theme = useApp((s) => s.ui.theme);
  const embed = useApp((s) => s.ui.embed);
  const text = useApp((s) => s.source.text);
  const options = useApp((s) => s.source.options);
  const editorOpen = useApp((s) => s.ui.editorOpen);
  const { setTheme, setPanel, toggleEditor, notify, markShared } = useActions();
  const full = useSharedLink(text, options, busy);
  const size = linkSize(full);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(fullLink(text, options));
      markShared(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      notify('The browser did not allow copying: copy the address bar instead.');
    }
  };
  return (
    <header className="topbar">
      <h1>
        <span className="logo" aria-hidden="true">
          ⎈
        </span>{' '}
        <span className="title">Kubernetes Network Playground</span>
      </h1>
      <div className="status" aria-live="polite">
        {summary ? (
          <>
            <span>{summary.objects} objects</span>
            <span>{summary.pods} pods</span>
            <span>{summary.services} Services</span>
            <button
              type="button"
              className={`chip ${summary.errors ? 'chip-error' : summary.warnings ? 'chip-warning' : 'chip-ok'}`}
              onClick={() => setPanel('problems')}
            >
              {summary.errors} {summary.errors === 1 ? 'error' : 'errors'} · {summary.warnings}{' '}
              {summary.warnings === 1 ? 'warning' : 'warnings'}
            </button>
          </>
        ) : null}
        <ChangesChip />
        {busy ? <span className="spinner" aria-label="simulating" /> : null}
      </div>
      <nav className="tools">
        {embed ? (
          <>
            <button type="button" onClick={toggleEditor} aria-expanded={editorOpen} aria-controls="editor-pane">
              {editorOpen ? 'Hide editor' : 'Show editor'}
            </button>
            <a
              className="open-full"
              href={full}
              target="_blank"
              rel="noopener"
              onClick={(e) => (e.currentTarget.href = fullLink(text, options))}
            >
              Open in playground ↗
            </a>
          </>
        ) : (
          <>
            {size.level !== 'ok' ? (
              <span className={`link-size link-${size.level}`} role="status" title={size.message}>
                ⚠ long link ({Math.round(size.chars / 100) / 10}k chars)
              </span>
            ) : null}
            <button
              type="button"
              onClick={() => void copy()}
              title={size.message ?? `Copy a link to this scenario (${size.chars} characters)`}
            >
              {copied ? '✓ Copied' : 'Copy link'}
            </button>
          </>
        )}
        <ExportMenu />
        {embed ? null : (
          <>
            <button type="button" onClick={() => setPanel('gallery')} title="Built-in scenarios and exercises (Alt+9)">
              ☰ Scenarios
            </button>
            <button
              type="button"
              onClick={() => setPanel('settings')}
              title="Settings: the choices Kubernetes leaves open, keyboard shortcuts (Alt+0)"
            >
              ⚙ Settings
            </button>
          </>
        )}
        <button
          type="button"
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          title="Toggle theme (Ctrl+Shift+L)"
          aria-label="Toggle dark theme"
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </nav>
    </header>
  );
}

/** After an edit: what it opened, closed or rerouted, one click from the list in the Changes panel. */
function ChangesChip() {
  const changes = useApp((s) => s.result.changes);
  const { setPanel } = useActions();
  if (!changes || !('doc' in changes)) return null;
  const counts = countChanges(changes.doc);
  const none = counts.opened + counts.closed + counts.routes + counts.dns === 0;
  return (
    <button type="button" className={`chip chip-changes${none ? ' chip-none' : ''}`} data-changes={describeCounts(counts)} title="What changed: open the list (Alt+C)" onClick={() => setPanel('changes')}>
      Δ {describeCounts(counts)}
    </button>
  );
}

function Notice() {
  const notice = useApp((s) => s.ui.notice);
  const { notify } = useActions();
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <span>{notice}</span>
      <button type="button" onClick={() => notify(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

/** A shared link that differs from unsaved local work: a small bar (not a dialog) asks which to keep. */
function LinkPrompt() {
  const link = useApp((s) => s.ui.pendingLink);
  const { chooseLink } = useActions();
  if (!link) return null;
  return (
    <div className="link-prompt" role="region" aria-label="Shared link">
      <span>
        This link holds a different scenario from the unsaved work in this browser, which is shown for now. Which one do you want?
      </span>
      <button type="button" className="primary" onClick={() => chooseLink(true)}>
        Open the link's scenario
      </button>
      <button type="button" onClick={() => chooseLink(false)}>
        Keep my work
      </button>
    </div>
  );
}

/**
 * A bar that resizes two panes: drag it, or focus it and use the arrow keys. `value` is the fraction it
 * sets (the store clamps it); `at` turns a pointer position into that fraction.
 */
function ResizeBar(p: {
  className: string;
  label: string;
  vertical: boolean;
  value: number;
  min: number;
  max: number;
  set(f: number): void;
  at(e: PointerEvent, bar: HTMLDivElement): number | null;
}) {
  const { set, at } = p;
  const bar = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const resizing = p.vertical ? 'resizing' : 'resizing-rows';
  useEffect(() => {
    const move = (e: PointerEvent) => {
      const f = dragging.current && bar.current ? at(e, bar.current) : null;
      if (f !== null) set(f);
    };
    const up = () => {
      dragging.current = false;
      document.body.classList.remove(resizing);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [set, at, resizing]);
  // The arrow that moves the bar towards the measured pane (the editor on the left, the dock below) shrinks it.
  const [less, more] = p.vertical ? ['ArrowLeft', 'ArrowRight'] : ['ArrowDown', 'ArrowUp'];
  return (
    <div
      ref={bar}
      className={p.className}
      role="separator"
      aria-orientation={p.vertical ? 'vertical' : 'horizontal'}
      aria-label={p.label}
      aria-valuenow={Math.round(p.value * 100)}
      aria-valuemin={p.min}
      aria-valuemax={p.max}
      tabIndex={0}
      onPointerDown={() => {
        dragging.current = true;
        document.body.classList.add(resizing);
      }}
      onKeyDown={(e) => {
        if (e.key === less) set(p.value - 0.03);
        if (e.key === more) set(p.value + 0.03);
      }}
    />
  );
}

/** Editor width: the pointer's share of the window. */
const editorShare = (e: PointerEvent) => e.clientX / window.innerWidth;
/** Panel dock height: the share of the graph column below the pointer. */
const dockShare = (e: PointerEvent, bar: HTMLDivElement) => {
  const column = bar.parentElement?.getBoundingClientRect();
  return column ? (column.bottom - e.clientY) / column.height : null;
};

function Splitter() {
  const { setSplit } = useActions();
  const split = useApp((s) => s.ui.split);
  return <ResizeBar className="splitter" label="Resize editor" vertical value={split} min={18} max={75} set={setSplit} at={editorShare} />;
}

function DockSplitter() {
  const { setDock } = useActions();
  const dock = useApp((s) => s.ui.dock);
  return (
    <ResizeBar
      className="dock-splitter"
      label="Resize panels"
      vertical={false}
      value={dock}
      min={15}
      max={80}
      set={setDock}
      at={dockShare}
    />
  );
}

/**
 * The YAML editor. `nokey`: React Flow's document-level key handlers (Space pans, Backspace deletes) skip events
 * from inside it; Monaco edits through a native EditContext `div` in Chromium, which React Flow does not take
 * for an input.
 */
function EditorSection({ embed }: { embed: boolean }) {
  return (
    <section id="editor-pane" className={`editor-pane nokey${embed ? ' embed-editor' : ''}`} aria-label="Scenario editor">
      <ErrorBoundary where="the editor">
        <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
          <EditorPane />
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

/** Focus the first element that matches, if any. */
function focusFirst(selector: string): void {
  document.querySelector<HTMLElement>(selector)?.focus();
}

/** Links (buttons: the address holds the scenario, so no `#fragment`) to jump over the editor's endless Tab. */
function SkipLinks({ editor }: { editor: boolean }) {
  return (
    <nav className="skip-links" aria-label="Skip to">
      {editor ? (
        <button type="button" onClick={() => focusFirst('#editor-pane .native-edit-context, #editor-pane textarea')}>
          Skip to the editor
        </button>
      ) : null}
      <button type="button" onClick={() => focusFirst('.react-flow__node[data-kind]:not([data-kind="Namespace"])')}>
        Skip to the graph
      </button>
      <button type="button" onClick={() => focusFirst('.tabs [aria-selected="true"]')}>
        Skip to the panels
      </button>
    </nav>
  );
}

export function App() {
  const theme = useApp((s) => s.ui.theme);
  const split = useApp((s) => s.ui.split);
  const dock = useApp((s) => s.ui.dock);
  const embed = useApp((s) => s.ui.embed);
  const editorOpen = useApp((s) => s.ui.editorOpen);
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--split', String(split));
    document.documentElement.style.setProperty('--dock', String(dock));
  }, [theme, split, dock]);
  return (
    <div className={`app${embed ? ' embed' : ''}`}>
      <SkipLinks editor={editorOpen} />
      <Header />
      <Notice />
      <LinkPrompt />
      <main
        className="main"
        style={embed ? { gridTemplateColumns: '1fr' } : { gridTemplateColumns: editorOpen ? `${split * 100}% 6px 1fr` : '1fr' }}
      >
        {editorOpen && !embed ? <EditorSection embed={false} /> : null}
        {editorOpen && !embed ? <Splitter /> : null}
        <section className="right" aria-label="Cluster graph and panels">
          <ErrorBoundary where="the graph">
            <GraphView />
          </ErrorBoundary>
          {embed ? null : <DockSplitter />}
          {/* In an embed the editor, when shown, takes the panels' place under the graph: nothing overlaps. */}
          {embed && editorOpen ? (
            <EditorSection embed />
          ) : (
            <ErrorBoundary where="the panels">
              <PanelDock />
            </ErrorBoundary>
          )}
        </section>
      </main>
    </div>
  );
}
