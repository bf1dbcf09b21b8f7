import { describe, expect, it } from 'vitest';
import { filterSchemaMarkers, schemaMarkersToKeep } from './one-message';

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

describe('filterSchemaMarkers', () => {
  type M = ReturnType<typeof at>;
  const make = () => {
    const shown = new Map<string, M[]>();
    const api = { setModelMarkers: (_model: object, owner: string, markers: M[]) => void shown.set(owner, markers) };
    filterSchemaMarkers(api);
    return { api, shown, model: {} };
  };
  const messages = (ms: M[] | undefined) => (ms ?? []).map((m) => m.message);

  it('drops a schema marker set after the simulator marker on its line, before anyone sees it', () => {
    const { api, shown, model } = make();
    api.setModelMarkers(model, 'sim', [at(7, 7, 'sim')]);
    api.setModelMarkers(model, 'yaml', [at(7, 7, 'enum'), at(9, 9, 'other')]);
    expect(messages(shown.get('yaml'))).toEqual(['other']);
    expect(messages(shown.get('sim'))).toEqual(['sim']);
  });

  it('drops it when the simulator marker comes second, and brings it back when that marker goes', () => {
    const { api, shown, model } = make();
    api.setModelMarkers(model, 'yaml', [at(7, 7, 'enum')]);
    expect(messages(shown.get('yaml'))).toEqual(['enum']);
    api.setModelMarkers(model, 'sim', [at(7, 7, 'sim')]);
    expect(messages(shown.get('yaml'))).toEqual([]);
    api.setModelMarkers(model, 'sim', []);
    expect(messages(shown.get('yaml'))).toEqual(['enum']);
  });

  it('leaves other owners and other models alone', () => {
    const { api, shown, model } = make();
    api.setModelMarkers(model, 'sim', [at(3)]);
    api.setModelMarkers({}, 'yaml', [at(3, 3, 'elsewhere')]);
    api.setModelMarkers(model, 'lint', [at(3, 3, 'lint')]);
    expect(messages(shown.get('yaml'))).toEqual(['elsewhere']);
    expect(messages(shown.get('lint'))).toEqual(['lint']);
  });
});

describe('filterSchemaMarkers, calls to Monaco', () => {
  it('does not set the schema markers again when a simulator update keeps the same ones', () => {
    const calls: string[] = [];
    const api = { setModelMarkers: (_model: object, owner: string, _markers: unknown[]) => void calls.push(owner) };
    filterSchemaMarkers(api);
    const model = {};
    api.setModelMarkers(model, 'yaml', [at(3, 3, 'a'), at(9, 9, 'b')]);
    api.setModelMarkers(model, 'sim', [at(20)]);
    api.setModelMarkers(model, 'sim', [at(21)]);
    expect(calls).toEqual(['yaml', 'sim', 'sim']);
    api.setModelMarkers(model, 'sim', [at(9)]);
    expect(calls).toEqual(['yaml', 'sim', 'sim', 'sim', 'yaml']);
  });
});
