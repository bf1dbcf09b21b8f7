import { describe, expect, it } from 'vitest';
import { bringIntoView, firstView, readableZoom, TITLE_PX, wholeInView } from './first-view';

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

describe('bringing a trace back into view', () => {
  const box = { x: 600, y: 300, w: 200, h: 100 };
  it('leaves a view that already shows it', () => {
    expect(bringIntoView(box, PANE, PAD, { x: 0, y: 0, zoom: 1 })).toBeNull();
  });

  it('centres it at the same zoom when it fits there', () => {
    // The pane shrank to 300 px: the box (y 300..400) is below the free area (50..284).
    const v = bringIntoView(box, { w: 900, h: 300 }, PAD, { x: 0, y: 0, zoom: 1 })!;
    expect(v.zoom).toBe(1);
    expect(v.y + box.y * v.zoom).toBeGreaterThanOrEqual(PAD.top);
    expect(v.y + (box.y + box.h) * v.zoom).toBeLessThanOrEqual(300 - PAD.bottom);
    expect(v.x + (box.x + box.w / 2) * v.zoom).toBeCloseTo(16 + 868 / 2);
  });

  it('zooms out only as far as it takes, never in', () => {
    const tall = { x: 0, y: 0, w: 200, h: 1000 };
    const v = bringIntoView(tall, PANE, PAD, { x: 0, y: -500, zoom: 0.8 })!;
    expect(v.zoom).toBeCloseTo((560 - 50 - 16) / 1000);
    expect(bringIntoView(box, PANE, PAD, { x: -2000, y: 0, zoom: 0.5 })!.zoom).toBe(0.5);
  });

  it('stops at the readable zoom, showing the start of what still does not fit', () => {
    const tall = { x: 100, y: 200, w: 200, h: 1000 };
    const v = bringIntoView(tall, PANE, PAD, { x: 0, y: -900, zoom: 1 }, 0.64)!;
    expect(v.zoom).toBe(0.64);
    expect(v.y + tall.y * v.zoom).toBe(PAD.top);
    // Already further out than readable: not zoomed in.
    expect(bringIntoView(tall, PANE, PAD, { x: 0, y: -900, zoom: 0.3 }, 0.64)!.zoom).toBe(0.3);
  });
});
