import { simulate } from '../../core/index';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { EXIT } from '../io';
import { loadInputs } from '../input';
import { formatDiagnostic, locate, sortDiagnostics } from '../report';

export const validate: Command = {
  name: 'validate',
  summary: 'check manifests the way the API server and the controllers would',
  usage: 'knet validate <input>... [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, []);
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files);
    const located = sortDiagnostics(sim.diagnostics).map((d) => locate(d, files));
    if (args.json) io.out(JSON.stringify({ diagnostics: located }, null, 2) + '\n');
    else if (located.length === 0) io.out('No problems found.\n');
    else {
      for (const d of located) io.out(formatDiagnostic(d) + '\n');
      const count = (s: string) => located.filter((d) => d.severity === s).length;
      io.out(`\n${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`);
    }
    return located.some((d) => d.severity === 'error') ? EXIT.INPUT : EXIT.OK;
  },
};
