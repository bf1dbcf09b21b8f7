import { checkExercise, type GoalResult } from '../exercise/check';
import { rangeIn } from '../manifest/reader';
import { simulate, type Simulation } from '../simulate';
import { formatDiagnostic, locateDiagnostic, place } from './locate';
import { ArgReader, fail, ok, type Query } from './query';

/** `knet test --json`: every goal of the scenario's Exercise, located. */
export interface TestDocument {
  exercise: string;
  title: string;
  goals: (GoalResult & { file: string; line: number; column: number })[];
  passed: number;
  failed: number;
}

/** Codes of problems that keep a whole document from being read (YAML syntax, input limits). */
const UNREADABLE = ['yaml-syntax', 'input-limit', 'yaml-duplicate-key', 'yaml-indentation'];

/** The located problems that kept documents from being read at all. */
export function unreadDocuments(sim: Simulation): string[] {
  return sim.diagnostics.filter((d) => d.severity === 'error' && UNREADABLE.includes(d.code)).map((d) => formatDiagnostic(locateDiagnostic(sim, d)));
}

/**
 * `knet test`: check the goals of the scenario's `kind: Exercise` (the same assertions the page shows live),
 * so course authors can check their labs in CI. A lab is checked whole: a document that cannot be read, or
 * a malformed goal, fails the check rather than being skipped. The CLI exits 1 when a goal fails. `start`
 * is the lab's starting version, which `changes` goals compare with.
 */
export interface TestInput {
  /** The lab's starting version (YAML text), for goals that compare with it (`changes`). */
  start?: string;
}

export const test: Query<TestInput, { start?: string }, TestDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['start']);
    const start = a.str('start');
    return a.done(start !== undefined ? { start } : {});
  },
  run: (sim, args) => {
    const fatal = unreadDocuments(sim);
    const exerciseErrors = sim.diagnostics.filter((d) => d.severity === 'error' && d.object?.startsWith('Exercise/')).map((d) => formatDiagnostic(locateDiagnostic(sim, d)));
    if (fatal.length || exerciseErrors.length) return fail(`the input has errors:\n${[...fatal, ...exerciseErrors].join('\n')}`);
    const exercise = sim.world.exercises?.[0];
    if (!exercise) return fail('there is no `kind: Exercise` (apiVersion playground.knet.dev/v1) in the input, so there are no goals to check');
    const start = args.start;
    const startSim = start !== undefined ? () => simulate([{ name: 'start.yaml', text: start }], sim.options) : undefined;
    const goals = checkExercise(sim, exercise, startSim).map((r) => {
      const { file, line, column } = place(sim, { file: exercise.source.file, range: rangeIn(exercise.source, r.path) });
      return { ...r, file, line, column };
    });
    const failed = goals.filter((r) => !r.passed).length;
    return ok({ exercise: exercise.name, title: exercise.title, goals, passed: goals.length - failed, failed });
  },
};
