import { compareScenarios, type ScenarioDiff } from '../diff/index';
import type { InputFile } from '../manifest/read';
import { simulate } from '../simulate';
import { fail, ok, type Query } from './query';

export interface DiffInput {
  /** The other version: YAML text, or files as the CLI reads them (a directory). The scenario asked is `after`. */
  before: string | { name: string; text: string }[];
}

export interface DiffArgs {
  before: InputFile[];
}

/** `knet diff --json`. */
export type DiffDocument = ScenarioDiff;

/** The name the other version's text is read under when it arrives as one text (the page, a host page). */
export const BEFORE_FILE = 'before.yaml';

/**
 * `knet diff <before> <after>`: what changes from `before` (given as text in the arguments) to the scenario
 * asked. `before` is simulated with the same options, so only the input differs.
 */
export const diff: Query<DiffInput, DiffArgs, DiffDocument> = {
  parse: (raw) => {
    const unknown = Object.keys(raw).find((k) => k !== 'before');
    if (unknown) return fail(`unknown option --${unknown}`);
    const b = raw.before;
    if (typeof b === 'string') return ok({ before: [{ name: BEFORE_FILE, text: b }] });
    const files = Array.isArray(b) && b.length > 0 && b.every(isFile) ? (b as InputFile[]).map((f) => ({ name: f.name, text: f.text })) : null;
    return files ? ok({ before: files }) : fail('before is required: the other version as YAML text, or a list of {name, text} files');
  },
  run: (sim, args) => ok(compareScenarios(simulate(args.before, sim.options), sim)),
};

function isFile(f: unknown): boolean {
  const o = f as { name?: unknown; text?: unknown } | null;
  return typeof o === 'object' && o !== null && typeof o.name === 'string' && typeof o.text === 'string';
}
