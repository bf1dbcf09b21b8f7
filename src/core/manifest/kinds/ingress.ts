import { CODES } from '../../diagnostics/codes';
import type { IngressBackend, IngressPath, IngressPathType, IngressRule, Ingress, IngressClass } from '../../model/networking';
import { checkDNS1035Label, checkDNS1123Subdomain, checkPortName } from '../../net/names';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';
import { withMeta } from '../../model/meta';

/** The legacy class annotation (ING-2, ING-3). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** Marks an IngressClass as the cluster default (ING-1); only the exact string "true" counts. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

const REMOVED = { 'extensions/v1beta1': 'networking.k8s.io/v1', 'networking.k8s.io/v1beta1': 'networking.k8s.io/v1' };
const PATH_TYPES: IngressPathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

/** networking.k8s.io/v1 IngressClass: the controller that serves it and the default mark (ING-1, ING-3). */
export const ingressClassKind: KindHandler = {
  kinds: ['IngressClass'],
  apiVersions: ['networking.k8s.io/v1'],
  removed: { 'networking.k8s.io/v1beta1': 'networking.k8s.io/v1' },
  namespaced: false,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const controller = r.str('spec.controller', { required: true });
    if (controller === undefined) return;
    world.ingressClasses.push(withMeta<IngressClass>(meta, { kind: 'IngressClass', controller, isDefault: meta.annotations[DEFAULT_CLASS_ANNOTATION] === 'true', implicit: false }));
  },
};

/**
 * networking.k8s.io/v1 Ingress with the API server's validation (ING-2, ING-4). An Ingress the API server
 * would reject is reported and left out. Class defaulting (ING-1) needs every IngressClass, so it runs
 * in the ingress admission stage, not here.
 */
export const ingressKind: KindHandler = {
  kinds: ['Ingress'],
  apiVersions: ['networking.k8s.io/v1'],
  removed: REMOVED,
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    let ok = true;
    const specClass = r.str('spec.ingressClassName');
    const annClass = meta.annotations[INGRESS_CLASS_ANNOTATION];
    if (specClass !== undefined && annClass !== undefined && specClass !== annClass) {
      r.report(CODES.INVALID_VALUE, 'spec.ingressClassName', `spec.ingressClassName "${specClass}" and the annotation ${INGRESS_CLASS_ANNOTATION}: "${annClass}" disagree; the API server rejects this Ingress (ING-2).`, 'error', 'ING-2');
      return;
    }
    let defaultBackend: IngressBackend | undefined;
    if (r.has('spec.defaultBackend')) {
      defaultBackend = readBackend(r, 'spec.defaultBackend');
      if (!defaultBackend) ok = false;
    }
    const rules: IngressRule[] = [];
    for (const i of r.list('spec.rules')) {
      const base = `spec.rules.${i}`;
      const host = r.str(`${base}.host`);
      if (host !== undefined && host !== '' && !checkHost(r, `${base}.host`, host)) ok = false;
      const paths: IngressPath[] = [];
      if (r.has(`${base}.http`) && r.list(`${base}.http.paths`).length === 0) {
        r.report(CODES.REQUIRED, `${base}.http.paths`, 'http.paths must list at least one path (ING-4).', 'error', 'ING-4');
        ok = false;
      }
      for (const j of r.list(`${base}.http.paths`)) {
        const p = readPath(r, `${base}.http.paths.${j}`, i, j);
        if (p) paths.push(p);
        else ok = false;
      }
      rules.push({ ...(host ? { host } : {}), paths, index: i });
    }
    if (rules.length === 0 && !r.has('spec.defaultBackend')) {
      r.report(CODES.REQUIRED, 'spec', 'An Ingress needs spec.rules or spec.defaultBackend (ING-4).', 'error', 'ING-4');
      return;
    }
    const tls = r.list('spec.tls').map((t) => {
      const hosts = r.strList(`spec.tls.${t}.hosts`);
      const secretName = r.str(`spec.tls.${t}.secretName`);
      return { hosts, ...(secretName ? { secretName } : {}), index: t };
    });
    if (!ok) return;
    const ingressClassName = specClass ?? annClass;
    world.ingresses.push(withMeta<Ingress>(meta, {
      kind: 'Ingress',
      ...(ingressClassName !== undefined ? { ingressClassName } : {}),
      classSource: specClass !== undefined ? 'spec' : annClass !== undefined ? 'annotation' : 'none',
      ...(defaultBackend ? { defaultBackend } : {}),
      rules,
      tls,
    }));
  },
};

