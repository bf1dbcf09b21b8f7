/**
 * The one door for questions. Every question the simulator answers is one entry of `QUERIES`: the CLI
 * command `knet <name>`, the worker (and so the page's panels and a host page's `query` message) and the
 * exercise checker all ask through it, so the page and `knet` cannot disagree.
 *
 * A query is `{ parse, options?, run }` (`query.ts`): `parse` checks the arguments as they arrive (the CLI's
 * flags as JSON: `{"from": "app/api", "name": "db", "type": "A"}`), `run` answers over a Simulation with
 * exactly the CLI's `--json` document.
 *
 * To add a question (say `diff`):
 * 1. Write `queries/diff.ts` exporting `diff: Query<DiffInput, DiffArgs, DiffDocument>`: `DiffInput` is the
 *    CLI's flags as JSON, `DiffDocument` the `--json` document. Use `ArgReader` in `parse` (unknown flags
 *    are refused), return `fail(sentence)` from `run` when the scenario cannot answer (the CLI exits 1).
 * 2. Add `diff` to `QUERIES` below. The worker answers it and the protocol types it from here.
 * 3. Add a command file beside the others in `src/cli/commands/` (`queryCommand('diff', {...})`: usage,
 *    which flags repeat, how to print for people) and list it in `src/cli/commands/index.ts`.
 * 4. Add the questions worth asking to `questions()` in `scripts/page-and-cli.test.ts`, which checks that
 *    the page and the CLI give the same document for every scenario.
 */
import type { DeepPartial, SimOptions } from '../options';
import type { Simulation } from '../simulate';
import { allow } from './allow';
import { check } from './check';
import { dns } from './dns';
import { endpoints } from './endpoints';
import { matrix } from './matrix';
import { policies } from './policies';
import type { Outcome, Query, RawArgs } from './query';
import { route } from './route';
import { run } from './run';
import { test } from './test';
import { trace } from './trace';
import { validate } from './validate';

export const QUERIES = { validate, endpoints, dns, route, check, matrix, trace, test, run, allow, policies };

export type QueryName = keyof typeof QUERIES;
export const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];

/** What a caller sends for query `K`: the CLI's flags as JSON. */
export type QueryInput<K extends QueryName> = NonNullable<(typeof QUERIES)[K]['input']>;
/** What query `K` answers: the CLI's `--json` document. */
export type QueryResult<K extends QueryName> = Extract<ReturnType<(typeof QUERIES)[K]['run']>, { ok: true }>['value'];

/** Why a question got no answer: `usage` (the arguments; CLI exit 2) or `input` (this scenario; CLI exit 1). */
export type QueryOutcome<T> = { ok: true; result: T } | { ok: false; kind: 'usage' | 'input'; error: string };

export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(QUERIES, name);
}

/** A query with its arguments checked: `options` to simulate with, `run` to answer. */
export interface PreparedQuery<K extends QueryName> {
  name: K;
  /** Simulation options the arguments imply; a caller that simulated without them simulates again. */
  options: DeepPartial<SimOptions>;
  run(sim: Simulation): QueryOutcome<QueryResult<K>>;
}

/** Check a query's arguments (untrusted JSON) before anything is simulated. */
export function prepareQuery<K extends QueryName>(name: K, raw: unknown): { ok: true; query: PreparedQuery<K> } | { ok: false; kind: 'usage'; error: string } {
  // Names arrive from host pages too: refuse what is not in the map before reading it.
  if (!isQueryName(name)) return { ok: false, kind: 'usage', error: `there is no question "${String(name)}"; ask one of ${QUERY_NAMES.join(', ')}` };
  // Each entry is checked against Query<I, A, R> where it is declared; here the map is read generically.
  const q = QUERIES[name] as unknown as Query<unknown, unknown, QueryResult<K>>;
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) return { ok: false, kind: 'usage', error: 'args must be an object of the CLI flags' };
  const parsed: Outcome<unknown> = q.parse((raw ?? {}) as RawArgs);
  if (!parsed.ok) return { ok: false, kind: 'usage', error: parsed.error };
  const args = parsed.value;
  return {
    ok: true,
    query: {
      name,
      options: q.options?.(args) ?? {},
      run: (sim) => {
        const r = q.run(sim, args);
        return r.ok ? { ok: true, result: r.value } : { ok: false, kind: 'input', error: r.error };
      },
    },
  };
}

/** Ask one question of a simulation: arguments checked, then answered. */
export function runQuery<K extends QueryName>(sim: Simulation, name: K, raw: QueryInput<K> | RawArgs): QueryOutcome<QueryResult<K>> {
  const p = prepareQuery(name, raw);
  return p.ok ? p.query.run(sim) : p;
}

export { parsePeer, formatPeer, peerObject, peerArg, INTERNET, OUTSIDE_CLIENT_IP, type Peer } from './peer';
export { lineColumn, formatDiagnostic, leftOutLines, type LocatedDiagnostic } from './locate';
export { unreadDocuments } from './test';
export type { AllowDocument, AllowInput } from './allow';
export type { CheckDocument, CheckInput, DirectionDocument } from './check';
export type { DnsDocument, DnsInput } from './dns';
export type { EndpointsDocument, EndpointsInput, ServiceEndpoints } from './endpoints';
export type { MatrixDocument, MatrixInput } from './matrix';
export type { PoliciesApplied, PoliciesDocument, PoliciesInput } from './policies';
export type { RouteDocument, RouteEntryDocument, RouteInput } from './route';
export type { RunDocument, RunInput } from './run';
export type { TestDocument } from './test';
export type { HopDocument, TraceDocument, TraceInput } from './trace';
export type { ValidateDocument } from './validate';
export type { Query, RawArgs } from './query';
