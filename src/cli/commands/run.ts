import { leftOutLines, prepareQuery, quoteWord, simulate, type RunDocument } from '../../core/index';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { InputError, UsageError, type IO } from '../io';
import { loadInputs } from '../input';
import { warnUnread } from '../report';

/**
 * The command line after `--`: one word holding blanks is the line as typed (`-- 'curl -sS http://api'`);
 * several words are quoted back so the terminal's shell splits them as this shell did.
 */
export function commandLine(words: string[]): string {
  if (words.length === 1 && /\s/.test(words[0]!)) return words[0]!;
  return words.map(quoteWord).join(' ');
}

function print(r: RunDocument, io: IO, explain: boolean): void {
  for (const c of r.output) {
    if (c.stream === 'stdout') io.out(c.text);
    else io.err(c.text);
  }
  if (explain) for (const n of r.notes) io.err(`knet: ${n}\n`);
}

/**
 * `knet run`: one line typed into a terminal of the simulated cluster; prints what the real tool prints
 * and exits with its exit status. `--json` prints the `run` query's document, as the page's Terminal gets
 * it. Not `queryCommand`: the words after `--` are the tool's, never knet's flags, and the exit status is
 * the tool's.
 */
export const run: Command = {
  name: 'run',
  summary: 'run one command line (kubectl, nslookup, dig, wget, curl, nc, ping...) in a pod of the simulated cluster',
  usage: 'knet run <input>... [--from ns/pod | --from host] [--explain] [--json] -- <command line>',
  async run(argv, io) {
    const dash = argv.indexOf('--');
    const args = parseArgs(dash < 0 ? argv : argv.slice(0, dash), ['from'], ['explain']);
    if ((args.flags.get('from')?.length ?? 0) > 1) throw new UsageError('--from may be given only once');
    const from = args.flags.get('from')?.[0];
    const line = dash < 0 ? undefined : commandLine(argv.slice(dash + 1));
    const prepared = prepareQuery('run', { ...(line !== undefined ? { line } : {}), ...(from !== undefined ? { from } : {}) });
    if (!prepared.ok) throw new UsageError(prepared.error);
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files, prepared.query.options);
    warnUnread(sim, io);
    for (const l of leftOutLines(sim)) io.err(`${l}\n`);
    const answer = prepared.query.run(sim);
    if (!answer.ok) throw new InputError(answer.error);
    if (args.json) io.out(`${JSON.stringify(answer.result, null, 2)}\n`);
    else print(answer.result, io, args.flags.has('explain'));
    return answer.result.exitCode;
  },
};
