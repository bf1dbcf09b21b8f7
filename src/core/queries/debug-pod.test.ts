import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { prepareQuery, type QueryName } from './index';
import { parseDebugPeer } from './peer';

const text = readFileSync(new URL('../../scenarios/allow-frontend-api-database.yaml', import.meta.url), 'utf8');
const sim = simulate([{ name: 'allow-frontend-api-database.yaml', text }]);

/** Ask a question as the CLI and the page do; the answer, or `usage: …` / `input: …`. */
function ask(name: QueryName, args: Record<string, unknown>): unknown {
  const q = prepareQuery(name, args);
  if (!q.ok) return `usage: ${q.error}`;
  const r = q.query.run(sim);
  return r.ok ? r.result : `${r.kind}: ${r.error}`;
}

describe('--from debug:NS: a debug pod started in a namespace, with chosen labels', () => {
  it.each([
    { from: 'debug:app', labels: undefined, want: { namespace: 'app', labels: { run: 'debug' } } },
    { from: 'debug:', labels: undefined, want: { namespace: 'default', labels: { run: 'debug' } } },
    { from: 'debug:app', labels: 'tier=frontend, team=web', want: { namespace: 'app', labels: { tier: 'frontend', team: 'web' } } },
    { from: 'app/api', labels: undefined, want: null },
    { from: 'app/api', labels: 'a=b', want: { error: '--debug-labels goes with --from debug:NAMESPACE' } },
    { from: 'debug:App', labels: undefined, want: { error: expect.stringMatching(/^"App" is not a namespace name/) as unknown } },
    { from: 'debug:app', labels: 'tier', want: { error: '--debug-labels "tier" must look like key=value' } },
    { from: 'debug:app', labels: 'tier=-x', want: { error: expect.stringMatching(/^--debug-labels "tier=-x": must be empty or/) as unknown } },
  ])('$from with labels $labels', ({ from, labels, want }) => {
    expect(parseDebugPeer(from, labels)).toEqual(want);
  });

  // The policies of the scenario admit tier=frontend to the api on 8080 (api-from-frontend) and nothing else.
  it.each([
    { labels: 'tier=frontend', verdict: 'allowed' },
    { labels: undefined, verdict: 'denied' },
    { labels: 'tier=api', verdict: 'denied' },
  ])('check from debug:app with labels $labels to the api pod: $verdict', ({ labels, verdict }) => {
    const api = sim.world.pods.find((p) => p.namespace === 'app' && p.labels.tier === 'api')!;
    const doc = ask('check', { from: 'debug:app', ...(labels ? { 'debug-labels': labels } : {}), to: `app/${api.name}`, port: 8080 }) as { verdict: string; from: string };
    expect(doc.verdict).toBe(verdict);
    expect(doc.from).toBe('app/debug');
  });

  it('dns resolves from the debug pod with its namespace in the search path', () => {
    const doc = ask('dns', { from: 'debug:app', name: 'api' }) as { from: string; tried: string[]; rcode: string };
    expect(doc.from).toBe('app/debug');
    expect(doc.tried[0]).toBe('api.app.svc.cluster.local.');
  });

  it('trace starts at the debug pod; a namespace the input does not have is refused', () => {
    const doc = ask('trace', { from: 'debug:app', 'debug-labels': 'tier=frontend', url: 'http://api.app:8080/' }) as { verdict: string };
    expect(doc.verdict).toBe('delivered');
    expect(ask('trace', { from: 'debug:nowhere', url: 'http://api.app:8080/' })).toBe('input: the debug pod cannot start: there is no namespace "nowhere" in the input');
    expect(ask('dns', { from: 'app/api', 'debug-labels': 'a=b', name: 'x' })).toBe('usage: --debug-labels goes with --from debug:NAMESPACE');
  });
});
