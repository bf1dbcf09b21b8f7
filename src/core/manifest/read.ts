import type { Diagnostic } from '../diagnostics/diagnostic';
import { CODES } from '../diagnostics/codes';
import { objectId, type ObjectMeta, type SourceRef } from '../model/meta';
import { emptyWorld, type World } from '../model/world';
import type { SimOptions } from '../options';
import { checkDNS1035Label, checkDNS1123Label, checkDNS1123Subdomain } from '../net/names';
import type { KindHandler } from './kind';
import { KIND_HANDLERS } from './kinds/index';
import { finishParseRun, LIMITS, parseFile, type ParseCache, type RawObject } from './parse';
import { FieldReader } from './reader';
import { fieldRange, subtree } from './fields';
import { finishNamespaces } from './kinds/namespace';
import { checkOwnerReferences } from './owner-references';
import { noSuchKind } from './builtin-kinds';
import { unknownFields } from './unknown-fields';

export interface InputFile {
  name: string;
  text: string;
}

const BY_KIND = new Map<string, KindHandler>();
for (const h of KIND_HANDLERS) for (const k of h.kinds) BY_KIND.set(k, h);

/**
 * Text → validated, defaulted World. Every problem becomes a located Diagnostic; objects the API server
 * would reject are left out of the World, everything else is kept (§1).
 */
export function readManifests(files: InputFile[], options: SimOptions, diags: Diagnostic[], cache?: ParseCache): World {
  const world = emptyWorld(options.cluster);
  world.files = files.map((f) => f.name);
  const total = files.reduce((n, f) => n + f.text.length, 0);
  if (total > LIMITS.maxChars) {
    diags.push({
      code: CODES.YAML_LIMIT,
      severity: 'error',
      message: `The input is ${(total / 1e6).toFixed(1)} MB; the playground reads at most ${LIMITS.maxChars / 1e6} MB. Nothing was simulated.`,
      file: 0,
      range: { start: 0, end: 1 },
    });
    finishNamespaces(world);
    return world;
  }
  const seen = new Map<string, SourceRef>();
  let order = 0;
  files.forEach((f, file) => {
    for (const raw of parseFile(f.text, file, diags, cache)) {
      for (const obj of unfoldLists(raw, diags)) {
        if (order === LIMITS.maxDocuments) {
          diags.push({ code: CODES.YAML_LIMIT, severity: 'error', message: `The input holds more than ${LIMITS.maxDocuments} objects; the rest were not read.`, file, range: obj.range });
        }
        if (order++ >= LIMITS.maxDocuments) continue;
        readObject(obj, order - 1, world, options, diags, seen);
      }
    }
  });
  if (cache) finishParseRun(cache);
  finishNamespaces(world);
  return world;
}

/** `kind: List` and `*List` (as `kubectl get -o yaml` prints) become their items. */
function unfoldLists(raw: RawObject, diags: Diagnostic[]): RawObject[] {
  const kind = raw.value.kind;
  if (typeof kind !== 'string' || !kind.endsWith('List') || !Array.isArray(raw.value.items)) return [raw];
  const out: RawObject[] = [];
  raw.value.items.forEach((item: unknown, i: number) => {
    const prefix = `items.${i}`;
    const range = fieldRange(raw, prefix) ?? raw.range;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      diags.push({ code: CODES.YAML_NOT_OBJECT, severity: 'error', message: `${prefix} must be a Kubernetes object.`, file: raw.file, range });
      return;
    }
    const fields = subtree(raw.fields, prefix) ?? {};
    out.push(...unfoldLists({ value: item as Record<string, unknown>, file: raw.file, range, fields, ...(raw.offset ? { offset: raw.offset } : {}) }, diags));
  });
  return out;
}

/**
 * Read one object; when it does not make it into the World (the API server would refuse it, or it repeats
 * an earlier one), record why in `world.leftOut`, so an answer that misses it can say so (CLI: one located
 * line per object left out). Kinds the simulator does not know are not refused, only not simulated.
 */
function readObject(raw: RawObject, order: number, world: World, options: SimOptions, diags: Diagnostic[], seen: Map<string, SourceRef>): void {
  const before = diags.length;
  const size = objectCount(world);
  const known = readKnownObject(raw, order, world, options, diags, seen);
  if (!known || objectCount(world) > size) return;
  const why = diags.slice(before).find((d) => d.severity === 'error') ?? diags.slice(before).find((d) => d.severity === 'warning');
  if (!why) return;
  const v = raw.value;
  const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  const meta = typeof v.metadata === 'object' && v.metadata !== null ? (v.metadata as Record<string, unknown>) : {};
  const kind = str(v.kind);
  const name = str(meta.name);
  const handler = kind ? BY_KIND.get(kind) : undefined;
  const namespace = handler?.namespaced === false ? '' : (str(meta.namespace) ?? 'default');
  world.leftOut.push({ object: kind ? (name ? objectId(kind, namespace, name) : `${kind} without a name`) : null, file: why.file, range: why.range, reason: why.message });
}

/** Every object in the World, to tell whether reading one added it. */
function objectCount(w: World): number {
  return (
    w.namespaces.length + w.nodes.length + w.workloads.length + w.pods.length + w.services.length + w.endpointSlices.length + w.legacyEndpoints.length +
    w.secrets.length + w.ingressClasses.length + w.ingresses.length + w.gatewayClasses.length + w.gateways.length + w.httpRoutes.length + w.grpcRoutes.length +
    w.tlsRoutes.length + w.tcpRoutes.length + w.udpRoutes.length +
    w.referenceGrants.length + w.networkPolicies.length + w.adminNetworkPolicies.length + w.others.length + (w.exercises?.length ?? 0)
  );
}

