import { findPod } from '../controllers/coredns/index';
import { runCommand, type RunQuery, type RunResult, type ShellPod } from '../terminal/index';
import { ArgReader, fail, ok, type Query, type RawArgs } from './query';
import { traceDocument, type TraceDocument, type TraceInput } from './trace';

export interface RunInput {
  /** The command line as typed (`knet run … -- LINE`). */
  line: string;
  /** Where it runs: `ns/pod`, or `host` (the learner's machine). Left out: the debug pod `default/debug`. */
  from?: string;
  /** The page only: a pod the terminal added (`kubectl run -it` shell), instead of `from`. */
  pod?: ShellPod;
  /** The page only: the container of `from` (`kubectl exec -c`). */
  container?: string;
  /** The page only: list what may complete the last word (Tab) instead of running the line. */
  complete?: boolean;
}

/**
 * `knet run --json`: the tool's exit status and output (stdout and stderr in the order written), the
 * simulator's notes, and for a command that sent a request, that request traced as `knet trace` traces
 * it (`traced`: the trace's arguments, `trace`: its document).
 */
export type RunDocument = Omit<RunResult, 'trace' | 'traced'> & { trace?: TraceDocument; traced?: TraceInput };

/** A pod the terminal adds: a DNS-1123 name and namespace, an image, string labels. */
function readPod(v: unknown): ShellPod | string {
  const bad = '--pod must be {name, namespace, image, labels}';
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad;
  const p = v as Record<string, unknown>;
  const dns1123 = (s: unknown) => typeof s === 'string' && /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(s);
  if (!dns1123(p.name) || !dns1123(p.namespace) || typeof p.image !== 'string' || p.image === '') return bad;
  const labels = p.labels ?? {};
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return bad;
  if (!Object.values(labels).every((x) => typeof x === 'string')) return bad;
  return { name: p.name as string, namespace: p.namespace as string, image: p.image, labels: labels as Record<string, string> };
}

/** `knet run`: one line typed into a terminal of the simulated cluster, answered as the real tool answers. */
export const run: Query<RunInput, RunQuery, RunDocument> = {
  parse: (raw: RawArgs) => {
    const a = new ArgReader(raw);
    a.only(['line', 'from', 'pod', 'container', 'complete']);
    const line = a.str('line') ?? '';
    if (raw.line === undefined) return fail('give the command line after --, e.g. knet run app.yaml -- kubectl get pods -A');
    const from = a.str('from');
    const container = a.str('container');
    const complete = a.flag('complete');
    if (a.error) return fail(a.error);
    if (!line.trim() && !complete) return fail('the command line after -- is empty');
    let pod: ShellPod | undefined;
    if (raw.pod !== undefined) {
      const p = readPod(raw.pod);
      if (typeof p === 'string') return fail(p);
      if (from !== undefined) return fail('give --from or --pod, not both');
      pod = p;
    }
    return ok({ line, ...(from !== undefined ? { from } : {}), ...(pod ? { pod } : {}), ...(container !== undefined ? { container } : {}), ...(complete ? { complete } : {}) });
  },
  run: (sim, args) => {
    const { from } = args;
    if (from !== undefined && from !== 'host' && !args.complete && !findPod(sim.world, from)) {
      return fail(`there is no pod ${from.includes('/') ? from : `default/${from}`} (--from names a pod as namespace/name)`);
    }
    const { trace, traced, ...rest } = runCommand(sim, args);
    if (!trace || !traced) return ok(rest);
    const { headers, ingressClass, ...t } = traced;
    const input: TraceInput = { ...t, ...(headers?.length ? { header: headers.map(([k, v]) => `${k}: ${v}`) } : {}), ...(ingressClass ? { 'ingress-class': ingressClass } : {}) };
    return ok({ ...rest, trace: traceDocument(sim, trace), traced: input });
  },
};
