/**
 * One schema for the whole editor buffer: every YAML document is checked against the schema of its
 * `kind` (if/then on kind), so multi-document scenarios get per-kind completion, validation and hover.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./[A-Z]*.json', { eager: true });

const definitions: Record<string, Record<string, unknown>> = {};
for (const [path, mod] of Object.entries(files)) {
  const kind = path.replace(/^\.\//, '').replace(/\.json$/, '');
  definitions[kind] = mod.default;
}

export const SCHEMA_KINDS = Object.keys(definitions).sort();

export const kubernetesSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string', description: 'The API group and version of the object (v1, apps/v1, networking.k8s.io/v1...).' },
    kind: { type: 'string', description: 'The kind of object.', examples: SCHEMA_KINDS },
  },
  allOf: SCHEMA_KINDS.map((k) => ({
    if: { properties: { kind: { const: k } }, required: ['kind'] },
    then: { $ref: `#/definitions/${k}` },
  })),
  definitions,
};
