import { describe, expect, it } from 'vitest';
import { hostMatches, normalizeHost, pathMatches, prefixMatches, rewritePath } from './match';

describe('ING-6 host matching', () => {
  const table: [string | undefined, string, boolean][] = [
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['foo.bar.com', 'foo.bar.com', true],
    ['foo.bar.com', 'bar.com', false],
    [undefined, 'anything.example', true],
  ];
  for (const [rule, host, want] of table) {
    it(`rule host ${rule ?? '(none)'} ${want ? 'matches' : 'does not match'} Host ${host}`, () => {
      expect(hostMatches(rule, host)).toBe(want);
    });
  }
  it('strips the port and lowercases the Host header (ING-5)', () => {
    expect(normalizeHost('Shop.Example.COM:8080')).toBe('shop.example.com');
  });
});

describe('ING-8 path matching', () => {
  const table: [string, 'Exact' | 'Prefix' | 'ImplementationSpecific', string, boolean][] = [
    ['/', 'Prefix', '/anything/at/all', true],
    ['/foo', 'Exact', '/foo/', false],
    ['/foo/', 'Exact', '/foo', false],
    ['/foo', 'Prefix', '/foo', true],
    ['/foo', 'Prefix', '/foo/', true],
    ['/foo/', 'Prefix', '/foo', true],
    ['/aaa/bb', 'Prefix', '/aaa/bbb', false],
    ['/aaa/bbb/', 'Prefix', '/aaa/bbb', true],
    ['/aaa/bbb', 'Prefix', '/aaa/bbb/ccc', true],
    ['/aaa/bbb', 'Prefix', '/aaa/bbbxyz', false],
    ['/foo', 'Prefix', '/FOO', false],
    ['/aaa/bbb', 'ImplementationSpecific', '/aaa/bbbxyz', true],
  ];
  for (const [rulePath, type, req, want] of table) {
    it(`${type} ${rulePath} ${want ? 'matches' : 'does not match'} ${req}`, () => {
      expect(pathMatches({ path: rulePath, pathType: type }, req, false)).toBe(want);
    });
  }
  it('compares Prefix paths segment by segment, ignoring empty segments', () => {
    expect(prefixMatches('/a//b/', '/a/b/c')).toBe(true);
  });
  it('in ingress-nginx regex mode treats every path as a case-insensitive ^path regex (edge case 38)', () => {
    expect(pathMatches({ path: '/foo', pathType: 'Exact' }, '/FOObar', true)).toBe(true);
    expect(pathMatches({ path: '/foo', pathType: 'Prefix' }, '/bar/foo', true)).toBe(false);
  });
  it('rewrites the whole URI with capture groups, as nginx rewrite does', () => {
    expect(rewritePath('/something(/|$)(.*)', '/$2', '/something/new')).toBe('/new');
    expect(rewritePath('/something(/|$)(.*)', '/$2', '/something')).toBe('/');
    expect(rewritePath('/api', '/', '/other')).toBeNull();
  });
});
