/**
 * The "Allow this" quick fix, page side: which connection a blocked graph edge stands for (as `knet allow`
 * names it), the one edit that turns the editor's text into the rewritten input, and the lines it changed.
 * Pure, so the Inspector, the editor and tests share it.
 */
import type { AllowDocument, GraphEdge, QueryInput, TraceDocument } from '../core/index';

/**
 * The quick fix a blocked edge offers: "Allow DNS" when the call fails at the name lookup (NP-14), else
 * "Allow this" for the connection itself.
 */
export function fixForEdge(e: Pick<GraphEdge, 'from' | 'to' | 'verdict' | 'label' | 'relation' | 'reason'>): { title: string; args: QueryInput<'allow'> } | null {
  const args = allowArgsForEdge(e);
  if (!args) return null;
  if (args.from.startsWith('Pod/') && e.reason.includes(' cannot be looked up: ') && e.reason.includes('(NP-14)')) return { title: `Allow DNS for ${args.from.slice(4)}`, args: { from: args.from, dns: true } };
  return { title: `Allow ${args.from} → ${args.to}:${args.port}`, args };
}

/** The `allow` arguments for a blocked edge that is one connection: a pod or the outside client calling a pod or a Service port. */
export function allowArgsForEdge(e: Pick<GraphEdge, 'from' | 'to' | 'verdict' | 'label' | 'relation'>): { from: string; to: string; port: number } | null {
  if (e.verdict !== 'blocked' || e.relation !== 'call') return null;
  if (!/^(Pod\/|Client\/internet$)/.test(e.from) || !/^(Pod|Service)\//.test(e.to)) return null;
  const port = /^:(\d+)$/.exec(e.label ?? '');
  return port ? { from: e.from, to: e.to, port: Number(port[1]) } : null;
}

/**
 * The `allow` arguments for a trace that a policy stopped on its way to a Service inside the cluster: the
 * traced source, the Service and the port the URL names (a request through an entry point is left out: its
 * policy hop is the proxy's, not the traced client's).
 */
export function allowArgsForTrace(args: { from: string; url: string }, r: Pick<TraceDocument, 'verdict' | 'hops'>): { from: string; to: string; port: number } | null {
  if (r.verdict !== 'blocked' || r.hops.some((h) => h.step === 'entry')) return null;
  const stop = r.hops.find((h) => h.result === 'blocked');
  if (!stop || (stop.step !== 'policy-egress' && stop.step !== 'policy-ingress')) return null;
  const svc = r.hops.find((h) => h.step === 'service' && h.object?.startsWith('Service/'))?.object;
  const url = /^(https?):\/\/[^/:?#]+(?::(\d+))?/i.exec(args.url);
  if (!svc || !url) return null;
  return { from: args.from, to: svc, port: url[2] ? Number(url[2]) : url[1]!.toLowerCase() === 'https' ? 443 : 80 };
}

/**
 * "Allow this" from the YAML: the blocked calls that a NetworkPolicy decides (the policy is among the edge's
 * cites), as the quick fixes a code action offers when the cursor is in that policy. At most `max`, in the
 * graph's order; one per connection.
 */
export function fixesForPolicy(
  policy: string,
  edges: readonly (Pick<GraphEdge, 'from' | 'to' | 'verdict' | 'label' | 'relation' | 'reason'> & { cites: readonly { object: string }[] })[],
  max = 5,
): { title: string; args: QueryInput<'allow'> }[] {
  const out = new Map<string, { title: string; args: QueryInput<'allow'> }>();
  for (const e of edges) {
    if (out.size >= max) break;
    if (!e.cites.some((c) => c.object === policy)) continue;
    const fix = fixForEdge(e);
    if (fix && !out.has(fix.title)) out.set(fix.title, fix);
  }
  return [...out.values()];
}

/** The `from` pod of an NP-14 "blocks DNS" diagnostic on the egress side (`… isolates shop/web for egress …`). */
export function dnsClientOf(message: string): string | null {
  return /isolates ([a-z0-9.-]+\/[a-z0-9.-]+) for egress/.exec(message)?.[1] ?? null;
}

/** One replacement turning `before` into `after`: the differing middle, offsets in `before`. */
export function singleEdit(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

export interface DiffLine {
  kind: ' ' | '+' | '-';
  text: string;
  /** 1-based line in the new text ('+' and ' ') or the old one ('-'). */
  line: number;
}

/**
 * The changed lines with a little context, as a unified diff shows them: the lines of the one edited region,
 * matched by a longest common subsequence so a line that stayed is not shown as removed and added.
 */
export function changedLines(before: string, after: string, context = 2): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let top = 0;
  while (top < a.length && top < b.length && a[top] === b[top]) top++;
  let bottom = 0;
  while (bottom < a.length - top && bottom < b.length - top && a[a.length - 1 - bottom] === b[b.length - 1 - bottom]) bottom++;
  const x = a.slice(top, a.length - bottom);
  const y = b.slice(top, b.length - bottom);
  // LCS table over the middle only (a policy document: tens of lines).
  const L: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) L[i]![j] = x[i] === y[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: DiffLine[] = [];
  for (let k = Math.max(0, top - context); k < top; k++) out.push({ kind: ' ', text: a[k]!, line: k + 1 });
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      out.push({ kind: ' ', text: y[j]!, line: top + j + 1 });
      i++;
      j++;
    } else if (i < x.length && (j >= y.length || L[i + 1]![j]! >= L[i]![j + 1]!)) {
      // Removed lines before added ones, as a unified diff prints them.
      out.push({ kind: '-', text: x[i]!, line: top + i + 1 });
      i++;
    } else {
      out.push({ kind: '+', text: y[j]!, line: top + j + 1 });
      j++;
    }
  }
  for (let k = b.length - bottom; k < Math.min(b.length, b.length - bottom + context); k++) out.push({ kind: ' ', text: b[k]!, line: k + 1 });
  return out;
}

/** What the page shows after a quick fix: what was asked, the changed objects and the diff. */
export interface AppliedFix {
  title: string;
  changes: AllowDocument['changes'];
  lines: DiffLine[];
  /** The text right after the fix, to tell whether it has since been undone or edited. */
  after: string;
}
