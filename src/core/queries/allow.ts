import { allow as allowConnection, allowAll } from '../allow/index';
import type { InputFile } from '../manifest/read';
import { parsePeer } from './peer';
import { check, type CheckArgs, type CheckProtocol } from './check';
import { fail, ok, type Query, type RawArgs } from './query';

export interface AllowInput {
  /** `ns/pod`, `ip:A.B.C.D` or `node:NAME`. */
  from: string;
  /** `ns/pod` (or `ip:…`, or `service:ns/name`: every denied backend is allowed). Left out with `dns`. */
  to?: string;
  port?: number | string;
  protocol?: CheckProtocol;
  /** Also answer with the whole input, the changes applied (`--apply`). */
  apply?: boolean;
  /** Instead of `to`/`port`: the pod's DNS lookups, UDP and TCP 53 to the cluster DNS Service's pods (NP-14). */
  dns?: boolean;
  'ipblock-ignores-pods'?: boolean;
}

export interface AllowArgs extends CheckArgs {
  apply: boolean;
  dns: boolean;
}

/** `knet allow --json`: the changes; with `apply`, also every input file with them applied. */
export interface AllowDocument {
  changes: { object: string; action: 'create' | 'update'; yaml: string }[];
  files?: InputFile[];
}

/**
 * `knet allow`: the smallest NetworkPolicy change that allows one connection (`core/allow/`), as a change
 * list, or with `apply` the input rewritten. Already allowed: no change. Impossible (an admin policy denies
 * it, the pod does not listen or run): the reason.
 */
export const allow: Query<AllowInput, AllowArgs, AllowDocument> = {
  parse: (raw: RawArgs) => {
    const { apply, dns, node, ...rest } = raw;
    if (node !== undefined) return fail('unknown option --node');
    const yes = (v: unknown) => v === true || v === 'true';
    for (const [name, v] of [['apply', apply], ['dns', dns]] as const) {
      if (v !== undefined && v !== null && typeof v !== 'boolean' && v !== 'true' && v !== 'false') return fail(`--${name} takes no value (true or false as JSON)`);
    }
    if (yes(dns) && (rest.to !== undefined || rest.port !== undefined || rest.protocol !== undefined)) return fail('--dns allows UDP and TCP 53 to the cluster DNS: give --from only');
    // With --dns the destination is the cluster DNS Service, found when the scenario is read.
    const parsed = check.parse(yes(dns) ? { ...rest, to: 'service:kube-system/kube-dns', port: 53 } : rest);
    if (!parsed.ok) return parsed;
    return ok({ ...parsed.value, apply: yes(apply), dns: yes(dns) });
  },
  options: (args) => (args.ipBlockIgnoresPods ? { policy: { ipBlockMatchesPods: false } } : {}),
  run: (sim, args) => {
    const from = parsePeer(args.from);
    if ('error' in from) return fail(from.error);
    const to = parsePeer(args.to);
    if ('error' in to) return fail(to.error);
    let r;
    if (args.dns) {
      // The Service at the address pods are told to ask (NP-14), as the DNS diagnostics find it.
      const svc = sim.world.services.find((s) => s.clusterIPs.includes(sim.world.cluster.dnsServiceIP)) ?? sim.world.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
      if (!svc) return fail('the cluster has no DNS Service to allow');
      const dnsTo = { kind: 'service' as const, namespace: svc.namespace, name: svc.name };
      r = allowAll(sim, (['UDP', 'TCP'] as const).map((protocol) => ({ from, to: dnsTo, port: 53, protocol, byNumber: true })));
    } else r = allowConnection(sim, { from, to, port: args.port, protocol: args.protocol });
    if (!r.ok) return fail(r.error);
    return ok({ changes: r.result.changes, ...(args.apply ? { files: r.result.files.map((f) => ({ name: f.name, text: f.text })) } : {}) });
  },
};
