import { leftOutLines, prepareQuery, simulate, type DiffDocument } from '../../core/index';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { loadInputs } from '../input';
import { EXIT, InputError, UsageError } from '../io';
import { warnUnread } from '../report';

const USAGE = 'knet diff <before> <after> [--json]   (each one input: a file, a directory or -)';

/**
 * `knet diff`: what changes from one version of a scenario to another. Not a `queryCommand`: it reads two
 * inputs, and the first one travels in the arguments as the query's `before` (files, as read here), exactly
 * what the page sends as text, so both get the same document.
 */
export const diff: Command = {
  name: 'diff',
  summary: 'connections, routes and DNS answers that change between two versions of a scenario',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseArgs(argv, []);
    if (parsed.inputs.length !== 2) throw new UsageError('give two inputs: the version before and the version after');
    if (parsed.inputs.filter((p) => p === '-').length > 1) throw new UsageError('only one input can be read from stdin');
    const before = await loadInputs([parsed.inputs[0]!], io);
    const after = await loadInputs([parsed.inputs[1]!], io);
    const prepared = prepareQuery('diff', { before });
    if (!prepared.ok) throw new UsageError(prepared.error);
    const sim = simulate(after, prepared.query.options);
    warnUnread(sim, io);
    for (const line of leftOutLines(sim)) io.err(`${line}\n`);
    const answer = prepared.query.run(sim);
    if (!answer.ok) throw new InputError(answer.error);
    io.out(parsed.json ? `${JSON.stringify(answer.result, null, 2)}\n` : human(answer.result));
    return EXIT.OK;
  },
};

function human(d: DiffDocument): string {
  if (!d.connections.length && !d.routes.length && !d.dns.length) return 'No change: every connection, route and DNS answer is the same in both versions.\n';
  const why = (b: string | null) => (b ? `  (${b})` : '');
  const out: string[] = [];
  if (d.connections.length) {
    out.push(`Connections (${d.connections.length} changed):`);
    for (const c of d.connections) out.push(`  ${c.from} → ${c.to} ${c.port}/${c.protocol}: ${c.before} → ${c.after}${why(c.because)}`);
  }
  if (d.routes.length) {
    const show = (o: DiffDocument['routes'][number]['before']) => (o ? `${o.status}${o.backends.length ? ` ${o.backends.join(',')}` : ''}` : 'no such entry');
    out.push(`Routes (${d.routes.length} changed):`);
    for (const r of d.routes) out.push(`  ${r.entry} ${r.url}: ${show(r.before)} → ${show(r.after)}${why(r.because)}`);
  }
  if (d.dns.length) {
    out.push(`DNS (${d.dns.length} changed):`);
    for (const x of d.dns) out.push(`  ${x.from} ${x.name} ${x.type}: ${x.before} → ${x.after}${why(x.because)}`);
  }
  return out.join('\n') + '\n';
}
