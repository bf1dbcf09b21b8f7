import type { Command } from '../command';
import { validate } from './validate';
import { dns } from './dns';
import { test } from './test';
import { route } from './route';
import { endpoints } from './endpoints';
import { trace } from './trace';
import { check } from './check';
import { matrix } from './matrix';
import { run } from './run';
import { allow } from './allow';
import { policies } from './policies';

/** Every `knet` command, in the order `knet help` lists them. Add a command by adding it here. */
export const COMMANDS: Command[] = [validate, test, route, dns, endpoints, trace, check, matrix, allow, policies, run];
