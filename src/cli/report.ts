import type { Diagnostic, InputFile, Simulation } from '../core/index';
import { lineColumn } from './input';

/** A diagnostic as CLI.md's `validate --json` prints it: file, 1-based line and column. */
export interface LocatedDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  object?: string;
  path?: string;
  rule?: string;
}

export function locate(d: Diagnostic, files: InputFile[]): LocatedDiagnostic {
  const f = files[d.file];
  const { line, column } = lineColumn(f?.text ?? '', d.range.start);
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    file: f?.name ?? '<input>',
    line,
    column,
    ...(d.object ? { object: d.object } : {}),
    ...(d.path ? { path: d.path } : {}),
    ...(d.rule ? { rule: d.rule } : {}),
  };
}

/** `file:line:col: severity: message [code]`, the format compilers use, so editors can jump to it. */
export function formatDiagnostic(d: LocatedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** Errors that stop a question from being answered go to stderr (CLI.md exit 1). */
export function inputErrors(sim: Simulation, files: InputFile[]): string[] {
  return sim.diagnostics.filter((d) => d.severity === 'error' && (d.code === 'yaml-syntax' || d.code === 'input-limit')).map((d) => formatDiagnostic(locate(d, files)));
}
