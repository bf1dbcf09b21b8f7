/**
 * What happens after each simulation, and the postMessage API for host pages (docs/embedding.md).
 *
 * - Exercise goals: when the text holds a `kind: Exercise`, the worker checks every goal (the `test`
 *   question, as `knet test`) after each simulation and the store keeps the answer for the Exercise panel.
 * - `query` messages: any question `knet` answers, answered with the CLI's `--json` document.
 * - The initial view (`?select=`, the link's view): selects the object once it is drawn.
 * - With `?origin=`, messages from exactly that origin and the embedding window are accepted
 *   (src/share/embed.ts acceptsMessage); answers and notifications go to that origin only, never `*`.
 */
import { peerArg, type QueryName, type TraceDocument } from '../core/index';
import {
  acceptsMessage,
  changedVerdicts,
  parseHostMessage,
  type EmbedConfig,
  type HostMessage,
  type PlaygroundMessage,
  type TraceView,
  type VerdictEdge,
} from '../share/index';
import { isPanelId } from './panels/registry';
import { QueryError } from './sim-client';
import type { AppStore } from './store';
import { encodeScenario } from './url-state';

const EXERCISE = /^kind:\s*["']?Exercise["']?\s*(#.*)?$/m;

/** Does this scenario text hold an Exercise document? */
export function hasExercise(text: string): boolean {
  return EXERCISE.test(text);
}

/** The offsets of a goal's first line, from the line and column `knet test` gives it (the editor shows it). */
export function lineRange(text: string, line: number, column: number): { start: number; end: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return { start: text.length, end: text.length };
    start = nl + 1;
  }
  const eol = text.indexOf('\n', start);
  return { start: Math.min(start + column - 1, text.length), end: eol < 0 ? text.length : eol };
}

