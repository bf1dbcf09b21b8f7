import type { AllowDocument } from '../../core/index';
import { queryCommand } from '../query-command';

/**
 * `knet allow`: the smallest NetworkPolicy change that allows one connection. Prints the changed policies
 * for people, or with `--apply` the whole input with them applied (`> out.yaml`, then `knet check out.yaml`).
 */
export const allow = queryCommand('allow', {
  summary: 'the smallest NetworkPolicy change that allows one connection (--apply: the input rewritten)',
  usage:
    'knet allow <input>... --from PEER --to ns/pod --port N [--protocol TCP|UDP|SCTP|ICMP] [--apply] [--ipblock-ignores-pods] [--json]\n  knet allow <input>... --from ns/pod --dns [--apply] [--json]   (DNS lookups: UDP and TCP 53 to the cluster DNS, NP-14)\n  PEER: ns/pod, ip:A.B.C.D or node:NAME; --to may also be service:ns/name (every denied backend)\n  --apply: print the whole input with the changes applied (documents in order, comments kept)',
  flags: ['from', 'to', 'port', 'protocol'],
  booleans: ['apply', 'dns', 'ipblock-ignores-pods'],
  human: (doc, _io, flags) => human(doc, flags.apply === true),
});

function human(doc: AllowDocument, apply: boolean): string {
  if (apply && doc.files) return doc.files.map((f) => f.text).join(doc.files.length > 1 ? '---\n' : '');
  if (doc.changes.length === 0) return 'Already allowed: no change.\n';
  return doc.changes.map((c) => `# ${c.action === 'create' ? 'create' : 'update'} ${c.object}\n${c.yaml}`).join('---\n');
}
