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
    const box = fc.record({ x: fc.constant(0), y: fc.integer({ min: 0, max: 2000 }), width: fc.constant(100), height: fc.integer({ min: 10, max: 120 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 40 }), fc.integer({ min: -100, max: 2200 }), fc.integer({ min: -100, max: 2200 }), (boxes, want, prefer) => {
        expect(freeHeight(boxes, want, prefer)).toBe(reference(boxes, want, prefer));
      }),
      { numRuns: 2000 },
    );
  });
});
