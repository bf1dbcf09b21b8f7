/** The only entry point for code outside core (cli, worker, share, ui). */
export { simulate, type Simulation } from './simulate';
export type { InputFile } from './manifest/read';
export { DEFAULT_OPTIONS, withDefaults, type SimOptions, type DeepPartial } from './options';
export type { Diagnostic, Range, Severity, Cite, Location } from './diagnostics/diagnostic';
export { CODES } from './diagnostics/codes';
export * from './model/index';
export { rangeIn } from './manifest/reader';
export * from './topology/index';
export { parseRequestURL, type HttpRequest } from './http';