/** Validate and add one object; false when its kind is not simulated (so leaving it out is no rejection). */
function readKnownObject(raw: RawObject, order: number, world: World, options: SimOptions, diags: Diagnostic[], seen: Map<string, SourceRef>): boolean {
  const source: SourceRef = { file: raw.file, range: raw.range, fields: raw.fields, ...(raw.offset ? { offset: raw.offset } : {}) };
  const r = new FieldReader(raw.value, source, diags);
  const kind = r.str('kind');
  const apiVersion = r.str('apiVersion');
  if (kind === undefined) {
    if (!r.has('kind')) r.report(CODES.MISSING_KIND, '', 'This document has no `kind`, so it is not a Kubernetes object.');
    return true;
  }
  if (apiVersion === undefined) {
    if (!r.has('apiVersion')) r.report(CODES.MISSING_API_VERSION, 'kind', `This ${kind} has no \`apiVersion\`.`);
    return true;
  }
  const handler = BY_KIND.get(kind);
  if (!handler) {
    // A kind its built-in group does not serve (a typo: `kind: Serice`) is refused, not merely not simulated.
    const refused = noSuchKind(apiVersion, kind);
    if (refused) {
      r.report(CODES.NO_SUCH_KIND, 'kind', refused);
      return true;
    }
    r.report(CODES.UNKNOWN_KIND, 'kind', `${apiVersion} ${kind} is not simulated; it is ignored.`, 'info');
    return false;
  }
  if (!handler.apiVersions.includes(apiVersion)) {
    const instead = handler.removed?.[apiVersion];
    const msg = instead
      ? `${apiVersion} ${kind} is no longer served by Kubernetes; use ${instead}. The object is ignored.`
      : `${kind} is read in ${handler.apiVersions.join(' or ')}, not ${apiVersion}. The object is ignored.`;
    r.report(CODES.UNSUPPORTED_VERSION, 'apiVersion', msg, 'warning');
    return true;
  }
  const meta = readMeta(r, kind, handler, order, world);
  if (!meta) return true;
  r.object = meta.id;
  const earlier = seen.get(meta.id);
  if (earlier) {
    diags.push({
      code: CODES.DUPLICATE_OBJECT,
      severity: 'error',
      message: `${meta.id} is defined twice; the first definition is used.`,
      file: source.file,
      range: r.range('metadata.name'),
      object: meta.id,
      related: [{ file: earlier.file, range: earlier.range, message: 'first definition' }],
    });
    return true;
  }
  seen.set(meta.id, source);
  // A field the kind does not have: kubectl's strict validation refuses the whole object (its default).
  const unknown = raw.listedFields ? [] : unknownFields(kind, raw.value);
  if (unknown.length) {
    for (const u of unknown) r.report(CODES.UNKNOWN_FIELD, u.path, u.message);
    return true;
  }
  handler.read(r, meta, { world, options, diags });
  return true;
}

function readMeta(r: FieldReader, kind: string, handler: KindHandler, order: number, world: World): ObjectMeta | undefined {
  if (!r.isMap('metadata')) {
    r.required('metadata', 'metadata');
    return undefined;
  }
  const name = r.str('metadata.name');
  if (name === undefined) {
    if (r.has('metadata.generateName')) r.report(CODES.REQUIRED, 'metadata.generateName', 'metadata.generateName needs the API server to pick a name; give the object a metadata.name to simulate it.');
    else if (!r.has('metadata.name')) r.required('metadata.name');
    return undefined;
  }
  const check = handler.nameRule === 'label' ? checkDNS1123Label : handler.nameRule === 'rfc1035' ? checkDNS1035Label : handler.nameRule === 'subdomain' ? checkDNS1123Subdomain : () => null;
  const problem = name === '' ? 'must not be empty' : check(name);
  if (problem) {
    r.report(CODES.INVALID_NAME, 'metadata.name', `${kind} name "${name}" is invalid: ${problem}.`);
    return undefined;
  }
  let namespace = '';
  if (handler.namespaced) {
    namespace = r.str('metadata.namespace') ?? 'default';
    const nsProblem = checkDNS1123Label(namespace);
    if (nsProblem) {
      r.report(CODES.INVALID_NAME, 'metadata.namespace', `namespace "${namespace}" is invalid: ${nsProblem}.`);
      return undefined;
    }
  } else if (r.has('metadata.namespace')) {
    r.report(CODES.NAMESPACE_ON_CLUSTER_SCOPED, 'metadata.namespace', `${kind} is cluster-scoped; metadata.namespace is ignored.`, 'warning');
  }
  void world;
  r.object = objectId(kind, namespace, name);
  if (!checkOwnerReferences(r)) return undefined;
  const creationTimestamp = r.str('metadata.creationTimestamp');
  return {
    id: objectId(kind, namespace, name),
    kind,
    name,
    namespace,
    labels: r.strMap('metadata.labels', { labelRules: true }),
    annotations: r.strMap('metadata.annotations'),
    ...(creationTimestamp ? { creationTimestamp } : {}),
    order,
    source: r.source,
  };
}
