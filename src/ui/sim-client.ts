/**
 * The page's side of the simulation worker: starts it lazily, restarts it when it crashes or runs past
 * its time budget (and says so), and matches query answers to their requests.
 */
import { applyPatch, fromCompared, toCompared, type Cite, type QueryInput, type QueryName, type QueryResult } from '../core/index';
import type { ComparedReply, QueryRequest, Reply, Request, SimulateRequest, SimulatedReply, WorkerReply } from '../worker/protocol';

export interface SimClient {
  simulate(req: Omit<SimulateRequest, 'type'>): void;
  /** Ask the worker one of the core's questions: the answer is the CLI's `--json` document for it. */
  query<K extends QueryName>(name: K, args: QueryInput<K>): Promise<QueryResult<K>>;
  /** The places that decided an edge of the latest simulation (replies name them without ranges); null: no such edge now. */
  cites(edge: string): Promise<Cite[] | null>;
  dispose(): void;
}

/** A question without an answer: `usage` (the arguments cannot be asked), `input` (this scenario cannot answer), `worker` (it was restarted). */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'input' | 'worker',
  ) {
    super(message);
  }
}

export interface SimClientHooks {
  onReply(r: Reply): void;
  /** A sentence for the user: the worker was restarted and why. */
  onNotice(message: string): void;
}

/** Longest a simulation may run before the worker is considered stuck. */
export const BUDGET_MS = 8000;

export function createSimClient(hooks: SimClientHooks, make: () => Worker = defaultWorker): SimClient {
  let worker: Worker | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: Omit<SimulateRequest, 'type'> | null = null;
  let nextId = 1;
  /** The last simulation reply as the worker compares them (its ComparedReply): what its next delta is relative to. */
  let base: ComparedReply | null = null;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const clearBudget = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const restart = (why: string) => {
    clearBudget();
    worker?.terminate();
    worker = null;
    base = null;
    for (const p of pending.values()) p.reject(new QueryError(why, 'worker'));
    pending.clear();
    hooks.onNotice(why);
    // The run in flight will never be answered: say so, so the page is free to send the next edit.
    if (last) hooks.onReply({ type: 'failed', rev: last.rev, error: why });
  };

  const get = (): Worker => {
    if (worker) return worker;
    const w = make();
    w.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
      const data = e.data;
      if (data.type === 'simulated-delta' && base?.rev !== data.base) {
        // Out of step with the worker (should not happen: replies arrive in order): ask for the whole reply.
        base = null;
        if (last) w.postMessage({ type: 'simulate', ...last, full: true } satisfies Request);
        return;
      }
      if (data.type === 'cites') {
        pending.get(data.id)?.resolve(data.cites);
        pending.delete(data.id);
        return;
      }
      const r: Reply = data.type === 'simulated-delta' ? whole(data.patch) : data;
      if (data.type === 'simulated') base = toCompared(data);
      if (r.type === 'answer') {
        const p = pending.get(r.id);
        pending.delete(r.id);
        if (r.ok) p?.resolve(r.result);
        else p?.reject(new QueryError(r.error, r.kind));
        return;
      }
      if (last && r.rev === last.rev) clearBudget();
      hooks.onReply(r);
    });
    w.addEventListener('error', (e) => {
      e.preventDefault();
      restart(`The simulation worker crashed (${e.message || 'unknown error'}) and was restarted.`);
    });
    worker = w;
    return w;
  };

  const post = (m: Request) => get().postMessage(m);

  /** The reply a delta stands for; every delta is applied, even one the page then drops as stale. */
  const whole = (patch: Parameters<typeof applyPatch>[1]): SimulatedReply => {
    base = applyPatch(base!, patch);
    return fromCompared(base);
  };

  return {
    simulate(req) {
      last = req;
      post({ type: 'simulate', ...req });
      clearBudget();
      timer = setTimeout(() => {
        restart(`The simulation ran longer than ${BUDGET_MS / 1000} s and was stopped; the worker was restarted. Edit to try again.`);
      }, BUDGET_MS);
    },
    query<K extends QueryName>(name: K, args: QueryInput<K>) {
      const id = nextId++;
      return new Promise<QueryResult<K>>((resolve, reject) => {
        // The worker answers request `id` with the document of query `name`.
        pending.set(id, { resolve: (v) => resolve(v as QueryResult<K>), reject });
        post({ type: 'query', id, query: name, args } as QueryRequest);
      });
    },
    cites(edge) {
      const id = nextId++;
      return new Promise<Cite[] | null>((resolve, reject) => {
        pending.set(id, { resolve: (v) => resolve(v as Cite[] | null), reject });
        post({ type: 'cites', id, edge });
      });
    },
    dispose() {
      clearBudget();
      worker?.terminate();
      worker = null;
      base = null;
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}
