import type { Command } from '../command';
import { validate } from './validate';

/** Every `knet` command, in the order `knet help` lists them. Add a command by adding it here. */
export const COMMANDS: Command[] = [validate];

/** Commands of CLI.md that arrive with later work; until then they say so and exit 2. */
export const PLANNED = ['endpoints', 'dns', 'route', 'check', 'matrix', 'trace', 'test'];
