import { policiesYAML, type PoliciesDocument } from '../../core/index';
import type { IO } from '../io';
import { queryCommand } from '../query-command';

/**
 * `knet policies`: zero-trust NetworkPolicies for the namespaces asked for (all with pods by default), as
 * multi-document YAML with a comment above every rule saying which call or route it serves. `--apply`
 * prints the whole input with them applied, ready for `knet check`, `knet matrix` or `kubectl apply`.
 */
export const policies = queryCommand('policies', {
  summary: 'zero-trust NetworkPolicies that keep exactly what the scenario uses',
  usage:
    'knet policies <input>... [--namespace ns]... [--apply] [--json]\n  without --namespace: every namespace with pods the input declares or makes\n  --apply: print the input with the policies applied (the namespaces\' own NetworkPolicies commented out, the new ones appended)',
  repeatable: ['namespace'],
  booleans: ['apply'],
  human: (doc, io) => human(doc, io),
});

function human(doc: PoliciesDocument, io: IO): string {
  if (Array.isArray(doc)) return doc.length ? policiesYAML(doc) : '# No namespace with pods: nothing to lock down.\n';
  // The replaced policies go to stderr, so stdout stays the YAML to save or pipe.
  for (const id of doc.replaced) io.err(`${id} replaced by the lock-down (commented out in the output)\n`);
  return doc.text;
}
