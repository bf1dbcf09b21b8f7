import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from './codec';
import { crc32, pngWithScenario, scenarioFromPNG, scenarioFromSVG, svgWithScenario } from './image-meta';

/** The smallest valid PNG: a 1×1 transparent pixel. */
const PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const HASH = encodeState({ text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' });

describe('pictures that reopen in the playground', () => {
  it('computes CRC-32 as PNG does', () => expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082));

  it('an SVG carries the hash and gives it back', () => {
    const svg = svgWithScenario('<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect/></svg>', HASH);
    expect(svg).toMatch(/^<svg [^>]*><metadata>/);
    const back = scenarioFromSVG(svg);
    expect(back).toBe(HASH);
    expect(decodeState(back!).ok).toBe(true);
  });

  it('a PNG carries the hash in a tEXt chunk before IEND and gives it back', () => {
    const png = pngWithScenario(PIXEL, HASH);
    expect(png.length).toBeGreaterThan(PIXEL.length);
    expect(scenarioFromPNG(png)).toBe(HASH);
    expect(scenarioFromPNG(PIXEL)).toBeNull();
  });

  it('a PNG whose chunk was tampered with gives nothing', () => {
    const png = pngWithScenario(PIXEL, HASH);
    const at = png.length - 20;
    png[at] = png[at]! ^ 1;
    expect(scenarioFromPNG(png)).toBeNull();
  });

  it('reading arbitrary bytes or text never throws and finds nothing', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => scenarioFromPNG(b) === null));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => scenarioFromPNG(new Uint8Array([...PIXEL.subarray(0, 8), ...b])) === null),
    );
    fc.assert(fc.property(fc.string(), (s) => scenarioFromSVG(s) === null));
  });

  it('refuses to write something that is not a playground hash', () => {
    expect(() => svgWithScenario('<svg></svg>', '"><script>')).toThrow();
    expect(() => pngWithScenario(PIXEL, 'x')).toThrow();
  });
});
