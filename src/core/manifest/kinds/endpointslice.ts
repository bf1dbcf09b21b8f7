import { CODES } from '../../diagnostics/codes';
import type { Endpoint, EndpointPort } from '../../model/discovery';
import { canonicalIP, parseIP } from '../../net/ip';
import type { KindHandler } from '../kind';

const SERVICE_NAME = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

/** A hand-written discovery.k8s.io/v1 EndpointSlice (SVC-10..12), conditions defaulted per EPS-7. */
export const endpointSliceKind: KindHandler = {
  kinds: ['EndpointSlice'],
  apiVersions: ['discovery.k8s.io/v1'],
  removed: { 'discovery.k8s.io/v1beta1': 'discovery.k8s.io/v1' },
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const addressType = r.oneOf('addressType', ['IPv4', 'IPv6', 'FQDN'] as const, 'IPv4');
    if (!r.has('addressType')) r.required('addressType');
    const ports: EndpointPort[] = r.list('ports').map((i) => {
      const name = r.str(`ports.${i}.name`) ?? '';
      const port = r.int(`ports.${i}.port`, { min: 1, max: 65535 });
      const appProtocol = r.str(`ports.${i}.appProtocol`);
      return { name, port: port ?? null, protocol: r.protocol(`ports.${i}.protocol`), ...(appProtocol ? { appProtocol } : {}) };
    });
    const endpoints: Endpoint[] = [];
    for (const i of r.list('endpoints')) {
      const p = `endpoints.${i}`;
      const addresses = r.strList(`${p}.addresses`);
      if (addresses.length === 0) {
        r.report(CODES.REQUIRED, `${p}.addresses`, 'An endpoint needs at least one address.');
        continue;
      }
      const bad = addressType !== 'FQDN' ? addresses.find((a) => !parseIP(a)) : undefined;
      if (bad) {
        r.report(CODES.INVALID_VALUE, `${p}.addresses`, `"${bad}" is not an ${addressType} address.`);
        continue;
      }
      // EPS-7: missing ready → true; missing serving → same as ready; missing terminating → false.
      const ready = r.bool(`${p}.conditions.ready`) ?? true;
      const serving = r.bool(`${p}.conditions.serving`) ?? ready;
      const terminating = r.bool(`${p}.conditions.terminating`) ?? false;
      const hostname = r.str(`${p}.hostname`);
      const nodeName = r.str(`${p}.nodeName`);
      const zone = r.str(`${p}.zone`);
      const refKind = r.str(`${p}.targetRef.kind`);
      const refName = r.str(`${p}.targetRef.name`);
      endpoints.push({
        addresses: addressType === 'FQDN' ? addresses : addresses.map(canonicalIP),
        conditions: { ready, serving, terminating },
        ...(hostname ? { hostname } : {}),
        ...(nodeName ? { nodeName } : {}),
        ...(zone ? { zone } : {}),
        ...(refKind && refName ? { targetRef: { kind: refKind, namespace: r.str(`${p}.targetRef.namespace`) ?? meta.namespace, name: refName } } : {}),
      });
    }
    const serviceName = meta.labels[SERVICE_NAME];
    const managedBy = meta.labels[MANAGED_BY];
    // A slice dumped from a cluster names its owning Service in a controller ownerReference (EPS-6, EPS-8).
    const owner = r.list('metadata.ownerReferences').find((i) => r.at(`metadata.ownerReferences.${i}.kind`) === 'Service' && r.at(`metadata.ownerReferences.${i}.controller`) === true);
    const ownerName = owner === undefined ? undefined : r.str(`metadata.ownerReferences.${owner}.name`);
    world.endpointSlices.push({
      ...meta,
      kind: 'EndpointSlice',
      addressType,
      ports,
      endpoints,
      ...(serviceName ? { serviceName } : {}),
      ...(managedBy ? { managedBy } : {}),
      ...(ownerName ? { ownerId: `Service/${meta.namespace}/${ownerName}` } : {}),
      generated: false,
    });
  },
};
