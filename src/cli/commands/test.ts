import { checkExercise, rangeIn, simulate } from '../../core/index';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { EXIT, InputError } from '../io';
import { lineColumn, loadInputs } from '../input';
import { formatDiagnostic, locate, unreadDocuments } from '../report';

/**
 * `knet test`: check the goals of the scenario's `kind: Exercise` (docs/embedding.md "Exercises"), the same
 * assertions the playground shows live, so course authors can check their labs in CI. Exit 1 when a goal fails.
 */
export const test: Command = {
  name: 'test',
  summary: 'check the goals of a kind: Exercise (exit 1 when one fails)',
  usage: 'knet test <input>... [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, []);
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files);
    // A lab is checked whole: a document that cannot be read fails the check rather than being skipped.
    const fatal = unreadDocuments(sim, files);
    const exerciseErrors = sim.diagnostics
      .filter((d) => d.severity === 'error' && d.object?.startsWith('Exercise/'))
      .map((d) => formatDiagnostic(locate(d, files)));
    if (fatal.length || exerciseErrors.length) throw new InputError(`the input has errors:\n${[...fatal, ...exerciseErrors].join('\n')}`);
    const exercise = sim.world.exercises?.[0];
    if (!exercise)
      throw new InputError('there is no `kind: Exercise` (apiVersion playground.knet.dev/v1) in the input, so there are no goals to check');
    const results = checkExercise(sim, exercise).map((r) => {
      const file = files[exercise.source.file];
      const { line, column } = lineColumn(file?.text ?? '', rangeIn(exercise.source, r.path).start);
      return { ...r, file: file?.name ?? '<input>', line, column };
    });
    const failed = results.filter((r) => !r.passed).length;
    if (args.json) {
      io.out(
        JSON.stringify(
          { exercise: exercise.name, title: exercise.title, goals: results, passed: results.length - failed, failed },
          null,
          2,
        ) + '\n',
      );
    } else {
      const mark = (ok: boolean) => (io.isTTY ? (ok ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m') : ok ? 'PASS' : 'FAIL');
      io.out(`${exercise.title}\n\n`);
      for (const r of results) {
        io.out(`${mark(r.passed)} ${r.goal}\n`);
        if (!r.passed) io.out(`    ${r.file}:${r.line}:${r.column}: got ${r.actual}: ${r.reason}\n`);
      }
      io.out(`\n${results.length - failed} of ${results.length} goals passed\n`);
    }
    return failed > 0 ? EXIT.INPUT : EXIT.OK;
  },
};
