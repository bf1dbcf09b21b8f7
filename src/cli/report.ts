import type { Diagnostic, InputFile, Simulation } from '../core/index';
import { lineColumn } from './input';
import type { IO } from './io';

/** A diagnostic as `knet validate --json` prints it: file, 1-based line and column. */
export interface LocatedDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** The knet contract lists `object` as a required field: null when the problem belongs to no one object (a YAML error). */
  object: string | null;
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
    object: d.object ?? null,
    ...(d.path ? { path: d.path } : {}),
    ...(d.rule ? { rule: d.rule } : {}),
  };
}

/** Diagnostics in reading order: by input file, then by position, so people read them top to bottom. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => a.file - b.file || a.range.start - b.range.start || a.range.end - b.range.end);
}

/** `file:line:col: severity: message [code]`, the format compilers use, so editors can jump to it. */
export function formatDiagnostic(d: LocatedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

/**
 * Documents that could not be read at all (YAML syntax, input limits) are left out of the simulation. A
 * question is still answered from the rest (one broken document must not hide the others); the user is
 * told on stderr which documents were skipped. When the question then fails (a pod named in --from was in
 * the broken document), the command exits 1 with these lines above its error.
 */
export function warnUnread(sim: Simulation, files: InputFile[], io: Pick<IO, 'err'>): void {
  const unread = unreadDocuments(sim, files);
  if (unread.length === 0) return;
  io.err(`knet: warning: ${unread.length === 1 ? 'one document could not be read and is' : `${unread.length} problems kept documents from being read; they are`} left out of the simulation:\n`);
  for (const line of unread) io.err(`  ${line}\n`);
}

/** The located problems that kept documents from being read at all. */
export function unreadDocuments(sim: Simulation, files: InputFile[]): string[] {
  return sim.diagnostics
    .filter((d) => d.severity === 'error' && (d.code === 'yaml-syntax' || d.code === 'input-limit' || d.code === 'yaml-duplicate-key' || d.code === 'yaml-indentation'))
    .map((d) => formatDiagnostic(locate(d, files)));
}
