import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeHeight, type Box } from './routes';

/** freeHeight as first written: every candidate checked against every box, then the nearest kept. */
function reference(boxes: Box[], want: number, prefer: number): number {
  const CLEAR = 8;
  const free = (y: number) => boxes.every((b) => y <= b.y - CLEAR || y >= b.y + b.height + CLEAR);
  if (free(prefer)) return prefer;
  const candidates = [want, ...boxes.flatMap((b) => [b.y - CLEAR - 2, b.y + b.height + CLEAR + 2])].filter(free);
  candidates.sort((p, q) => Math.abs(p - want) - Math.abs(q - want) || p - q);
  return candidates[0] ?? want;
}

describe('freeHeight', () => {
  it('finds the same height as filtering every candidate first (the nearest free one)', () => {
    // Heights in half pixels (a route's `want` is the middle of two centres); rows as tight as the layout's.
    const half = (min: number, max: number) => fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2);
    const box = fc.record({ x: fc.constant(0), y: half(0, 2000), width: fc.constant(100), height: fc.oneof(half(10, 120), fc.constant(64)) });
    const column = fc.integer({ min: 0, max: 30 }).map((n) => Array.from({ length: n }, (_, i) => ({ x: 0, y: i * 80, width: 100, height: 64 })));
    fc.assert(
      fc.property(fc.oneof(fc.array(box, { maxLength: 40 }), column), half(-100, 2600), half(-100, 2600), (boxes, want, prefer) => {
        expect(freeHeight(boxes, want, prefer)).toBe(reference(boxes, want, prefer));
      }),
      { numRuns: 2000 },
    );
  });
});
