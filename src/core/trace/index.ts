export { trace } from './trace';
export type { Hop, TraceQuery, TraceResult, TraceStep } from './types';
