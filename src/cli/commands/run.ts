import { findPod, quoteWord, runCommand, simulate, type RunResult } from '../../core/index';
import { one, parseArgs } from '../args';
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

function print(r: RunResult, io: IO, explain: boolean): void {
  for (const c of r.output) {
    if (c.stream === 'stdout') io.out(c.text);
    else io.err(c.text);
  }
  if (explain) for (const n of r.notes) io.err(`knet: ${n}\n`);
}

/**
 * `knet run`: one line typed into a terminal of the simulated cluster; prints what the real tool prints
 * and exits with its exit status. `--json` prints the whole answer instead.
 */
export const runCommandCLI: Command = {
  name: 'run',
  summary: 'run one command line (kubectl, nslookup, dig, wget, curl, nc, ping...) in a pod of the simulated cluster',
  usage: 'knet run <input>... [--from ns/pod | --from host] [--explain] [--json] -- <command line>',
  async run(argv, io) {
    const dash = argv.indexOf('--');
    if (dash < 0) throw new UsageError('give the command line after --, e.g. knet run app.yaml -- kubectl get pods -A');
    const words = argv.slice(dash + 1);
    if (words.length === 0) throw new UsageError('the command line after -- is empty');
    const args = parseArgs(argv.slice(0, dash), ['from'], ['explain']);
    const from = one(args, 'from');
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files);
    warnUnread(sim, files, io);
    if (from !== undefined && from !== 'host' && !findPod(sim.world, from)) throw new InputError(`there is no pod ${from.includes('/') ? from : `default/${from}`} (--from names a pod as namespace/name)`);
    const r = runCommand(sim, { line: commandLine(words), ...(from !== undefined ? { from } : {}) });
    if (args.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
    else print(r, io, args.flags.has('explain'));
    return r.exitCode;
  },
};
