import { UsageError } from './io';

/** Parsed command line: positional inputs and `--flag value` options (repeatable ones collected). */
export interface Args {
  inputs: string[];
  flags: Map<string, string[]>;
  json: boolean;
}

/**
 * Parse `--name value`, `--name=value` and boolean flags. `booleans` lists flags that take no value;
 * every other flag needs one. Unknown flags are usage errors, so a typo never silently changes a verdict.
 */
export function parseArgs(argv: string[], known: string[], booleans: string[] = []): Args {
  const flags = new Map<string, string[]>();
  const inputs: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') {
      json = true;
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (!known.includes(name) && !booleans.includes(name)) throw new UsageError(`unknown option --${name}`);
      let value: string;
      if (booleans.includes(name)) value = eq < 0 ? 'true' : a.slice(eq + 1);
      else if (eq >= 0) value = a.slice(eq + 1);
      else {
        const next = argv[++i];
        if (next === undefined) throw new UsageError(`--${name} needs a value`);
        value = next;
      }
      flags.set(name, [...(flags.get(name) ?? []), value]);
      continue;
    }
    inputs.push(a);
  }
  return { inputs, flags, json };
}

export function one(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v && v.length > 1) throw new UsageError(`--${name} may be given only once`);
  return v?.[0];
}

export function required(args: Args, name: string): string {
  const v = one(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

export function intFlag(args: Args, name: string, min: number, max: number): number | undefined {
  const v = one(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}`);
  return Number(v);
}

/** Repeated `--header "Name: value"` flags. */
export function headerFlags(args: Args): [string, string][] {
  return (args.flags.get('header') ?? []).map((h): [string, string] => {
    const colon = h.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header "${h}" must look like "Name: value"`);
    return [h.slice(0, colon).trim(), h.slice(colon + 1).trim()];
  });
}
