import type { Simulation } from '../simulate';
import { policiesYAML } from './yaml';
import type { PolicyObject } from './build';

export interface Applied {
  /** The input with the lock-down applied: its NetworkPolicies in the locked namespaces commented out, the new ones appended. */
  text: string;
  /** `NetworkPolicy/ns/name` of the input's own policies that the lock-down replaces (commented out, in input order). */
  replaced: string[];
  /** The policies as `knet policies` prints them for people: what was appended. */
  yaml: string;
}

/**
 * The input as `kubectl apply` would leave the locked namespaces: policies only ever add allowances (NP-3),
 * so the namespaces' own NetworkPolicies would keep allowing whatever they allow beside a zero-trust set.
 * They are commented out in place (their text kept, for a person to compare) and the generated
 * policies appended after the input. Several input files are joined with `---`, in the order given.
 */
export function applyLockDown(sim: Simulation, namespaces: string[], objects: PolicyObject[]): Applied {
  const locked = new Set(namespaces);
  const old = sim.world.networkPolicies.filter((p) => !p.system && locked.has(p.namespace)).sort((a, b) => a.order - b.order);
  const parts = sim.files.map((f, i) => {
    const mine = old.filter((p) => p.source.file === i);
    return commentOut(f.text, mine.map((p) => ({ ...p.source.range, id: p.id })));
  });
  const input = parts.map((t) => (t === '' || t.endsWith('\n') ? t : `${t}\n`)).join('---\n');
  const yaml = policiesYAML(objects);
  const text = yaml ? `${input}${input ? '---\n' : ''}${yaml}` : input;
  return { text, replaced: old.map((p) => p.id), yaml };
}

/** Each range's whole lines turned into comments, headed by a line that says why. */
function commentOut(text: string, ranges: { start: number; end: number; id: string }[]): string {
  let out = '';
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = text.lastIndexOf('\n', r.start - 1) + 1;
    if (start < at) continue;
    const nl = text.indexOf('\n', Math.max(r.start, r.end - 1));
    const end = nl < 0 ? text.length : nl;
    const body = text.slice(start, end).split('\n').map((l) => `# ${l}`.trimEnd()).join('\n');
    out += text.slice(at, start) + `# ${r.id} is replaced by the policies knet policies appended below.\n${body}`;
    at = end;
  }
  return out + text.slice(at);
}
