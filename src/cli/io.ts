/** What a command may touch: its output streams and whether stdout is a terminal. Injected for tests. */
export interface IO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  /** Files below a directory (recursive), or null when the path is not a directory. */
  listDir(path: string): Promise<string[] | null>;
}

/** Exit codes of knet: 0 ran, 1 input errors stop the question, 2 bad usage. */
export const EXIT = { OK: 0, INPUT: 1, USAGE: 2 } as const;

export class UsageError extends Error {}
export class InputError extends Error {}
