import { EXIT } from '../io';
import { queryCommand } from '../query-command';

/**
 * `knet test`: check the goals of the scenario's `kind: Exercise` (docs/embedding.md "Exercises"), the same
 * assertions the playground shows live, so course authors can check their labs in CI. Exit 1 when a goal fails.
 */
export const test = queryCommand('test', {
  summary: 'check the goals of a kind: Exercise (exit 1 when one fails)',
  usage: 'knet test <input>... [--start <lab as shipped>] [--json]',
  // `changes` goals compare the learner's version with the lab's starting version.
  texts: ['start'],
  warnings: 'none',
  human: (doc, io) => {
    const mark = (ok: boolean) => (io.isTTY ? (ok ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m') : ok ? 'PASS' : 'FAIL');
    const out = [`${doc.title}\n\n`];
    for (const r of doc.goals) {
      out.push(`${mark(r.passed)} ${r.goal}\n`);
      if (!r.passed) out.push(`    ${r.file}:${r.line}:${r.column}: got ${r.actual}: ${r.reason}\n`);
    }
    out.push(`\n${doc.passed} of ${doc.goals.length} goals passed\n`);
    return out.join('');
  },
  exit: (doc) => (doc.failed > 0 ? EXIT.INPUT : EXIT.OK),
});
