import type { IO } from './io';

/** One `knet` command. Each lives in `commands/<name>.ts` and is listed in `commands/index.ts`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit status (see io.ts). Throws UsageError/InputError for exit 2/1 with a message. */
  run(argv: string[], io: IO): Promise<number>;
}
