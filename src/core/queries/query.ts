import type { DeepPartial, SimOptions } from '../options';
import type { Simulation } from '../simulate';

/** Arguments as they arrive: the CLI's flags as JSON (`{"from": "app/api", "port": 80}`), untrusted. */
export type RawArgs = Record<string, unknown>;

/** Either the thing asked for, or one sentence saying why not. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * One question the simulator answers, the same for `knet <name>`, the page's panels and a host page's
 * `query` message. `Input` is what callers send (the CLI's flags as JSON, typed), `Args` what `parse`
 * makes of it, `Result` the CLI's `--json` document.
 */
export interface Query<Input, Args, Result> {
  /**
   * Check arguments as they arrive: a sentence when they cannot be asked at all, whatever the scenario
   * (the CLI then exits 2, a host page gets `bad-query`).
   */
  parse(raw: RawArgs): Outcome<Args>;
  /** Simulation options the arguments imply (`ipblock-ignores-pods`); callers simulate with them. */
  options?(args: Args): DeepPartial<SimOptions>;
  /**
   * The answer, or a sentence when this scenario cannot answer it (an unknown pod; the CLI then exits 1,
   * a host page gets `query-failed`).
   */
  run(sim: Simulation, args: Args): Outcome<Result>;
  /** Never used at run time: carries `Input` so callers can be typed per query. */
  readonly input?: Input;
}

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Outcome<T> => ({ ok: false, error });

/** Reading untrusted arguments: each helper records the first problem, so `parse` reads like a spec. */
export class ArgReader {
  error: string | null = null;
  constructor(readonly raw: RawArgs) {}

  private bad(message: string): undefined {
    this.error ??= message;
    return undefined;
  }

  /** A string flag (`--from app/api` → `"from": "app/api"`). */
  str(name: string, required = false): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return required ? this.bad(`--${name} is required`) : undefined;
    if (typeof v !== 'string') return this.bad(`--${name} must be a string`);
    if (required && v === '') return this.bad(`--${name} must not be empty`);
    return v;
  }

  /** A repeatable flag: one value or a list (`--header` twice → `"header": ["A: 1", "B: 2"]`). */
  list(name: string): string[] {
    const v = this.raw[name];
    if (v === undefined || v === null) return [];
    const items = Array.isArray(v) ? (v as unknown[]) : [v];
    const out: string[] = [];
    for (const x of items) {
      if (typeof x === 'string') out.push(x);
      else if (typeof x === 'number' && Number.isFinite(x)) out.push(String(x));
      else this.bad(`--${name} takes strings`);
    }
    return out;
  }

  /** A number flag, given as a JSON number or as the CLI's text. */
  int(name: string, min: number, max: number): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) return this.bad(`--${name} must be a number from ${min} to ${max}`);
    return Number(text);
  }

  /** A flag without a value (`--all` → `"all": true`). */
  flag(name: string): boolean {
    const v = this.raw[name];
    if (v === undefined || v === null || v === false || v === 'false') return false;
    if (v === true || v === 'true') return true;
    this.bad(`--${name} takes no value (true or false as JSON)`);
    return false;
  }

  /** Refuse arguments the question does not know, so a typo never silently changes an answer. */
  only(known: readonly string[]): void {
    for (const k of Object.keys(this.raw)) if (!known.includes(k)) this.bad(`unknown option --${k}`);
  }

  /** `headers` of `"Name: value"` lines as pairs. */
  headers(name = 'header'): [string, string][] {
    return this.list(name).flatMap((h): [string, string][] => {
      const colon = h.indexOf(':');
      if (colon <= 0) return (this.bad(`--${name} "${h}" must look like "Name: value"`), []);
      return [[h.slice(0, colon).trim(), h.slice(colon + 1).trim()]];
    });
  }

  done<T>(value: T): Outcome<T> {
    return this.error === null ? ok(value) : fail(this.error);
  }
}
