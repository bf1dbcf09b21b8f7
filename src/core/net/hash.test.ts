import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJSON, fnv32a, fnv32aCanonicalJSON } from './hash';

/** Values as a pod template holds them, with the odd cases canonical JSON must treat alike: undefined, escapes, holes. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'c\\\\d', '\\n', '\\ud800', 'é'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('b', 'a', 'x"y', '')), tie('node'), { maxKeys: 5 })),
})).node;

describe('fnv32aCanonicalJSON', () => {
  it('hashes the characters canonicalJSON writes', () => {
    fc.assert(fc.property(value, (v) => fnv32aCanonicalJSON(v) === fnv32a(canonicalJSON(v))), { numRuns: 3000 });
  });

  it.each([
    [{ b: 1, a: [1, 'x'] }, '{"a":[1,"x"],"b":1}'],
    [[undefined, null], '[null,null]'],
    // eslint-disable-next-line no-sparse-arrays
    [[, 1], '[,1]'],
    [{ k: undefined, 'q"': 'v\n' }, '{"q\\"":"v\\n"}'],
  ])('hashes %j as the text %s', (v, text) => {
    expect(canonicalJSON(v)).toBe(text);
    expect(fnv32aCanonicalJSON(v)).toBe(fnv32a(text));
  });
});
