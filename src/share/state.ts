import { DEFAULT_OPTIONS, type DeepPartial, type SimOptions } from '../core/options';

/** A trace the view opens with: the CLI's `knet trace --from PEER --url URL [--header ...]`. */
export interface TraceView {
  from: string;
  url: string;
  /** `Name: value` lines, as `--header` takes them. */
  headers?: string[];
}

/** What the page shows first: a panel, a selected object (`Kind/namespace/name`), a trace. */
export interface ViewState {
  panel?: string;
  selected?: string;
  trace?: TraceView;
}

/**
 * Everything a link shares: only what the user typed and chose. `options` holds only
 * the values that differ from DEFAULT_OPTIONS, so a link does not pin today's defaults forever.
 */
export interface SharedState {
  text: string;
  options?: DeepPartial<SimOptions>;
  view?: ViewState;
}

/** Bounds on untrusted input, shared by the URL codec and the embed messages. */
export const STATE_LIMITS = {
  /** Characters of scenario text (the same order as the decompression bound). */
  maxTextChars: 2_000_000,
  maxIdChars: 300,
  maxUrlChars: 2_000,
  maxHeaders: 20,
  maxHeaderChars: 1_000,
};

const PANEL = /^[a-z][a-z0-9-]{0,39}$/;
/** `Kind/name` or `Kind/namespace/name`, the object ids of the World. */
const OBJECT_ID = /^[A-Z][A-Za-z]{0,62}\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/;
/** A peer as knet names it: `ns/pod`, `pod`, `ip:A.B.C.D` (or IPv6), `node:name`. */
const PEER = /^(ip:[0-9a-fA-F.:]{2,45}|node:[a-z0-9][-a-z0-9.]{0,252}|([a-z0-9][-a-z0-9]{0,62}\/)?[a-z0-9][-a-z0-9.]{0,252})$/;

export type Checked<T> = { ok: true; value: T; warnings: string[] } | { ok: false; message: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Is this an object id as the World writes them (`Pod/shop/web-0`)? */
export function isObjectId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= STATE_LIMITS.maxIdChars && OBJECT_ID.test(v);
}

/** Is this a peer as knet names them (`shop/web-0`, `ip:203.0.113.9`, `node:node-1`)? */
export function isPeer(v: unknown): v is string {
  return typeof v === 'string' && v.length <= STATE_LIMITS.maxIdChars && PEER.test(v);
}

export function isPanel(v: unknown): v is string {
  return typeof v === 'string' && PANEL.test(v);
}

/** A trace request, validated: the peer, an http(s) URL, bounded header lines. */
export function checkTrace(v: unknown): Checked<TraceView> {
  if (!isPlainObject(v)) return { ok: false, message: 'view.trace must be an object' };
  if (!isPeer(v.from)) return { ok: false, message: 'view.trace.from must be a peer such as shop/web-0 or ip:203.0.113.9' };
  if (typeof v.url !== 'string' || v.url.length > STATE_LIMITS.maxUrlChars || !/^(https?|grpc):\/\/[^\s]+$/i.test(v.url)) {
    return { ok: false, message: 'view.trace.url must be an http:// or https:// URL' };
  }
  const out: TraceView = { from: v.from, url: v.url };
  if (v.headers !== undefined) {
    const h = v.headers;
    if (
      !Array.isArray(h) ||
      h.length > STATE_LIMITS.maxHeaders ||
      !h.every((x) => typeof x === 'string' && x.length <= STATE_LIMITS.maxHeaderChars && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(x))
    ) {
      return { ok: false, message: 'view.trace.headers must be a short list of "Name: value" lines' };
    }
    out.headers = h as string[];
  }
  return { ok: true, value: out, warnings: [] };
}

/** Keep the fields of a view that are well formed; a bad field is dropped with a warning, never fatal. */
export function checkView(v: unknown): Checked<ViewState> {
  if (!isPlainObject(v)) return { ok: false, message: 'view must be an object' };
  const warnings: string[] = [];
  const out: ViewState = {};
  if (v.panel !== undefined) {
    if (isPanel(v.panel)) out.panel = v.panel;
    else warnings.push('view.panel is not a panel name; ignored');
  }
  if (v.selected !== undefined) {
    if (isObjectId(v.selected)) out.selected = v.selected;
    else warnings.push('view.selected is not an object id; ignored');
  }
  if (v.trace !== undefined) {
    const t = checkTrace(v.trace);
    if (t.ok) out.trace = t.value;
    else warnings.push(`${t.message}; ignored`);
  }
  for (const k of Object.keys(v)) if (k !== 'panel' && k !== 'selected' && k !== 'trace') warnings.push(`view.${k} is not known; ignored`);
  return { ok: true, value: out, warnings };
}

