import { simulate, trace, type Cite, type InputFile, type TraceResult } from '../../core/index';
import { headerFlags, one, parseArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../io';
import { lineColumn, loadInputs } from '../input';
import { warnUnread } from '../report';

function where(c: Cite, files: InputFile[]): string {
  const f = files[c.file];
  if (!f) return '';
  const { line } = lineColumn(f.text, c.range.start);
  return `${f.name}:${line}`;
}

function human(r: TraceResult, files: InputFile[], tty: boolean): string {
  const paint = (code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
  const mark = { ok: paint('32', 'ok     '), blocked: paint('31', 'BLOCKED'), failed: paint('31', 'FAILED ') };
  const lines = r.hops.map((h, i) => {
    const at = h.cites.map((c) => where(c, files)).filter(Boolean);
    return `${String(i + 1).padStart(2)}. ${h.step.padEnd(14)} ${mark[h.result]} ${h.object ?? ''}\n      ${h.reason}${at.length ? `\n      see ${[...new Set(at)].join(', ')}` : ''}`;
  });
  const verdict = r.verdict === 'delivered' ? paint('32', 'delivered') : paint('31', r.verdict);
  lines.push('', `${paint('1', 'verdict')}: ${verdict}: ${r.summary}`);
  if (r.assumptions.length) lines.push('', 'assumed:', ...r.assumptions.map((a) => `  - ${a}`));
  return lines.join('\n') + '\n';
}

export const traceCommand: Command = {
  name: 'trace',
  summary: 'follow one request hop by hop: DNS, entry point, Service, endpoints, both policy checks, the pod',
  usage: 'knet trace <input>... --from ns/pod|ip:A.B.C.D|node:NAME --url URL [--header "Name: value"]... [--method GET] [--gateway ns/name | --ingress-class name] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, ['from', 'url', 'header', 'method', 'gateway', 'ingress-class']);
    const from = required(args, 'from');
    const url = required(args, 'url');
    const headers = headerFlags(args);
    const method = one(args, 'method') ?? 'GET';
    const gateway = one(args, 'gateway');
    const ingressClass = one(args, 'ingress-class');
    if (gateway && ingressClass) throw new UsageError('give --gateway or --ingress-class, not both');
    if (!/^https?:\/\//i.test(url)) throw new UsageError(`--url must be an http:// or https:// URL, not "${url}"`);
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files);
    warnUnread(sim, files, io);
    const r = trace(sim, { from, url, headers, method, ...(gateway ? { gateway } : {}), ...(ingressClass ? { ingressClass } : {}) });
    if (r.error) throw new InputError(r.error);
    if (args.json) {
      const hops = r.hops.map((h) => ({ ...h, cites: h.cites.map((c) => ({ object: c.object, path: c.path, source: where(c, files) })) }));
      io.out(JSON.stringify({ verdict: r.verdict, summary: r.summary, hops, assumptions: r.assumptions }, null, 2) + '\n');
    } else io.out(human(r, files, io.isTTY));
    return EXIT.OK;
  },
};
