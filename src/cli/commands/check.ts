import { checkConnection, simulate, type CheckResult, type Cite, type DirectionResult, type InputFile, type RuleRef } from '../../core/index';
import { intFlag, one, parseArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, InputError, UsageError } from '../io';
import { lineColumn, loadInputs } from '../input';
import { warnUnread } from '../report';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ICMP'] as const;

/**
 * `knet check`: one connection under the NetworkPolicies and admin policies, each direction with
 * the policies that isolate the pod and the rule (policy, rule, peer, port) that decided, located in the YAML.
 */
export const check: Command = {
  name: 'check',
  summary: 'would this connection be allowed by the NetworkPolicies, and which rule decides',
  usage: 'knet check <input>... --from PEER --to PEER --port N [--protocol TCP|UDP|SCTP|ICMP] [--node NAME] [--ipblock-ignores-pods] [--json]\n  PEER: ns/pod, ip:A.B.C.D, node:NAME, or (for --to) service:ns/name\n  --node: the node that received NodePort / load-balancer traffic (implied by --to ip:<node IP>); without it an\n  outside client under externalTrafficPolicy Cluster is assumed to arrive at a node that does not run the backend',
  async run(argv, io) {
    const args = parseArgs(argv, ['from', 'to', 'port', 'protocol', 'node'], ['ipblock-ignores-pods']);
    const from = required(args, 'from');
    const to = required(args, 'to');
    const protocol = (one(args, 'protocol') ?? 'TCP').toUpperCase();
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new UsageError('--protocol must be TCP, UDP, SCTP or ICMP');
    // ICMP has no ports (NP-13); every other protocol needs one.
    const port = intFlag(args, 'port', 1, 65535) ?? (protocol === 'ICMP' ? 0 : undefined);
    if (port === undefined) throw new UsageError('--port is required');
    const files = await loadInputs(args.inputs, io);
    const sim = simulate(files, one(args, 'ipblock-ignores-pods') === 'true' ? { policy: { ipBlockMatchesPods: false } } : undefined);
    warnUnread(sim, files, io);
    const node = one(args, 'node');
    const r = checkConnection(sim, { from, to, port, protocol: protocol as (typeof PROTOCOLS)[number], ...(node ? { node } : {}) });
    if (!r.ok) throw new InputError(r.error);
    const res = r.result;
    if (args.json) {
      const doc = {
        verdict: res.verdict,
        from: res.from,
        to: res.to,
        port: res.port,
        protocol: res.protocol,
        egress: direction(res.egress, files),
        ingress: direction(res.ingress, files),
        reason: res.reason,
        assumptions: res.assumptions,
        ...(res.service
          ? { service: { id: res.service.id, port: res.service.port, via: res.service.via, node: res.service.node ?? null, backends: res.service.backends.map((b) => ({ to: b.to, ip: b.ip, port: b.port, verdict: b.verdict, sourceSeen: b.sourceSeen, egress: direction(b.egress, files), ingress: direction(b.ingress, files) })) } }
          : {}),
      };
      io.out(JSON.stringify(doc, null, 2) + '\n');
      return EXIT.OK;
    }
    io.out(human(res, files, io.isTTY));
    return EXIT.OK;
  },
};

function where(c: Cite, files: InputFile[]) {
  const f = files[c.file];
  const { line, column } = lineColumn(f?.text ?? '', c.range.start);
  return { object: c.object, file: f?.name ?? '<input>', line, column, ...(c.path ? { path: c.path } : {}) };
}

function ruleJSON(r: RuleRef, files: InputFile[]) {
  return { kind: r.kind, policy: r.policy, rule: r.rule, peer: r.peer ?? null, port: r.port ?? null, ...(r.action ? { action: r.action } : {}), cite: where(r.cite, files) };
}

function direction(d: DirectionResult, files: InputFile[]) {
  return {
    verdict: d.verdict,
    isolated: d.isolated,
    policies: d.policies,
    adminPolicies: d.adminPolicies,
    decidedBy: d.decidedBy,
    rule: d.rule ? ruleJSON(d.rule, files) : null,
    ...(d.passedBy ? { passedBy: ruleJSON(d.passedBy, files) } : {}),
    cites: d.cites.map((c) => where(c, files)),
  };
}

function human(res: CheckResult, files: InputFile[], tty: boolean): string {
  const paint = (ok: boolean, s: string) => (tty ? `\x1b[${ok ? 32 : 31}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(`${res.from} → ${res.to}${res.protocol === 'ICMP' ? ' (ICMP)' : `:${res.port}/${res.protocol}`}  ${paint(res.verdict === 'allowed', res.verdict.toUpperCase())}`);
  const dir = (name: string, subject: string, d: DirectionResult) => {
    const iso = d.isolated ? `isolated by ${d.policies.join(', ')}` : 'not isolated';
    lines.push(`  ${name.padEnd(8)} ${subject}: ${paint(d.verdict === 'allowed', d.verdict)} (${d.decidedBy === 'networkpolicy' || d.decidedBy === 'none' ? iso : d.decidedBy})`);
    if (d.passedBy) lines.push(`           passed on by ${d.passedBy.policy} ${d.passedBy.direction} rule ${d.passedBy.rule + 1}`);
    if (d.rule) {
      const w = where(d.rule.cite, files);
      lines.push(`           decided by ${d.rule.kind === 'NetworkPolicy' ? '' : `${d.rule.kind} `}${d.rule.policy} ${d.rule.direction} rule ${d.rule.rule + 1}${d.rule.peer !== undefined ? `, ${d.rule.direction === 'ingress' ? 'from' : 'to'} entry ${d.rule.peer + 1}` : ''}${d.rule.port !== undefined ? `, ports entry ${d.rule.port + 1}` : ''}${d.rule.action ? ` (${d.rule.action})` : ''}  ${w.file}:${w.line}:${w.column}`);
    } else if (d.verdict === 'denied') {
      for (const c of d.cites) {
        const w = where(c, files);
        lines.push(`           selected by ${c.object}  ${w.file}:${w.line}:${w.column}`);
      }
    }
  };
  dir('egress', res.from, res.egress);
  dir('ingress', res.service?.backends.find((b) => b.verdict === 'denied')?.to ?? res.service?.backends[0]?.to ?? res.to, res.ingress);
  if (res.service) for (const b of res.service.backends) lines.push(`  backend  ${b.to} ${b.ip}:${b.port} (source seen: ${b.sourceSeen || '?'}): ${paint(b.verdict === 'allowed', b.verdict)}`);
  lines.push('', res.reason);
  for (const a of res.assumptions) lines.push(`  note: ${a}`);
  return lines.join('\n') + '\n';
}
