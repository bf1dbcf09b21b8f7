import { CODES } from '../diagnostics/codes';
import type { FieldReader } from './reader';

/**
 * ADM-7: `metadata.ownerReferences` as the API server validates them (apimachinery
 * `pkg/api/validation/objectmeta.go`, ValidateOwnerReferences / validateOwnerReference): every reference
 * needs a non-empty apiVersion (version), kind, name and uid; a v1 Event may not own anything; at most one
 * reference may set `controller: true`. Returns false when the object must be rejected (errors reported).
 */
export function checkOwnerReferences(r: FieldReader): boolean {
  const path = 'metadata.ownerReferences';
  const start = r.diags.length;
  let firstController: string | undefined;
  for (const i of r.list(path)) {
    const p = `${path}.${i}`;
    if (!r.isMap(p)) continue;
    const fields = { apiVersion: r.str(`${p}.apiVersion`), kind: r.str(`${p}.kind`), name: r.str(`${p}.name`), uid: r.str(`${p}.uid`) };
    const empty = (k: keyof typeof fields, what: string) => {
      // The API server's own words: `Invalid value: "": uid must not be empty`.
      if (!fields[k]) r.report(CODES.REQUIRED, r.has(`${p}.${k}`) ? `${p}.${k}` : p, `${p}.${k}: ${what} must not be empty; the API server rejects the object (ADM-7).`, 'error', 'ADM-7');
    };
    // apiVersion "apps/v1" → version "v1"; an apiVersion with an empty version part is as bad as none.
    const version = fields.apiVersion?.includes('/') ? fields.apiVersion.slice(fields.apiVersion.indexOf('/') + 1) : fields.apiVersion;
    if (!version) r.report(CODES.REQUIRED, r.has(`${p}.apiVersion`) ? `${p}.apiVersion` : p, `${p}.apiVersion: version must not be empty; the API server rejects the object (ADM-7).`, 'error', 'ADM-7');
    empty('kind', 'kind');
    empty('name', 'name');
    empty('uid', 'uid');
    if (fields.apiVersion === 'v1' && fields.kind === 'Event') r.report(CODES.INVALID_VALUE, p, `${p}: /v1, Kind=Event is disallowed from being an owner (ADM-7).`, 'error', 'ADM-7');
    if (r.at(`${p}.controller`) === true) {
      const name = `${fields.kind ?? ''}/${fields.name ?? ''}`;
      if (firstController !== undefined) {
        r.report(CODES.INVALID_VALUE, `${p}.controller`, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name} (ADM-7).`, 'error', 'ADM-7');
      } else firstController = name;
    }
  }
  return !r.diags.slice(start).some((d) => d.severity === 'error');
}
