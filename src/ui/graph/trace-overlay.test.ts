import { describe, expect, it } from 'vitest';
import { buildTopology, runQuery, simulate } from '../../core/index';
import { DEFAULT_SCENARIO } from '../default-scenario';
import { traceOverlay, type TraceOverlay } from './trace-overlay';

const sim = simulate([{ name: 'shop.yaml', text: DEFAULT_SCENARIO }], {});
const topo = buildTopology(sim, { showSystem: false });
const pods = topo.nodes.filter((n) => n.kind === 'Pod').map((n) => n.id);
const pod = (prefix: string) => pods.find((p) => p.startsWith(`Pod/shop/${prefix}`))!;
const edgeId = (from: string, to: string) => topo.edges.find((e) => e.from === from && e.to === to)?.id ?? `none ${from} → ${to}`;

/** The trace as the page gets it: `knet trace --json`'s document. */
function trace(from: string, url: string) {
  const r = runQuery(sim, 'trace', { from, url });
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

function overlay(from: string, url: string): TraceOverlay {
  return traceOverlay(topo, from, trace(from, url));
}
const marks = (m: Map<string, string>) => Object.fromEntries([...m].sort());

describe('a trace drawn on the graph', () => {
  it('lights every hop of a delivered request from outside, through the slice the controller reads', () => {
    const o = overlay('ip:203.0.113.7', 'http://shop.example.com/');
    expect(o.source).toBe('Client/internet');
    expect(marks(o.nodes)).toEqual({
      'Client/internet': 'ok',
      'IngressClass/nginx': 'ok',
      'Ingress/shop/shop': 'ok',
      'Service/shop/frontend': 'ok',
      'EndpointSlice/shop/frontend-j58km': 'ok',
      [pod('frontend-')]: 'ok',
      [pods.filter((p) => p.startsWith('Pod/shop/frontend-'))[1]!]: 'ok',
    });
    expect([...o.edges.values()].every((m) => m === 'ok')).toBe(true);
    expect(o.edges.get(edgeId('Service/shop/frontend', 'EndpointSlice/shop/frontend-j58km'))).toBe('ok');
    expect(o.extra).toEqual([]);
    // Where it arrived: both frontend pods (the view shows them when the whole path does not fit).
    expect(o.end.sort()).toEqual(pods.filter((p) => p.startsWith('Pod/shop/frontend-')).sort());
  });

  it('marks the source and the step a policy blocks, never the blocked pods as reached', () => {
    const db = pod('db-0');
    const o = overlay(db.slice(4), 'http://api.shop/');
    const apis = pods.filter((p) => p.startsWith('Pod/shop/api-'));
    expect(o.source).toBe(db);
    expect(o.nodes.get(db)).toBe('ok');
    expect(o.nodes.get('Service/shop/api')).toBe('ok');
    for (const p of apis) {
      expect(o.nodes.get(p)).toBe('blocked');
      expect(o.edges.get(edgeId('EndpointSlice/shop/api-qfptq', p))).toBe('blocked');
    }
    // The database never calls the API in the manifests: a trace-only edge joins it to the Service.
    expect(o.extra).toEqual([{ id: `trace:${db}->Service/shop/api`, from: db, to: 'Service/shop/api', mark: 'ok' }]);
    expect(o.end.sort()).toEqual(apis.sort());
  });

  it('stops at the source when its lookup fails', () => {
    const web = pod('frontend-');
    const o = overlay(web.slice(4), 'http://no-such-service.shop/');
    expect(marks(o.nodes)).toEqual({ [web]: 'failed' });
    expect(o.edges.size + o.extra.length).toBe(0);
    expect(o.end).toEqual([web]);
  });

  it('marks a blocked call to a pod IP on a trace-only edge into that pod', () => {
    const api = pod('api-');
    const o = overlay(api.slice(4), 'http://db.shop:5432/');
    expect(o.nodes.get(api)).toBe('ok');
    expect(o.nodes.get(pod('db-0'))).toBe('blocked');
    expect(o.extra).toEqual([{ id: `trace:${api}->${pod('db-0')}`, from: api, to: pod('db-0'), mark: 'blocked' }]);
    expect(o.end).toEqual([pod('db-0')]);
  });

  it('stops at the entry point when no rule takes the request', () => {
    const r = trace('ip:203.0.113.7', 'http://other.example.com/');
    const o = traceOverlay(topo, 'ip:203.0.113.7', r);
    expect(r.verdict).not.toBe('delivered');
    const bad = [...o.nodes].filter(([, m]) => m !== 'ok');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every(([id]) => !id.startsWith('Pod/') && !id.startsWith('Service/'))).toBe(true);
    expect(o.nodes.get('Client/internet')).toBe('ok');
  });
});
