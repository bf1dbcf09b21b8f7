import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cidrContains, formatIP, parseIP } from './ip';

/** The plain reading of dotted IPv4 that parseIP's character scan must agree with. */
function referenceV4(text: string): bigint | null | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let v = 0n;
  for (const part of m.slice(1)) {
    if ((part.length > 1 && part.startsWith('0')) || Number(part) > 255) return null;
    v = (v << 8n) | BigInt(part);
  }
  return v;
}

describe('IPv4 addresses', () => {
  it.each([
    ['10.244.0.5', 0x0af40005n],
    ['0.0.0.0', 0n],
    ['255.255.255.255', 0xffffffffn],
    ['10.96.0.1', 0x0a600001n],
  ])('parseIP(%s) reads the address and formatIP writes it back', (text, value) => {
    expect(parseIP(text)).toEqual({ family: 4, value });
    expect(formatIP({ family: 4, value })).toBe(text);
  });

  it.each(['10.0.0.256', '10.01.0.1', '10.0.0', '10.0.0.1.', '.10.0.0.1', '1000.0.0.1', '10.0.0.1 ', 'a.b.c.d', '10..0.1', ''])('refuses %j', (text) => {
    expect(parseIP(text)).toBeNull();
  });

  it('agrees with the regular-expression reading on any text made of digits and dots', () => {
    const text = fc.array(fc.constantFrom('0', '1', '2', '5', '9', '.', '25', '255', '256', '00'), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const want = referenceV4(t);
        const got = parseIP(t);
        if (want === undefined) expect(got === null || got.family === 6).toBe(true);
        else expect(got === null ? null : got.value).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats the low 32 bits as four octets, as shifting each octet out of the value does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }), (value) => {
        const octets = [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
        expect(formatIP({ family: 4, value })).toBe(octets);
      }),
    );
  });

  it('tests CIDR membership as shifting both values does', () => {
    const v4 = fc.bigInt({ min: 0n, max: 0xffffffffn });
    fc.assert(
      fc.property(v4, v4, fc.integer({ min: 0, max: 32 }), (ip, base, prefix) => {
        const shift = BigInt(32 - prefix);
        const want = ip >> shift === base >> shift;
        expect(cidrContains({ family: 4, base, prefix, hostBitsSet: false }, { family: 4, value: ip })).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});
