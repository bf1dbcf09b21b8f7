import type { CheckDocument, DirectionDocument } from '../../core/index';
import { queryCommand } from '../query-command';

/**
 * `knet check`: one connection under the NetworkPolicies and admin policies, each direction with the
 * policies that isolate the pod and the rule (policy, rule, peer, port) that decided, located in the YAML.
 */
export const check = queryCommand('check', {
  summary: 'would this connection be allowed by the NetworkPolicies, and which rule decides',
  usage:
    'knet check <input>... --from PEER --to PEER --port N [--protocol TCP|UDP|SCTP|ICMP] [--node NAME] [--ipblock-ignores-pods] [--debug-labels k=v,...] [--json]\n  PEER: ns/pod, ip:A.B.C.D, node:NAME, (for --from) debug:NS, or (for --to) service:ns/name\n  --from debug:NS [--debug-labels k=v,...]: from a busybox-like debug pod started in namespace NS (labels run=debug unless given),\n  as `kubectl run debug -n NS --labels ...` would, so a scenario with no client pod can be debugged too.\n  --node: the node that received NodePort / load-balancer traffic (implied by --to ip:<node IP>); without it an\n  outside client under externalTrafficPolicy Cluster is assumed to arrive at a node that does not run the backend',
  flags: ['from', 'to', 'port', 'protocol', 'node', 'debug-labels'],
  booleans: ['ipblock-ignores-pods'],
  human: (doc, io) => human(doc, io.isTTY),
});

function human(res: CheckDocument, tty: boolean): string {
  const paint = (ok: boolean, s: string) => (tty ? `\x1b[${ok ? 32 : 31}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(`${res.from} → ${res.to}${res.protocol === 'ICMP' ? ' (ICMP)' : `:${res.port}/${res.protocol}`}  ${paint(res.verdict === 'allowed', res.verdict.toUpperCase())}`);
  const dir = (name: 'egress' | 'ingress', subject: string, d: DirectionDocument) => {
    const iso = d.isolated ? `isolated by ${d.policies.join(', ')}` : 'not isolated';
    lines.push(`  ${name.padEnd(8)} ${subject}: ${paint(d.verdict === 'allowed', d.verdict)} (${d.decidedBy === 'networkpolicy' || d.decidedBy === 'none' ? iso : d.decidedBy})`);
    if (d.passedBy) lines.push(`           passed on by ${d.passedBy.policy} ${name} rule ${d.passedBy.rule + 1}`);
    if (d.rule) {
      const w = d.rule.cite;
      lines.push(`           decided by ${d.rule.kind === 'NetworkPolicy' ? '' : `${d.rule.kind} `}${d.rule.policy} ${name} rule ${d.rule.rule + 1}${d.rule.peer !== null ? `, ${name === 'ingress' ? 'from' : 'to'} entry ${d.rule.peer + 1}` : ''}${d.rule.port !== null ? `, ports entry ${d.rule.port + 1}` : ''}${d.rule.action ? ` (${d.rule.action})` : ''}  ${w.file}:${w.line}:${w.column}`);
    } else if (d.verdict === 'denied') {
      for (const w of d.cites) lines.push(`           selected by ${w.object}  ${w.file}:${w.line}:${w.column}`);
    }
  };
  dir('egress', res.from, res.egress);
  dir('ingress', res.service?.backends.find((b) => b.verdict === 'denied')?.to ?? res.service?.backends[0]?.to ?? res.to, res.ingress);
  if (res.service) for (const b of res.service.backends) lines.push(`  backend  ${b.to} ${b.ip}:${b.port} (source seen: ${b.sourceSeen || '?'}): ${paint(b.verdict === 'allowed', b.verdict)}`);
  lines.push('', res.reason);
  for (const a of res.assumptions) lines.push(`  note: ${a}`);
  return lines.join('\n') + '\n';
}
