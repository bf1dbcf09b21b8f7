import { describe, expect, it } from 'vitest';
import { bracketRoute, dashFor } from './edges';

describe('dashes on long edges are stretched, never more than 60 along one edge', () => {
  it.each([
    { name: 'a short edge keeps its pattern', dash: '7 5', to: [300, 0], want: '7 5' },
    { name: 'an edge across the graph stretches it', dash: '7 5', to: [0, 960], want: '14 10' },
    { name: 'the dotted pattern too', dash: '2 5', to: [0, 560], want: '4 10' },
  ])('$name', ({ dash, to, want }) => {
    expect(dashFor(dash, 0, 0, to[0]!, to[1]!)).toBe(want);
  });
});

describe('an edge between two nodes of one column runs beside the column, not across the nodes between them', () => {
  // Nodes 200 wide at x = 100: a source's right handle is at x = 300, a target's left handle at x = 100.
  it.each([
    { name: 'downwards', from: [300, 50], to: [100, 290], want: [[300, 50], [312, 50], [312, 290], [300, 290]] },
    { name: 'upwards', from: [300, 290], to: [100, 50], want: [[300, 290], [312, 290], [312, 50], [300, 50]] },
    { name: 'a wider target sets the side', from: [300, 50], to: [100, 290], tw: 240, want: [[300, 50], [352, 50], [352, 290], [340, 290]] },
  ])('$name', ({ from, to, tw, want }) => {
    expect(bracketRoute(from[0]!, from[1]!, 200, to[0]!, to[1]!, tw ?? 200)).toEqual(want);
  });
  it('a handle a few pixels off the side (measured at another zoom) still counts as the same column', () => {
    expect(bracketRoute(304.0001, 50, 200, 100, 290, 200)?.[1]).toEqual([316.0001, 50]);
  });
  it('nodes in different columns get no such route', () => {
    expect(bracketRoute(300, 50, 200, 400, 290, 200)).toBeUndefined();
  });
});
