import type { Diagnostic, Severity } from '../../diagnostics/diagnostic';
import { rangeIn } from '../../manifest/reader';
import type { ObjectMeta } from '../../model/meta';
import type { World } from '../../model/world';
import { GATEWAY_CODES } from './codes';

function diag(obj: ObjectMeta, code: string, path: string, message: string, severity: Severity, rule: string): Diagnostic {
  return { code, severity, message, file: obj.source.file, range: rangeIn(obj.source, path), path, object: obj.id, rule };
}

/**
 * Status conditions that mean "this does not work as written" become diagnostics on the field that causes
 * them. Reads the status the controller wrote into each object.
 */
export function gatewayDiagnostics(world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const gw of world.gateways) {
    const gs = gw.status;
    if (gw.system || !gs) continue;
    if (!gs.ours) {
      const cls = gw.gatewayClassName;
      const exists = world.gatewayClasses.find((c) => c.name === cls);
      out.push(
        exists
          ? diag(gw, GATEWAY_CODES.GATEWAY_CLASS_NOT_SERVED, 'spec.gatewayClassName', `GatewayClass "${cls}" (controller ${exists.controllerName}) is not served by a simulated controller; this Gateway gets no status and serves nothing (GW-1).`, 'warning', 'GW-1')
          : diag(gw, GATEWAY_CODES.GATEWAY_CLASS_NOT_FOUND, 'spec.gatewayClassName', `GatewayClass "${cls}" does not exist; this Gateway gets no status and serves nothing (GW-1).`, 'warning', 'GW-1'),
      );
      continue;
    }
    for (const l of gs.listeners) {
      const path = `spec.listeners.${l.index}`;
      for (const c of l.conditions) {
        if (c.type === 'Conflicted' && c.status === 'True') out.push(diag(gw, GATEWAY_CODES.LISTENER_CONFLICT, path, `Listener "${l.name}" is Conflicted (${c.reason}): ${c.message} It is not served.`, 'warning', 'GW-2'));
        if (c.type === 'Accepted' && c.reason === 'UnsupportedProtocol') out.push(diag(gw, GATEWAY_CODES.LISTENER_UNSUPPORTED_PROTOCOL, `${path}.protocol`, `Listener "${l.name}": ${c.message}`, 'warning', 'GW-2'));
        if (c.type === 'ResolvedRefs' && c.reason === 'InvalidRouteKinds') out.push(diag(gw, GATEWAY_CODES.LISTENER_INVALID_ROUTE_KINDS, `${path}.allowedRoutes.kinds`, `Listener "${l.name}": ${c.message}`, 'warning', 'GW-3'));
        if (c.type === 'ResolvedRefs' && c.status === 'False' && c.reason !== 'InvalidRouteKinds') out.push(diag(gw, GATEWAY_CODES.LISTENER_INVALID_CERTIFICATE_REF, `${path}.tls.certificateRefs`, `Listener "${l.name}" is not served: ${c.message}`, 'warning', 'GW-3'));
      }
    }
  }
  for (const route of [...world.httpRoutes, ...world.grpcRoutes]) {
    const rs = route.status;
    if (!rs) continue;
    for (const p of rs.parents) {
      const path = `spec.parentRefs.${p.parentRef.index}`;
      if (p.reason === 'NotFound') out.push(diag(route, GATEWAY_CODES.ROUTE_PARENT_NOT_FOUND, path, `Parent not found: ${p.message}`, 'warning', '§5.2'));
      else if (p.reason === 'Conflicted') out.push(diag(route, GATEWAY_CODES.ROUTE_CONFLICT, path, `Not accepted: ${p.message}`, 'warning', 'GW-16'));
      else if (!p.accepted) out.push(diag(route, GATEWAY_CODES.ROUTE_NOT_ACCEPTED, path, `Accepted=False (${p.reason}): ${p.message}`, 'warning', '§5.2'));
    }
    for (const b of rs.backends) {
      if (b.resolved) continue;
      out.push(diag(route, GATEWAY_CODES.BACKEND_NOT_RESOLVED, `spec.rules.${b.rule}.backendRefs.${b.ref.index}`, `ResolvedRefs=False (${b.reason}): ${b.message} Requests sent to it get 500.`, 'warning', 'GW-13'));
    }
    for (const rule of route.rules) {
      const redirect = rule.filters.some((f) => f.type === 'RequestRedirect');
      if (redirect || rule.backendRefs.length === 0) continue;
      const ok = rule.backendRefs.filter((ref) => ref.weight > 0 && rs.backends.find((b) => b.rule === rule.index && b.ref === ref)?.resolved);
      const alreadyReported = rule.backendRefs.length === 1 && rule.backendRefs[0]!.weight > 0;
      if (ok.length === 0 && !alreadyReported) out.push(diag(route, GATEWAY_CODES.RULE_NO_VALID_BACKEND, `spec.rules.${rule.index}.backendRefs`, 'No backendRef of this rule is valid with a weight above 0: every matching request gets 500 (GW-11, GW-13).', 'warning', 'GW-13'));
    }
  }
  return out;
}
