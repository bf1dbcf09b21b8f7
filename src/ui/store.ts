/**
 * One store per app instance, in three slices: `source` (what the user
 * typed and chose: saved and shared), `result` (the latest worker answer, replaced whole, never saved) and
 * `ui` (selection, panels, theme). Writes go through named actions; `setText` schedules the worker run, the
 * URL update and the local save, so none can be forgotten.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Cite, DeepPartial, DiffDocument, MatrixDocument, QueryInput, QueryName, QueryResult, SimOptions, TestDocument, TraceDocument } from '../core/index';
import type { SharedState, TraceView } from '../share/index';
import type { Reply, SimulatedReply } from '../worker/protocol';
import type { SimClient } from './sim-client';
import type { PanelId } from './panels/registry';
import { changedLines, type AppliedFix } from './quick-fix';

export type { PanelId } from './panels/registry';

export type Selection = { type: 'node' | 'edge'; id: string } | null;
/**
 * A trace as the page shows it: the question, the CLI's flags as JSON (`from` as the CLI takes it:
 * `shop/web-1`, `ip:…`), and the answer, `knet trace --json`'s document. The question is kept so the
 * drawing follows edits (the trace runs again on each new simulation).
 */
export interface TraceShown {
  title: string;
  args: QueryInput<'trace'>;
  result: TraceDocument;
}

/** What the Changes panel compares the scenario on screen with. */
export type CompareWith = 'previous' | 'loaded' | 'shared' | 'pasted';

/**
 * The changes shown (`knet diff --json` with the other version as `before`), for the simulation `rev`:
 * the document, why there is none, or `skipped` for a large scenario where only a click computes it.
 */
export type ChangesShown = { rev: number; against: CompareWith } & ({ doc: DiffDocument } | { error: string } | { skipped: true });

export interface SourceSlice {
  text: string;
  options: DeepPartial<SimOptions>;
  showSystem: boolean;
  /** Bumped on every change; worker replies carry it back. */
  rev: number;
}

export interface ResultSlice {
  reply: SimulatedReply | null;
  /** Set when the last run failed inside the core. */
  failure: string | null;
  busy: boolean;
  /** The exercise's goals checked against the latest simulation (null: the text holds no Exercise). */
  goals: { rev: number; list: (TestDocument['goals'][number] & { range?: { start: number; end: number } })[]; error?: string } | null;
  /** The last trace (panel, `trace=` flag, host message): the Trace panel, the Export menu and the graph. */
  lastTrace: TraceShown | null;
  /** The last policy matrix computed in the panel (for the Export menu). */
  lastMatrix: MatrixDocument | null;
  /** What changed against the version chosen in the Changes panel (null until there is something to compare). */
  changes: ChangesShown | null;
}

export interface UiSlice {
  selection: Selection;
  panel: PanelId;
  theme: 'light' | 'dark';
  /** Editor width as a fraction of the window. */
  split: number;
  /** Height of the panel dock as a fraction of the graph column. */
  dock: number;
  /** A message the page shows in its banner (restarted worker, broken link...). */
  notice: string | null;
  readonly: boolean;
  embed: boolean;
  editorOpen: boolean;
  /** Ranges to highlight in the editor, from the selection. */
  focusRange: { start: number; end: number } | null;
  /** Whether the last trace is drawn on the graph (Clear hides it; a new trace shows it again). */
  traceOnGraph: boolean;
  /** A shared link that differs from the local draft: the page asks which to open (null: nothing to ask). */
  pendingLink: SharedState | null;
  /** A trace to run when the page opens (`?trace=` or the link's view). */
  initialTrace: TraceView | null;
  /** The port typed in the Policy matrix panel (`8080`, `53/UDP`); null until typed: the core's suggestion (panels/matrix-port.ts). */
  matrixPort: string | null;
  /** A command line handed to the Terminal (`cmd=` flag, host message): typed in, and run when `run`. */
  terminalInput: { line: string; run: boolean; seq: number } | null;
  /** The last quick fix applied to the text ("Allow this", "Allow DNS"), with the lines it changed. */
  lastFix: AppliedFix | null;
  /** The version the Changes panel compares with, and the texts it can compare with (null: none yet). */
  compareWith: CompareWith;
  baselines: { loaded: string; shared: string | null; pasted: string | null };
  /** Bumped by "Compare now" (a large scenario is not compared after every edit). */
  changesRequested: number;
}

