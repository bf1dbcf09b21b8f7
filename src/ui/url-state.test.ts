import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from './url-state';

describe('the scenario in the URL hash', () => {
  it.each(['', 'kind: Service\n', 'héllo ✓ 日本\r\n\ttabs', 'x'.repeat(100_000)])('round-trips the text byte for byte (%#)', (text) => {
    expect(decodeScenario(encodeScenario(text))).toEqual({ ok: true, text });
  });

  it.each(['#v1:', '#v1:%%%', '#v1:AAAA', '#v2:abc', '#garbage'])('reports a broken hash %s without throwing', (hash) => {
    const d = decodeScenario(hash);
    expect(d.ok === false || (d.ok === true && d.text === '')).toBe(true);
  });

  it('treats an empty hash as no scenario', () => {
    expect(decodeScenario('')).toEqual({ ok: 'empty' });
  });
});
