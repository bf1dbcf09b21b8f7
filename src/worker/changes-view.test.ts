/** The Changes panel's helpers over a real worker reply (a worker test, so it may simulate). */
import { describe, expect, it } from 'vitest';
import type { ConnectionChange } from '../core/index';
import { createState, handle } from './handler';
import type { SimulatedReply } from './protocol';
import { connectionTarget, countChanges, describeCounts, direction, objectRange, podsOf } from '../ui/changes-view';

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, env: [{name: API, value: "http://api.shop:80"}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
`;

function reply(text: string): SimulatedReply {
  const r = handle(createState(), { type: 'simulate', rev: 1, text, options: {} });
  if (r.type !== 'simulated') throw new Error('no simulation');
  return r;
}

const change = (before: ConnectionChange['before'], after: ConnectionChange['after']): ConnectionChange => ({ from: 'Deployment/shop/web', to: 'Deployment/shop/api', port: 80, protocol: 'TCP', before, after, because: 'NetworkPolicy/shop/api-deny' });

describe('how the page shows a diff', () => {
  it.each([
    ['allowed', 'denied', 'closed'],
    ['absent', 'allowed', 'opened'],
    ['denied', 'partial', 'opened'],
    ['allowed', 'partial', 'closed'],
    ['denied', 'absent', 'same'],
  ] as const)('%s → %s is %s', (before, after, want) => {
    expect(direction(change(before, after))).toBe(want);
  });

  it('counts what opened, closed and changed, in words', () => {
    const doc = { connections: [change('allowed', 'denied'), change('denied', 'allowed'), change('allowed', 'denied')], routes: [], dns: [{ from: 'x', name: 'a.b', type: 'A' as const, before: 'NOERROR' as const, after: 'TIMEOUT' as const, because: null }] };
    expect(countChanges(doc)).toEqual({ opened: 1, closed: 2, routes: 0, dns: 1 });
    expect(describeCounts(countChanges(doc))).toBe('1 opened · 2 closed · 1 DNS answer changed');
    expect(describeCounts({ opened: 0, closed: 0, routes: 0, dns: 0 })).toBe('no change');
  });

  it("finds a workload's drawn pods, the edge of a changed call, and the YAML of its cause", () => {
    const r = reply(SHOP);
    const web = podsOf(r, 'Deployment/shop/web');
    expect(web).toHaveLength(2);
    expect(web.every((id) => id.startsWith('Pod/shop/web-'))).toBe(true);
    const target = connectionTarget(r, change('allowed', 'denied'));
    expect(target?.type).toBe('edge');
    const edge = r.topology.edges.find((e) => target && e.id === target.id)!;
    expect(web).toContain(edge.from);
    expect(edge.to).toBe('Service/shop/api');
    const range = objectRange(r, 'NetworkPolicy/shop/api-deny')!;
    expect(SHOP.slice(range.start, range.end)).toContain('name: api-deny');
    expect(objectRange(r, 'NetworkPolicy/shop/nothing')).toBeNull();
  });
});
