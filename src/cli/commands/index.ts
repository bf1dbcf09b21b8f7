import type { Command } from '../command';
import { validate } from './validate';
import { routeCommand } from './route';

/** Every `knet` command, in the order `knet help` lists them. Add a command by adding it here. */
export const COMMANDS: Command[] = [validate, routeCommand];

/** Commands of CLI.md that arrive with later work; until then they say so and exit 2. */
export const PLANNED = ['endpoints', 'dns', 'check', 'matrix', 'trace', 'test'];
