/**
 * Which core query function serves each query kind (all imported from src/core/index.ts). Arguments
 * arrive as plain data from the page; each adapter checks the little it needs and passes them on.
 */
import { checkConnection, checkExercise, rangeIn, policyMatrix, parseRequestURL, resolve, route, runCommand, trace, type CheckQuery, type Protocol, type RRType, type RunQuery, type TraceQuery } from '../core/index';
import type { QueryFn } from './handler';
import type { QueryKind } from './protocol';

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || v === '') throw new Error(`${what} is missing.`);
  return v;
}

function args(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

export const QUERIES: Partial<Record<QueryKind, QueryFn>> = {
  /** `{from?, name, type?}` → the names tried and the answer (CoreDNS, DNS-15). */
  dns: (sim, a) => {
    const q = args(a);
    const from = typeof q.from === 'string' && q.from ? q.from : undefined;
    return resolve(sim, { name: str(q.name, 'The name to look up'), ...(from ? { from } : {}), ...(typeof q.type === 'string' ? { type: q.type as RRType } : {}) });
  },
  /** `{url, headers?, method?}` → each entry point's answer (Ingress, Gateway). */
  route: (sim, a) => {
    const q = args(a);
    const headers = Array.isArray(q.headers) ? (q.headers as [string, string][]) : [];
    const req = parseRequestURL(str(q.url, 'The URL'), headers, typeof q.method === 'string' ? q.method : 'GET');
    if (!req) throw new Error('That is not an http:// or https:// URL.');
    return route(sim, req);
  },
  /** CheckQuery → one connection, both policy directions explained. */
  check: (sim, a) => checkConnection(sim, args(a) as unknown as CheckQuery),
  /** `{port, protocol?}` → every pod pair on that port. */
  matrix: (sim, a) => {
    const q = args(a);
    const port = Number(q.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('The port must be a number from 1 to 65535.');
    return policyMatrix(sim, { ports: [{ port, protocol: (typeof q.protocol === 'string' ? q.protocol : 'TCP') as Protocol }] });
  },
  /** TraceQuery → the hops of one request. */
  trace: (sim, a) => trace(sim, args(a) as unknown as TraceQuery),
  /** RunQuery → one terminal command line: the tool's output, exit status and the request it traced. */
  run: (sim, a) => {
    const q = args(a);
    if (typeof q.line !== 'string') throw new Error('The command line is missing.');
    return runCommand(sim, q as unknown as RunQuery);
  },
  /** No args → every goal of the scenario's Exercise, checked against the latest simulation ([] without one). */
  exercise: (sim) => {
    const ex = sim.world.exercises?.[0];
    // With the goal's source range, so the page can jump from a goal to its YAML.
    return checkExercise(sim).map((g) => (ex && ex.source.file === 0 ? { ...g, range: rangeIn(ex.source, g.path) } : g));
  },
};
