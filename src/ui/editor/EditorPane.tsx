/**
 * The YAML editor (lazy chunk): Monaco with monaco-yaml, the simulator's diagnostics as markers on owner
 * `sim` at their exact ranges, the selected graph object's YAML highlighted, and a click in the YAML
 * selecting that object on the graph.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import type { QueryInput } from '../../core/index';
import { monaco } from './monaco-setup';
import { useActions, useApp, useStoreApi, type Selection } from '../store';
import { highlightRanges, objectAt } from '../selection';
import { dnsClientOf, fixesForPolicy, singleEdit } from '../quick-fix';
import { useEdgeCites } from '../edge-cites';

type IEditor = monaco.editor.IStandaloneCodeEditor;

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info } as const;

export default function EditorPane() {
  const store = useStoreApi();
  const theme = useApp((s) => s.ui.theme);
  const readonly = useApp((s) => s.ui.readonly);
  const reply = useApp((s) => s.result.reply);
  const selection = useApp((s) => s.ui.selection);
  const focusRange = useApp((s) => s.ui.focusRange);
  const edgeCites = useEdgeCites(selection?.type === 'edge' ? selection.id : null);
  const text = useApp((s) => s.source.text);
  const { setText, select } = useActions();
  const editorRef = useRef<IEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const fromSelection = useRef(false);
  /** The selection whose YAML was last scrolled into view. */
  const revealed = useRef<Selection>(null);
  // The editor mounts after the first reply more often than not: the effects below run again once it exists.
  const [mounted, setMounted] = useState(false);

  // Diagnostics → markers, offsets → positions in the current model.
  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!model || !reply) return;
    if (reply.rev !== store.getState().source.rev) return; // the text moved on; wait for the matching reply
    const markers = reply.diagnostics
      .filter((d) => d.file === 0)
      .map((d) => {
        const s = model.getPositionAt(d.range.start);
        const e = model.getPositionAt(Math.max(d.range.end, d.range.start + 1));
        return {
          severity: SEVERITY[d.severity],
          message: d.message,
          code: d.rule ? `${d.code} · ${d.rule}` : d.code,
          source: 'simulator',
          startLineNumber: s.lineNumber,
          startColumn: s.column,
          endLineNumber: e.lineNumber,
          endColumn: e.column,
        };
      });
    monaco.editor.setModelMarkers(model, 'sim', markers);
  }, [reply, store, mounted]);

  // The selected object's YAML, highlighted and scrolled into view.
  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    const ranges = highlightRanges(reply, selection, edgeCites);
    const decos = ranges.map((r) => {
      const s = model.getPositionAt(r.start);
      const e = model.getPositionAt(r.end);
      return {
        range: new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column),
        options: {
          className: 'yaml-highlight',
          isWholeLine: r.whole,
          linesDecorationsClassName: 'yaml-highlight-gutter',
          overviewRuler: { color: '#f59e0b', position: monaco.editor.OverviewRulerLane.Center },
        },
      };
    });
    if (!decorations.current) decorations.current = ed.createDecorationsCollection(decos);
    else decorations.current.set(decos);
    const first = ranges[0];
    // Scrolled to once per selection, when it is made (or when an edge's cites arrive), never on a later reply:
    // a person typing elsewhere with something selected was thrown back to its lines at every edit.
    // (A selection made again, by a second click, is a new object: scrolled to again.)
    if (first && selection !== revealed.current) {
      if (!fromSelection.current) ed.revealLineInCenterIfOutsideViewport(model.getPositionAt(first.start).lineNumber);
      revealed.current = selection;
    }
    // An edge whose cites are still being asked for: keep the flag for when they arrive.
    if (first || selection?.type !== 'edge') fromSelection.current = false;
  }, [reply, selection, edgeCites, mounted]);

  // "Jump to" from the problems list and the inspector.
  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model || !focusRange) return;
    const s = model.getPositionAt(focusRange.start);
    const e = model.getPositionAt(focusRange.end);
    ed.setSelection(new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column));
    ed.revealLinesInCenterIfOutsideViewport(s.lineNumber, e.lineNumber);
    ed.focus();
  }, [focusRange]);

  // Text replaced from outside the editor (an example loaded): push it into the model.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    // As one undoable edit (not setValue), so Undo brings back what a loaded scenario or a quick fix replaced;
    // only the part that differs is replaced, so the cursor and the view above it stay where they were.
    if (model && model.getValue() !== text) {
      const edit = singleEdit(model.getValue(), text);
      const s = model.getPositionAt(edit.start);
      const e = model.getPositionAt(edit.end);
      model.pushStackElement();
      model.pushEditOperations([], [{ range: new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column), text: edit.text }], () => null);
      model.pushStackElement();
    }
  }, [text]);

  // One options object per read-only state: the editor component applies the options again (updateOptions, a few
  // ms at 400 objects) whenever it is handed a new object, and this pane renders on every reply.
  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      readOnly: readonly,
      domReadOnly: readonly,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      formatOnPaste: false,
      formatOnType: false,
      autoIndent: 'keep',
      scrollBeyondLastLine: false,
      wordWrap: 'off',
      renderWhitespace: 'selection',
      automaticLayout: true,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      // Enter takes a suggestion only when it changes the text: a word typed whole (`kind: Namespace`) with its
      // own suggestion still up ended the line on Enter no more, and the next line was joined on.
      acceptSuggestionOnEnter: 'smart',
      // Sticky scroll rebuilds an outline of the whole document from the YAML worker's symbols after every
      // edit: tens of ms per keystroke at 400 objects, on the main thread.
      stickyScroll: { enabled: false },
      ariaLabel: readonly ? 'Scenario YAML, read-only.' : 'Scenario YAML. Tab indents; press Escape, then Tab, to leave the editor.',
    }),
    [readonly],
  );

  return (
    <div className="editor-wrap">
      <div className="editor-host">
        <Editor
          height="100%"
          defaultLanguage="yaml"
          path="playground.yaml"
          defaultValue={store.getState().source.text}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          loading={<div className="editor-loading">Loading the editor…</div>}
          options={options}
          onChange={(v) => setText(v ?? '')}
          onMount={(ed) => {
            editorRef.current = ed;
            // Colouring bracket pairs parses the whole text for brackets after every change (about 25 ms of each
            // edit at 400 objects, before the graph can show it); manifests use few, and matching brackets are
            // still highlighted. The model reads this from its own options. (Also setting the editor's
            // `bracketPairColorization` option made schema completion answer "No suggestions" in one run of
            // three in the browser tests.)
            ed.getModel()?.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
            const w = window as unknown as { __playground?: Record<string, unknown> };
            w.__playground = {
              ...w.__playground,
              text: () => ed.getValue(),
              selectedText: () => {
                const sel = ed.getSelection();
                return sel ? (ed.getModel()?.getValueInRange(sel) ?? '') : '';
              },
              markers: (owner = 'sim') =>
                monaco.editor
                  .getModelMarkers({ owner })
                  .map((m) => ({
                    line: m.startLineNumber,
                    column: m.startColumn,
                    endLine: m.endLineNumber,
                    code: typeof m.code === 'string' ? m.code : m.code?.value,
                    severity: m.severity,
                    message: m.message,
                  })),
              decorations: () =>
                (decorations.current?.getRanges() ?? []).map((r) => ({ startLine: r.startLineNumber, endLine: r.endLineNumber })),
              editorReady: performance.now(),
            };
            ed.onMouseDown((e) => {
              const pos = e.target.position;
              const model = ed.getModel();
              if (!pos || !model) return;
              const id = objectAt(store.getState().result.reply, model.getOffsetAt(pos));
              if (id) {
                fromSelection.current = true;
                // Editing against the goals: a click in the YAML keeps the Exercise panel open.
                select({ type: 'node', id }, { keepPanel: store.getState().ui.panel === 'exercise' });
              }
            });
            leaveOnEscapeTab(ed);
            registerQuickFixes(store);
            // Apply markers and decorations now that the editor exists (a re-render with the same reply would not).
            setMounted(true);
            document.documentElement.dataset.editorReady = 'true';
          }}
        />
      </div>
      {readonly ? (
        // Said before anyone tries to type (a learner found out only when keys did nothing).
        <p className="editor-hint editor-readonly">
          <strong>Read-only</strong> · the text can be selected and copied, not changed
        </p>
      ) : (
        <p className="editor-hint" aria-hidden="true">
          Tab indents · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
        </p>
      )}
    </div>
  );
}

