import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { simulate } from '../simulate';
import { createSimCache } from '../cache';
import { generateCluster, sizeFor } from '../../bench/generate';

const dir = new URL('../../scenarios/', import.meta.url);
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const);

const tricky: [string, string][] = [
  ['a leading comment before the first marker', '# hello\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n'],
  ['a broken document between good ones', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: [\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n'],
  ['a directive', '%YAML 1.2\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n'],
  ['document end markers', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n...\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n...\n'],
  ['a block scalar cut by a marker', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: |\n    one\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n'],
  ['anchors in separate documents', 'apiVersion: v1\nkind: Namespace\nmetadata: &m {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: *m\n'],
  ['duplicate keys', 'apiVersion: v1\nkind: Namespace\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n'],
  ['a marker with trailing text', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n--- # next\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n'],
  ['CRLF line ends', 'apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: b}\r\n'],
  ['a List', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n'],
];

/** What a simulation is (the World, the options, the diagnostics) as plain data; its caches are not part of it. */
const data = ({ world, options, diagnostics }: ReturnType<typeof simulate>) => JSON.parse(JSON.stringify({ world, options, diagnostics })) as unknown;
const plain = (text: string) => data(simulate([{ name: 'a.yaml', text }]));
const viaCache = (texts: string[]) => {
  const cache = createSimCache();
  return texts.map((text) => data(simulate([{ name: 'a.yaml', text }], undefined, cache)));
};

describe('the parse cache gives the same simulation as parsing from scratch', () => {
  it.each([...scenarios, ...tricky])('for %s, on the first run and when every document is reused', (_name, text) => {
    const [first, second] = viaCache([text, text]);
    const want = plain(text);
    expect(first).toEqual(want);
    expect(second).toEqual(want);
  });

  it('after edits that shift, change, add and remove documents of a generated cluster', () => {
    const base = generateCluster(sizeFor(100));
    const edits = [base, base.replace('replicas: 5', 'replicas: 6'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: zz}\n---\n' + base, base.split('\n---\n').slice(3).join('\n---\n'), base];
    const got = viaCache(edits);
    edits.forEach((t, i) => expect(got[i]).toEqual(plain(t)));
  });

  it('after arbitrary splices of a scenario (property)', () => {
    const text = scenarios[0]![1];
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(40), fc.string({ maxLength: 20 }), (at, del, ins) => {
        const edited = text.slice(0, at) + ins + text.slice(at + del);
        const [a, b] = viaCache([text, edited]);
        expect(a).toEqual(plain(text));
        expect(b).toEqual(plain(edited));
      }),
      { numRuns: 40 },
    );
  });
});
