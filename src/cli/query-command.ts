import { leftOutLines, prepareQuery, simulate, type QueryName, type QueryResult } from '../core/index';
import { parseArgs, type Args } from './args';
import type { Command } from './command';
import { EXIT, InputError, UsageError, type IO } from './io';
import { loadInputs } from './input';
import { warnUnread } from './report';

/** How one query is asked on the command line and printed for people; the answer itself is the core's. */
export interface QuerySpec<K extends QueryName> {
  summary: string;
  usage: string;
  /** Flags that take one value. */
  flags?: string[];
  /** Flags that may be given more than once (JSON: a list). */
  repeatable?: string[];
  /** Flags without a value (JSON: true). */
  booleans?: string[];
  /** Flags that name an input (file, directory or -) whose text is the argument (`knet test --start lab.yaml`). */
  texts?: string[];
  /** Positional words that are arguments rather than inputs (`knet dns <input>... NAME`). */
  positional?(words: string[]): { inputs: string[]; args: Record<string, string> };
  /** The document for people (tables, colours on a TTY); `flags` are the arguments as asked. */
  human(doc: QueryResult<K>, io: IO, flags: Record<string, unknown>): string;
  /** Exit status for an answer (validate: 1 when there is an error). Default 0: the command ran. */
  exit?(doc: QueryResult<K>): number;
  /** `--json` on one line (the matrix, which can be large). */
  compact?: boolean;
  /**
   * What to say on stderr before answering: by default the documents that could not be read and the
   * objects left out; `none` for commands whose answer is those problems (validate) or that refuse them (test).
   */
  warnings?: 'none';
}

/**
 * `knet <name>`: the CLI's flags become the query's arguments as JSON (`--from a/b --port 80` →
 * `{"from": "a/b", "port": "80"}`), exactly what the page and a host page send for the same question.
 */
export function queryCommand<K extends QueryName>(name: K, spec: QuerySpec<K>): Command {
  const valued = [...(spec.flags ?? []), ...(spec.repeatable ?? []), ...(spec.texts ?? [])];
  return {
    name,
    summary: spec.summary,
    usage: spec.usage,
    async run(argv, io) {
      const parsed = parseArgs(argv, valued, spec.booleans ?? []);
      const { inputs, args } = spec.positional ? spec.positional(parsed.inputs) : { inputs: parsed.inputs, args: {} };
      const flags = { ...flagsAsJSON(parsed, spec), ...args };
      for (const t of spec.texts ?? []) {
        const path = flags[t];
        // Documents of a directory are one text, as a multi-document YAML file would hold them.
        if (typeof path === 'string') flags[t] = (await loadInputs([path], io)).map((f) => f.text).join('\n---\n');
      }
      const prepared = prepareQuery(name, flags);
      if (!prepared.ok) throw new UsageError(prepared.error);
      const files = await loadInputs(inputs, io);
      const sim = simulate(files, prepared.query.options);
      if (spec.warnings !== 'none') {
        warnUnread(sim, io);
        for (const line of leftOutLines(sim)) io.err(`${line}\n`);
      }
      const answer = prepared.query.run(sim);
      if (!answer.ok) throw new InputError(answer.error);
      const doc = answer.result;
      io.out(parsed.json ? `${JSON.stringify(doc, null, spec.compact ? undefined : 2)}\n` : spec.human(doc, io, flags));
      return spec.exit?.(doc) ?? EXIT.OK;
    },
  };
}

/** Parsed flags as the query's JSON arguments: repeatable ones as lists, booleans as true. */
function flagsAsJSON(parsed: Args, spec: { repeatable?: string[]; booleans?: string[] }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, values] of parsed.flags) {
    if (spec.repeatable?.includes(flag)) out[flag] = values;
    else if (values.length > 1) throw new UsageError(`--${flag} may be given only once`);
    else out[flag] = spec.booleans?.includes(flag) ? values[0] === 'true' : values[0];
  }
  return out;
}