const MODIFIERS = new Set([monaco.KeyCode.Shift, monaco.KeyCode.Ctrl, monaco.KeyCode.Alt, monaco.KeyCode.Meta]);

/**
 * Tab indents inside the editor, so a keyboard user needs a way out: Escape, then Tab (or Shift+Tab) moves the
 * focus to the next (previous) control of the page. Any other key in between cancels it.
 */
function leaveOnEscapeTab(ed: IEditor): void {
  let escaped = false;
  ed.onKeyDown((e) => {
    if (MODIFIERS.has(e.keyCode)) return;
    if (e.keyCode === monaco.KeyCode.Escape) {
      escaped = true;
      return;
    }
    if (escaped && e.keyCode === monaco.KeyCode.Tab) {
      e.preventDefault();
      e.stopPropagation();
      const pane = ed.getContainerDomNode().closest('section') ?? ed.getContainerDomNode();
      focusBeside(pane, e.shiftKey ? -1 : 1);
    }
    escaped = false;
  });
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focus the first focusable element after `el` in document order (or the last one before it). */
function focusBeside(el: Element, dir: 1 | -1): void {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => !el.contains(x) && x.offsetParent !== null);
  const after = (x: HTMLElement) => (el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target = dir === 1 ? all.find(after) : all.filter((x) => !after(x)).pop();
  target?.focus();
}

let quickFixes: monaco.IDisposable | null = null;

/**
 * Code actions: "Allow DNS" on an NP-14 "blocks DNS" warning, which asks `allow` for the pod's lookups (UDP
 * and TCP 53 to CoreDNS); and, with the cursor in a NetworkPolicy that blocks calls on the graph, "Allow …"
 * for each of them. Each applies `allow`'s answer as one undoable edit, as the Inspector's button does.
 */
function registerQuickFixes(store: ReturnType<typeof useStoreApi>): void {
  quickFixes?.dispose();
  const command = 'knet.allowDns';
  const cmd = monaco.editor.registerCommand(command, (_accessor, from: string) => {
    void store.getState().actions.quickFix(`Allow DNS for ${from}`, { from, dns: true }).then((why) => {
      if (why) store.getState().actions.notify(why);
    });
  });
  const allowCommand = 'knet.allowThis';
  const allowCmd = monaco.editor.registerCommand(allowCommand, (_accessor, title: string, args: QueryInput<'allow'>) => {
    void store.getState().actions.quickFix(title, args).then((why) => {
      if (why) store.getState().actions.notify(why);
    });
  });
  const provider = monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions: (model, range, context) => {
      const actions: monaco.languages.CodeAction[] = context.markers.flatMap((m) => {
        const code = typeof m.code === 'string' ? m.code : m.code?.value;
        const from = code?.startsWith('netpol-blocks-dns') ? dnsClientOf(m.message) : null;
        if (!from) return [];
        return [{ title: `Allow DNS for ${from} (UDP and TCP 53 to CoreDNS, NP-14)`, kind: 'quickfix', diagnostics: [m], isPreferred: true, command: { id: command, title: 'Allow DNS', arguments: [from] } }];
      });
      // The policy under the cursor, if the answer on screen is for this text.
      const { result, source, ui } = store.getState();
      const reply = result.reply;
      if (reply && reply.rev === source.rev && !ui.readonly) {
        const offset = model.getOffsetAt(range.getStartPosition());
        const policy = reply.objects.find((o) => o.file === 0 && o.id.startsWith('NetworkPolicy/') && offset >= o.start && offset <= o.end)?.id;
        for (const fix of policy ? fixesForPolicy(policy, reply.topology.edges) : [])
          actions.push({ title: fix.title, kind: 'quickfix', command: { id: allowCommand, title: fix.title, arguments: [fix.title, fix.args] } });
      }
      return { actions, dispose: () => undefined };
    },
  });
  quickFixes = { dispose: () => (cmd.dispose(), allowCmd.dispose(), provider.dispose()) };
}