export interface Actions {
  setText(text: string): void;
  setOptions(options: DeepPartial<SimOptions>): void;
  setShowSystem(v: boolean): void;
  receive(r: Reply): void;
  /** Select on the graph; the Inspector opens unless `keepPanel` (a click in the YAML while the Exercise panel is open). */
  select(sel: Selection, opts?: { keepPanel?: boolean }): void;
  setPanel(p: PanelId): void;
  setTheme(t: 'light' | 'dark'): void;
  setSplit(f: number): void;
  /** Resize the panel dock (fraction of the graph column's height). */
  setDock(f: number): void;
  notify(message: string | null): void;
  toggleEditor(): void;
  focus(range: { start: number; end: number } | null): void;
  /** Run the simulation now (first load). */
  runNow(): void;
  /** Ask the worker one of the core's questions about the latest simulation (the CLI's --json document). */
  query<K extends QueryName>(name: K, args: QueryInput<K>): Promise<QueryResult<K>>;
  /** The places that decided an edge of the latest simulation, with their ranges (a reply names them without). */
  cites(edge: string): Promise<Cite[] | null>;
  /** Show a trace's path on the graph and keep it for the Trace panel and the Export menu (null: forget it). */
  setTrace(t: TraceShown | null): void;
  /** Take the trace off the graph (the Trace panel keeps its text). */
  clearTrace(): void;
  /** Replace the scenario (gallery, shared link, host page); works in read-only pages too (the host is the author). */
  load(state: SharedState): void;
  /** Answer the startup question: open the shared link's scenario, or keep the local draft. */
  chooseLink(open: boolean): void;
  setGoals(goals: ResultSlice['goals']): void;
  setLastMatrix(m: MatrixDocument | null): void;
  setMatrixPort(p: string): void;
  consumeInitialTrace(): void;
  /** Type a command line into the Terminal panel (and open it); `run` presses Enter too. */
  typeInTerminal(line: string, run: boolean): void;
  /**
   * Ask `allow` (with `apply`) about the text on screen and put its rewritten input in the editor, one
   * undoable edit; resolves to why not when it cannot (already allowed, an admin policy, a stale answer).
   */
  quickFix(title: string, args: QueryInput<'allow'>): Promise<string | null>;
  dismissFix(): void;
  setChanges(c: ChangesShown | null): void;
  /** Compare with another version (`pasted`: with this text). */
  compareWith(against: CompareWith, pasted?: string): void;
  /** The scenario was shared (a link copied, or opened from one): "last shared link" compares with it. */
  markShared(text: string): void;
  /** Compute the changes now (a large scenario is not compared after every edit). */
  requestChanges(): void;
}

export interface AppState {
  source: SourceSlice;
  result: ResultSlice;
  ui: UiSlice;
  actions: Actions;
}

