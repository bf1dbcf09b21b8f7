/** Routes written against their ends (issue 15): back to the same coordinates, and unchanged when their ends move together. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorRoutes, routesFromAnchors } from './route-anchors';

type Point = [number, number];
const layout = {
  'Namespace/a': { x: 0, y: 100, width: 900, height: 400 },
  'Pod/a/p': { x: 700, y: 30, width: 160, height: 64, parent: 'Namespace/a' },
  'Service/a/s': { x: 300, y: 110, width: 160, height: 64, parent: 'Namespace/a' },
  'Client/internet': { x: 14, y: 0, width: 128, height: 64 },
};
const edges = [
  { id: 'Pod/a/p->Service/a/s', from: 'Pod/a/p', to: 'Service/a/s' },
  { id: 'Client/internet->Service/a/s', from: 'Client/internet', to: 'Service/a/s' },
];
// The pod's middle is at 100 + 30 + 32 = 162, the Service's at 100 + 110 + 32 = 242, halfway 202.
const routes: Record<string, Point[]> = {
  'Pod/a/p->Service/a/s': [[700, 162], [680, 162], [680, 202], [480, 202], [480, 242], [460, 242]],
  'Client/internet->Service/a/s': [[142, 32], [160, 32], [160, 77.25], [300, 77.25]],
};

describe('routes written against their ends', () => {
  it.each([
    ['the source middle', [700, 162], [700, 0]],
    ['the target middle', [460, 242], [460, 0, 1]],
    ['halfway between', [480, 202], [480, 0, 2]],
    ['any other height, relative to the source', [160, 77.25], [160, 45.25]],
  ])('write a height at %s', (_, point, want) => {
    const all = anchorRoutes(routes, edges, layout);
    const id = Object.keys(routes).find((k) => routes[k]!.some(([x, y]) => x === point[0] && y === point[1]))!;
    expect(all[id]![routes[id]!.findIndex(([x, y]) => x === point[0] && y === point[1])]).toEqual(want);
  });

  it('come back as the same coordinates, bit for bit, whatever the placements (property)', () => {
    const coord = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -5000, max: 5000, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 6 }), coord, coord, (pts, dy1, dy2) => {
        const moved = { ...layout, 'Pod/a/p': { ...layout['Pod/a/p'], y: dy1 }, 'Service/a/s': { ...layout['Service/a/s'], y: dy2 } };
        const r = { 'Pod/a/p->Service/a/s': pts as Point[], 'Gone/x->Gone/y': pts as Point[] };
        expect(routesFromAnchors(anchorRoutes(r, edges, moved), edges, moved)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('stay the same when a namespace box moves down with both ends of its routes', () => {
    const lower = { ...layout, 'Namespace/a': { ...layout['Namespace/a'], y: 180 } };
    const shifted = { ...routes, 'Pod/a/p->Service/a/s': routes['Pod/a/p->Service/a/s']!.map(([x, y]): Point => [x, y + 80]) };
    const before = anchorRoutes(routes, edges, layout);
    const after = anchorRoutes(shifted, edges, lower);
    expect(after['Pod/a/p->Service/a/s']).toEqual(before['Pod/a/p->Service/a/s']);
  });
});
