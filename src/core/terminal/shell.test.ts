import { describe, expect, it } from 'vitest';
import { quoteWord, splitWords } from './shell';

/**
 * Word splitting as a POSIX shell does it (POSIX.1-2017 XCU 2.2 "Quoting", 2.3 "Token Recognition"), which
 * busybox ash follows; errors as busybox ash prints them (shell/ash.c: "unterminated quoted string").
 */
const WORDS: [string, string[]][] = [
  ['kubectl get pods -A', ['kubectl', 'get', 'pods', '-A']],
  ['  wget   -qO-  http://api  ', ['wget', '-qO-', 'http://api']],
  [`curl -H 'X-Canary: always' http://shop`, ['curl', '-H', 'X-Canary: always', 'http://shop']],
  [`curl -H "Host: shop.example.com" http://10.0.0.1`, ['curl', '-H', 'Host: shop.example.com', 'http://10.0.0.1']],
  [`echo "a \\"b\\" \\$c \\d"`, ['echo', 'a "b" $c \\d']],
  [`echo a\\ b`, ['echo', 'a b']],
  [`echo 'it'\\''s'`, ['echo', "it's"]],
  [`echo ''`, ['echo', '']],
  ['nslookup api # a comment', ['nslookup', 'api']],
  ['echo a#b', ['echo', 'a#b']],
  ['', []],
];

const ERRORS: [string, string, number][] = [
  [`echo 'open`, 'sh: syntax error: unterminated quoted string', 2],
  [`echo "open`, 'sh: syntax error: unterminated quoted string', 2],
  ['kubectl get pods | grep api', 'sh: pipes (|) are not simulated in this terminal: run one command per line', 2],
  ['nslookup api && echo ok', 'sh: lists (&&) are not simulated in this terminal: run one command per line', 2],
  ['wget -qO- http://api > out', 'sh: redirections (>) are not simulated in this terminal: run one command per line', 2],
  ['echo $(hostname)', 'sh: command substitutions are not simulated in this terminal: run one command per line', 2],
];

describe('splitWords (sh quoting)', () => {
  it.each(WORDS)('%j splits into %j', (line, words) => {
    expect(splitWords(line)).toEqual({ words });
  });
  it.each(ERRORS)('%j is refused: %s (exit %i)', (line, error, exitCode) => {
    expect(splitWords(line)).toEqual({ error, exitCode });
  });
  it.each([['plain'], ['a b'], ["it's"], [''], ['X-Canary: always']])('quoteWord(%j) splits back to itself', (w) => {
    expect(splitWords(`echo ${quoteWord(w)}`)).toEqual({ words: ['echo', w] });
  });
});
