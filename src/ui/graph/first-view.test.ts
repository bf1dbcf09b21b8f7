import { describe, expect, it } from 'vitest';
import { firstView, readableZoom, TITLE_PX, wholeInView } from './first-view';

const PAD = { top: 50, right: 16, bottom: 16, left: 16 };
const PANE = { w: 900, h: 560 };

describe('the first view of a graph', () => {
  it.each([
    { nodes: 14, px: 11 },
    { nodes: 40, px: 11 },
    { nodes: 41, px: 9 },
    { nodes: 80, px: 9 },
  ])('keeps titles at $px px or more for $nodes nodes', ({ nodes, px }) => {
    expect(readableZoom(nodes) * TITLE_PX).toBeCloseTo(px);
  });

  it('fits a small drawing whole and centred, never magnified', () => {
    const v = firstView({ w: 400, h: 200 }, PANE, PAD, 5);
    expect(v).toEqual({ x: 16 + (868 - 400) / 2, y: 50 + (494 - 200) / 2, zoom: 1, whole: true });
  });

  it('fits a drawing that reads when shrunk to fit', () => {
    const v = firstView({ w: 1000, h: 300 }, PANE, PAD, 20);
    expect(v.whole).toBe(true);
    expect(v.zoom).toBeCloseTo(0.868);
    expect(v.x).toBeCloseTo(16);
  });

  it('frames the top left at a readable zoom when the whole would be too small to read', () => {
    const v = firstView({ w: 2400, h: 1400 }, PANE, PAD, 30);
    expect(v).toEqual({ x: 16, y: 50, zoom: readableZoom(30), whole: false });
    expect(wholeInView({ w: 2400, h: 1400 }, PANE, [v.x, v.y, v.zoom])).toBe(false);
  });

  it('centres the axis that fits while the other runs from its edge', () => {
    const v = firstView({ w: 700, h: 1400 }, PANE, PAD, 30);
    expect(v.whole).toBe(false);
    expect(v.x).toBeCloseTo(16 + (868 - 700 * v.zoom) / 2);
    expect(v.y).toBe(50);
  });
});
