import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeScenario, encodeScenario } from './url-state';

describe('the scenario in the URL hash', () => {
  it.each(['', 'kind: Service\n', 'héllo ✓ 日本\r\n\ttabs', 'x'.repeat(100_000)])('round-trips the text byte for byte (%#)', (text) => {
    const hash = encodeScenario(text);
    expect(hash.startsWith('#v1.')).toBe(true);
    expect(decodeScenario(hash)).toMatchObject({ ok: true, text });
  });

  it('keeps the options the user chose that differ from the defaults', () => {
    const d = decodeScenario(encodeScenario('a: 1\n', { dns: { resolver: 'musl' } }));
    expect(d).toMatchObject({ ok: true, state: { options: { dns: { resolver: 'musl' } } } });
  });

  it('still opens links written by the first placeholder codec (#v1: + deflate-raw of the text)', () => {
    const bytes = deflateSync(strToU8('kind: Pod\n'), { level: 9 });
    const b64 = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(decodeScenario(`#v1:${b64}`)).toMatchObject({ ok: true, text: 'kind: Pod\n' });
  });

  it.each(['#v1:', '#v1:%%%', '#v1.AAAA', '#v1.', '#v9.abc', '#garbage', `#v1.${'A'.repeat(70_000)}`])(
    'reports a broken hash %# without throwing',
    (hash) => {
      const d = decodeScenario(hash);
      expect(d.ok === false || (d.ok === true && d.text === '')).toBe(true);
    },
  );

  it('treats an empty hash as no scenario', () => {
    expect(decodeScenario('')).toEqual({ ok: 'empty' });
  });
});
