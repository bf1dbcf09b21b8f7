import { CODES } from '../../diagnostics/codes';
import type { LabelSelector } from '../../model/meta';
import type { IPBlock, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, NetworkPolicy } from '../../model/networking';
import { cidrWithin, formatIP, parseCIDR } from '../../net/ip';
import { checkPortName } from '../../net/names';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';
import { withMeta } from '../../model/meta';

const EMPTY: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/**
 * networking.k8s.io/v1 NetworkPolicy with ADM-6 validation and NP-1 `policyTypes` defaulting. A policy the
 * API server would reject is left out of the World (its diagnostics say why).
 */
export const networkPolicyKind: KindHandler = {
  kinds: ['NetworkPolicy'],
  apiVersions: ['networking.k8s.io/v1'],
  removed: { 'extensions/v1beta1': 'networking.k8s.io/v1' },
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = r.diags.length;
    const podSelector = r.selector('spec.podSelector') ?? EMPTY;
    const ingress = r.list('spec.ingress').map((i) => readRule(r, `spec.ingress.${i}`, 'from', i));
    const egress = r.list('spec.egress').map((i) => readRule(r, `spec.egress.${i}`, 'to', i));
    const written = r.strList('spec.policyTypes');
    const types: ('Ingress' | 'Egress')[] = [];
    written.forEach((t, i) => {
      if (t !== 'Ingress' && t !== 'Egress') r.report(CODES.INVALID_VALUE, `spec.policyTypes.${i}`, `policyTypes may hold Ingress and Egress only, not "${t}" (ADM-6).`, 'error', 'ADM-6');
      else if (!types.includes(t)) types.push(t);
    });
    const defaulted = written.length === 0;
    if (defaulted) {
      // NP-1: Ingress always; Egress only when at least one egress rule is written.
      types.push('Ingress');
      if (egress.length > 0) types.push('Egress');
    }
    if (r.diags.slice(before).some((d) => d.severity === 'error')) return;
    world.networkPolicies.push(withMeta<NetworkPolicy>(meta, {
      kind: 'NetworkPolicy',
      podSelector,
      policyTypes: types,
      policyTypesDefaulted: defaulted,
      ingress,
      egress,
    }));
  },
};

function readRule(r: FieldReader, path: string, peersField: 'from' | 'to', index: number): NetworkPolicyRule {
  const peers = r.list(`${path}.${peersField}`).flatMap((j) => {
    const p = readPeer(r, `${path}.${peersField}.${j}`);
    return p ? [p] : [];
  });
  const ports = r.list(`${path}.ports`).flatMap((j) => {
    const p = readPort(r, `${path}.ports.${j}`);
    return p ? [p] : [];
  });
  return { peers, ports, index };
}

function readPeer(r: FieldReader, path: string): NetworkPolicyPeer | undefined {
  const podSelector = r.selector(`${path}.podSelector`);
  const namespaceSelector = r.selector(`${path}.namespaceSelector`);
  const ipBlock = r.isMap(`${path}.ipBlock`) ? readIPBlock(r, `${path}.ipBlock`) : undefined;
  const hasIPBlock = r.has(`${path}.ipBlock`);
  if (!podSelector && !namespaceSelector && !hasIPBlock) {
    r.report(CODES.INVALID_VALUE, path, 'A peer must set podSelector, namespaceSelector or ipBlock (ADM-6).', 'error', 'ADM-6');
    return undefined;
  }
  if (hasIPBlock && (podSelector || namespaceSelector)) {
    r.report(CODES.INVALID_VALUE, `${path}.ipBlock`, 'ipBlock cannot be combined with podSelector or namespaceSelector in the same peer (ADM-6).', 'error', 'ADM-6');
    return undefined;
  }
  return { ...(podSelector ? { podSelector } : {}), ...(namespaceSelector ? { namespaceSelector } : {}), ...(ipBlock ? { ipBlock } : {}) };
}

function readIPBlock(r: FieldReader, path: string): IPBlock | undefined {
  const cidrText = r.str(`${path}.cidr`, { required: true });
  if (cidrText === undefined) return undefined;
  const cidr = parseCIDR(cidrText);
  if (!cidr) {
    r.report(CODES.INVALID_VALUE, `${path}.cidr`, `"${cidrText}" is not a CIDR (ADM-6).`, 'error', 'ADM-6');
    return undefined;
  }
  if (cidr.hostBitsSet) {
    // Go's ParseCIDR masks host bits and the API server accepts the object; it warns since 1.33.
    r.report(CODES.INVALID_VALUE, `${path}.cidr`, `"${cidrText}" has host bits set; it is read as ${formatIP({ family: cidr.family, value: cidr.base })}/${cidr.prefix}.`, 'warning', 'ADM-6');
  }
  const except: string[] = [];
  r.strList(`${path}.except`).forEach((text, i) => {
    const e = parseCIDR(text);
    if (!e) r.report(CODES.INVALID_VALUE, `${path}.except.${i}`, `"${text}" is not a CIDR (ADM-6).`, 'error', 'ADM-6');
    else if (!cidrWithin(e, cidr) || e.prefix <= cidr.prefix) {
      // ADM-6 / edge case 63: not an "empty block" but a rejected object.
      r.report(CODES.INVALID_VALUE, `${path}.except.${i}`, `except "${text}" must be a strict subset of cidr "${cidrText}" (ADM-6).`, 'error', 'ADM-6');
    } else except.push(text);
  });
  return { cidr: cidrText, except };
}

function readPort(r: FieldReader, path: string): NetworkPolicyPort | undefined {
  const protocol = r.protocol(`${path}.protocol`);
  let port = r.intOrString(`${path}.port`);
  const endPort = r.int(`${path}.endPort`, { min: 1, max: 65535 });
  if (typeof port === 'string' && /^\d+$/.test(port)) port = Number(port);
  if (typeof port === 'number' && (port < 1 || port > 65535)) {
    r.report(CODES.INVALID_VALUE, `${path}.port`, `port must be between 1 and 65535, not ${port} (ADM-6).`, 'error', 'ADM-6');
    return undefined;
  }
  if (typeof port === 'string') {
    const problem = checkPortName(port);
    if (problem) {
      r.report(CODES.INVALID_VALUE, `${path}.port`, `port "${port}" is neither a number nor a valid port name: ${problem} (ADM-6).`, 'error', 'ADM-6');
      return undefined;
    }
  }
  if (endPort !== undefined) {
    if (typeof port !== 'number') {
      r.report(CODES.INVALID_VALUE, `${path}.endPort`, 'endPort requires a numeric port (ADM-6).', 'error', 'ADM-6');
      return undefined;
    }
    if (endPort < port) {
      r.report(CODES.INVALID_VALUE, `${path}.endPort`, `endPort ${endPort} must not be below port ${port} (ADM-6).`, 'error', 'ADM-6');
      return undefined;
    }
  }
  return { protocol, ...(port !== undefined ? { port } : {}), ...(endPort !== undefined ? { endPort } : {}) };
}
