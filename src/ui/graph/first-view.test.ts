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

  describe('shows where a trace stopped (the focus) when the whole of it does not fit', () => {
    const tall = { x: 100, y: 200, w: 200, h: 1000 };
    const room = { top: PAD.top, bottom: PANE.h - PAD.bottom };
    const cases: { name: string; focus: { x: number; y: number; w: number; h: number }; top: 'start' | 'focus end' | 'focus start' }[] = [
      { name: 'a focus near the start: the start, as without one', focus: { x: 100, y: 220, w: 200, h: 56 }, top: 'start' },
      { name: 'a focus at the end: moved up until it ends at the bottom of the room', focus: { x: 100, y: 1144, w: 200, h: 56 }, top: 'focus end' },
      { name: 'a focus taller than the room: its own start', focus: { x: 100, y: 300, w: 200, h: 900 }, top: 'focus start' },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const v = bringIntoView(tall, PANE, PAD, { x: 0, y: -900, zoom: 1 }, 0.64, c.focus)!;
        expect(v.zoom).toBe(0.64);
        const at = (y: number) => v.y + y * v.zoom;
        if (c.top === 'start') expect(at(tall.y)).toBe(room.top);
        if (c.top === 'focus end') expect(at(c.focus.y + c.focus.h)).toBeCloseTo(room.bottom);
        if (c.top === 'focus start') expect(at(c.focus.y)).toBeCloseTo(room.top);
        // Never past the box: its start is at or above the top of the room.
        expect(at(tall.y)).toBeLessThanOrEqual(room.top + 1e-9);
      });
    }

    it('changes nothing on an axis where the box fits', () => {
      const wide = { x: 0, y: 0, w: 200, h: 100 };
      const a = bringIntoView(wide, PANE, PAD, { x: -2000, y: 0, zoom: 1 })!;
      expect(bringIntoView(wide, PANE, PAD, { x: -2000, y: 0, zoom: 1 }, 0, { x: 150, y: 50, w: 50, h: 50 })).toEqual(a);
    });
  });
});
