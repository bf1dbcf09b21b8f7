/**
 * `kubectl get` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables aligned by a tabwriter, `-o wide`
 * adds the wide columns, `-A` a NAMESPACE column, `--show-labels` a LABELS column; several types at once
 * print `kind.group/name` and one table per type; `-o name|yaml|json`. An empty list is
 * `No resources found in NS namespace.` on stderr (exit 0), a missing name is the API server's NotFound.
 */
import type { ObjectMeta } from '../../model/meta';
import type { Output } from '../output';
import { GET_TABS, tabwrite } from '../tabwriter';
import { manifest, toJSON, toYAML } from './manifest';
import { resourceType, type ResourceType } from './resources';
import { formatLabels, parseSelector, selects, type View } from './view';

export interface GetOptions {
  namespace: string;
  allNamespaces: boolean;
  output: string | undefined;
  selector: string | undefined;
  showLabels: boolean;
}

const GROUP: Record<string, string> = {
  EndpointSlice: 'endpointslice.discovery.k8s.io', Ingress: 'ingress.networking.k8s.io', IngressClass: 'ingressclass.networking.k8s.io',
  NetworkPolicy: 'networkpolicy.networking.k8s.io', Deployment: 'deployment.apps', Gateway: 'gateway.gateway.networking.k8s.io',
  GatewayClass: 'gatewayclass.gateway.networking.k8s.io', HTTPRoute: 'httproute.gateway.networking.k8s.io',
};
const OUTPUTS = ['wide', 'yaml', 'json', 'name'];
export const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

/** `kind.group` as kubectl prefixes names (`pod`, `service`, `deployment.apps`). */
export function kindPrefix(kind: string): string {
  return GROUP[kind] ?? kind.toLowerCase();
}

/** The object a name in the output stands for on the graph (an Endpoints object is its Service's). */
export function linkOf(o: ObjectMeta): string {
  return o.kind === 'Endpoints' ? `Service/${o.namespace}/${o.name}` : o.id;
}

export function get(out: Output, view: View, args: string[], opts: GetOptions): number {
  if (args.length === 0) {
    out.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    return 1;
  }
  if (opts.output !== undefined && !OUTPUTS.includes(opts.output)) {
    out.err(`error: unable to match a printer suitable for the output format "${opts.output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
    return 1;
  }
  const sel = opts.selector !== undefined ? parseSelector(opts.selector) : undefined;
  if (sel && 'error' in sel) {
    out.err(`${sel.error}\n`);
    return 1;
  }
  // `TYPE NAME...`, `TYPE1,TYPE2`, or `TYPE/NAME...`.
  const requests: { type: ResourceType; names: string[] }[] = [];
  const slashed = args.every((a) => a.includes('/'));
  for (const spec of slashed ? args.map((a) => a.split('/')[0]!) : args[0]!.split(',')) {
    const type = resourceType(spec);
    if (!type) {
      out.err(`error: the server doesn't have a resource type "${spec}"\n`);
      return 1;
    }
    if (!requests.some((r) => r.type === type)) requests.push({ type, names: [] });
  }
  if (slashed) for (const a of args) requests.find((r) => r.type === resourceType(a.split('/')[0]!))!.names.push(a.split('/').slice(1).join('/'));
  else if (args.length > 1) {
    if (requests.length > 1) {
      out.err('error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\')\n');
      return 1;
    }
    requests[0]!.names.push(...args.slice(1));
  }
  let exit = 0;
  const found: { type: ResourceType; items: ObjectMeta[] }[] = [];
  for (const r of requests) {
    if (r.type.kind === 'Endpoints') out.err(ENDPOINTS_WARNING);
    const inScope = r.type.list(view).filter((o) => !r.type.namespaced || opts.allNamespaces || o.namespace === opts.namespace);
    let items = inScope;
    if (r.names.length) {
      items = [];
      for (const n of r.names) {
        const o = inScope.find((x) => x.name === n);
        if (o) items.push(o);
        else {
          out.err(`Error from server (NotFound): ${r.type.plural} "${n}" not found\n`);
          exit = 1;
        }
      }
    }
    if (sel && !('error' in sel)) items = items.filter((o) => selects(sel, o.labels));
    found.push({ type: r.type, items });
  }
  const all = found.flatMap((f) => f.items);
  if (all.length === 0) {
    if (exit === 0) {
      const scoped = requests.every((r) => r.type.namespaced) && !opts.allNamespaces;
      out.err(scoped ? `No resources found in ${opts.namespace} namespace.\n` : 'No resources found\n');
    }
    return exit;
  }
  if (opts.output === 'yaml' || opts.output === 'json') {
    const docs = all.map((o) => manifest(o, view));
    // One object asked for by name prints as itself; anything else as a List.
    const one = requests.length === 1 && requests[0]!.names.length === 1;
    out.out(opts.output === 'json' ? toJSON(docs, one) : toYAML(docs, one));
    return exit;
  }
  if (opts.output === 'name') {
    for (const o of all) out.out(`${kindPrefix(o.kind)}/${o.name}\n`, linkOf(o));
    return exit;
  }
  const withKind = found.filter((f) => f.items.length).length > 1;
  let first = true;
  for (const f of found) {
    if (f.items.length === 0) continue;
    if (!first) out.out('\n');
    first = false;
    table(out, view, f.type, f.items, opts, withKind);
  }
  return exit;
}

function table(out: Output, view: View, type: ResourceType, items: ObjectMeta[], opts: GetOptions, withKind: boolean): void {
  const wide = opts.output === 'wide';
  const ns = opts.allNamespaces && type.namespaced;
  const head = [...(ns ? ['NAMESPACE'] : []), ...type.columns, ...(wide ? type.wideColumns : []), ...(opts.showLabels ? ['LABELS'] : [])];
  const rows = items.map((o) => {
    const cells = type.row(o, view, wide);
    if (withKind) cells[0] = `${kindPrefix(o.kind)}/${cells[0]}`;
    return [...(ns ? [o.namespace] : []), ...cells, ...(opts.showLabels ? [formatLabels(o.labels)] : [])];
  });
  const lines = tabwrite([head, ...rows].map((r) => r.join('\t')).join('\n') + '\n', GET_TABS).split('\n');
  out.out(`${lines[0]}\n`);
  items.forEach((o, i) => {
    const line = lines[i + 1]!;
    const name = rows[i]![ns ? 1 : 0]!;
    const at = line.indexOf(name, ns ? o.namespace.length : 0);
    out.out(line.slice(0, at));
    out.out(name, linkOf(o));
    out.out(`${line.slice(at + name.length)}\n`);
  });
}