/** ING-4: a DNS name, no IP, no port; `*` only as the whole first label. */
function checkHost(r: FieldReader, path: string, host: string): boolean {
  const bad = (why: string) => {
    r.report(CODES.INVALID_VALUE, path, `host "${host}" ${why} (ING-4).`, 'error', 'ING-4');
    return false;
  };
  if (/^[\d.]+$/.test(host) || host.includes(':')) return bad('must be a DNS name, not an IP address or host:port');
  const rest = host.startsWith('*.') ? host.slice(2) : host;
  if (rest.includes('*')) return bad('may contain a wildcard only as the whole first label (*.example.com)');
  const problem = checkDNS1123Subdomain(rest);
  return problem ? bad(problem) : true;
}

const BAD_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];

function readPath(r: FieldReader, base: string, rule: number, index: number): IngressPath | undefined {
  const pathType = r.str(`${base}.pathType`);
  if (pathType === undefined) {
    r.report(CODES.REQUIRED, `${base}.pathType`, 'pathType is required on every path: Exact, Prefix or ImplementationSpecific (ING-4).', 'error', 'ING-4');
    return undefined;
  }
  if (!(PATH_TYPES as string[]).includes(pathType)) {
    r.report(CODES.INVALID_VALUE, `${base}.pathType`, `pathType must be Exact, Prefix or ImplementationSpecific, not "${pathType}" (ING-4).`, 'error', 'ING-4');
    return undefined;
  }
  const path = r.str(`${base}.path`) ?? '';
  if (pathType !== 'ImplementationSpecific' || path !== '') {
    if (!path.startsWith('/')) {
      r.report(CODES.INVALID_VALUE, `${base}.path`, `path "${path}" must begin with "/" (ING-4).`, 'error', 'ING-4');
      return undefined;
    }
  }
  if (pathType !== 'ImplementationSpecific') {
    const seq = BAD_SEQUENCES.find((s) => path.includes(s));
    if (seq || path.endsWith('/.') || path.endsWith('/..')) {
      r.report(CODES.INVALID_VALUE, `${base}.path`, `a ${pathType} path must not contain "${seq ?? path.slice(path.lastIndexOf('/'))}" (ING-4).`, 'error', 'ING-4');
      return undefined;
    }
  }
  const backend = readBackend(r, `${base}.backend`);
  if (!backend) return undefined;
  return { path, pathType: pathType as IngressPathType, backend, rule, index };
}

/** ING-4: exactly one of `service` (name + one of port.number/port.name) or `resource`. */
function readBackend(r: FieldReader, base: string): IngressBackend | undefined {
  if (!r.isMap(base)) {
    r.required(base);
    return undefined;
  }
  const hasService = r.has(`${base}.service`);
  const hasResource = r.has(`${base}.resource`);
  if (hasService === hasResource) {
    r.report(CODES.INVALID_VALUE, base, hasService ? 'A backend is either service or resource, not both (ING-4).' : 'A backend needs service or resource (ING-4).', 'error', 'ING-4');
    return undefined;
  }
  if (hasResource) {
    const kind = r.str(`${base}.resource.kind`, { required: true });
    const name = r.str(`${base}.resource.name`, { required: true });
    const apiGroup = r.str(`${base}.resource.apiGroup`);
    if (!kind || !name) return undefined;
    return { resource: { kind, name, ...(apiGroup ? { apiGroup } : {}) }, path: base };
  }
  const name = r.str(`${base}.service.name`, { required: true });
  if (name === undefined) return undefined;
  const nameProblem = checkDNS1035Label(name);
  if (nameProblem) {
    r.report(CODES.INVALID_VALUE, `${base}.service.name`, `service name "${name}" ${nameProblem} (ING-4).`, 'error', 'ING-4');
    return undefined;
  }
  const number = r.int(`${base}.service.port.number`, { min: 1, max: 65535 });
  const portName = r.str(`${base}.service.port.name`);
  if ((number === undefined) === (portName === undefined)) {
    r.report(CODES.INVALID_VALUE, `${base}.service.port`, 'service.port needs exactly one of number or name (ING-4).', 'error', 'ING-4');
    return undefined;
  }
  if (portName !== undefined) {
    const problem = checkPortName(portName);
    if (problem) {
      r.report(CODES.INVALID_VALUE, `${base}.service.port.name`, `port name "${portName}" ${problem} (ING-4).`, 'error', 'ING-4');
      return undefined;
    }
  }
  return { service: { name, port: number !== undefined ? { number } : { name: portName! } }, path: base };
}
