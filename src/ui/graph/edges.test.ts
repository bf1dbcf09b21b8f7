import { describe, expect, it } from 'vitest';
import { dashFor } from './edges';

describe('dashes on long edges are stretched, never more than 60 along one edge', () => {
  it.each([
    { name: 'a short edge keeps its pattern', dash: '7 5', to: [300, 0], want: '7 5' },
    { name: 'an edge across the graph stretches it', dash: '7 5', to: [0, 960], want: '14 10' },
    { name: 'the dotted pattern too', dash: '2 5', to: [0, 560], want: '4 10' },
  ])('$name', ({ dash, to, want }) => {
    expect(dashFor(dash, 0, 0, to[0]!, to[1]!)).toBe(want);
  });
});
