import type { Command } from '../command';
import { validate } from './validate';
import { dns } from './dns';
import { test } from './test';
import { routeCommand } from './route';
import { endpoints } from './endpoints';
import { traceCommand } from './trace';
import { check } from './check';
import { matrix } from './matrix';
import { runCommandCLI } from './run';

/** Every `knet` command, in the order `knet help` lists them. Add a command by adding it here. */
export const COMMANDS: Command[] = [validate, test, routeCommand, dns, endpoints, traceCommand, check, matrix, runCommandCLI];

/** Commands of the knet contract that arrive with later work; until then they say so and exit 2. */
export const PLANNED: string[] = [];
