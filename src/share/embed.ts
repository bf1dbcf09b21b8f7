import type { QueryName, QueryResult } from '../core/index';
import { STATE_LIMITS, checkOptions, checkTrace, checkView, isObjectId, type SharedState, type TraceView, type ViewState } from './state';

/**
 * Embedding the playground in an iframe (docs/embedding.md): the query flags that shape the page and the
 * postMessage protocol with the host page. Pure: the page passes in `location.search`, `event.origin`,
 * `event.data`; nothing here touches the DOM.
 */

/** The page's configuration from its query string. */
export interface EmbedConfig {
  /** `?embed=1`: compact layout for iframes (graph first, editor collapsible, "Open in playground" link). */
  embed: boolean;
  /** `?readonly=1`: the user cannot change the text (a host page may still load a scenario). */
  readonly: boolean;
  /** `?origin=https://host`: the one origin whose messages are accepted and to which replies go; null: API off. */
  origin: string | null;
  /** Initial view from `panel=`, `select=`, `trace=`; it wins over the view stored in the hash. */
  view: ViewState;
  /** Flags present but malformed (each ignored). */
  warnings: string[];
  /** Whether this page may read and write the autosaved local draft (never in embed or read-only pages). */
  persistLocal: boolean;
  /** `cmd=<command line>`: typed into the Terminal panel, and run at once with `run=1`. */
  command: { line: string; run: boolean } | null;
}

/** Query parameters the playground owns; `playgroundHref` strips them for the "Open in playground" link. */
export const EMBED_PARAMS = ['embed', 'readonly', 'origin', 'panel', 'select', 'trace', 'cmd', 'run'] as const;

/** Longest command line a link or a message may hand to the terminal. */
export const MAX_COMMAND_CHARS = 1_000;

const TRUE = new Set(['', '1', 'true', 'yes']);
const FALSE = new Set(['0', 'false', 'no']);

/** Read `?embed=1&readonly=1&origin=…&panel=…&select=…&trace=…`. Never throws; bad values are ignored with a warning. */
export function parseEmbedQuery(search: string): EmbedConfig {
  const params = parseQuery(search);
  const warnings: string[] = [];
  const flag = (name: string): boolean => {
    const v = params.get(name);
    if (v === undefined) return false;
    if (TRUE.has(v.toLowerCase())) return true;
    if (!FALSE.has(v.toLowerCase())) warnings.push(`${name}=${v} is not 1 or 0; ignored`);
    return false;
  };
  const embed = flag('embed');
  const readonly = flag('readonly');
  let origin: string | null = null;
  const rawOrigin = params.get('origin');
  if (rawOrigin !== undefined) {
    origin = normalizeOrigin(rawOrigin);
    if (!origin) warnings.push('origin= must be an https:// origin (or http://localhost); the message API stays off');
  }
  const rawView: Record<string, unknown> = {};
  if (params.has('panel')) rawView.panel = params.get('panel');
  if (params.has('select')) rawView.selected = params.get('select');
  const trace = params.get('trace');
  if (trace !== undefined) {
    const parsed = parseTraceFlag(trace);
    if (parsed) rawView.trace = parsed;
    else warnings.push('trace= must be "<peer> <url>", such as trace=shop/web-0+http://api.shop/; ignored');
  }
  const view = checkView(rawView);
  if (view.ok) warnings.push(...view.warnings.map((w) => w.replace('view.selected', 'select=').replace('view.panel', 'panel=')));
  const run = flag('run');
  let command: EmbedConfig['command'] = null;
  const cmd = params.get('cmd');
  if (cmd !== undefined) {
    if (isCommandLine(cmd)) command = { line: cmd, run };
    else warnings.push(`cmd= must be one command line of at most ${MAX_COMMAND_CHARS} characters; ignored`);
  }
  return { embed, readonly, origin, view: view.ok ? view.value : {}, warnings, persistLocal: !embed && !readonly, command };
}

/** One line of printable text, bounded: what the terminal accepts from a link or a host page. */
export function isCommandLine(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '' && v.length <= MAX_COMMAND_CHARS && ![...v].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
}

/** `trace=<peer> <url>`: the peer and URL separated by the first space (`+` in a query string). */
export function parseTraceFlag(value: string): TraceView | null {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
  if (!m) return null;
  const t = checkTrace({ from: m[1], url: m[2] });
  return t.ok ? t.value : null;
}

/** The query flags for a view (the inverse of parseEmbedQuery's view part), for building embed URLs. */
export function viewToQuery(view: ViewState): string {
  const parts: string[] = [];
  if (view.panel) parts.push(`panel=${encodeURIComponent(view.panel)}`);
  if (view.selected) parts.push(`select=${encodeURIComponent(view.selected)}`);
  if (view.trace) parts.push(`trace=${encodeURIComponent(view.trace.from)}+${encodeURIComponent(view.trace.url)}`);
  return parts.join('&');
}

