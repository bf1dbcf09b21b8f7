import { describe, expect, it } from 'vitest';
import { absoluteBoxes, overviewScale, OVERVIEW_H, OVERVIEW_W } from './Overview';

describe('the overview (minimap) geometry', () => {
  it('places a child at its group position plus its own', () => {
    const boxes = absoluteBoxes({
      'Namespace/shop': { x: 0, y: 100, width: 900, height: 300 },
      'Pod/shop/a': { x: 16, y: 34, width: 210, height: 58, parent: 'Namespace/shop' },
      'Client/internet': { x: 16, y: 0, width: 210, height: 58 },
    });
    expect(boxes.get('Pod/shop/a')).toEqual({ x: 16, y: 134, width: 210, height: 58 });
    expect(boxes.get('Client/internet')).toEqual({ x: 16, y: 0, width: 210, height: 58 });
  });

  it.each([
    { name: 'a wide drawing fills the width', w: 3000, h: 600 },
    { name: 'a tall drawing fills the height', w: 1500, h: 40000 },
    { name: 'a single node stays small and centred', w: 210, h: 58 },
  ])('$name, inside the box with room to spare', ({ w, h }) => {
    const { k, ox, oy } = overviewScale([{ x: 0, y: 0, width: w, height: h }]);
    expect(ox).toBeGreaterThanOrEqual(6);
    expect(oy).toBeGreaterThanOrEqual(6);
    expect(ox + w * k).toBeLessThanOrEqual(OVERVIEW_W - 6 + 1e-9);
    expect(oy + h * k).toBeLessThanOrEqual(OVERVIEW_H - 6 + 1e-9);
    expect(k).toBeLessThanOrEqual(0.2);
    expect(Math.abs(ox - (OVERVIEW_W - w * k - ox)) < 1e-9 && Math.abs(oy - (OVERVIEW_H - h * k - oy)) < 1e-9).toBe(true);
  });
});
