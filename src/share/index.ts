/**
 * Sharing and embedding (pure: no DOM). The page passes in `location.hash`, `location.search`,
 * `event.origin`/`event.data`; these functions return plain data. docs/url-format.md, docs/embedding.md.
 */
export {
  encodeState,
  decodeState,
  linkSize,
  CURRENT_VERSION,
  HASH_LIMITS,
  LINK_SIZE,
  type DecodeResult,
  type DecodeError,
  type DecodeErrorCode,
  type LinkSize,
} from './codec';
export { minimizeOptions, checkState, STATE_LIMITS, type SharedState, type ViewState, type TraceView } from './state';
export {
  parseEmbedQuery,
  parseTraceFlag,
  viewToQuery,
  normalizeOrigin,
  playgroundHref,
  parseHostMessage,
  acceptsMessage,
  changedVerdicts,
  EMBED_PARAMS,
  MAX_COMMAND_CHARS,
  isCommandLine,
  PROTOCOL,
  type EmbedConfig,
  type HostMessage,
  type PlaygroundMessage,
  type ParsedMessage,
  type VerdictEdge,
  type GoalStatus,
} from './embed';
export { decideStartup, type Startup } from './startup';
export { svgWithScenario, scenarioFromSVG, pngWithScenario, scenarioFromPNG, PNG_KEYWORD } from './image-meta';
export { matrixToCSV, matrixToMarkdown, traceToText } from './export-text';
