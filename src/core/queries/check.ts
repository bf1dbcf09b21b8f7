import { check as checkConnection, type CheckResult, type DirectionResult, type RuleRef } from '../controllers/netpol/index';
import type { Simulation } from '../simulate';
import { placeCite } from './locate';
import { readDebugFrom, withDebugPod } from './debug-pod';
import { parsePeer, type DebugPeer } from './peer';
import { ArgReader, fail, ok, type Query } from './query';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ICMP'] as const;
export type CheckProtocol = (typeof PROTOCOLS)[number];

export interface CheckInput {
  /** `ns/pod`, `ip:A.B.C.D`, `node:NAME`, or `debug:NS` (a debug pod started there). */
  from: string;
  /** With `from: debug:NS`: the debug pod's labels, `k=v,k2=v2` (default `run=debug`). */
  'debug-labels'?: string;
  /** As `from`, or `service:ns/name`. */
  to: string;
  /** Required except for ICMP. */
  port?: number | string;
  protocol?: CheckProtocol;
  /** The node that received NodePort / load-balancer traffic. */
  node?: string;
  /** Judge ipBlock as Cilium does: it matches addresses outside the cluster only (I-20, NP-9). */
  'ipblock-ignores-pods'?: boolean;
}

export interface CheckArgs {
  from: string;
  to: string;
  port: number;
  protocol: CheckProtocol;
  node?: string;
  ipBlockIgnoresPods: boolean;
  /** Set when the connection starts at a debug pod (`from` is then `NS/debug`). */
  debug?: DebugPeer;
}

type Located = ReturnType<typeof placeCite>;
type RuleDocument = { kind: RuleRef['kind']; policy: string; rule: number; peer: number | null; port: number | null; action?: string; cite: Located };

/** One direction of a connection: whether it is isolated, by what, and the rule that decided. */
export interface DirectionDocument {
  verdict: DirectionResult['verdict'];
  isolated: boolean;
  policies: string[];
  adminPolicies: string[];
  decidedBy: DirectionResult['decidedBy'];
  rule: RuleDocument | null;
  passedBy?: RuleDocument;
  cites: Located[];
}

/** `knet check --json`. */
export interface CheckDocument {
  verdict: CheckResult['verdict'];
  from: string;
  to: string;
  port: number;
  protocol: CheckResult['protocol'];
  egress: DirectionDocument;
  ingress: DirectionDocument;
  reason: string;
  assumptions: string[];
  service?: {
    id: string;
    port: number;
    via: string;
    node: string | null;
    backends: { to: string; ip: string; port: number; verdict: CheckResult['verdict']; sourceSeen: string; egress: DirectionDocument; ingress: DirectionDocument }[];
  };
}

/**
 * `knet check`: one connection under the NetworkPolicies and admin policies, each direction with the
 * policies that isolate the pod and the rule (policy, rule, peer, port) that decided, located in the YAML.
 */
export const check: Query<CheckInput, CheckArgs, CheckDocument> = {
  parse: (raw) => {
    const a = new ArgReader(raw);
    a.only(['from', 'to', 'port', 'protocol', 'node', 'ipblock-ignores-pods', 'debug-labels']);
    const debug = readDebugFrom(a, a.str('from', true));
    if (!debug.ok) return debug;
    const from = debug.value.from ?? '';
    const to = a.str('to', true) ?? '';
    const protocol = (a.str('protocol') ?? 'TCP').toUpperCase();
    const port = a.int('port', 1, 65535);
    const node = a.str('node');
    const ipBlockIgnoresPods = a.flag('ipblock-ignores-pods');
    if (a.error) return fail(a.error);
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) return fail('--protocol must be TCP, UDP, SCTP or ICMP');
    // ICMP has no ports (NP-13); every other protocol needs one.
    if (port === undefined && protocol !== 'ICMP') return fail('--port is required');
    return ok({ from, to, port: port ?? 0, protocol: protocol as CheckProtocol, ...(node ? { node } : {}), ipBlockIgnoresPods, ...(debug.value.debug ? { debug: debug.value.debug } : {}) });
  },
  options: (args) => (args.ipBlockIgnoresPods ? { policy: { ipBlockMatchesPods: false } } : {}),
  run: (scenario, args) => {
    const started = withDebugPod(scenario, args.debug);
    if (!started.ok) return started;
    const sim = started.value;
    const from = parsePeer(args.from);
    if ('error' in from) return fail(from.error);
    const to = parsePeer(args.to);
    if ('error' in to) return fail(to.error);
    const r = checkConnection(sim.world, sim.options, { from, to, port: args.port, protocol: args.protocol, ...(args.node ? { node: args.node } : {}) }, sim.policies);
    return r.ok ? ok(checkDocument(sim, r.result)) : fail(r.error);
  },
};

function rule(sim: Simulation, r: RuleRef): RuleDocument {
  return { kind: r.kind, policy: r.policy, rule: r.rule, peer: r.peer ?? null, port: r.port ?? null, ...(r.action ? { action: r.action } : {}), cite: placeCite(sim, r.cite) };
}

function direction(sim: Simulation, d: DirectionResult): DirectionDocument {
  return {
    verdict: d.verdict,
    isolated: d.isolated,
    policies: d.policies,
    adminPolicies: d.adminPolicies,
    decidedBy: d.decidedBy,
    rule: d.rule ? rule(sim, d.rule) : null,
    ...(d.passedBy ? { passedBy: rule(sim, d.passedBy) } : {}),
    cites: d.cites.map((c) => placeCite(sim, c)),
  };
}

function checkDocument(sim: Simulation, res: CheckResult): CheckDocument {
  return {
    verdict: res.verdict,
    from: res.from,
    to: res.to,
    port: res.port,
    protocol: res.protocol,
    egress: direction(sim, res.egress),
    ingress: direction(sim, res.ingress),
    reason: res.reason,
    assumptions: res.assumptions,
    ...(res.service
      ? {
          service: {
            id: res.service.id,
            port: res.service.port,
            via: res.service.via,
            node: res.service.node ?? null,
            backends: res.service.backends.map((b) => ({ to: b.to, ip: b.ip, port: b.port, verdict: b.verdict, sourceSeen: b.sourceSeen, egress: direction(sim, b.egress), ingress: direction(sim, b.ingress) })),
          },
        }
      : {}),
  };
}
