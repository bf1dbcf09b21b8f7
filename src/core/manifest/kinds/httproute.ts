import { CODES } from '../../diagnostics/codes';
import type { BackendRef, GRPCRouteMatch, GRPCRouteRule, HTTPRouteMatch, HTTPRouteRule, ParentRef, RouteFilter, StringMatchType, HTTPRoute, GRPCRoute } from '../../model/gateway';
import type { ObjectMeta } from '../../model/meta';
import type { KindHandler } from '../kind';
import type { FieldReader } from '../reader';
import { GATEWAY_GROUP, checkGatewayHostname, errorCount } from './gateway';
import { withMeta } from '../../model/meta';

const V1 = `${GATEWAY_GROUP}/v1`;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

/** Path values the CRD rejects for Exact and PathPrefix (GW-8). Null when the value is acceptable. */
export function checkHTTPPath(value: string): string | null {
  if (!value.startsWith('/')) return 'must start with "/"';
  if (/\/\/|\/\.\/|\/\.\.\/|%2f|#/i.test(value)) return 'must not contain "//", "/./", "/../", "%2f", "%2F" or "#"';
  if (/\/\.\.?$/.test(value)) return 'must not end with "/." or "/.."';
  return null;
}

export function readParentRefs(r: FieldReader, meta: ObjectMeta): ParentRef[] {
  const refs = r.list('spec.parentRefs').flatMap((i): ParentRef[] => {
    const p = `spec.parentRefs.${i}`;
    const name = r.str(`${p}.name`, { required: true });
    if (name === undefined) return [];
    const sectionName = r.str(`${p}.sectionName`);
    const port = r.int(`${p}.port`, { min: 1, max: 65535 });
    return [{
      group: r.str(`${p}.group`) ?? GATEWAY_GROUP,
      kind: r.str(`${p}.kind`) ?? 'Gateway',
      namespace: r.str(`${p}.namespace`) ?? meta.namespace,
      name,
      ...(sectionName !== undefined ? { sectionName } : {}),
      ...(port !== undefined ? { port } : {}),
      index: i,
    }];
  });
  // Two parentRefs to one parent must both name distinct sections/ports (CRD validation, §5.2).
  refs.forEach((a, i) => {
    for (const b of refs.slice(0, i)) {
      if (a.group !== b.group || a.kind !== b.kind || a.namespace !== b.namespace || a.name !== b.name) continue;
      const distinct = (a.sectionName !== undefined || a.port !== undefined) && (b.sectionName !== undefined || b.port !== undefined) && (a.sectionName !== b.sectionName || a.port !== b.port);
      if (!distinct) r.report(CODES.INVALID_VALUE, `spec.parentRefs.${a.index}`, `parentRefs entries ${b.index + 1} and ${a.index + 1} name the same parent; both must set distinct sectionName or port.`, 'error', 'ADM-5');
    }
  });
  return refs;
}

export function readHostnames(r: FieldReader): string[] {
  return r.strList('spec.hostnames').filter((h, i) => {
    const problem = checkGatewayHostname(h);
    if (problem) r.report(CODES.INVALID_VALUE, `spec.hostnames.${i}`, `hostname "${h}" ${problem}.`, 'error', 'GW-4');
    return !problem;
  });
}

const FILTER_KEYS: Record<string, string> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  RequestMirror: 'requestMirror',
  CORS: 'cors',
  ExtensionRef: 'extensionRef',
};

function readFilters(r: FieldReader, path: string): RouteFilter[] {
  return r.list(path).flatMap((i): RouteFilter[] => {
    const p = `${path}.${i}`;
    const type = r.oneOf(`${p}.type`, Object.keys(FILTER_KEYS), '');
    if (!type) {
      if (!r.has(`${p}.type`)) r.required(`${p}.type`);
      return [];
    }
    const key = FILTER_KEYS[type]!;
    const raw = r.at(`${p}.${key}`);
    if (raw === undefined || raw === null) {
      r.report(CODES.REQUIRED, `${p}.${key}`, `a ${type} filter needs its ${key} field.`, 'error', 'GW-14');
      return [];
    }
    const config = { ...(raw as Record<string, unknown>) };
    if (type === 'RequestRedirect') {
      config.statusCode ??= 302; // ADM-5
      const code = config.statusCode;
      if (code !== 301 && code !== 302 && code !== 303 && code !== 307 && code !== 308) r.report(CODES.INVALID_VALUE, `${p}.${key}.statusCode`, `statusCode must be 301, 302, 303, 307 or 308.`, 'error', 'GW-14');
    }
    return [{ type, config, index: i }];
  });
}

