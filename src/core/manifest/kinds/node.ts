import type { KindHandler } from '../kind';
import { CODES } from '../../diagnostics/codes';
import { parseCIDR, parseIP } from '../../net/ip';

const ZONE = 'topology.kubernetes.io/zone';

/** v1/Node: addresses, pod CIDRs, zone, readiness and role (what routing and topology hints need). */
export const nodeKind: KindHandler = {
  kinds: ['Node'],
  apiVersions: ['v1'],
  namespaced: false,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const addresses: string[] = [];
    for (const i of r.list('status.addresses')) {
      const type = r.str(`status.addresses.${i}.type`);
      const address = r.str(`status.addresses.${i}.address`);
      if (type === 'InternalIP' && address) {
        if (parseIP(address)) addresses.push(address);
        else r.report(CODES.INVALID_VALUE, `status.addresses.${i}.address`, `"${address}" is not an IP address.`);
      }
    }
    const podCIDRs = r.strList('spec.podCIDRs');
    const single = r.str('spec.podCIDR');
    if (single && !podCIDRs.includes(single)) podCIDRs.unshift(single);
    for (const c of podCIDRs) if (!parseCIDR(c)) r.report(CODES.INVALID_VALUE, 'spec.podCIDRs', `"${c}" is not a CIDR.`);
    let ready = true;
    for (const i of r.list('status.conditions')) {
      if (r.str(`status.conditions.${i}.type`) === 'Ready') ready = r.str(`status.conditions.${i}.status`) === 'True';
    }
    const cpu = r.at('status.allocatable.cpu');
    world.nodes.push({
      ...meta,
      kind: 'Node',
      addresses,
      podCIDRs: podCIDRs.filter((c) => parseCIDR(c)),
      ...(meta.labels[ZONE] ? { zone: meta.labels[ZONE] } : {}),
      ready,
      controlPlane: 'node-role.kubernetes.io/control-plane' in meta.labels || 'node-role.kubernetes.io/master' in meta.labels,
      cpuMillis: parseCPU(cpu),
      implicit: false,
    });
  },
};

/** `2`, `"1500m"`, `0.5` → millicores; unknown → 1000. */
function parseCPU(v: unknown): number {
  if (typeof v === 'number') return Math.round(v * 1000);
  if (typeof v === 'string') {
    if (v.endsWith('m')) return Number(v.slice(0, -1)) || 1000;
    return Math.round(Number(v) * 1000) || 1000;
  }
  return 1000;
}
