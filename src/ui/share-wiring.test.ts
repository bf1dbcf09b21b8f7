import { describe, expect, it, vi } from 'vitest';
import { SCENARIOS } from '../scenarios/index';
import { createAppStore } from './store';
import { fakeEnv } from './store-testing';
import { hasExercise, lineRange } from './embed-api';
import { isUnsavedWork } from './panels/Gallery';
import { DEFAULT_SCENARIO } from './default-scenario';


const source = (text: string) => ({ text, options: {}, showSystem: false });

describe('the page side of sharing', () => {
  it('loads a scenario from a host page even when the page is read-only, and writes it to the address', async () => {
    vi.useFakeTimers();
    const e = fakeEnv();
    const store = createAppStore(e, { source: source('a'), ui: { readonly: true } });
    store.getState().actions.setText('typed');
    store.getState().actions.load({ text: 'from host' });
    await vi.advanceTimersByTimeAsync(50);
    expect(store.getState().source.text).toBe('from host');
    expect(e.urls).toEqual(['from host']);
    vi.useRealTimers();
  });

  it.each([
    [true, 'link text'],
    [false, 'draft'],
  ])('answers the shared-link question (open the link: %s) and forgets it', async (open, expected) => {
    vi.useFakeTimers();
    const e = fakeEnv();
    const store = createAppStore(e, { source: source('draft'), ui: { pendingLink: { text: 'link text' } } });
    store.getState().actions.chooseLink(open);
    await vi.advanceTimersByTimeAsync(50);
    expect(store.getState().source.text).toBe(expected);
    expect(store.getState().ui.pendingLink).toBeNull();
    expect(e.urls.at(-1)).toBe(expected);
    vi.useRealTimers();
  });

  it('keeps the panel when a selection asks to (a click in the YAML beside the Exercise panel)', () => {
    const store = createAppStore(fakeEnv(), { source: source('a'), ui: { panel: 'exercise' } });
    store.getState().actions.select({ type: 'node', id: 'Pod/x/a' }, { keepPanel: true });
    expect(store.getState().ui.panel).toBe('exercise');
    store.getState().actions.select({ type: 'node', id: 'Pod/x/b' });
    expect(store.getState().ui.panel).toBe('inspector');
  });

  it.each([
    ['kind: Exercise\n', true],
    ['apiVersion: x\nkind: "Exercise"  # the lab\n', true],
    ['kind: ExerciseList\n', false],
    ['# kind: Exercise\n', false],
    ['kind: Pod\n', false],
  ])('recognises an Exercise document in %j: %s', (text, want) => {
    expect(hasExercise(text)).toBe(want);
  });

  it('finds an Exercise in every built-in exercise and in no plain scenario', () => {
    for (const s of SCENARIOS) expect(hasExercise(s.text), s.id).toBe(s.exercise);
  });

  it("turns a goal's line and column (as knet test gives them) into the offsets of the rest of that line", () => {
    const text = 'a: 1\ngoals:\n  - title: x\n';
    expect(lineRange(text, 3, 5)).toEqual({ start: 16, end: 24 });
    expect(text.slice(16, 24)).toBe('title: x');
    expect(lineRange(text, 9, 1)).toEqual({ start: text.length, end: text.length });
  });

  it('counts only edited text as work a gallery load must ask about', () => {
    expect(isUnsavedWork(DEFAULT_SCENARIO)).toBe(false);
    expect(isUnsavedWork(SCENARIOS[0]!.text)).toBe(false);
    expect(isUnsavedWork('   \n')).toBe(false);
    expect(isUnsavedWork(SCENARIOS[0]!.text + '# mine\n')).toBe(true);
  });
});
