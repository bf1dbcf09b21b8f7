import { unreadDocuments, type Simulation } from '../core/index';
import type { IO } from './io';

/**
 * Documents that could not be read at all (YAML syntax, input limits) are left out of the simulation. A
 * question is still answered from the rest (one broken document must not hide the others); the user is
 * told on stderr which documents were skipped. When the question then fails (a pod named in --from was in
 * the broken document), the command exits 1 with these lines above its error.
 */
export function warnUnread(sim: Simulation, io: Pick<IO, 'err'>): void {
  const unread = unreadDocuments(sim);
  if (unread.length === 0) return;
  io.err(`knet: warning: ${unread.length === 1 ? 'one document could not be read and is' : `${unread.length} problems kept documents from being read; they are`} left out of the simulation:\n`);
  for (const line of unread) io.err(`  ${line}\n`);
}

/** Colour for a terminal, plain text otherwise. */
export function painter(tty: boolean): (code: string, s: string) => string {
  return (code, s) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
}
