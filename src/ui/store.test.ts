import { describe, expect, it, vi } from 'vitest';
import { createSimClient } from './sim-client';
import { createAppStore } from './store';
import { fakeEnv, reply } from './store-testing';

describe('the app store', () => {
  it('forgets the matrix and its typed port when another scenario is loaded', () => {
    const store = createAppStore(fakeEnv(), { source: { text: 'a', options: {}, showSystem: false } });
    const { setMatrixPort, setLastMatrix, load } = store.getState().actions;
    setMatrixPort('5432');
    setLastMatrix({ pods: ['a/b'], ports: [{ port: 5432, protocol: 'TCP' }], matrix: { '5432/TCP': ['1'] } });
    load({ text: 'b' });
    expect(store.getState().ui.matrixPort).toBeNull();
    expect(store.getState().result.lastMatrix).toBeNull();
  });

  it('schedules one worker run, one URL update and a local save for a burst of edits', async () => {
    vi.useFakeTimers();
    const e = fakeEnv();
    const store = createAppStore(e, { source: { text: 'a', options: {}, showSystem: false } });
    store.getState().actions.setText('ab');
    store.getState().actions.setText('abc');
    await vi.advanceTimersByTimeAsync(50);
    expect(e.runs).toEqual([3]);
    expect(e.urls).toEqual(['abc']);
    expect(e.saved.at(-1)).toBe('abc');
    vi.useRealTimers();
  });

  it('with no run delay, sends the edits of one task as one run, before any timer fires', async () => {
    const e = { ...fakeEnv(), delays: { run: 0, url: 20 } };
    const store = createAppStore(e, { source: { text: 'a', options: {}, showSystem: false } });
    store.getState().actions.setText('ab');
    store.getState().actions.setText('abc');
    expect(e.runs).toEqual([]);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await Promise.resolve();
    expect(e.runs).toEqual([3]);
    expect(timerRan).toBe(false);
  });

  it('keeps one simulation in flight: edits made meanwhile become one run of the latest text', async () => {
    vi.useFakeTimers();
    const e = fakeEnv();
    const store = createAppStore(e, { source: { text: 'a', options: {}, showSystem: false } });
    const { setText, receive } = store.getState().actions;
    setText('ab');
    await vi.advanceTimersByTimeAsync(20);
    expect(e.runs).toEqual([2]);
    setText('abc');
    setText('abcd');
    await vi.advanceTimersByTimeAsync(20);
    expect(e.runs).toEqual([2]);
    receive(reply(2));
    expect(e.runs).toEqual([2, 4]);
    // A run that failed (the worker was restarted) frees the page to send the next edit.
    receive({ type: 'failed', rev: 4, error: 'restarted' });
    setText('abcde');
    await vi.advanceTimersByTimeAsync(20);
    expect(e.runs).toEqual([2, 4, 5]);
    vi.useRealTimers();
  });

  it('drops a reply older than the one shown', () => {
    const store = createAppStore(fakeEnv(), { source: { text: 'a', options: {}, showSystem: false } });
    store.getState().actions.receive(reply(5, ['Pod/x/new']));
    store.getState().actions.receive(reply(4, ['Pod/x/old']));
    expect(store.getState().result.reply?.rev).toBe(5);
  });

  it('changes neither the text nor the revision when read-only', () => {
    const store = createAppStore(fakeEnv(), { source: { text: 'a', options: {}, showSystem: false }, ui: { readonly: true } });
    store.getState().actions.setText('b');
    expect(store.getState().source).toMatchObject({ text: 'a', rev: 1 });
  });

  it('forgets a selection whose object is gone after an edit', () => {
    const store = createAppStore(fakeEnv(), { source: { text: 'a', options: {}, showSystem: false } });
    store.getState().actions.receive(reply(1, ['Pod/x/a']));
    store.getState().actions.select({ type: 'node', id: 'Pod/x/a' });
    store.getState().actions.receive(reply(2, ['Pod/x/b']));
    expect(store.getState().ui.selection).toBeNull();
  });
});

/** A stand-in Worker: records messages, lets the test answer, crash or stay silent. */
function fakeWorker() {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const w = {
    posted: [] as unknown[],
    terminated: false,
    postMessage(m: unknown) {
      w.posted.push(m);
    },
    terminate() {
      w.terminated = true;
    },
    addEventListener(type: string, fn: (e: unknown) => void) {
      (listeners[type] ??= []).push(fn);
    },
    emit(type: string, e: unknown) {
      for (const fn of listeners[type] ?? []) fn(e);
    },
  };
  return w;
}

describe('the worker client', () => {
  it('restarts a crashed worker, says so, and uses a new one for the next run', () => {
    const made: ReturnType<typeof fakeWorker>[] = [];
    const notices: string[] = [];
    const c = createSimClient({ onReply: () => {}, onNotice: (m) => notices.push(m) }, () => {
      const w = fakeWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    c.simulate({ rev: 1, text: '', options: {} });
    made[0]!.emit('error', { message: 'boom', preventDefault() {} });
    expect(made[0]!.terminated).toBe(true);
    expect(notices.length).toBe(1);
    c.simulate({ rev: 2, text: '', options: {} });
    expect(made.length).toBe(2);
    c.dispose();
  });

  it('restarts a worker that runs past its time budget', async () => {
    vi.useFakeTimers();
    const made: ReturnType<typeof fakeWorker>[] = [];
    const notices: string[] = [];
    const c = createSimClient({ onReply: () => {}, onNotice: (m) => notices.push(m) }, () => {
      const w = fakeWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    c.simulate({ rev: 1, text: '', options: {} });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(made[0]!.terminated).toBe(true);
    expect(notices.length).toBe(1);
    c.dispose();
    vi.useRealTimers();
  });

  it('matches a query answer to its request', async () => {
    const made: ReturnType<typeof fakeWorker>[] = [];
    const c = createSimClient({ onReply: () => {}, onNotice: () => {} }, () => {
      const w = fakeWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    const p = c.query('dns', { name: 'x' });
    const sent = made[0]!.posted[0] as { id: number; query: string; args: unknown };
    expect(sent).toMatchObject({ type: 'query', query: 'dns', args: { name: 'x' } });
    made[0]!.emit('message', { data: { type: 'answer', id: sent.id, ok: true, query: 'dns', result: { answer: 42 } } });
    await expect(p).resolves.toEqual({ answer: 42 });
  });

  it('rejects with the kind of failure, so a host page can tell bad flags from a scenario that cannot answer', async () => {
    const made: ReturnType<typeof fakeWorker>[] = [];
    const c = createSimClient({ onReply: () => {}, onNotice: () => {} }, () => {
      const w = fakeWorker();
      made.push(w);
      return w as unknown as Worker;
    });
    const p = c.query('dns', { name: 'x', from: 'nope/nope' });
    const sent = made[0]!.posted[0] as { id: number };
    made[0]!.emit('message', { data: { type: 'answer', id: sent.id, ok: false, kind: 'input', error: 'There is no pod nope/nope' } });
    await expect(p).rejects.toMatchObject({ kind: 'input', message: 'There is no pod nope/nope' });
  });
});
