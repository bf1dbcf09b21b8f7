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
 * markers (owner `schema`) are filtered against the simulator's (owner `sim`) before Monaco sees them, and
 * are filtered again, from the schema's last full list, whenever the simulator's change. So a dropped schema
 * marker never shows for a moment, and comes back when the simulator's marker on its line goes.
 */
export function filterSchemaMarkers<M extends MarkerLines, Model extends object>(api: MarkerApi<M, Model>, schema = 'yaml', sim = 'sim'): void {
  const set = api.setModelMarkers.bind(api);
  const lastSchema = new WeakMap<Model, M[]>();
  const lastSim = new WeakMap<Model, M[]>();
  api.setModelMarkers = (model, owner, markers) => {
    if (owner === schema) {
      lastSchema.set(model, markers);
      set(model, owner, schemaMarkersToKeep(markers, lastSim.get(model) ?? []));
      return;
    }
    set(model, owner, markers);
    if (owner !== sim) return;
    lastSim.set(model, markers);
    const full = lastSchema.get(model);
    if (full) set(model, schema, schemaMarkersToKeep(full, markers));
  };
}
