import { formatDiagnostic } from '../../core/index';
import { EXIT } from '../io';
import { queryCommand } from '../query-command';

export const validate = queryCommand('validate', {
  summary: 'check manifests the way the API server and the controllers would',
  usage: 'knet validate <input>... [--json]',
  warnings: 'none',
  human: ({ diagnostics }) => {
    if (diagnostics.length === 0) return 'No problems found.\n';
    const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
    return `${diagnostics.map((d) => formatDiagnostic(d) + '\n').join('')}\n${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`;
  },
  exit: ({ diagnostics }) => (diagnostics.some((d) => d.severity === 'error') ? EXIT.INPUT : EXIT.OK),
});
