import { createParseCache, type ParseCache } from './manifest/parse';

/**
 * What a long-lived caller (the page's worker) keeps between `simulate` runs so that a small edit costs
 * little: plain data owned by the caller, passed in explicitly (core holds no state of its own). Results are
 * the same with or without it.
 */
export interface SimCache {
  /** YAML documents parsed in the previous run, by their text. */
  parse: ParseCache;
}

export function createSimCache(): SimCache {
  return { parse: createParseCache() };
}