export function readBackendRefs(r: FieldReader, path: string, meta: ObjectMeta): BackendRef[] {
  return r.list(path).flatMap((i): BackendRef[] => {
    const p = `${path}.${i}`;
    const name = r.str(`${p}.name`, { required: true });
    const group = r.str(`${p}.group`) ?? '';
    const kind = r.str(`${p}.kind`) ?? 'Service';
    const port = r.int(`${p}.port`, { min: 1, max: 65535 });
    const weight = r.int(`${p}.weight`, { min: 0, max: 1000000 }) ?? 1;
    if (name === undefined) return [];
    if (group === '' && kind === 'Service' && port === undefined && !r.has(`${p}.port`)) {
      r.report(CODES.REQUIRED, `${p}.port`, 'a backendRef to a Service must set port (the Service port) (ADM-5).', 'error', 'ADM-5');
      return [];
    }
    return [{
      group,
      kind,
      namespace: r.str(`${p}.namespace`) ?? meta.namespace,
      name,
      ...(port !== undefined ? { port } : {}),
      weight,
      filters: readFilters(r, `${p}.filters`),
      index: i,
    }];
  });
}

function stringMatches(r: FieldReader, path: string): { type: StringMatchType; name: string; value: string }[] {
  return r.list(path).flatMap((i) => {
    const p = `${path}.${i}`;
    const type = r.oneOf(`${p}.type`, ['Exact', 'RegularExpression'] as const, 'Exact');
    const name = r.str(`${p}.name`, { required: true });
    const value = r.str(`${p}.value`, { required: true });
    if (type === 'RegularExpression' && value !== undefined) checkRegex(r, `${p}.value`, value);
    return name === undefined || value === undefined ? [] : [{ type, name, value }];
  });
}

function checkRegex(r: FieldReader, path: string, value: string): void {
  try {
    new RegExp(value);
  } catch {
    r.report(CODES.INVALID_VALUE, path, `"${value}" is not a regular expression the simulator can read (RE2 subset, I-17).`, 'warning', 'GW-8');
  }
}

function readHTTPMatch(r: FieldReader, p: string, i: number): HTTPRouteMatch {
  const type = r.oneOf(`${p}.path.type`, ['Exact', 'PathPrefix', 'RegularExpression'] as const, 'PathPrefix');
  const value = r.str(`${p}.path.value`) ?? '/';
  if (type !== 'RegularExpression') {
    const problem = checkHTTPPath(value);
    if (problem) r.report(CODES.INVALID_VALUE, `${p}.path.value`, `path "${value}" ${problem} (GW-8).`, 'error', 'GW-8');
  } else checkRegex(r, `${p}.path.value`, value);
  const method = r.has(`${p}.method`) ? r.oneOf(`${p}.method`, HTTP_METHODS, 'GET') : undefined;
  return {
    path: { type, value },
    headers: stringMatches(r, `${p}.headers`),
    queryParams: stringMatches(r, `${p}.queryParams`),
    ...(method !== undefined ? { method } : {}),
    index: i,
  };
}

/** CEL rules of HTTPRouteRule that shape routing (GW-14). */
function checkRuleFilters(r: FieldReader, p: string, rule: HTTPRouteRule): void {
  const types = rule.filters.map((f) => f.type);
  if (types.includes('RequestRedirect') && types.includes('URLRewrite')) r.report(CODES.INVALID_VALUE, `${p}.filters`, 'RequestRedirect and URLRewrite cannot be used in the same rule (GW-14).', 'error', 'GW-14');
  for (const f of rule.filters) {
    const cfg = f.config.path as { type?: string } | undefined;
    if (cfg?.type !== 'ReplacePrefixMatch') continue;
    const ok = rule.matches.length === 1 && rule.matches[0]!.path.type === 'PathPrefix';
    if (!ok) r.report(CODES.INVALID_VALUE, `${p}.filters.${f.index}`, 'ReplacePrefixMatch needs the rule to have exactly one match, of type PathPrefix (GW-14).', 'error', 'GW-14');
  }
}