/** The side effects the store drives, injected so tests can fake them. */
export interface StoreEnv {
  sim: SimClient;
  /** Saves the source locally (localStorage). */
  save(source: SourceSlice): void;
  /** Writes the scenario into the address (history.replaceState). */
  writeUrl(text: string, options?: DeepPartial<SimOptions>): void;
  saveUi(ui: Pick<UiSlice, 'theme' | 'split' | 'dock'>): void;
  /** Debounce delays (ms). */
  delays?: { run: number; url: number };
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(env: StoreEnv, initial: { source: Omit<SourceSlice, 'rev'>; ui?: Partial<UiSlice> }): AppStore {
  // run: 0 only coalesces changes made in the same task (a paste, an undo): the text goes to the worker as
  // that task ends, before the editor paints it, so the simulation runs while the page renders the edit. The
  // worker itself paces the runs, since one simulation is in flight at a time and edits made meanwhile become
  // one follow-up run.
  const delays = env.delays ?? { run: 0, url: 300 };
  let runTimer: ReturnType<typeof setTimeout> | null = null;
  /** The revision being simulated, and whether the text changed again since it was sent. */
  let inFlight: number | null = null;
  let stale = false;
  let urlTimer: ReturnType<typeof setTimeout> | null = null;
  const now = () => (typeof performance === 'undefined' ? 0 : performance.now());
  /** When each revision was typed, to measure edit → graph (kept small). */
  const editedAt = new Map<number, number>();

  return createStore<AppState>()((set, get) => {
    const run = () => {
      if (inFlight !== null) {
        stale = true;
        return;
      }
      const { source } = get();
      inFlight = source.rev;
      set((s) => ({ result: { ...s.result, busy: true } }));
      env.sim.simulate({ rev: source.rev, text: source.text, options: source.options, showSystem: source.showSystem });
    };
    /** A reply for the revision in flight frees the worker; the latest text is sent if it moved on. */
    const settled = (rev: number) => {
      if (inFlight === null || rev < inFlight) return;
      inFlight = null;
      if (stale || get().source.rev > rev) {
        stale = false;
        run();
      }
    };
    let runQueued = false;
    const scheduleRun = () => {
      if (delays.run === 0) {
        if (!runQueued) {
          runQueued = true;
          queueMicrotask(() => {
            runQueued = false;
            run();
          });
        }
        return;
      }
      if (runTimer) clearTimeout(runTimer);
      runTimer = setTimeout(run, delays.run);
    };
    const sourceChanged = (shared: boolean) => {
      scheduleRun();
      env.save(get().source);
      if (shared) {
        if (urlTimer) clearTimeout(urlTimer);
        urlTimer = setTimeout(() => env.writeUrl(get().source.text, get().source.options), delays.url);
      }
    };
    return {
      source: { ...initial.source, rev: 1 },
      result: { reply: null, failure: null, busy: false, goals: null, lastTrace: null, lastMatrix: null, changes: null },
      ui: {
        selection: null,
        panel: 'problems',
        theme: 'light',
        split: 0.36,
        dock: 0.34,
        notice: null,
        readonly: false,
        embed: false,
        editorOpen: true,
        focusRange: null,
        traceOnGraph: false,
        pendingLink: null,
        initialTrace: null,
        matrixPort: null,
        terminalInput: null,
        lastFix: null,
        compareWith: 'previous',
        baselines: { loaded: initial.source.text, shared: null, pasted: null },
        changesRequested: 0,
        ...initial.ui,
      },
      actions: {
        setText(text) {
          if (get().ui.readonly || text === get().source.text) return;
          set((s) => ({ source: { ...s.source, text, rev: s.source.rev + 1 } }));
          editedAt.set(get().source.rev, now());
          sourceChanged(true);
        },
        setOptions(options) {
          set((s) => ({ source: { ...s.source, options, rev: s.source.rev + 1 } }));
          sourceChanged(true);
        },
        setShowSystem(v) {
          set((s) => ({ source: { ...s.source, showSystem: v, rev: s.source.rev + 1 } }));
          sourceChanged(false);
        },
        receive(r) {
          if (r.type === 'answer') return;
          settled(r.rev);
          const current = get().result.reply;
          // A reply older than the one shown (the user kept typing) is dropped.
          if (current && r.rev < current.rev) return;
          const busy = r.rev < get().source.rev;
          if (r.type === 'failed') {
            set((s) => ({ result: { ...s.result, failure: r.error, busy } }));
            return;
          }
          const typed = editedAt.get(r.rev);
          if (typed !== undefined) {
            r.timings.sinceEdit = now() - typed;
            editedAt.clear();
          }
          set((s) => {
            const sel = s.ui.selection;
            const keep =
              sel &&
              (sel.type === 'node'
                ? r.topology.nodes.some((n) => n.id === sel.id) || r.layout[sel.id]
                : r.topology.edges.some((e) => e.id === sel.id));
            return { result: { ...s.result, reply: r, failure: null, busy }, ui: keep ? s.ui : { ...s.ui, selection: null } };
          });
        },
        select(selection, opts) {
          set((s) => ({ ui: { ...s.ui, selection, panel: selection && !opts?.keepPanel ? 'inspector' : s.ui.panel } }));
        },
        setPanel(panel) {
          set((s) => ({ ui: { ...s.ui, panel } }));
        },
        setTheme(theme) {
          set((s) => ({ ui: { ...s.ui, theme } }));
          env.saveUi({ theme, split: get().ui.split, dock: get().ui.dock });
        },
        setSplit(split) {
          const f = Math.min(0.75, Math.max(0.18, split));
          set((s) => ({ ui: { ...s.ui, split: f } }));
          env.saveUi({ theme: get().ui.theme, split: f, dock: get().ui.dock });
        },
        setDock(dock) {
          const f = Math.min(0.8, Math.max(0.15, dock));
          set((s) => ({ ui: { ...s.ui, dock: f } }));
          env.saveUi({ theme: get().ui.theme, split: get().ui.split, dock: f });
        },
        notify(notice) {
          set((s) => ({ ui: { ...s.ui, notice } }));
        },
        toggleEditor() {
          set((s) => ({ ui: { ...s.ui, editorOpen: !s.ui.editorOpen } }));
        },
        focus(focusRange) {
          set((s) => ({ ui: { ...s.ui, focusRange } }));
        },
        runNow() {
          // A forced re-run (after a worker restart) must not wait for a reply that will never come.
          inFlight = null;
          run();
        },
        query(name, args) {
          return env.sim.query(name, args);
        },
        cites(edge) {
          return env.sim.cites(edge);
        },
        setTrace(lastTrace) {
          set((s) => ({ result: { ...s.result, lastTrace }, ui: { ...s.ui, traceOnGraph: lastTrace !== null } }));
        },
        clearTrace() {
          set((s) => ({ ui: { ...s.ui, traceOnGraph: false } }));
        },
        load(state) {
          set((s) => ({
            source: { ...s.source, text: state.text, options: state.options ?? {}, rev: s.source.rev + 1 },
            // Another scenario: its own matrix port, not the last one's (the matrix panel opens on its suggestion).
            result: { ...s.result, lastTrace: null, lastMatrix: null },
            ui: { ...s.ui, pendingLink: null, selection: null, traceOnGraph: false, matrixPort: null, baselines: { ...s.ui.baselines, loaded: state.text } },
          }));
          editedAt.set(get().source.rev, now());
          sourceChanged(true);
        },
        chooseLink(open) {
          const link = get().ui.pendingLink;
          set((s) => ({ ui: { ...s.ui, pendingLink: null } }));
          if (open && link) {
            get().actions.load(link);
            get().actions.markShared(link.text);
          }
          else env.writeUrl(get().source.text, get().source.options);
        },
        setGoals(goals) {
          set((s) => ({ result: { ...s.result, goals } }));
        },
        setLastMatrix(lastMatrix) {
          set((s) => ({ result: { ...s.result, lastMatrix } }));
        },
        setMatrixPort(matrixPort) {
          set((s) => ({ ui: { ...s.ui, matrixPort } }));
        },
        typeInTerminal(line, run) {
          set((s) => ({ ui: { ...s.ui, panel: 'terminal', terminalInput: { line, run, seq: (s.ui.terminalInput?.seq ?? 0) + 1 } } }));
        },
        setChanges(changes) {
          set((s) => ({ result: { ...s.result, changes } }));
        },
        compareWith(against, pasted) {
          set((s) => ({ ui: { ...s.ui, compareWith: against, baselines: pasted === undefined ? s.ui.baselines : { ...s.ui.baselines, pasted } } }));
        },
        requestChanges() {
          set((s) => ({ ui: { ...s.ui, changesRequested: s.ui.changesRequested + 1 } }));
        },
        markShared(text) {
          if (get().ui.baselines.shared === text) return;
          set((s) => ({ ui: { ...s.ui, baselines: { ...s.ui.baselines, shared: text } } }));
        },
        consumeInitialTrace() {
          set((s) => ({ ui: { ...s.ui, initialTrace: null } }));
        },
        async quickFix(title, args) {
          if (get().ui.readonly) return 'The page is read-only.';
          const before = get().source.text;
          const rev = get().source.rev;
          let doc: QueryResult<'allow'>;
          try {
            doc = await env.sim.query('allow', { ...args, apply: true });
          } catch (e) {
            return e instanceof Error ? e.message : String(e);
          }
          // The answer rewrote the text it was asked about; a keystroke since then would be lost.
          if (get().source.rev !== rev || get().result.reply?.rev !== rev) return 'The text changed while the fix was worked out; try again.';
          const after = doc.files?.[0]?.text;
          if (!doc.changes.length || after === undefined) return 'Already allowed by the policies: no change needed.';
          get().actions.setText(after);
          set((s) => ({ ui: { ...s.ui, lastFix: { title, changes: doc.changes, lines: changedLines(before, after), after } } }));
          return null;
        },
        dismissFix() {
          set((s) => ({ ui: { ...s.ui, lastFix: null } }));
        },
      },
    };
  });
}

export const StoreContext = createContext<AppStore | null>(null);

export function useApp<T>(pick: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside <StoreContext.Provider>');
  return useStore(store, pick);
}

export function useActions(): Actions {
  return useApp((s) => s.actions);
}

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreApi outside <StoreContext.Provider>');
  return store;
}
