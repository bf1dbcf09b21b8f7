/**
 * Option parsing the way the network tools do it (getopt): short flags may be bundled (`-qO-`, `-sSv`), a
 * short option that takes a value takes the rest of its word or the next word, long options take the next
 * word (or `=value` when `eqValues`); `--` ends the options. Each option maps to a key.
 */
export interface OptSpec {
  /** Short option letter → key; `:` after the key (`'O:'`) when it takes a value. */
  short: Record<string, string>;
  /** Long option name → key, `:` suffix when it takes a value. */
  long: Record<string, string>;
  /** Accept `--name=value` (busybox, GNU); curl does not. */
  eqValues?: boolean;
}

export interface Parsed {
  opts: Map<string, string[]>;
  operands: string[];
}

export type ParseError = { unknown: string } | { missing: string };

export function getopt(args: string[], spec: OptSpec): Parsed | ParseError {
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  const set = (key: string, v: string) => opts.set(key, [...(opts.get(key) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = spec.eqValues ? a.indexOf('=') : -1;
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const def = spec.long[name];
      if (def === undefined) return { unknown: a.slice(0, eq > 0 ? eq : undefined) };
      const [key, takes] = [def.replace(/:$/, ''), def.endsWith(':')];
      if (!takes) set(key, '');
      else if (eq > 0) set(key, a.slice(eq + 1));
      else if (i + 1 < args.length) set(key, args[++i]!);
      else return { missing: a };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const def = spec.short[a[j]!];
        if (def === undefined) return { unknown: `-${a[j]}` };
        const [key, takes] = [def.replace(/:$/, ''), def.endsWith(':')];
        if (!takes) {
          set(key, '');
          continue;
        }
        if (j + 1 < a.length) set(key, a.slice(j + 1));
        else if (i + 1 < args.length) set(key, args[++i]!);
        else return { missing: `-${a[j]}` };
        break;
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

export function isError(p: Parsed | ParseError): p is ParseError {
  return 'unknown' in p || 'missing' in p;
}
