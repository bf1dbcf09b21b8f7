/** Offsets into one input file's text: `start` inclusive, `end` exclusive. */
export interface Range {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A place in the input: which file (index into `World.files`) and which characters. */
export interface Location {
  file: number;
  range: Range;
}

/**
 * A problem with the user's input, always located. Collected, never thrown.
 * `code` is stable (see `codes.ts`); `message` is for people and may change.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: number;
  range: Range;
  /** Dotted field path inside the object (`spec.ports.0.targetPort`). */
  path?: string;
  /** Object id `Kind/namespace/name` or `Kind/name`. */
  object?: string;
  /** Other places that explain this one (the Service a route names, the pod a selector misses). */
  related?: (Location & { message: string })[];
  /** Rule id (docs/rules.md), when the diagnostic enforces one. */
  rule?: string;
}

/** A pointer to the YAML that decided something: used by explanations, traces and the graph. */
export interface Cite {
  object: string;
  file: number;
  range: Range;
  path?: string;
}
