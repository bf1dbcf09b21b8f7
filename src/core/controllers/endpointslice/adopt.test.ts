import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

/**
 * EPS-8, after kubernetes/kubernetes pkg/controller/endpointslice/endpointslice_controller_test.go
 * (TestSyncServiceEndpointSliceLabelSelection: "5 slices, 3 with matching labels for our service"; the
 * owned ones are updated, the unowned one with both labels is deleted) and
 * staging/src/k8s.io/endpointslice/reconciler.go (reconcileByAddressType, ownedBy → slicesToDelete).
 */
const slice = (name: string, labels: string, extra = '') => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ${name}
  labels: {${labels}}${extra}
addressType: IPv4
ports: [{name: "", port: 9376}]
endpoints: [{addresses: ["10.1.2.3"]}]
---
`;
const BOTH = 'kubernetes.io/service-name: testing-1, endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io';
const owner = '\n  ownerReferences: [{apiVersion: v1, kind: Service, name: testing-1, uid: 0b5c9a3e-1111-4000-8000-000000000001, controller: true}]';
const service = (selector: boolean) => `apiVersion: v1\nkind: Service\nmetadata: {name: testing-1}\nspec: {${selector ? 'selector: {app: t}, ' : ''}ports: [{port: 80, targetPort: 9376}]}\n---\n`;
const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: t}}\nspec: {containers: [{name: c}]}\n---\n';

describe('hand-written slices that carry the EndpointSlice controller\'s label (EPS-8)', () => {
  const text =
    service(true) +
    pod +
    slice('matching-1', BOTH, owner) +
    slice('orphan', BOTH) +
    slice('partially-matching-1', 'kubernetes.io/service-name: testing-1') +
    slice('not-matching-1', 'kubernetes.io/service-name: another-service, endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io') +
    slice('not-matching-2', 'kubernetes.io/service-name: testing-1, endpointslice.kubernetes.io/managed-by: something-else');
  const s = simulate([{ name: 'slices.yaml', text }]);
  const names = s.world.endpointSlices.filter((x) => !x.generated).map((x) => x.name);
  const diags = s.diagnostics.filter((d) => d.code === 'endpointslice-managed-by-controller');

  it('a slice with both labels that the Service does not own is deleted, with a warning on the managed-by label', () => {
    expect(names).not.toContain('orphan');
    const d = diags.find((x) => x.object === 'EndpointSlice/default/orphan')!;
    expect(d).toMatchObject({ severity: 'warning', rule: 'EPS-8' });
    expect(text.slice(d.range.start, d.range.end)).toBe('endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io');
  });

  it('a slice the Service owns is rewritten by the controller: its written endpoints are replaced (info)', () => {
    expect(names).not.toContain('matching-1');
    expect(diags.find((x) => x.object === 'EndpointSlice/default/matching-1')).toMatchObject({ severity: 'info' });
  });

  it('slices without the controller label, or for another Service, stay', () => {
    expect(names).toEqual(['partially-matching-1', 'not-matching-1', 'not-matching-2']);
    expect(diags).toHaveLength(2);
  });

  it('the Service\'s endpoints are the selected pod plus the unmanaged slices, never the deleted ones', () => {
    const addrs = s.world.endpointSlices.filter((x) => x.serviceName === 'testing-1').flatMap((x) => x.endpoints.map((e) => `${x.name.startsWith('testing-1-') ? 'generated' : x.name} ${e.addresses[0]}`));
    expect(addrs.sort()).toEqual(['generated 10.244.1.3', 'not-matching-2 10.1.2.3', 'partially-matching-1 10.1.2.3']);
  });

  it('without a selector the controller leaves the Service alone, so the labelled slice is used', () => {
    const t = simulate([{ name: 'slices.yaml', text: service(false) + slice('orphan', BOTH) }]);
    expect(t.world.endpointSlices.map((x) => x.name)).toContain('orphan');
    expect(t.diagnostics.filter((d) => d.code === 'endpointslice-managed-by-controller')).toEqual([]);
  });
});
