/**
 * One line typed into a terminal of the simulated cluster (`knet run`, the Terminal panel): split as a
 * shell splits it, run by the tool it names in the shell's pod (or on the learner's machine), and answered
 * with what the real tool prints and its exit status. The outcome of every connection and lookup comes from
 * the simulator's queries (resolve, trace, check, route, kube-proxy), so it is the panels' answer too.
 */
import type { Simulation } from '../simulate';
import type { TraceQuery, TraceResult } from '../trace/types';
import { DEBUG_POD, openShell, type Shell, type ShellPod } from './context';
import { completions } from './complete';
import { helpText } from './help';
import { kubectl } from './kubectl/index';
import { Output, streamText, type OutputChunk } from './output';
import { notFound, type RunContext, type ShellChange, type Tool } from './run-context';
import { splitWords } from './shell';
import { cat } from './tools/files';
import { curl } from './tools/curl';
import { dig } from './tools/dig';
import { nc } from './tools/nc';
import { nslookup } from './tools/nslookup';
import { ping } from './tools/ping';
import { wget } from './tools/wget';

export interface RunQuery {
  /** The command line as typed. */
  line: string;
  /** Where it runs: `ns/pod`, or `host` (the learner's machine). Left out: the debug pod, or `pod`. */
  from?: string;
  /** A pod the terminal adds for this command (a `kubectl run -it` shell), instead of `from`. */
  pod?: ShellPod;
  /** The container of `from` (`kubectl exec -c`). */
  container?: string;
  /** Only list the words that may complete the line's last word (Tab), without running it. */
  complete?: boolean;
}

export interface RunResult {
  exitCode: number;
  /** stdout and stderr in the order written; spans naming an object carry its id. */
  output: OutputChunk[];
  stdout: string;
  stderr: string;
  /** The request the command sent, traced end to end (the Trace panel's answer for it), and its question. */
  trace?: TraceResult;
  traced?: TraceQuery;
  /** Objects on the command's path, to light on the graph. */
  lit: string[];
  /** The simulator's explanation of the outcome, apart from the tool's own output. */
  notes: string[];
  /** The shell changes: a pod's shell opens (`kubectl exec -it POD -- sh`), closes (`exit`), or the screen clears. */
  change?: ShellChange;
  /** Where the command ran: `Pod/ns/name` or `host`. */
  where: string;
  /** With `complete`: the words that may complete the last word of the line. */
  completions?: string[];
}

/** Tools by command name; `needs` is a tool an image may lack (busybox has neither curl nor dig). */
const TOOLS: Record<string, { run: Tool; needs?: 'curl' | 'dig' }> = {
  nslookup: { run: nslookup },
  dig: { run: dig, needs: 'dig' },
  curl: { run: curl, needs: 'curl' },
  wget: { run: wget },
  nc: { run: nc },
  ping: { run: ping },
  cat: { run: cat },
  hostname: { run: (ctx) => (ctx.out.out(`${ctx.shell.kind === 'pod' ? (ctx.shell.pod.hostname ?? ctx.shell.pod.name) : 'laptop'}\n`), 0) },
  echo: { run: (ctx, args) => (ctx.out.out(`${args.join(' ')}\n`), 0) },
  true: { run: () => 0 },
  false: { run: () => 1 },
  help: { run: (ctx) => (ctx.out.out(helpText()), 0) },
  exit: { run: (ctx) => ((ctx.change = { exit: true }), 0) },
  clear: { run: (ctx) => ((ctx.change = { clear: true }), 0) },
};

export function runCommand(sim: Simulation, q: RunQuery): RunResult {
  if (q.complete) return { exitCode: 0, output: [], stdout: '', stderr: '', lit: [], notes: [], where: q.from ?? '', completions: completions(sim.world, q.line) };
  const out = new Output();
  const shell = openShell(sim, q.from, q.pod ?? (q.from === undefined ? DEBUG_POD : undefined), q.container);
  if ('error' in shell) {
    out.err(`${shell.error}\n`);
    return finish(out, 1, { touched: [], notes: [] }, q.from ?? '');
  }
  const ctx: RunContext = { shell, out, touched: [], notes: [] };
  const code = dispatch(ctx, q.line);
  return finish(out, code, ctx, shell.kind === 'host' ? 'host' : shell.pod.id);
}