export function installEmbedApi(store: AppStore, config: EmbedConfig, initialSelect: string | null): void {
  const get = () => store.getState();
  let pendingSelect = initialSelect;
  let subscribed = false;
  let lastSent: VerdictEdge[] | null = null;
  let ready = false;
  const waiters: (() => void)[] = [];

  const post = (m: PlaygroundMessage) => {
    if (config.origin && window.parent !== window) window.parent.postMessage(m, config.origin);
  };

  /** Resolves once the shown simulation is of the current text (after a load, the next reply). */
  const settled = () =>
    new Promise<void>((ok) => {
      const s = get();
      if (s.result.reply && s.result.reply.rev === s.source.rev) ok();
      else waiters.push(ok);
    });

  const verdicts = () => {
    const s = get();
    const reply = s.result.reply;
    if (!reply) return;
    const nodes = new Set(reply.topology.nodes.map((n) => n.id));
    const edges = reply.topology.edges
      .filter((e) => nodes.has(e.from) && nodes.has(e.to))
      .map((e) => ({ from: e.from, to: e.to, verdict: e.verdict }));
    const count = (sev: string) => reply.diagnostics.filter((d) => d.severity === sev).length;
    const goals = s.result.goals?.list.map((g) => ({ goal: g.goal, passed: g.passed }));
    post({
      knet: 1,
      type: 'verdicts',
      revision: reply.rev,
      edges,
      changed: changedVerdicts(lastSent, edges),
      diagnostics: { error: count('error'), warning: count('warning'), info: count('info') },
      ...(goals ? { goals } : {}),
    });
    lastSent = edges;
  };

  const afterReply = async () => {
    const s = get();
    const reply = s.result.reply;
    if (!reply) return;
    if (hasExercise(s.source.text)) {
      try {
        // `changes` goals compare with the lab as it was loaded (gallery, link, host page).
        const doc = await s.actions.query('test', { start: s.ui.baselines.loaded });
        const text = get().source.text;
        s.actions.setGoals({ rev: reply.rev, list: doc.goals.map((g) => ({ ...g, range: lineRange(text, g.line, g.column) })) });
      } catch (e) {
        s.actions.setGoals({ rev: reply.rev, list: [], error: e instanceof Error ? e.message : String(e) });
      }
    } else if (s.result.goals) s.actions.setGoals(null);
    await retrace();
    const initialTrace = get().ui.initialTrace;
    if (initialTrace) {
      get().actions.consumeInitialTrace();
      void runTraceQuery(initialTrace).catch((e: unknown) =>
        get().actions.notify(`The trace in the address could not run: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
    if (pendingSelect) {
      const id = pendingSelect;
      pendingSelect = null;
      if (reply.topology.nodes.some((n) => n.id === id)) get().actions.select({ type: 'node', id });
      else get().actions.notify(`The link asks to select ${id}, which is not drawn in this scenario.`);
    }
    if (reply.rev === get().source.rev) waiters.splice(0).forEach((w) => w());
    if (!ready) {
      ready = true;
      post({ knet: 1, type: 'ready', readonly: config.readonly });
    }
    if (subscribed) verdicts();
  };

  /** A trace drawn on the graph follows the edits: it runs again on each new simulation. */
  async function retrace(): Promise<void> {
    const s = get();
    const t = s.result.lastTrace;
    if (!t || !s.ui.traceOnGraph) return;
    try {
      const result = await s.actions.query('trace', t.args);
      if (get().result.lastTrace === t) get().actions.setTrace({ ...t, result });
    } catch {
      // The worker restarted or the question no longer applies: the old drawing stays until the next reply.
    }
  }

  /** Run a trace, light its hops on the graph and keep it for the Trace panel and the Export menu. */
  async function runTraceQuery(t: TraceView): Promise<TraceDocument> {
    const args = { from: peerArg(t.from), url: t.url, header: t.headers ?? [] };
    const result = await get().actions.query('trace', args);
    get().actions.setTrace({ title: `${t.from} → ${t.url}`, args, result });
    return result;
  }

  store.subscribe((s, prev) => {
    if (s.result.reply !== prev.result.reply) void afterReply();
  });

  if (!config.origin) return;

  const runTrace = async (t: TraceView, id?: string) => {
    await settled();
    const result = await runTraceQuery(t);
    post({
      knet: 1,
      type: 'trace-result',
      ...(id ? { id } : {}),
      verdict: result.verdict,
      hops: result.hops.map((h) => ({ step: h.step, object: h.object, result: h.result, reason: h.reason })),
    });
  };

  const handle = async (m: HostMessage) => {
    const id = m.id;
    const ack = () => post({ knet: 1, type: 'ack', ...(id ? { id } : {}), of: m.type });
    const actions = get().actions;
    switch (m.type) {
      case 'load': {
        actions.load(m.state);
        const v = m.state.view;
        if (isPanelId(v?.panel)) actions.setPanel(v.panel);
        if (v?.selected) pendingSelect = v.selected;
        ack();
        if (v?.trace) await runTrace(v.trace);
        return;
      }
      case 'select': {
        await settled();
        const reply = get().result.reply;
        if (m.object === null) {
          actions.select(null);
          ack();
        } else if (reply?.topology.nodes.some((n) => n.id === m.object)) {
          actions.select({ type: 'node', id: m.object });
          ack();
        } else {
          post({
            knet: 1,
            type: 'error',
            ...(id ? { id } : {}),
            code: 'unknown-object',
            message: `${m.object} is not drawn in this scenario`,
          });
        }
        return;
      }
      case 'trace':
        actions.setPanel('trace');
        await runTrace(m.trace, id);
        return;
      case 'subscribe':
        subscribed = true;
        lastSent = null;
        ack();
        await settled();
        verdicts();
        return;
      case 'unsubscribe':
        subscribed = false;
        ack();
        return;
      case 'terminal':
        actions.typeInTerminal(m.command, m.run);
        ack();
        return;
      case 'query': {
        await settled();
        try {
          const query = m.query as QueryName;
          const result = await actions.query(query, m.args);
          post({ knet: 1, type: 'query-result', ...(id ? { id } : {}), query, result } as PlaygroundMessage);
        } catch (e) {
          const usage = e instanceof QueryError && e.kind === 'usage';
          post({ knet: 1, type: 'error', ...(id ? { id } : {}), code: usage ? 'bad-query' : 'query-failed', message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
      case 'get-state': {
        const s = get().source;
        post({ knet: 1, type: 'state', ...(id ? { id } : {}), hash: encodeScenario(s.text, s.options), text: s.text });
        return;
      }
    }
  };

  window.addEventListener('message', (e: MessageEvent) => {
    if (!acceptsMessage(config, { origin: e.origin, source: e.source }, window.parent)) return;
    const parsed = parseHostMessage(e.data);
    if (parsed.kind === 'ignore') return;
    if (parsed.kind === 'invalid') {
      post({ knet: 1, type: 'error', ...(parsed.id ? { id: parsed.id } : {}), code: parsed.code, message: parsed.message });
      return;
    }
    handle(parsed.message).catch((err: unknown) => {
      const mid = parsed.message.id;
      post({
        knet: 1,
        type: 'error',
        ...(mid ? { id: mid } : {}),
        code: 'bad-message',
        message: err instanceof Error ? err.message : String(err),
      });
    });
  });
}
