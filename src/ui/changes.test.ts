import { describe, expect, it, vi } from 'vitest';
import type { DiffDocument } from '../core/index';
import type { SimulatedReply } from '../worker/protocol';
import { AUTO_DIFF_PODS, installChanges } from './changes';
import { createAppStore } from './store';
import { fakeEnv } from './store-testing';

function reply(rev: number, pods = 2): SimulatedReply {
  return {
    type: 'simulated',
    rev,
    diagnostics: [],
    topology: { nodes: [], edges: [] },
    layout: {},
    routes: {},
    matrixPorts: [],
    summary: { objects: 0, pods, services: 0, errors: 0, warnings: 0 },
    objects: [],
    pods: [],
    services: [],
    hosts: [],
    queries: [],
    timings: { simulate: 0, layout: 0 },
  };
}

const EMPTY: DiffDocument = { connections: [], routes: [], dns: [] };

/** A store whose worker answers every diff with an empty document, recording the `before` it was asked with. */
function setup(text: string) {
  const asked: string[] = [];
  const env = fakeEnv();
  env.sim.query = ((name: string, args: { before: string }) => {
    if (name !== 'diff') return Promise.reject(new Error(`unexpected ${name}`));
    asked.push(args.before);
    return Promise.resolve(EMPTY);
  });
  const store = createAppStore({ ...env, delays: { run: 60_000, url: 60_000 } }, { source: { text, options: {}, showSystem: false } });
  installChanges(store);
  return { store, asked, a: store.getState().actions };
}

describe('what changed, after each simulation', () => {
  it('compares each new version with the one before, then with the version chosen', async () => {
    const { store, asked, a } = setup('v1');
    a.receive(reply(1));
    expect(asked).toEqual([]); // nothing before the first version
    a.setText('v2');
    a.receive(reply(2));
    await vi.waitFor(() => expect(store.getState().result.changes).toEqual({ rev: 2, against: 'previous', doc: EMPTY }));
    expect(asked).toEqual(['v1']);

    a.compareWith('loaded');
    await vi.waitFor(() => expect(asked).toEqual(['v1', 'v1']));
    a.compareWith('shared');
    await vi.waitFor(() => expect(store.getState().result.changes).toMatchObject({ against: 'shared', error: expect.stringContaining('No link') as unknown }));
    a.markShared('v2');
    await vi.waitFor(() => expect(asked).toEqual(['v1', 'v1', 'v2']));
    a.compareWith('pasted', 'pasted text');
    await vi.waitFor(() => expect(asked.at(-1)).toBe('pasted text'));
  });

  it('does not compare a newly loaded scenario with the one it replaced', async () => {
    const { store, asked, a } = setup('v1');
    a.receive(reply(1));
    a.load({ text: 'another scenario' });
    a.receive(reply(2));
    await Promise.resolve();
    expect(asked).toEqual([]);
    expect(store.getState().result.changes).toBeNull();
    a.setText('another scenario, edited');
    a.receive(reply(3));
    await vi.waitFor(() => expect(asked).toEqual(['another scenario']));
  });

  it('clears the changes of the last edit when the same text is loaded again', async () => {
    const { store, a } = setup('v1');
    a.receive(reply(1));
    a.setText('v2');
    a.receive(reply(2));
    await vi.waitFor(() => expect(store.getState().result.changes).toEqual({ rev: 2, against: 'previous', doc: EMPTY }));
    a.load({ text: 'v2' });
    a.receive(reply(3));
    await vi.waitFor(() => expect(store.getState().result.changes).toBeNull());
  });

  it('asks once the text rests, against the version it last rested on: keystrokes in between are one edit', async () => {
    const { store, asked, a } = setup('v1');
    a.receive(reply(1));
    a.setText('v2');
    a.receive(reply(2));
    a.setText('v3'); // typed again before the idle time passed
    a.receive(reply(3));
    await vi.waitFor(() => expect(store.getState().result.changes).toEqual({ rev: 3, against: 'previous', doc: EMPTY }));
    expect(asked).toEqual(['v1']);
    // The next edit starts from v3, where the text rested.
    a.setText('v4');
    a.receive(reply(4));
    await vi.waitFor(() => expect(asked).toEqual(['v1', 'v3']));
  });

  it('keeps the version it rested on when a reply for the same text arrives (a setting changed)', async () => {
    const { asked, a } = setup('v1');
    a.receive(reply(1));
    a.setText('v2');
    a.receive(reply(2));
    await vi.waitFor(() => expect(asked).toEqual(['v1']));
    a.setShowSystem(true); // same text
    a.receive(reply(3));
    a.setText('v3');
    a.receive(reply(4));
    await vi.waitFor(() => expect(asked).toEqual(['v1', 'v2']));
  });

  it(`waits for a click above ${AUTO_DIFF_PODS} pods`, async () => {
    const { store, asked, a } = setup('v1');
    a.receive(reply(1, AUTO_DIFF_PODS + 1));
    a.setText('v2');
    a.receive(reply(2, AUTO_DIFF_PODS + 1));
    await vi.waitFor(() => expect(store.getState().result.changes).toEqual({ rev: 2, against: 'previous', skipped: true }));
    expect(asked).toEqual([]);
    a.requestChanges();
    await vi.waitFor(() => expect(asked).toEqual(['v1']));
  });
});
