import { locateDiagnostic, sortDiagnostics, type LocatedDiagnostic } from './locate';
import { ArgReader, ok, type Query } from './query';

/** `knet validate --json`: every problem, located, in reading order. */
export interface ValidateDocument {
  diagnostics: LocatedDiagnostic[];
}

/** `knet validate`: the problems the API server and the controllers would find (the CLI exits 1 on an error). */
export const validate: Query<Record<string, never>, null, ValidateDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only([]);
    return a.done(null);
  },
  run: (sim) => ok({ diagnostics: sortDiagnostics(sim.diagnostics).map((d) => locateDiagnostic(sim, d)) }),
};
