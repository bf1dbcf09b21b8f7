import type { Diagnostic } from '../../diagnostics/diagnostic';
import { rangeIn } from '../../manifest/reader';
import type { World } from '../../model/world';
import { CODES } from '../../diagnostics/codes';
import { CONTROLLER_NAME, MANAGED_BY_LABEL } from './utils';

/**
 * EPS-8: the EndpointSlice controller lists, for every Service it manages (a selector, not ExternalName),
 * the slices labelled with the Service's name and `managed-by: endpointslice-controller.k8s.io`, and
 * reconciles them as its own: a slice the Service does not own is deleted, one it owns is rewritten from
 * the selector. Either way a hand-written slice carrying the controller's label does not survive: it is
 * removed from the World (the slices the controller computes take its place) and the reason is reported on
 * the label. Upstream: kubernetes/kubernetes staging/src/k8s.io/endpointslice/reconciler.go
 * (reconcileByAddressType: `if ownedBy(existingSlice, service) ... else slicesToDelete`).
 */
export function removeSlicesTheControllerOwns(world: World, diags: Diagnostic[]): void {
  const managed = new Map(world.services.filter((s) => s.selector && s.type !== 'ExternalName').map((s) => [`${s.namespace}/${s.name}`, s]));
  const keep = world.endpointSlices.filter((slice) => {
    if (slice.generated || slice.managedBy !== CONTROLLER_NAME || !slice.serviceName) return true;
    const svc = managed.get(`${slice.namespace}/${slice.serviceName}`);
    if (!svc) return true;
    const owned = slice.ownerId === svc.id;
    diags.push({
      code: CODES.SLICE_MANAGED_BY_CONTROLLER,
      severity: owned ? 'info' : 'warning',
      message: owned
        ? `This slice belongs to the EndpointSlice controller (label ${MANAGED_BY_LABEL}: ${CONTROLLER_NAME}, owned by Service ${svc.name}), which rewrites it from the Service's selector: its written endpoints are replaced by the ones the controller computes (EPS-8).`
        : `Service ${svc.name} has a selector, so the EndpointSlice controller manages every slice labelled ${MANAGED_BY_LABEL}: ${CONTROLLER_NAME} for it, and deletes this one because the Service does not own it: its endpoints are never used. Remove the label (or set another managed-by value) on a Service without a selector to supply endpoints by hand (EPS-8, SVC-10).`,
      file: slice.source.file,
      range: rangeIn(slice.source, `metadata.labels.${MANAGED_BY_LABEL}`),
      path: `metadata.labels.${MANAGED_BY_LABEL}`,
      object: slice.id,
      rule: 'EPS-8',
      related: [{ file: svc.source.file, range: rangeIn(svc.source, 'spec.selector'), message: `the selector of Service ${svc.namespace}/${svc.name}` }],
    });
    return false;
  });
  world.endpointSlices.splice(0, world.endpointSlices.length, ...keep);
}
