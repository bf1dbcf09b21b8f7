import { describe, expect, it } from 'vitest';
import { shortNames } from './short-names';

describe('shortNames', () => {
  it.each([
    ['short names stay whole', ['default/client', 'shop/db-0'], 20, ['default/client', 'shop/db-0']],
    [
      'a long name keeps its start and its distinguishing end',
      ['default/myapp-7b99679d7b-hdsxm', 'default/myapp-7b99679d7b-rw7js', 'default/client'],
      20,
      ['default…679d7b-hdsxm', 'default…679d7b-rw7js', 'default/client'],
    ],
  ])('%s', (_what, names, max, want) => {
    expect(shortNames(names, max)).toEqual(want);
  });

  it('keeps more of the end where a short cut would make two names read the same', () => {
    const names = ['ns/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-same-tail-1', 'ns/cccccccccccccccccccccccccccccccc-same-tail-1', 'ns/short'];
    const got = shortNames(names, 12);
    expect(got[2]).toBe('ns/short');
    expect(new Set(got).size).toBe(names.length);
    got.forEach((s, i) => expect(names[i]!.endsWith(s.split('…').pop()!)).toBe(true));
  });
});
