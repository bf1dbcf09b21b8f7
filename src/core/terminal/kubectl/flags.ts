/**
 * kubectl's flag parsing (spf13/pflag as cobra uses it): flags and arguments may interleave; `--name value`,
 * `--name=value`, `-n value`, `-nvalue`, `-n=value`; bundled boolean shorthands (`-it`); `--` ends the flags
 * and what follows is the command of `exec`/`run`. An unknown flag is kubectl's own error, exit status 1.
 */
export interface FlagDef {
  name: string;
  short?: string;
  /** Takes a value (string flags); otherwise a boolean. */
  value: boolean;
}

export interface KubectlArgs {
  flags: Map<string, string>;
  args: string[];
  /** Words after `--`. */
  command: string[] | null;
}

/** Flags every kubectl command takes (the global ones this terminal models). */
export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', value: true },
  { name: 'context', value: true },
  { name: 'help', short: 'h', value: false },
];

export function parseFlags(words: string[], defs: FlagDef[], sub: string): KubectlArgs | { error: string } {
  const all = [...GLOBAL_FLAGS, ...defs];
  const flags = new Map<string, string>();
  const args: string[] = [];
  const see = `See 'kubectl ${sub} --help' for usage.`;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return { flags, args, command: words.slice(i + 1) };
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = w.slice(2, eq < 0 ? undefined : eq);
      const def = all.find((d) => d.name === name);
      if (!def) return { error: `error: unknown flag: --${name}\n${see}` };
      if (!def.value) flags.set(name, eq < 0 ? 'true' : w.slice(eq + 1));
      else if (eq >= 0) flags.set(name, w.slice(eq + 1));
      else if (i + 1 < words.length) flags.set(name, words[++i]!);
      else return { error: `error: flag needs an argument: --${name}\n${see}` };
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const c = w[j]!;
        const def = all.find((d) => d.short === c);
        if (!def) return { error: `error: unknown shorthand flag: '${c}' in ${w}\n${see}` };
        if (!def.value) {
          flags.set(def.name, 'true');
          continue;
        }
        let v = w.slice(j + 1);
        if (v.startsWith('=')) v = v.slice(1);
        if (v === '') {
          if (i + 1 >= words.length) return { error: `error: flag needs an argument: '${c}' in -${c}\n${see}` };
          v = words[++i]!;
        }
        flags.set(def.name, v);
        break;
      }
      continue;
    }
    args.push(w);
  }
  return { flags, args, command: null };
}