/**
 * Keep the options that exist in DEFAULT_OPTIONS with the same type; anything else (an option a newer
 * version added, a value of the wrong type) is dropped with a warning, so the simulation never sees it.
 */
export function checkOptions(v: unknown): Checked<DeepPartial<SimOptions>> {
  if (!isPlainObject(v)) return { ok: false, message: 'options must be an object' };
  const warnings: string[] = [];
  const value = pickLike(v, DEFAULT_OPTIONS as unknown as Record<string, unknown>, 'options', warnings);
  return { ok: true, value: value, warnings };
}

/** Groups are picked field by field; a field's value must be complete (withDefaults merges one level deep). */
function pickLike(
  v: Record<string, unknown>,
  like: Record<string, unknown>,
  path: string,
  warnings: string[],
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const here = `${path}.${k}`;
    if (!Object.prototype.hasOwnProperty.call(like, k)) {
      warnings.push(`${here} is not known; ignored`);
      continue;
    }
    const d = like[k];
    if (depth === 0 && isPlainObject(d)) {
      if (isPlainObject(x)) out[k] = pickLike(x, d, here, warnings, 1);
      else warnings.push(`${here} has the wrong type; ignored`);
    } else if (sameShape(x, d, 1) && (!isPlainObject(d) || hasAllKeys(x, d))) out[k] = x;
    else warnings.push(`${here} has the wrong type or is incomplete; ignored`);
  }
  return out;
}

/** Does `x` have the shape of the default `d` (same primitive type; arrays of items shaped like d[0])? */
function sameShape(x: unknown, d: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (Array.isArray(d)) {
    if (!Array.isArray(x) || x.length > 1000) return false;
    const item: unknown = d[0];
    // An empty default list (gateway.controllers) says nothing about its items: accept short strings.
    if (item === undefined) return x.every((e) => typeof e === 'string' && e.length <= 253);
    return x.every((e) => sameShape(e, item, depth + 1) && (!isPlainObject(item) || hasAllKeys(e, item)));
  }
  if (isPlainObject(d)) return isPlainObject(x) && (depth === 0 || Object.keys(x).every((k) => k in d && sameShape(x[k], d[k], depth + 1)));
  if (typeof d === 'number') return typeof x === 'number' && Number.isFinite(x);
  if (typeof d === 'string') return typeof x === 'string' && x.length <= 1000;
  return typeof x === typeof d;
}

function hasAllKeys(e: unknown, item: Record<string, unknown>): boolean {
  return isPlainObject(e) && Object.keys(item).every((k) => k in e);
}

/** Only the option values that differ from the defaults (a deep diff); empty groups are left out. */
export function minimizeOptions(options: DeepPartial<SimOptions> | undefined): DeepPartial<SimOptions> | undefined {
  if (!options) return undefined;
  const out = diff(options, DEFAULT_OPTIONS as unknown as Record<string, unknown>);
  return out && Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Groups (`dns`, `cluster`...) are diffed field by field; a field's value is kept whole when it differs,
 * because withDefaults merges one level deep (a partial `nodePortRange` would lose its other half).
 */
function diff(v: Record<string, unknown>, d: Record<string, unknown>, depth = 0): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    const dk = d[k];
    if (depth === 0 && isPlainObject(x) && isPlainObject(dk)) {
      const sub = diff(x, dk, 1);
      if (sub) out[k] = sub;
    } else if (JSON.stringify(x) !== JSON.stringify(dk)) out[k] = x;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Validate a decoded state (untrusted JSON): text required, options and view optional and cleaned. */
export function checkState(v: unknown): Checked<SharedState> {
  if (!isPlainObject(v)) return { ok: false, message: 'the link does not hold a scenario object' };
  if (typeof v.text !== 'string') return { ok: false, message: 'the link holds no scenario text' };
  if (v.text.length > STATE_LIMITS.maxTextChars)
    return { ok: false, message: `the scenario is longer than ${STATE_LIMITS.maxTextChars} characters` };
  const warnings: string[] = [];
  const state: SharedState = { text: v.text };
  if (v.options !== undefined) {
    const o = checkOptions(v.options);
    if (o.ok) {
      warnings.push(...o.warnings);
      const min = minimizeOptions(o.value);
      if (min) state.options = min;
    } else warnings.push(`${o.message}; ignored`);
  }
  if (v.view !== undefined) {
    const w = checkView(v.view);
    if (w.ok) {
      warnings.push(...w.warnings);
      if (Object.keys(w.value).length > 0) state.view = w.value;
    } else warnings.push(`${w.message}; ignored`);
  }
  for (const k of Object.keys(v)) if (k !== 'text' && k !== 'options' && k !== 'view') warnings.push(`${k} is not known; ignored`);
  return { ok: true, value: state, warnings };
}
