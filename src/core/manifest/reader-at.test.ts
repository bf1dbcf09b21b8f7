import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldReader } from './reader';
import type { SourceRef } from '../model/meta';

/** The plain reading of a dotted path that FieldReader.at's in-place walk must agree with. */
function reference(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (typeof cur === 'object') cur = Object.prototype.hasOwnProperty.call(cur, part) ? (cur as Record<string, unknown>)[part] : undefined;
    else return undefined;
  }
  return cur;
}

const source: SourceRef = { file: 0, range: { start: 0, end: 0 }, fields: {} };
const reader = (value: Record<string, unknown>) => new FieldReader(value, source, []);

/** Keys that look like indexes, hide in Object.prototype, or differ only in length. */
const key = fc.constantFrom('a', 'ab', 'b', '0', '1', '01', '10', '', 'constructor', 'toString', '__proto__', 'x.y', '1e1', '-0', ' 1');
const tree = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 12 }), fc.dictionary(key, tie('node'), { maxKeys: 20 })),
})).node;
const root = fc.dictionary(key, tree, { maxKeys: 20 });
const path = fc.array(key, { minLength: 1, maxLength: 4 }).map((ks) => ks.join('.'));

describe('FieldReader.at', () => {
  it('reads a path as splitting it on dots does', () => {
    fc.assert(
      fc.property(root, fc.array(path, { minLength: 1, maxLength: 8 }), (value, paths) => {
        // One reader for several paths in a row: the remembered parent must not change an answer.
        const r = reader(value);
        for (const p of paths) expect(r.at(p)).toBe(reference(value, p));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['spec.ports.1.port', 443],
    ['spec.ports.01.port', 443],
    ['spec.ports.x', undefined],
    ['spec.constructor', undefined],
    ['metadata.labels.app', 'web'],
    ['metadata.labels.k19', 'v19'],
    ['metadata.labels.k20', undefined],
  ])('%s reads %j', (p, want) => {
    const labels: Record<string, string> = { app: 'web' };
    for (let i = 0; i < 20; i++) labels[`k${i}`] = `v${i}`;
    const r = reader({ metadata: { labels }, spec: { ports: [{ port: 80 }, { port: 443 }] } });
    expect(r.at(p)).toBe(want);
  });
});
