import { parseRequestURL, route, simulate, type Cite, type EntryResult, type InputFile } from '../../core/index';
import { one, parseArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../io';
import { lineColumn, loadInputs } from '../input';
import { warnUnread } from '../report';

/** `file:line` of a cite, for people and for `--json` alike. */
function where(c: Cite | undefined, files: InputFile[]): { file: string; line: number; column: number } | undefined {
  if (!c) return undefined;
  const f = files[c.file];
  if (!f) return undefined;
  const { line, column } = lineColumn(f.text, c.range.start);
  return { file: f.name, line, column };
}

function toJSON(r: EntryResult, files: InputFile[]) {
  const at = where(r.cite, files);
  return {
    // The knet contract: a Gateway entry always has `listener`, null when no listener accepted the request.
    entry: r.entry.kind === 'Gateway' ? { ...r.entry, listener: r.entry.listener ?? null } : r.entry,
    status: r.status,
    route: r.route,
    backends: r.backends.map((b) => ({
      namespace: b.namespace,
      name: b.name,
      port: b.port,
      weight: b.weight,
      kind: b.kind,
      state: b.state,
      ...(b.role ? { role: b.role } : {}),
      ...(b.protocol ? { protocol: b.protocol } : {}),
      endpoints: b.endpoints,
      reason: b.reason,
      ...(where(b.cite, files) ? { source: where(b.cite, files) } : {}),
    })),
    ...(at ? { source: { ...at, object: r.cite!.object, path: r.cite!.path } } : {}),
    ...(r.upstreamPath !== undefined ? { upstreamPath: r.upstreamPath } : {}),
    ...(r.redirect ? { redirect: r.redirect } : {}),
    ...(r.proxy ? { proxy: r.proxy } : {}),
    reasons: r.reasons,
    assumptions: r.assumptions,
  };
}

function entryName(r: EntryResult): string {
  const e = r.entry;
  return e.kind === 'IngressClass' ? `IngressClass ${e.name}${e.controller ? ` (${e.controller})` : ''}` : `Gateway ${e.namespace}/${e.name}${e.listener ? ` listener ${e.listener}` : ''}`;
}

function human(r: EntryResult, files: InputFile[], tty: boolean): string {
  const colour = (code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
  const status = r.status < 300 ? colour('32', String(r.status)) : r.status < 400 ? colour('33', String(r.status)) : colour('31', String(r.status));
  const lines = [`${colour('1', entryName(r))}: ${status}`];
  if (r.route) {
    const at = where(r.cite, files);
    lines.push(`  rule     ${r.route.kind} ${r.route.namespace}/${r.route.name}${r.route.rule === null ? ' defaultBackend' : ` rule ${r.route.rule + 1}`}${r.cite?.path ? ` (${r.cite.path})` : ''}${at ? `  ${at.file}:${at.line}` : ''}`);
  }
  if (r.redirect) lines.push(`  redirect ${r.redirect.status} Location: ${r.redirect.location}`);
  for (const b of r.backends) {
    const at = where(b.cite, files);
    const total = r.backends.reduce((n, x) => n + x.weight, 0);
    const share = r.backends.length > 1 ? ` weight ${b.weight} (${Math.round((100 * b.weight) / total)}%)` : '';
    lines.push(`  backend  ${b.kind}/${b.namespace}/${b.name}:${b.port ?? '?'}${share}${b.role ? ` [${b.role}]` : ''}${b.protocol ? ` via ${b.protocol}` : ''}  ${b.state}${at ? `  ${at.file}:${at.line}` : ''}`);
    for (const e of b.endpoints) lines.push(`           → ${e.ip}:${e.port}${e.pod ? `  pod ${e.pod}` : ''}${e.node ? ` on ${e.node}` : ''}`);
    if (b.state !== 'ok') lines.push(`           ${b.reason}`);
  }
  if (r.upstreamPath !== undefined && r.backends.length) lines.push(`  path     the backend receives ${r.upstreamPath}`);
  if (r.proxy) lines.push(`  source   ${r.proxy.pods.length ? r.proxy.pods.join(', ') : `(no controller pod in ${r.proxy.namespace})`}: ${r.proxy.note}`);
  lines.push('  why');
  for (const s of r.reasons) lines.push(`    - ${s}`);
  if (r.assumptions.length) {
    lines.push('  assumed');
    for (const s of r.assumptions) lines.push(`    - ${s}`);
  }
  return lines.join('\n');
}

export const routeCommand: Command = {
  name: 'route',
  summary: 'which Service and pods an HTTP(S) request from outside reaches, through each Ingress class and Gateway',
  usage: 'knet route <input>... --url URL [--header "Name: value"]... [--method GET] [--gateway ns/name | --ingress-class name] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, ['url', 'header', 'method', 'gateway', 'ingress-class']);
    const url = required(args, 'url');
    const gateway = one(args, 'gateway');
    const ingressClass = one(args, 'ingress-class');
    if (gateway && ingressClass) throw new UsageError('give --gateway or --ingress-class, not both');
    if (gateway && !/^[^/]+\/[^/]+$/.test(gateway)) throw new UsageError('--gateway takes namespace/name');
    const headers = (args.flags.get('header') ?? []).map((h): [string, string] => {
      const colon = h.indexOf(':');
      if (colon <= 0) throw new UsageError(`--header "${h}" must look like "Name: value"`);
      return [h.slice(0, colon).trim(), h.slice(colon + 1).trim()];
    });
    const method = one(args, 'method') ?? 'GET';
    if (!/^[A-Za-z]+$/.test(method)) throw new UsageError('--method must be an HTTP method such as GET');
    const req = parseRequestURL(url, headers, method);
    if (!req) throw new UsageError(`--url must be an http:// or https:// URL, not "${url}"`);
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files);
    warnUnread(sim, files, io);
    if (ingressClass && !sim.world.ingressClasses.some((c) => c.name === ingressClass)) throw new InputError(`there is no IngressClass "${ingressClass}" in the input`);
    if (gateway && !sim.world.gateways.some((g) => `${g.namespace}/${g.name}` === gateway)) throw new InputError(`there is no Gateway "${gateway}" in the input`);
    const opts = { ...(gateway ? { gateway } : {}), ...(ingressClass ? { ingressClass } : {}) };
    const { results } = route(sim, req, opts);
    if (args.json) {
      io.out(JSON.stringify({ results: results.map((r) => toJSON(r, files)) }, null, 2) + '\n');
      return EXIT.OK;
    }
    io.out(`${req.method} ${req.scheme}://${req.host}${req.port === (req.scheme === 'https' ? 443 : 80) ? '' : ':' + req.port}${req.path}\n\n`);
    if (results.length === 0) io.out('No entry point: the input has no IngressClass with a controller and no Gateway.\n');
    io.out(results.map((r) => human(r, files, io.isTTY)).join('\n\n') + '\n');
    return EXIT.OK;
  },
};
