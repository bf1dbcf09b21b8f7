import { describe, expect, it } from 'vitest';
import { schemaMarkersToKeep } from './one-message';

const at = (from: number, to = from, message = '') => ({ startLineNumber: from, endLineNumber: to, message });

describe('schemaMarkersToKeep', () => {
  it.each([
    ['no simulator marker: every schema marker stays', [at(7, 7, 'enum')], [], ['enum']],
    ['the same line as a simulator marker: dropped (issue 16: "type: ClusterIPX" twice)', [at(7, 7, 'enum')], [at(7)], []],
    ['inside a simulator marker of several lines: dropped', [at(9, 9, 'port')], [at(8, 10)], []],
    ['a schema marker of several lines touching a simulator line: dropped', [at(3, 6, 'syntax')], [at(6)], []],
    ['other lines: kept', [at(3, 3, 'a'), at(12, 12, 'b')], [at(7, 8)], ['a', 'b']],
  ])('%s', (_what, schema, sim, kept) => {
    expect(schemaMarkersToKeep(schema, sim).map((m) => m.message)).toEqual(kept);
  });
});
