import { describe, expect, it } from 'vitest';
import { hoverColumn, keyStartHovers } from './key-hover';

describe('a hover on the first character of a top-level key is asked one column to the right', () => {
  it.each([
    { line: 'spec:', column: 1, want: 2 },
    { line: 'metadata:', column: 1, want: 2 },
    { line: 'kind: NetworkPolicy', column: 1, want: 2 },
    { line: '"spec":', column: 1, want: 2 },
    { line: 'spec:', column: 3, want: 3 },
    { line: '  podSelector: {}', column: 1, want: 1 },
    { line: '  podSelector: {}', column: 3, want: 3 },
    { line: '- name: web', column: 1, want: 1 },
    { line: '---', column: 1, want: 1 },
    { line: '# a comment: here', column: 1, want: 1 },
    { line: 's', column: 1, want: 1 },
  ])('$line at $column → $want', ({ line, column, want }) => {
    expect(hoverColumn(line, column)).toBe(want);
  });

  it('wraps the YAML hover provider only, and hands it the moved position', () => {
    type At = { lineNumber: number; column: number };
    type Provider = { provideHover(model: { getLineContent(n: number): string }, position: At): unknown };
    const asked: [string, number][] = [];
    const registered = new Map<string, Provider>();
    const languages = { registerHoverProvider: (language: unknown, provider: Provider) => registered.set(language as string, provider) };
    keyStartHovers(languages);
    const provider = (name: string): Provider => ({
      provideHover: (_model, position) => {
        asked.push([name, position.column]);
        return null;
      },
    });
    languages.registerHoverProvider('yaml', provider('yaml'));
    languages.registerHoverProvider('json', provider('json'));
    const model = { getLineContent: () => 'spec:' };
    registered.get('yaml')!.provideHover(model, { lineNumber: 1, column: 1 });
    registered.get('yaml')!.provideHover(model, { lineNumber: 1, column: 3 });
    registered.get('json')!.provideHover(model, { lineNumber: 1, column: 1 });
    expect(asked).toEqual([
      ['yaml', 2],
      ['yaml', 3],
      ['json', 1],
    ]);
  });
});
