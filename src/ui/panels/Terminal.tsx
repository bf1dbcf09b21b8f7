/**
 * The Terminal panel: command lines against the scenario on screen, answered by the worker's `run` query
 * (the same core as `knet run`). A small component of our own rather than xterm.js: the terminal is line
 * based (no full-screen programs), its output must stay readable text (`[data-terminal-output]`, screen
 * readers through a live log) with object names as real buttons, and xterm.js would weigh 88 KB gzip.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { OutputChunk, RunDocument } from '../../core/index';
import { useActions, useApp } from '../store';
import { complete, DEBUG_FRAME, isHost, nextStack, promptOf, runArgs, type ShellFrame } from './terminal-session';
import './terminal.css';

interface Entry {
  id: number;
  /** The prompt and line as typed; absent for messages of the terminal itself. */
  typed?: { prompt: string; where: string; line: string };
  chunks: OutputChunk[];
  notes: string[];
}

const WELCOME: Entry = {
  id: 0,
  chunks: [{ stream: 'stdout', text: 'A shell in the debug pod default/debug of the simulated cluster. Try kubectl get pods -A, nslookup, wget or curl; type help for more.\n' }],
  notes: [],
};

export default function Terminal() {
  const reply = useApp((s) => s.result.reply);
  const input = useApp((s) => s.ui.terminalInput);
  const { query, select, setTrace } = useActions();
  const [entries, setEntries] = useState<Entry[]>([WELCOME]);
  const [stack, setStack] = useState<ShellFrame[]>([DEBUG_FRAME]);
  const [line, setLine] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [at, setAt] = useState<number | null>(null);
  const [leaving, setLeaving] = useState(false);
  const nextId = useRef(1);
  const out = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const frame = stack[stack.length - 1]!;
  const drawn = useMemo(() => new Set(reply?.topology.nodes.map((n) => n.id) ?? []), [reply]);

  const add = (e: Omit<Entry, 'id'>) => setEntries((xs) => [...xs, { ...e, id: nextId.current++ }]);
  /** The last command that drew a trace, to draw it again after an edit (its pod may exist only here). */
  const traced = useRef<{ title: string; where: ShellFrame; line: string } | null>(null);
  const lastTitle = useApp((s) => s.result.lastTrace?.title);
  const drawnNow = useApp((s) => s.ui.traceOnGraph);

  async function run(text: string, where = frame, stackNow = stack): Promise<void> {
    const typed = { prompt: promptOf(where), where: where.label, line: text };
    if (text.trim()) setHistory((h) => (h[h.length - 1] === text ? h : [...h, text]));
    setAt(null);
    setLine('');
    if (!text.trim()) return add({ typed, chunks: [], notes: [] });
    try {
      const r = await query('run', runArgs(where, text));
      if (r.change && 'clear' in r.change) return setEntries([]);
      const next = nextStack(stackNow, r.change);
      const chunks = next.message ? [...r.output, { stream: 'stdout' as const, text: next.message }] : r.output;
      add({ typed, chunks, notes: r.notes });
      setStack(next.stack);
      if (r.trace && r.traced) {
        traced.current = { title: `terminal: ${text}`, where, line: text };
        draw(traced.current.title, r);
      }
    } catch (e) {
      add({ typed, chunks: [{ stream: 'stderr', text: `${e instanceof Error ? e.message : String(e)}\n` }], notes: [] });
    }
  }

  function draw(title: string, r: RunDocument): void {
    // The run query traces a request as the trace query does, and hands over that query's arguments too.
    if (r.trace && r.traced) setTrace({ title, args: r.traced, result: r.trace });
  }

  // A drawn terminal trace follows the edits: the command runs again on each new simulation, in its shell.
  useEffect(() => {
    const t = traced.current;
    if (!t || !reply || !drawnNow || lastTitle !== t.title) return;
    query('run', runArgs(t.where, t.line)).then(
      (r) => traced.current === t && draw(t.title, r),
      () => undefined,
    );
  }, [reply]);

  // A command handed over by the page (`cmd=` flag, a host message): typed in, and run when asked.
  const seen = useRef(0);
  useEffect(() => {
    if (!input || input.seq <= seen.current || !reply) return;
    seen.current = input.seq;
    if (input.run) void run(input.line);
    else setLine(input.line);
    field.current?.focus();
  });

  useEffect(() => {
    out.current?.scrollTo({ top: out.current.scrollHeight });
  }, [entries]);

  // Opening the tab (a click, Alt+T) puts the cursor at the prompt.
  const active = useApp((s) => s.ui.panel === 'terminal');
  useEffect(() => {
    if (active) field.current?.focus();
  }, [active]);

  /** Tab: the core lists what may follow (it knows the commands and the scenario's names). */
  async function tab(text: string): Promise<void> {
    try {
      const r = await query('run', { ...runArgs(frame, text), complete: true });
      const c = complete(text, r.completions ?? []);
      if (c.line !== text) setLine((now) => (now === text ? c.line : now));
      else if (c.options.length > 1) add({ chunks: [{ stream: 'stdout', text: `${c.options.join('  ')}\n` }], notes: [] });
    } catch {
      // No simulation yet (or the worker restarted): Tab does nothing this time.
    }
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    const wasLeaving = leaving;
    setLeaving(e.key === 'Escape');
    if (e.key === 'Enter') {
      e.preventDefault();
      void run(line);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      if (history.length === 0) return;
      const i = e.key === 'ArrowUp' ? Math.max(0, (at ?? history.length) - 1) : (at ?? history.length) + 1;
      setAt(i >= history.length ? null : i);
      setLine(i >= history.length ? '' : history[i]!);
    } else if (e.key === 'Tab' && !e.shiftKey && !wasLeaving && line.trim()) {
      e.preventDefault();
      void tab(line);
    } else if (e.ctrlKey && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      add({ typed: { prompt: promptOf(frame), where: frame.label, line: `${line}^C` }, chunks: [], notes: [] });
      setLine('');
    } else if (e.ctrlKey && e.key.toLowerCase() === 'l') {
      e.preventDefault();
      setEntries([]);
    }
  }

  const chunk = (c: OutputChunk, i: number) =>
    c.object && drawn.has(c.object) ? (
      <button key={i} type="button" className="term-obj" title={`Select ${c.object}`} onClick={() => select({ type: 'node', id: c.object! }, { keepPanel: true })}>
        {c.text}
      </button>
    ) : (
      <span key={i} className={c.stream === 'stderr' ? 'term-err' : undefined}>
        {c.text.replace(/\r/g, '')}
      </span>
    );

  return (
    <div className="terminal">
      <div className="term-screen" ref={out} data-terminal-output role="log" aria-label="Terminal output" aria-live="polite" onClick={() => window.getSelection()?.isCollapsed && field.current?.focus()}>
        {entries.map((e) => (
          <div key={e.id} className="term-entry">
            {e.typed ? (
              <div className="term-typed">
                <span className="term-where">{e.typed.where}</span> <span className="term-prompt">{e.typed.prompt}</span>
                {e.typed.line}
              </div>
            ) : null}
            <pre className="term-out">{e.chunks.map(chunk)}</pre>
            {e.notes.map((n, i) => (
              <p key={i} className="term-note">
                # {n}
              </p>
            ))}
          </div>
        ))}
      </div>
      <form className="term-input" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="term-line">
          <span className="term-where">{isHost(frame) ? 'your machine' : frame.label}</span> <span className="term-prompt">{promptOf(frame)}</span>
          <span className="visually-hidden">command</span>
        </label>
        <input id="term-line" ref={field} value={line} onChange={(e) => setLine(e.target.value)} onKeyDown={onKey} autoComplete="off" autoCapitalize="off" spellCheck={false} aria-describedby="term-keys" />
      </form>
      <p id="term-keys" className="term-keys muted">
        Enter runs · ↑↓ history · Tab completes · Ctrl+C cancels · Ctrl+L clears · Esc then Tab leaves the terminal · type help
      </p>
    </div>
  );
}
