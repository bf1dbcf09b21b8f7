import { CODES } from '../../diagnostics/codes';
import type { Listener, Gateway, GatewayClass, ReferenceGrant } from '../../model/gateway';
import { parseIP } from '../../net/ip';
import { checkDNS1123Label } from '../../net/names';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';
import { withMeta } from '../../model/meta';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const V1 = `${GATEWAY_GROUP}/v1`;
const V1BETA1 = `${GATEWAY_GROUP}/v1beta1`;

/** Errors reported so far: a CRD validation failure rejects the whole object (§1). */
export function errorCount(r: FieldReader): number {
  return r.diags.filter((d) => d.severity === 'error').length;
}

/** Gateway API `Hostname`: a DNS subdomain, optionally `*.`-prefixed, never an IP address (GW-4). */
export function checkGatewayHostname(h: string): string | null {
  if (parseIP(h)) return 'must be a DNS name, not an IP address';
  const rest = h.startsWith('*.') ? h.slice(2) : h;
  if (rest.includes('*')) return 'may only contain a wildcard as its first label (`*.example.com`)';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(rest) || h.length > 253) return 'must be a lowercase RFC 1123 subdomain';
  return null;
}

/** gateway.networking.k8s.io GatewayClass (v1, v1beta1). */
export const gatewayClassKind: KindHandler = {
  kinds: ['GatewayClass'],
  apiVersions: [V1, V1BETA1],
  removed: { [`${GATEWAY_GROUP}/v1alpha2`]: V1 },
  namespaced: false,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const controllerName = r.str('spec.controllerName', { required: true });
    if (controllerName === undefined) return;
    world.gatewayClasses.push(withMeta<GatewayClass>(meta, { kind: 'GatewayClass', controllerName }));
  },
};

const KNOWN_PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];
/** The CRD's ProtocolType pattern: a plain name or `domain/name`. */
const PROTOCOL_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$/;

function readListener(r: FieldReader, i: number): Listener | undefined {
  const p = `spec.listeners.${i}`;
  const name = r.str(`${p}.name`, { required: true });
  const port = r.int(`${p}.port`, { required: true, min: 1, max: 65535 });
  const protocol = r.str(`${p}.protocol`, { required: true });
  if (name === undefined || port === undefined || protocol === undefined) return undefined;
  const nameProblem = checkDNS1123Label(name);
  if (nameProblem) r.report(CODES.INVALID_VALUE, `${p}.name`, `listener name "${name}" ${nameProblem}.`);
  const hostname = r.str(`${p}.hostname`);
  if (hostname !== undefined) {
    const problem = checkGatewayHostname(hostname);
    if (problem) r.report(CODES.INVALID_VALUE, `${p}.hostname`, `hostname "${hostname}" ${problem}.`, 'error', 'GW-4');
  }
  // Other names pass the CRD; the implementation then marks the listener UnsupportedProtocol (GW-2).
  if (!KNOWN_PROTOCOLS.includes(protocol) && !PROTOCOL_PATTERN.test(protocol)) {
    r.report(CODES.INVALID_VALUE, `${p}.protocol`, `protocol must be HTTP, HTTPS, TLS, TCP, UDP, another name or a domain-prefixed name, not "${protocol}".`);
  }
  let tls: Listener['tls'];
  if (r.isMap(`${p}.tls`)) {
    const mode = r.oneOf(`${p}.tls.mode`, ['Terminate', 'Passthrough'] as const, 'Terminate');
    const certificateRefs = r.list(`${p}.tls.certificateRefs`).flatMap((j) => {
      const c = `${p}.tls.certificateRefs.${j}`;
      const n = r.str(`${c}.name`, { required: true });
      const ns = r.str(`${c}.namespace`);
      return n === undefined ? [] : [{ group: r.str(`${c}.group`) ?? '', kind: r.str(`${c}.kind`) ?? 'Secret', name: n, ...(ns ? { namespace: ns } : {}) }];
    });
    tls = { mode, certificateRefs };
  }
  if ((protocol === 'HTTPS' || protocol === 'TLS') && !tls) r.report(CODES.REQUIRED, `${p}`, `a ${protocol} listener needs tls (GW-3).`, 'error', 'GW-3');
  if ((protocol === 'HTTP' || protocol === 'TCP' || protocol === 'UDP') && tls) r.report(CODES.INVALID_VALUE, `${p}.tls`, `tls must not be set on a ${protocol} listener.`);
  if ((protocol === 'TCP' || protocol === 'UDP') && hostname !== undefined) r.report(CODES.INVALID_VALUE, `${p}.hostname`, `hostname must not be set on a ${protocol} listener.`);
  const from = r.oneOf(`${p}.allowedRoutes.namespaces.from`, ['Same', 'All', 'Selector'] as const, 'Same');
  const selector = r.selector(`${p}.allowedRoutes.namespaces.selector`);
  const kinds = r.list(`${p}.allowedRoutes.kinds`).flatMap((j) => {
    const k = r.str(`${p}.allowedRoutes.kinds.${j}.kind`, { required: true });
    return k === undefined ? [] : [{ group: r.str(`${p}.allowedRoutes.kinds.${j}.group`) ?? GATEWAY_GROUP, kind: k }];
  });
  return {
    name,
    ...(hostname !== undefined ? { hostname } : {}),
    port,
    protocol,
    ...(tls ? { tls } : {}),
    allowedRoutes: { namespaces: { from, ...(selector ? { selector } : {}) }, kinds },
    index: i,
  };
}

