import type { Cite, Diagnostic } from '../diagnostics/diagnostic';
import type { Simulation } from '../simulate';

/** 1-based line and column of an offset in a text, as editors and compilers count them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** Where a place in the input is, by file name, line and column (`<input>` when the file is unknown). */
export function place(sim: Simulation, at: { file: number; range: { start: number } }): { file: string; line: number; column: number } {
  const f = sim.files[at.file];
  return { file: f?.name ?? '<input>', ...lineColumn(f?.text ?? '', at.range.start) };
}

/** A cite as the CLI's documents locate it: the object, file, line, column and field path. */
export function placeCite(sim: Simulation, c: Cite): { object: string; file: string; line: number; column: number; path?: string } {
  return { object: c.object, ...place(sim, c), ...(c.path ? { path: c.path } : {}) };
}

/** A diagnostic as `knet validate --json` prints it: file, 1-based line and column. */
export interface LocatedDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Null when the problem belongs to no one object (a YAML error). */
  object: string | null;
  path?: string;
  rule?: string;
}

export function locateDiagnostic(sim: Simulation, d: Diagnostic): LocatedDiagnostic {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...place(sim, d),
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
 * One located line per object the API server would refuse and the simulation therefore left out
 * (`file:line:col: Kind/ns/name left out: reason`), so an empty answer is never a mystery.
 */
export function leftOutLines(sim: Simulation): string[] {
  return sim.world.leftOut.map((o) => {
    const at = place(sim, o);
    return `${at.file}:${at.line}:${at.column}: ${o.object ?? 'a document'} left out: ${o.reason}`;
  });
}
