/**
 * Pod names short enough for a row header in a narrow panel, cut in the middle so the end stays: pods of
 * one workload differ only in their last characters (`default/myapp-7b99679d7b-hdsxm`), and a cut end made
 * two rows read the same (issue 16). Names that would still collide keep more of their end, up to whole.
 */
export function shortNames(names: readonly string[], max: number): string[] {
  const cut = (name: string, keep: number) => {
    if (name.length <= keep) return name;
    const tail = Math.ceil((keep - 1) * 0.6);
    return `${name.slice(0, keep - 1 - tail)}…${name.slice(name.length - tail)}`;
  };
  const out = names.map((n) => cut(n, max));
  for (let keep = max + 4; ; keep += 4) {
    const seen = new Map<string, number>();
    for (const s of out) seen.set(s, (seen.get(s) ?? 0) + 1);
    const clash = out.map((s, i) => ((seen.get(s) ?? 0) > 1 && s !== names[i] ? i : -1)).filter((i) => i >= 0);
    if (clash.length === 0) return out;
    for (const i of clash) out[i] = cut(names[i]!, keep);
  }
}
