/**
 * The only entry point for code outside core (cli, worker, share, ui): the pipeline, the questions (the
 * query layer, which answers with the CLI's --json documents) and the graph. Everything else is the core's
 * to rearrange; tests beside the code reach into it directly.
 */
export { simulate, type Simulation } from './simulate';
export { createSimCache, type SimCache } from './cache';
export type { InputFile } from './manifest/read';
export { DEFAULT_OPTIONS, type SimOptions, type DeepPartial } from './options';
export type { Diagnostic, Range, Severity, Cite, Location } from './diagnostics/diagnostic';
export type * from './model/index';
export { slicesOf } from './net/endpoints';
export { diff, applyPatch, documentStarts, rangesByDocument, rangesInText, type Patch } from './delta';
export { type AnchoredPoint } from './route-anchors';
export { columnRoute, LANE_START } from './column-route';
export { toCompared, fromCompared, type Compared } from './compared';
export { parseRequestURL, type HttpRequest } from './http';
export * from './topology/index';
// The one door for questions: every query kind, answered with exactly the CLI's --json document.
export {
  QUERY_NAMES,
  prepareQuery,
  runQuery,
  matrixPorts,
  parsePeer,
  formatPeer,
  peerObject,
  peerArg,
  INTERNET,
  OUTSIDE_CLIENT_IP,
  lineColumn,
  formatDiagnostic,
  leftOutLines,
  unreadDocuments,
  type Peer,
  type QueryName,
  type QueryInput,
  type QueryResult,
  type QueryOutcome,
  type PreparedQuery,
  type LocatedDiagnostic,
  type CheckDocument,
  type DirectionDocument,
  type DnsDocument,
  type EndpointsDocument,
  type ServiceEndpoints,
  type MatrixDocument,
  type RouteDocument,
  type RouteEntryDocument,
  type TestDocument,
  type HopDocument,
  type TraceDocument,
  type ValidateDocument,
  type RunDocument,
  type RunInput,
  type DiffDocument,
  type DiffInput,
  type PoliciesApplied,
  type PoliciesDocument,
  type PoliciesInput,
  type AllowDocument,
  type AllowInput,
} from './queries/index';
// `knet policies`: the generated policies as YAML for people, each rule's reasons as comments.
export { policiesYAML } from './lockdown/yaml';
export type { PolicyObject } from './lockdown/build';
export type { ConnectionChange, ConnectionVerdict, DnsChange, RouteChange, RouteOutcome } from './diff/index';
// The terminal: `knet run` quotes its words back into one line; the page types its output chunks and shells.
export { quoteWord } from './terminal/shell';
export type { OutputChunk, ShellChange, ShellPod } from './terminal/index';
