/**
 * Fields a built-in kind does not have (`targetPrt`, `podSelecter`): `kubectl apply` validates strictly by
 * default (`--validate=strict`), so the API server refuses the object ("strict decoding error: unknown field").
 * Read with the field lists of shapes.ts; where a shape is not listed (an `any` map, a kind the lists do not
 * cover) nothing is said.
 */
import { nearest } from './builtin-kinds';
import { itemShape, mapShape, rootShape, type Shape } from './shapes';

export interface UnknownField {
  /** Dotted path of the field (`spec.ports.0.targetPrt`). */
  path: string;
  message: string;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every field of `value` (an object of `kind`) that its kind does not have, in document order. */
export function unknownFields(kind: string, value: Record<string, unknown>): UnknownField[] {
  const out: UnknownField[] = [];
  const walk = (v: Record<string, unknown>, shape: Shape, path: string, where: string) => {
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (shape.fields !== 'any' && !shape.fields.includes(key)) {
        out.push({ path: at, message: message(kind, key, where, shape.fields) });
        continue;
      }
      const child = v[key];
      const inner = mapShape(shape, key);
      if (inner && isMap(child)) walk(child, inner, at, at);
      const item = itemShape(shape, key);
      if (item && Array.isArray(child)) child.forEach((x, i) => isMap(x) && walk(x, item, `${at}.${i}`, `${at}[]`));
    }
  };
  walk(value, rootShape(kind), '', '');
  return out;
}

function message(kind: string, key: string, where: string, fields: readonly string[]): string {
  const near = nearest(key, fields);
  const field = where ? `${where}.${key}` : key;
  return (
    `${kind} has no field ${field}: kubectl apply would refuse the object (strict decoding error: unknown field "${field}").` +
    `${near ? ` Did you mean ${near}?` : ''} The object is ignored.`
  );
}
