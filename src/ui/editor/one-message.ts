/**
 * One message per problem in the editor's hover (issue 16): monaco-yaml checks the text against our JSON
 * schemas and the simulator checks it as the API server would, so a bad enum or a YAML syntax error came up
 * twice, once from each. The simulator's diagnostic says more (the rule, the code, what happens next), so a
 * schema marker is dropped where a simulator marker covers any of the same lines; the schema's own
 * findings elsewhere stay.
 */
export interface MarkerLines {
  startLineNumber: number;
  endLineNumber: number;
}

export function schemaMarkersToKeep<T extends MarkerLines>(schema: readonly T[], sim: readonly MarkerLines[]): T[] {
  return schema.filter((m) => !sim.some((s) => s.startLineNumber <= m.endLineNumber && m.startLineNumber <= s.endLineNumber));
}

/** The part of `monaco.editor` the filter wraps (kept structural, so it can be tested without Monaco). */
export interface MarkerApi<M extends MarkerLines, Model> {
  setModelMarkers(model: Model, owner: string, markers: M[]): void;
}

/**
 * Apply the rule above as markers are set, not after: `setModelMarkers` is wrapped so that the schema's
 * markers (owner `yaml`) are filtered against the simulator's (owner `sim`) before Monaco sees them, and
 * are filtered again, from the schema's last full list, when the simulator's change what is kept. So a
 * dropped schema marker never shows for a moment, and comes back when the simulator's marker on its line goes.
 * A simulator update that keeps the same schema markers leaves them alone (Monaco keeps them where edits
 * since moved them; setting the list again would put them back where it was first set).
 */
export function filterSchemaMarkers<M extends MarkerLines, Model extends object>(api: MarkerApi<M, Model>, schema = 'yaml', sim = 'sim'): void {
  const set = api.setModelMarkers.bind(api);
  const full = new WeakMap<Model, M[]>();
  const shown = new WeakMap<Model, M[]>();
  const lastSim = new WeakMap<Model, M[]>();
  const show = (model: Model, kept: M[]) => {
    shown.set(model, kept);
    set(model, schema, kept);
  };
  api.setModelMarkers = (model, owner, markers) => {
    if (owner === schema) {
      full.set(model, markers);
      show(model, schemaMarkersToKeep(markers, lastSim.get(model) ?? []));
      return;
    }
    set(model, owner, markers);
    if (owner !== sim) return;
    lastSim.set(model, markers);
    const all = full.get(model);
    if (!all) return;
    const kept = schemaMarkersToKeep(all, markers);
    const before = shown.get(model) ?? [];
    if (kept.length !== before.length || kept.some((m, i) => m !== before[i])) show(model, kept);
  };
}