/** gateway.networking.k8s.io HTTPRoute (v1, v1beta1) with ADM-5 defaults and the CRD checks that shape routing. */
export const httpRouteKind: KindHandler = {
  kinds: ['HTTPRoute'],
  apiVersions: [V1, `${GATEWAY_GROUP}/v1beta1`],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const parentRefs = readParentRefs(r, meta);
    const hostnames = readHostnames(r);
    const ruleIdx = r.has('spec.rules') ? r.list('spec.rules') : [];
    const rules: HTTPRouteRule[] = ruleIdx.map((i) => {
      const p = `spec.rules.${i}`;
      const matchIdx = r.list(`${p}.matches`);
      const matches = matchIdx.length ? matchIdx.map((j) => readHTTPMatch(r, `${p}.matches.${j}`, j)) : [defaultMatch()];
      const name = r.str(`${p}.name`);
      const rule: HTTPRouteRule = { ...(name ? { name } : {}), matches, filters: readFilters(r, `${p}.filters`), backendRefs: readBackendRefs(r, `${p}.backendRefs`, meta), index: i };
      checkRuleFilters(r, p, rule);
      return rule;
    });
    // ADM-5: no rules → one rule matching `PathPrefix /` (with no backends: answered 500/404 by the gateway).
    if (rules.length === 0) rules.push({ matches: [defaultMatch()], filters: [], backendRefs: [], index: 0 });
    if (errorCount(r) > before) return;
    world.httpRoutes.push(withMeta<HTTPRoute>(meta, { kind: 'HTTPRoute', parentRefs, hostnames, rules }));
  },
};

function defaultMatch(): HTTPRouteMatch {
  return { path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [], index: 0 };
}

/** gateway.networking.k8s.io GRPCRoute (v1; v1alpha2 as earlier releases served it) (GW-16). */
export const grpcRouteKind: KindHandler = {
  kinds: ['GRPCRoute'],
  apiVersions: [V1, `${GATEWAY_GROUP}/v1alpha2`],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const before = errorCount(r);
    const parentRefs = readParentRefs(r, meta);
    const hostnames = readHostnames(r);
    const rules: GRPCRouteRule[] = r.list('spec.rules').map((i) => {
      const p = `spec.rules.${i}`;
      const matches: GRPCRouteMatch[] = r.list(`${p}.matches`).map((j) => {
        const m = `${p}.matches.${j}`;
        let method: GRPCRouteMatch['method'];
        if (r.isMap(`${m}.method`)) {
          const type = r.oneOf(`${m}.method.type`, ['Exact', 'RegularExpression'] as const, 'Exact');
          const service = r.str(`${m}.method.service`);
          const name = r.str(`${m}.method.method`);
          if (service === undefined && name === undefined) r.report(CODES.REQUIRED, `${m}.method`, 'a GRPCMethodMatch needs service or method (GW-16).', 'error', 'GW-16');
          if (type === 'RegularExpression') for (const [k, v] of [['service', service], ['method', name]] as const) if (v !== undefined) checkRegex(r, `${m}.method.${k}`, v);
          method = { type, ...(service !== undefined ? { service } : {}), ...(name !== undefined ? { method: name } : {}) };
        }
        return { ...(method ? { method } : {}), headers: stringMatches(r, `${m}.headers`), index: j };
      });
      const name = r.str(`${p}.name`);
      return { ...(name ? { name } : {}), matches, filters: readFilters(r, `${p}.filters`), backendRefs: readBackendRefs(r, `${p}.backendRefs`, meta), index: i };
    });
    if (rules.length === 0) rules.push({ matches: [], filters: [], backendRefs: [], index: 0 });
    if (errorCount(r) > before) return;
    world.grpcRoutes.push(withMeta<GRPCRoute>(meta, { kind: 'GRPCRoute', parentRefs, hostnames, rules }));
  },
};
