/**
 * Which core query function serves each query kind. Wired as the core grows (src/core/index.ts exports).
 */
import type { QueryFn } from './handler';
import type { QueryKind } from './protocol';

export const QUERIES: Partial<Record<QueryKind, QueryFn>> = {};
