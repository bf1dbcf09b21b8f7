import type { TraceDocument } from '../../core/index';
import { queryCommand } from '../query-command';

export const trace = queryCommand('trace', {
  summary: 'follow one request hop by hop: DNS, entry point, Service, endpoints, both policy checks, the pod',
  usage:
    'knet trace <input>... --from ns/pod|ip:A.B.C.D|node:NAME|debug:NS --url URL [--header "Name: value"]... [--method GET | --grpc package.Service/Method] [--gateway ns/name | --ingress-class name] [--debug-labels k=v,...] [--json]\n' +
    '  --from debug:NS [--debug-labels k=v,...]: from a busybox-like debug pod started in namespace NS (labels run=debug unless given),\n  as `kubectl run debug -n NS --labels ...` would, so a scenario with no client pod can be debugged too.',
  flags: ['from', 'url', 'method', 'grpc', 'gateway', 'ingress-class', 'debug-labels'],
  repeatable: ['header'],
  human: (doc, io) => human(doc, io.isTTY),
});

function human(r: TraceDocument, tty: boolean): string {
  const paint = (code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
  const mark = { ok: paint('32', 'ok     '), blocked: paint('31', 'BLOCKED'), failed: paint('31', 'FAILED ') };
  const lines = r.hops.map((h, i) => {
    const at = h.cites.map((c) => c.source).filter(Boolean);
    return `${String(i + 1).padStart(2)}. ${h.step.padEnd(14)} ${mark[h.result]} ${h.object ?? ''}\n      ${h.reason}${at.length ? `\n      see ${[...new Set(at)].join(', ')}` : ''}`;
  });
  const verdict = r.verdict === 'delivered' ? paint('32', 'delivered') : paint('31', r.verdict);
  lines.push('', `${paint('1', 'verdict')}: ${verdict}: ${r.summary}`);
  if (r.assumptions.length) lines.push('', 'assumed:', ...r.assumptions.map((a) => `  - ${a}`));
  return lines.join('\n') + '\n';
}