function parseQuery(search: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = search.startsWith('?') ? search.slice(1) : search;
  if (q.length > 8_000) return out;
  for (const part of q.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decode(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (k !== null && v !== null && !out.has(k)) out.set(k, v);
  }
  return out;
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An origin as browsers serialise `MessageEvent.origin` (scheme://host[:port], lower case, no default
 * port), or null when not acceptable: https for any host, http only for localhost. `*` and `null` never.
 */
export function normalizeOrigin(value: string): string | null {
  const m = /^(https?):\/\/([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]{2,45}\])(?::(\d{1,5}))?\/?$/i.exec(value.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  const port = m[4];
  if (scheme === 'http' && !LOCAL_HOSTS.has(host)) return null;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  const defaultPort = scheme === 'https' ? '443' : '80';
  return port === undefined || port === defaultPort ? `${scheme}://${host}` : `${scheme}://${host}:${Number(port)}`;
}

/** The same page without the embed flags, with the scenario's hash: the "Open in playground" link. */
export function playgroundHref(currentHref: string, hash: string): string {
  const noHash = currentHref.split('#')[0]!;
  const q = noHash.indexOf('?');
  const base = q < 0 ? noHash : noHash.slice(0, q);
  const kept =
    q < 0
      ? []
      : noHash
          .slice(q + 1)
          .split('&')
          .filter((p) => p && !(EMBED_PARAMS as readonly string[]).includes(decode(p.split('=')[0]!) ?? ''));
  return `${base}${kept.length ? `?${kept.join('&')}` : ''}${hash.startsWith('#') ? hash : `#${hash}`}`;
}

// ---------------------------------------------------------------------------------------------------------
// postMessage protocol, version 1. Every message is a plain object with `knet: 1` and a `type`.

export const PROTOCOL = 1;

/** Messages a host page sends to the playground. `id` (optional) is echoed in the reply. */
export type HostMessage =
  | { knet: 1; type: 'load'; id?: string; state: SharedState }
  | { knet: 1; type: 'select'; id?: string; object: string | null }
  | { knet: 1; type: 'trace'; id?: string; trace: TraceView }
  | { knet: 1; type: 'subscribe'; id?: string }
  | { knet: 1; type: 'unsubscribe'; id?: string }
  | { knet: 1; type: 'get-state'; id?: string }
  | { knet: 1; type: 'terminal'; id?: string; command: string; run: boolean }
  /** Any question `knet` answers (`dns`, `route`, `check`, `matrix`, `endpoints`, `trace`, `validate`, ...), `args` its flags as JSON. */
  | { knet: 1; type: 'query'; id?: string; query: string; args: Record<string, unknown> };

/** One drawn connection and its verdict (the edge attributes `data-from`, `data-to`, `data-verdict`). */
export interface VerdictEdge {
  from: string;
  to: string;
  verdict: 'allowed' | 'blocked' | 'unknown';
}

/** A goal of the scenario's exercise (docs/embedding.md, `kind: Exercise`) and whether it holds now. */
export interface GoalStatus {
  goal: string;
  passed: boolean;
}

/** Messages the playground sends to the host page (only to the accepted origin, never to `*`). */
export type PlaygroundMessage =
  | { knet: 1; type: 'ready'; readonly: boolean }
  | { knet: 1; type: 'ack'; id?: string; of: HostMessage['type'] }
  | {
      knet: 1;
      type: 'verdicts';
      revision: number;
      edges: VerdictEdge[];
      /** Edges whose verdict differs from the previous notification (all of them in the first). */
      changed: VerdictEdge[];
      diagnostics: { error: number; warning: number; info: number };
      goals?: GoalStatus[];
    }
  | {
      knet: 1;
      type: 'trace-result';
      id?: string;
      verdict: 'delivered' | 'blocked' | 'failed';
      hops: { step: string; object: string | null; result: string; reason: string }[];
    }
  | { knet: 1; type: 'state'; id?: string; hash: string; text: string }
  /** The answer to a `query`: exactly the CLI's `--json` document for the same question and scenario. */
  | { [K in QueryName]: { knet: 1; type: 'query-result'; id?: string; query: K; result: QueryResult<K> } }[QueryName]
  /**
   * `bad-query`: the question cannot be asked (unknown query, bad flags; `knet` would exit 2);
   * `query-failed`: this scenario cannot answer it (an unknown pod; `knet` would exit 1).
   */
  | { knet: 1; type: 'error'; id?: string; code: 'bad-message' | 'too-large' | 'unknown-object' | 'bad-query' | 'query-failed'; message: string };

export type ParsedMessage =
  | { kind: 'ok'; message: HostMessage; warnings: string[] }
  /** A knet message of a wrong shape: answer with an `error` (code bad-message or too-large) so the host developer sees why. */
  | { kind: 'invalid'; id?: string; code: 'bad-message' | 'too-large'; message: string }
  /** Not ours at all (other scripts post messages too): ignore silently. */
  | { kind: 'ignore' };

/** A question's flags fit in a few lines; more is a mistake or an attack. */
const MAX_QUERY_ARGS = 16_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[\w.:-]{1,64}$/;

/** Validate `event.data` from a host page: only the documented shapes pass. Never throws. */
export function parseHostMessage(data: unknown): ParsedMessage {
  if (!isObj(data) || data.knet !== PROTOCOL || typeof data.type !== 'string') return { kind: 'ignore' };
  const id = typeof data.id === 'string' && ID.test(data.id) ? data.id : undefined;
  if (data.id !== undefined && id === undefined) return bad(undefined, 'id must be a short string of letters, digits, . : _ -');
  const withId = <T extends object>(m: T) => (id === undefined ? m : { ...m, id });
  switch (data.type) {
    case 'load': {
      if (typeof data.text !== 'string') return bad(id, 'load needs text: the scenario YAML');
      if (data.text.length > STATE_LIMITS.maxTextChars)
        return { kind: 'invalid', id, code: 'too-large', message: `text is longer than ${STATE_LIMITS.maxTextChars} characters` };
      const warnings: string[] = [];
      const state: SharedState = { text: data.text };
      if (data.options !== undefined) {
        const o = checkOptions(data.options);
        if (!o.ok) return bad(id, o.message);
        warnings.push(...o.warnings);
        state.options = o.value;
      }
      if (data.view !== undefined) {
        const v = checkView(data.view);
        if (!v.ok) return bad(id, v.message);
        warnings.push(...v.warnings);
        state.view = v.value;
      }
      return { kind: 'ok', message: withId({ knet: 1, type: 'load', state } as const), warnings };
    }
    case 'select':
      if (data.object !== null && !isObjectId(data.object)) return bad(id, 'select needs object: an id such as Pod/shop/web-0, or null');
      return { kind: 'ok', message: withId({ knet: 1, type: 'select', object: data.object } as const), warnings: [] };
    case 'trace': {
      const t = checkTrace({ from: data.from, url: data.url, ...(data.headers !== undefined ? { headers: data.headers } : {}) });
      if (!t.ok) return bad(id, t.message.replace('view.trace.', ''));
      return { kind: 'ok', message: withId({ knet: 1, type: 'trace', trace: t.value } as const), warnings: [] };
    }
    case 'terminal':
      if (!isCommandLine(data.command)) return bad(id, `terminal needs command: one command line of at most ${MAX_COMMAND_CHARS} characters`);
      if (data.run !== undefined && typeof data.run !== 'boolean') return bad(id, 'terminal run must be true or false');
      return { kind: 'ok', message: withId({ knet: 1, type: 'terminal', command: data.command, run: data.run === true } as const), warnings: [] };
    case 'query': {
      if (typeof data.query !== 'string' || !/^[a-z][a-z-]{0,31}$/.test(data.query)) return bad(id, 'query needs query: the name of a knet command such as dns, route, check, matrix, endpoints, trace or validate');
      if (data.args !== undefined && !isObj(data.args)) return bad(id, 'query args must be an object of the CLI flags, such as {"from": "app/api", "name": "db"}');
      const args = isObj(data.args) ? data.args : {};
      if (JSON.stringify(args).length > MAX_QUERY_ARGS) return { kind: 'invalid', id, code: 'too-large', message: `query args are longer than ${MAX_QUERY_ARGS} characters of JSON` };
      return { kind: 'ok', message: withId({ knet: 1, type: 'query', query: data.query, args } as const), warnings: [] };
    }
    case 'subscribe':
    case 'unsubscribe':
    case 'get-state':
      return { kind: 'ok', message: withId({ knet: 1, type: data.type } as const), warnings: [] };
    default:
      return bad(id, `unknown message type ${JSON.stringify(data.type.slice(0, 40))}`);
  }
}

function bad(id: string | undefined, message: string): ParsedMessage {
  return id === undefined ? { kind: 'invalid', code: 'bad-message', message } : { kind: 'invalid', id, code: 'bad-message', message };
}

/**
 * The origin policy: a message is accepted only when the page was opened with `?origin=` and the message
 * comes from that exact origin and from the window that embeds the page (`window.parent`).
 */
export function acceptsMessage(config: Pick<EmbedConfig, 'origin'>, event: { origin: string; source: unknown }, parent: unknown): boolean {
  return config.origin !== null && event.origin === config.origin && event.source !== null && event.source === parent;
}

/** Edges whose verdict changed since the last notification (new edges count as changed; removed ones do not). */
export function changedVerdicts(previous: readonly VerdictEdge[] | null, next: readonly VerdictEdge[]): VerdictEdge[] {
  if (!previous) return [...next];
  const before = new Map(previous.map((e) => [`${e.from}\u0000${e.to}`, e.verdict]));
  return next.filter((e) => before.get(`${e.from}\u0000${e.to}`) !== e.verdict);
}