/** gateway.networking.k8s.io Gateway (v1, v1beta1) with ADM-5 listener defaults. */
export const gatewayKind: KindHandler = {
  kinds: ['Gateway'],
  apiVersions: [V1, V1BETA1],
  removed: { [`${GATEWAY_GROUP}/v1alpha2`]: V1 },
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const gatewayClassName = r.str('spec.gatewayClassName', { required: true });
    const idx = r.list('spec.listeners');
    if (idx.length === 0) r.required('spec.listeners', 'spec.listeners (at least one listener)');
    const listeners = idx.map((i) => readListener(r, i)).filter((l): l is Listener => l !== undefined);
    const names = new Set<string>();
    for (const l of listeners) {
      if (names.has(l.name)) r.report(CODES.INVALID_VALUE, `spec.listeners.${l.index}.name`, `listener name "${l.name}" is used twice; listener names must be unique.`);
      names.add(l.name);
    }
    const addresses: string[] = [];
    for (const i of r.list('spec.addresses')) {
      const type = r.str(`spec.addresses.${i}.type`) ?? 'IPAddress';
      const value = r.str(`spec.addresses.${i}.value`, { required: true });
      if (value === undefined) continue;
      if (type === 'IPAddress' && !parseIP(value)) r.report(CODES.INVALID_VALUE, `spec.addresses.${i}.value`, `"${value}" is not an IP address.`);
      else if (type === 'IPAddress') addresses.push(value);
    }
    for (const i of r.list('status.addresses')) {
      const value = r.str(`status.addresses.${i}.value`);
      if (value && parseIP(value) && !addresses.includes(value)) addresses.push(value);
    }
    if (gatewayClassName === undefined || errorCount(r) > before) return;
    world.gateways.push(withMeta<Gateway>(meta, { kind: 'Gateway', gatewayClassName, listeners, addresses }));
  },
};

/** gateway.networking.k8s.io ReferenceGrant (v1beta1, v1; v1alpha2 accepted as older clusters served it). */
export const referenceGrantKind: KindHandler = {
  kinds: ['ReferenceGrant'],
  apiVersions: [V1, V1BETA1, `${GATEWAY_GROUP}/v1alpha2`],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const from = r.list('spec.from').flatMap((i) => {
      const p = `spec.from.${i}`;
      const group = r.str(`${p}.group`, { required: true });
      const kind = r.str(`${p}.kind`, { required: true });
      const namespace = r.str(`${p}.namespace`, { required: true });
      return group === undefined || kind === undefined || namespace === undefined ? [] : [{ group, kind, namespace }];
    });
    const to = r.list('spec.to').flatMap((i) => {
      const p = `spec.to.${i}`;
      const group = r.str(`${p}.group`, { required: true });
      const kind = r.str(`${p}.kind`, { required: true });
      const name = r.str(`${p}.name`);
      return group === undefined || kind === undefined ? [] : [{ group, kind, ...(name ? { name } : {}) }];
    });
    if (from.length === 0) r.required('spec.from', 'spec.from (at least one entry)');
    if (to.length === 0) r.required('spec.to', 'spec.to (at least one entry)');
    if (errorCount(r) > before) return;
    world.referenceGrants.push(withMeta<ReferenceGrant>(meta, { kind: 'ReferenceGrant', from, to }));
  },
};
