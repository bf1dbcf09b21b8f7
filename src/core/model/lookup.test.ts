import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from './core';
import type { EndpointSlice } from './discovery';
import { clusterIPIndex, indexPods, podsMatching, servicesByName, slicesByService } from './lookup';

// Lookups must answer exactly what the scans they replace answered, in World order (issue 15).
const label = fc.constantFrom('app', 'role', 'tier', 'app.kubernetes.io/name');
const value = fc.constantFrom('a', 'b', 'c', '');
const labels = fc.dictionary(label, value, { maxKeys: 3 });
const ns = fc.constantFrom('default', 'shop', 'data');
const pods = fc.array(fc.tuple(ns, labels), { maxLength: 30 }).map((xs) => xs.map(([namespace, l], i) => ({ id: `Pod/${namespace}/p${i}`, namespace, name: `p${i}`, labels: l }) as unknown as Pod));
const matches = (sel: Record<string, string>, l: Record<string, string>) => Object.entries(sel).every(([k, v]) => l[k] === v);

describe('World lookups answer as the scans they replace', () => {
  it('pods matching an equality selector, in a namespace or in all, in World order (property)', () => {
    fc.assert(
      fc.property(pods, fc.option(ns, { nil: undefined }), labels, (list, namespace, sel) => {
        const want = list.filter((p) => (namespace === undefined || p.namespace === namespace) && matches(sel, p.labels));
        expect(podsMatching(indexPods(list), namespace, sel)).toEqual(want);
      }),
    );
  });

  it('Services by namespace/name keep the first of a name, as find does', () => {
    const s = (namespace: string, name: string, ip: string) => ({ namespace, name, clusterIPs: [ip] }) as unknown as Service;
    const services = [s('shop', 'api', '10.96.0.10'), s('shop', 'api', '10.96.0.11'), s('data', 'api', '10.96.0.10')];
    expect(servicesByName({ services }).get('shop/api')).toBe(services[0]);
    expect(servicesByName({ services }).get('data/api')).toBe(services[2]);
    expect(clusterIPIndex({ services }).get('10.96.0.10')).toBe(services[0]);
    expect(clusterIPIndex({ services }).get('10.96.0.11')).toBe(services[1]);
  });

  it('slices by Service: same namespace, the service-name label or field, in World order', () => {
    const es = (namespace: string, serviceName: string | undefined, label?: string) => ({ namespace, serviceName, labels: label ? { 'kubernetes.io/service-name': label } : {} }) as unknown as EndpointSlice;
    const endpointSlices = [es('shop', 'api'), es('data', 'api'), es('shop', undefined, 'api'), es('shop', 'web'), es('shop', undefined)];
    const ix = slicesByService({ endpointSlices });
    expect(ix.get('shop/api')).toEqual([endpointSlices[0], endpointSlices[2]]);
    expect(ix.get('data/api')).toEqual([endpointSlices[1]]);
    expect(ix.get('shop/web')).toEqual([endpointSlices[3]]);
  });
});
