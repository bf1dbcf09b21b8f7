import { allow as allowConnection } from '../allow/index';
import type { InputFile } from '../manifest/read';
import { parsePeer } from './peer';
import { check, type CheckArgs, type CheckProtocol } from './check';
import { fail, ok, type Query, type RawArgs } from './query';

export interface AllowInput {
  /** `ns/pod`, `ip:A.B.C.D` or `node:NAME`. */
  from: string;
  /** `ns/pod` (or `ip:…`, or `service:ns/name`: every denied backend is allowed). */
  to: string;
  port?: number | string;
  protocol?: CheckProtocol;
  /** Also answer with the whole input, the changes applied (`--apply`). */
  apply?: boolean;
  'ipblock-ignores-pods'?: boolean;
}

export interface AllowArgs extends CheckArgs {
  apply: boolean;
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
    const { apply, node, ...rest } = raw;
    if (node !== undefined) return fail('unknown option --node');
    const parsed = check.parse(rest);
    if (!parsed.ok) return parsed;
    if (apply !== undefined && apply !== null && typeof apply !== 'boolean' && apply !== 'true' && apply !== 'false') return fail('--apply takes no value (true or false as JSON)');
    return ok({ ...parsed.value, apply: apply === true || apply === 'true' });
  },
  options: (args) => (args.ipBlockIgnoresPods ? { policy: { ipBlockMatchesPods: false } } : {}),
  run: (sim, args) => {
    const from = parsePeer(args.from);
    if ('error' in from) return fail(from.error);
    const to = parsePeer(args.to);
    if ('error' in to) return fail(to.error);
    const r = allowConnection(sim, { from, to, port: args.port, protocol: args.protocol });
    if (!r.ok) return fail(r.error);
    return ok({ changes: r.result.changes, ...(args.apply ? { files: r.result.files.map((f) => ({ name: f.name, text: f.text })) } : {}) });
  },
};
