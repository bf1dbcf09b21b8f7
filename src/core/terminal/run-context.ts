import type { TraceQuery, TraceResult } from '../trace/types';
import type { Shell, ShellPod } from './context';
import type { Output } from './output';

/** Where the shell goes after a command: into a pod (`kubectl exec -it`, `kubectl run -it`) or back out. */
export type ShellChange = { enter: { from?: string; pod?: ShellPod; rm?: boolean; label: string } } | { exit: true } | { clear: true };

/** What a tool works with while it runs. */
export interface RunContext {
  shell: Shell;
  out: Output;
  /** The request the command sent, traced end to end (lit on the graph), and the question asked. */
  trace?: TraceResult;
  traced?: TraceQuery;
  /** Objects the command touched when no trace applies (ping's two ends), for the graph. */
  touched: string[];
  /** One sentence per finding from the simulator, shown apart from the tool's own output. */
  notes: string[];
  change?: ShellChange;
}

/** A tool: writes to `ctx.out` and returns its exit status. */
export type Tool = (ctx: RunContext, args: string[]) => number;

/** Keep the request a tool sent, traced, for the result. */
export function recordTrace(ctx: RunContext, a: { trace?: TraceResult; query?: TraceQuery }): void {
  if (a.trace) ctx.trace = a.trace;
  if (a.query) ctx.traced = a.query;
}

/** `sh: NAME: not found` (busybox ash), exit status 127. */
export function notFound(ctx: RunContext, name: string): number {
  ctx.out.err(`sh: ${name}: not found\n`);
  return 127;
}
