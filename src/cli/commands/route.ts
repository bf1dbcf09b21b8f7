import { parseRequestURL, type RouteEntryDocument } from '../../core/index';
import { queryCommand } from '../query-command';

export const route = queryCommand('route', {
  summary: 'which Service and pods an HTTP(S) request from outside reaches, through each Ingress class and Gateway',
  usage: 'knet route <input>... --url URL [--header "Name: value"]... [--method GET | --grpc package.Service/Method] [--sni NAME] [--gateway ns/name | --ingress-class name] [--from ns/pod | --from debug:NS [--debug-labels k=v,...]] [--json]   (URL: http(s)://, or tcp:// and udp:// for Gateway TCP/UDP listeners)',
  flags: ['url', 'method', 'grpc', 'gateway', 'ingress-class', 'sni', 'from', 'debug-labels'],
  repeatable: ['header'],
  human: (doc, io, flags) => {
    const headers = ((flags.header ?? []) as string[]).map((h): [string, string] => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]);
    const req = parseRequestURL(String(flags.url), headers, typeof flags.method === 'string' ? flags.method : 'GET', { transport: true });
    const origin = req ? `${req.scheme}://${req.host}${req.port === (req.scheme === 'https' ? 443 : 80) ? '' : ':' + req.port}` : '';
    const grpc = typeof flags.grpc === 'string' ? flags.grpc : undefined;
    const asked = !req ? '' : grpc ? `gRPC ${grpc} (POST ${origin}/${grpc.replace(/^\//, '')})\n\n` : `${req.method} ${origin}${req.path}\n\n`;
    if (doc.results.length === 0) return `${asked}No entry point: the input has no IngressClass with a controller and no Gateway.\n`;
    return asked + doc.results.map((r) => human(r, io.isTTY)).join('\n\n') + '\n';
  },
});

function entryName(r: RouteEntryDocument): string {
  const e = r.entry;
  if (e.kind === 'Service') return `Service ${e.namespace}/${e.name}:${e.port} (mesh routes)`;
  return e.kind === 'IngressClass' ? `IngressClass ${e.name}${e.controller ? ` (${e.controller})` : ''}` : `Gateway ${e.namespace}/${e.name}${e.listener ? ` listener ${e.listener}` : ''}`;
}

function human(r: RouteEntryDocument, tty: boolean): string {
  const colour = (code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
  const status = r.status === 0 ? colour('31', `no HTTP answer (connection ${r.connection ?? 'failed'})`) : r.status < 300 ? colour('32', String(r.status)) : r.status < 400 ? colour('33', String(r.status)) : colour('31', String(r.status));
  const lines = [`${colour('1', entryName(r))}: ${status}`];
  if (r.route) {
    const at = r.source;
    lines.push(`  rule     ${r.route.kind} ${r.route.namespace}/${r.route.name}${r.route.rule === null ? ' defaultBackend' : ` rule ${r.route.rule + 1}`}${at?.path ? ` (${at.path})` : ''}${at ? `  ${at.file}:${at.line}` : ''}`);
  }
  if (r.redirect) lines.push(`  redirect ${r.redirect.status} Location: ${r.redirect.location}`);
  for (const b of r.backends) {
    const at = b.source;
    const total = r.backends.reduce((n, x) => n + x.weight, 0);
    const share = r.backends.length > 1 ? ` weight ${b.weight} (${Math.round((100 * b.weight) / total)}%)` : '';
    lines.push(`  backend  ${b.kind}/${b.namespace}/${b.name}:${b.port ?? '?'}${share}${b.role ? ` [${b.role}]` : ''}${b.protocol ? ` via ${b.protocol}` : ''}  ${b.state}${at ? `  ${at.file}:${at.line}` : ''}`);
    for (const e of b.endpoints) lines.push(`           → ${e.ip}:${e.port}${e.pod ? `  pod ${e.pod}` : ''}${e.node ? ` on ${e.node}` : ''}`);
    if (b.state !== 'ok') lines.push(`           ${b.reason}`);
  }
  if (r.upstream) lines.push(`  upstream Host: ${r.upstream.host}  ${r.upstream.path}`);
  else if (r.upstreamPath !== undefined && r.backends.length) lines.push(`  path     the backend receives ${r.upstreamPath}`);
  if (r.proxy) lines.push(`  source   ${r.proxy.pods.length ? r.proxy.pods.join(', ') : `(no controller pod in ${r.proxy.namespace})`}: ${r.proxy.note}`);
  lines.push('  why');
  for (const s of r.reasons) lines.push(`    - ${s}`);
  if (r.assumptions.length) {
    lines.push('  assumed');
    for (const s of r.assumptions) lines.push(`    - ${s}`);
  }
  return lines.join('\n');
}
