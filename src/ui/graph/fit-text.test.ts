import { describe, expect, it } from 'vitest';
import { fitMiddle, fitName, fitWith } from './fit-text';

/** Every character 10 px wide, the ellipsis too. */
const tenEach = (s: string) => [...s].length * 10;

describe('labels cut to the node width', () => {
  it.each([
    { text: 'web', width: 30, want: 'web' },
    { text: 'frontend-5876995', width: 160, want: 'frontend-5876995' },
    { text: 'frontend-5876995f9-abcde', width: 100, want: 'frontend-…' },
    { text: 'api 10.0.0.1', width: 50, want: 'api…' },
    { text: 'abc', width: 5, want: '…' },
  ])('$text in $width px → $want', ({ text, width, want }) => {
    const got = fitWith(tenEach, text, width);
    expect(got).toBe(want);
    expect(tenEach(got) <= width || got === '…').toBe(true);
  });
});

describe('names cut in the middle, so replicas stay apart', () => {
  it.each([
    { text: 'web-1', width: 50, want: 'web-1' },
    { text: 'frontend-7765cc6d9f-x2x8k', width: 130, want: 'fronte…-x2x8k' },
    { text: 'frontend-7765cc6d9f-abcde', width: 130, want: 'fronte…-abcde' },
    { text: 'abcdef', width: 10, want: '…' },
  ])('$text in $width px → $want', ({ text, width, want }) => {
    expect(fitMiddle(tenEach, text, width)).toBe(want);
  });
});

describe('a Deployment pod keeps its workload name and its suffix, and loses hash first', () => {
  it.each([
    { text: 'frontend-5876995497-hdxmw', width: 250, want: 'frontend-5876995497-hdxmw' },
    { text: 'frontend-5876995497-hdxmw', width: 200, want: 'frontend-5876…-hdxmw' },
    { text: 'frontend-5876995497-hdxmw', width: 160, want: 'frontend-…-hdxmw' },
    { text: 'recommendationservice-5876995497-hdxmw', width: 200, want: 'recommend…5497-hdxmw' },
    { text: 'recommendationservice', width: 150, want: 'recomme…service' },
  ])('$text in $width px → $want', ({ text, width, want }) => {
    const got = fitName(tenEach, text, width);
    expect(got).toBe(want);
    expect(tenEach(got)).toBeLessThanOrEqual(width);
  });
});
