import type { LegacyEndpoints } from '../../model/discovery';
import type { FieldReader } from '../reader';
import type { KindHandler } from '../kind';

type Address = LegacyEndpoints['subsets'][number]['addresses'][number];

/** Legacy v1/Endpoints, mirrored into EndpointSlices for selector-less Services (SVC-13). */
export const endpointsKind: KindHandler = {
  kinds: ['Endpoints'],
  apiVersions: ['v1'],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const subsets = r.list('subsets').map((i) => {
      const p = `subsets.${i}`;
      return {
        addresses: addresses(r, `${p}.addresses`),
        notReadyAddresses: addresses(r, `${p}.notReadyAddresses`),
        ports: r.list(`${p}.ports`).flatMap((j) => {
          const port = r.int(`${p}.ports.${j}.port`, { required: true, min: 1, max: 65535 });
          return port === undefined ? [] : [{ name: r.str(`${p}.ports.${j}.name`) ?? '', port, protocol: r.protocol(`${p}.ports.${j}.protocol`) }];
        }),
      };
    });
    world.legacyEndpoints.push({ ...meta, kind: 'Endpoints', subsets });
  },
};

function addresses(r: FieldReader, path: string): Address[] {
  return r.list(path).flatMap((i) => {
    const ip = r.str(`${path}.${i}.ip`, { required: true });
    if (!ip) return [];
    const hostname = r.str(`${path}.${i}.hostname`);
    const nodeName = r.str(`${path}.${i}.nodeName`);
    const refKind = r.str(`${path}.${i}.targetRef.kind`);
    const refName = r.str(`${path}.${i}.targetRef.name`);
    return [{
      ip,
      ...(hostname ? { hostname } : {}),
      ...(nodeName ? { nodeName } : {}),
      ...(refKind && refName ? { targetRef: { kind: refKind, namespace: r.str(`${path}.${i}.targetRef.namespace`) ?? '', name: refName } } : {}),
    }];
  });
}