function finish(out: Output, exitCode: number, ctx: Pick<RunContext, 'touched' | 'notes' | 'trace' | 'traced' | 'change'>, where: string): RunResult {
  const lit = ctx.trace ? [...new Set(ctx.trace.hops.flatMap((h) => [h.object, ...(h.objects ?? [])]).filter((x): x is string => !!x))] : ctx.touched;
  return {
    exitCode,
    output: out.chunks,
    stdout: streamText(out.chunks, 'stdout'),
    stderr: streamText(out.chunks, 'stderr'),
    ...(ctx.trace ? { trace: ctx.trace } : {}),
    ...(ctx.traced ? { traced: ctx.traced } : {}),
    lit,
    notes: [...new Set(ctx.notes)],
    ...(ctx.change ? { change: ctx.change } : {}),
    where,
  };
}

/** Split the line and run it; `sh -c '...'` runs its script the same way. */
function dispatch(ctx: RunContext, line: string): number {
  const split = splitWords(line);
  if ('error' in split) {
    ctx.out.err(`${split.error}\n`);
    return split.exitCode;
  }
  return runWords(ctx, split.words);
}

function runWords(ctx: RunContext, words: string[]): number {
  if (words.length === 0) return 0;
  let [name, ...args] = words as [string, ...string[]];
  if (name === 'busybox' && args.length) [name, ...args] = args as [string, ...string[]];
  const base = name.split('/').pop()!;
  if (base === 'kubectl') return kubectl(ctx, args, (target, inner) => inPod(ctx, target, inner));
  if ((base === 'sh' || base === 'ash' || base === 'bash') && args[0] === '-c' && args[1] !== undefined) {
    if (base === 'bash' && !hasBash(ctx.shell)) return noFile(ctx, name);
    return dispatch(ctx, args[1]);
  }
  if (base === 'knet') {
    // A learner who has read about the CLI tries it here: say where its answers are instead.
    ctx.notes.push(KNET_HERE);
    return notFound(ctx, name);
  }
  const tool = TOOLS[base];
  if (!tool) return notFound(ctx, name);
  if (tool.needs && !ctx.shell.tools[tool.needs]) return notFound(ctx, name);
  return tool.run(ctx, args);
}

export const KNET_HERE =
  'knet is not in this terminal: it is the command-line tool for your own machine. Here the Trace, DNS, Routes and Policy matrix panels ask the same questions of the same simulator, and curl, nslookup or nc show what a pod sees.';

/** Busybox and alpine images have no bash. */
function hasBash(shell: Shell): boolean {
  return shell.tools.curl && shell.tools.dig;
}

function noFile(ctx: RunContext, name: string): number {
  ctx.out.err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`);
  return 126;
}

/** `kubectl exec`/`run`: the command runs in that pod, writing to the same terminal. */
function inPod(ctx: RunContext, target: { from?: string; pod?: ShellPod; container?: string }, words: string[]): number {
  const shell = openShell(ctx.shell.sim, target.from, target.pod, target.container);
  if ('error' in shell) {
    ctx.out.err(`${shell.error}\n`);
    return 1;
  }
  const inner: RunContext = { shell, out: ctx.out, touched: [], notes: ctx.notes };
  const code = words.length === 1 && /^(\/bin\/)?bash$/.test(words[0]!) && !hasBash(shell) ? noFile(inner, words[0]!) : runWords(inner, words);
  if (inner.trace) ctx.trace = inner.trace;
  if (inner.traced) ctx.traced = inner.traced;
  if (inner.touched.length) ctx.touched = inner.touched;
  return code;
}
