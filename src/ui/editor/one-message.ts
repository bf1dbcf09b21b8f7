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
