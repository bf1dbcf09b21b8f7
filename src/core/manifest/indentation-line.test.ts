import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLine } from './indentation';

/**
 * `parseLine` reads the common line by scanning characters and leaves the rest to a regular expression. The
 * reference below is the regular-expression reading it replaced, kept here verbatim: on random lines made of
 * the characters YAML gives meaning to, both must read the same indentation, markers, key and value.
 */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#[\]{}&*!|>%@`,?-][^#]*?|-[^\s#][^#]*?)\s*:(?:[ \t]+(.*))?$/;

function reference(text: string, n: number, start: number) {
  const indent = /^ */.exec(text)![0].length;
  const dashes: number[] = [];
  let col = indent;
  for (let m = /^-(?: +|$)/.exec(text.slice(col)); m; m = /^-(?: +|$)/.exec(text.slice(col))) {
    dashes.push(col);
    col += m[0].length;
  }
  const content = text.slice(col);
  const m = KEY.exec(content);
  if (!m) return { n, start, text, indent, dashes, col, value: content.trim() };
  let value = (m[2] ?? '').trim();
  if (!/^["']/.test(value)) value = value.replace(/(^|\s)#.*$/, '').trim();
  if (/^([&!]\S*\s*)+$/.test(value)) value = '';
  return { n, start, text, indent, dashes, col, key: m[1]!.replace(/^["']|["']$/g, ''), value };
}

const piece = fc.constantFrom('a', 'Z', '9', '_', 'name', 'app.kubernetes.io/name', ':', ': ', ':\t', ' ', '  ', '\t', '-', '- ', '#', ' #', '"', "'", '{', '}', '[', ']', '&a', '!', '*', '|', '>', '?', ',', '%', '@', '\r', '\u00a0', '\u2028', 'é', '8080', 'http://x:80');
const line = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

describe('parseLine', () => {
  it.each([
    ['name: web', 'name', 'web'],
    ['  - name: http', 'name', 'http'],
    ['image: example/app:1.0', 'image', 'example/app:1.0'],
    ['a:b: c # note', 'a:b', 'c'],
    ['port: 80 # the Service port', 'port', '80'],
    ['labels:', 'labels', ''],
    ['key : value', 'key', 'value'],
    ['"quoted key": x', 'quoted key', 'x'],
    ['anchor: &a', 'anchor', ''],
    ['url: "http://x:80" # c', 'url', '"http://x:80" # c'],
  ])('%j reads key %j, value %j', (text, key, value) => {
    const got = parseLine(text, 0, 0);
    expect(got).toEqual(reference(text, 0, 0));
    expect([got.key, got.value]).toEqual([key, value]);
  });

  it('reads random lines as the regular expression does', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(parseLine(text, 3, 7)).toEqual(reference(text, 3, 7));
      }),
      { numRuns: 5000 },
    );
  });
});
