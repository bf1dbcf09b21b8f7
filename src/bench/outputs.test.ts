/**
 * The safety net of issue 15: every optimisation must leave the outputs of `simulate` (World + diagnostics),
 * the policy matrix and the topology byte-identical on every scenario and conformance input. Their sha256
 * digests (canonical JSON, see outputs.ts) are stored in outputs.digests.json and compared on every run.
 *
 * When a merged change alters an output ON PURPOSE (a fidelity fix, a reworded message), regenerate the
 * digests, and review the outputs that changed, not only the digests:
 *   git worktree add /tmp/knet-before <commit before the change>   (then `npm ci` there, or symlink node_modules)
 *   (cd /tmp/knet-before && npx tsx src/bench/outputs.ts dump /tmp/outputs-before)
 *   npx tsx src/bench/outputs.ts dump /tmp/outputs-after
 *   diff -ru /tmp/outputs-before /tmp/outputs-after      # every difference must be the intended one
 *   npx tsx src/bench/outputs.ts update                   # rewrites src/bench/outputs.digests.json
 * and commit the new digests with the change, saying in the message which outputs changed and why.
 * A performance change must never need this.
 */
import { describe, expect, it } from 'vitest';
import { canonical, computeDigests, outputInputs, readDigests } from './outputs';

describe('outputs of the core on every scenario and conformance input', () => {
  it('canonical JSON sorts keys at every level and drops undefined, as JSON does', () => {
    expect(canonical({ b: 1, a: { d: [{ z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[{"z":1}]},"b":1}');
    expect(() => canonical({ m: new Map() })).toThrow(/plain data/);
  });

  it('reads every scenario and conformance input', () => {
    const names = outputInputs().map((i) => i.name);
    expect(names.filter((n) => n.startsWith('scenarios/')).length).toBeGreaterThanOrEqual(20);
    expect(names.filter((n) => n.startsWith('conformance/')).length).toBeGreaterThanOrEqual(100);
  });

  it('match the stored digests (outputs.digests.json): simulate, matrix and topology are unchanged', () => {
    const stored = readDigests();
    const now = computeDigests();
    const changed: string[] = [];
    for (const [name, outs] of Object.entries(now)) {
      if (!stored[name]) changed.push(`${name}: new input, no stored digest`);
      else for (const [k, d] of Object.entries(outs)) if (stored[name][k] !== d) changed.push(`${name}: ${k} changed`);
    }
    for (const name of Object.keys(stored)) if (!now[name]) changed.push(`${name}: stored but no longer an input`);
    // On a difference, see the header of this file: dump the outputs before and after, and diff them.
    expect(changed).toEqual([]);
    expect(Object.keys(now).length).toBe(Object.keys(stored).length);
  });
});
