import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url';
import { checkState, minimizeOptions, type SharedState } from './state';

/**
 * The scenario ↔ URL-hash codec (docs/url-format.md). A hash is `#v<N>.<payload>`; version 1's payload is
 * base64url(deflate-raw(UTF-8 JSON of SharedState)). Decoding treats the hash as hostile: bounded length,
 * bounded decompression, shape validation, and it never throws.
 */

/** The version `encodeState` writes. Every version ever released stays in DECODERS with frozen fixtures. */
export const CURRENT_VERSION = 1;

export const HASH_LIMITS = {
  /** Characters of hash read at all (a 40-object scenario is a few KB). */
  maxHashChars: 64 * 1024,
  /** Bytes of decompressed JSON: inflating stops past this (a deflate bomb costs at most this much). */
  maxInflatedBytes: 2 * 1024 * 1024,
  /** Compressed bytes pushed to the inflater at a time: bounds the overshoot past maxInflatedBytes (~1032× per byte). */
  chunkBytes: 256,
};

export type DecodeErrorCode = 'empty' | 'unknown-version' | 'corrupt' | 'too-large' | 'invalid';

export interface DecodeError {
  code: DecodeErrorCode;
  message: string;
}

export type DecodeResult = { ok: true; state: SharedState; version: number; warnings: string[] } | { ok: false; error: DecodeError };

type Step<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/** One released format: how its payload becomes JSON. Frozen once released (fixtures test it forever). */
interface Format {
  decode(payload: string): Step<unknown>;
}

const DECODERS: Record<number, Format> = {
  1: { decode: (payload) => inflateJSON(payload) },
};

/**
 * Upgrades of the decoded JSON from version N to N+1, applied in order until CURRENT_VERSION. Empty while
 * only v1 exists; a v2 adds `1: (v1) => v2` here and keeps DECODERS[1] as it is.
 */
const MIGRATIONS: Record<number, (state: unknown) => unknown> = {};

/** The hash (with `#`) for a state: options are reduced to their non-default values first. */
export function encodeState(state: SharedState): string {
  const out: SharedState = { text: state.text };
  const options = minimizeOptions(state.options);
  if (options) out.options = options;
  if (state.view && Object.values(state.view).some((v) => v !== undefined)) out.view = state.view;
  const bytes = deflateSync(strToU8(JSON.stringify(out)), { level: 9, mem: 8 });
  return `#v${CURRENT_VERSION}.${encodeBase64url(bytes)}`;
}

/** Read a hash (`#v1.…`, with or without `#`, or a whole link). Never throws: every failure is `{ok: false, error}`. */
export function decodeState(hash: string): DecodeResult {
  try {
    return decodeUnsafe(hash);
  } catch {
    // A bug in a decoder must still leave the page usable: never a blank page.
    return fail('corrupt', 'The link could not be read.');
  }
}

function decodeUnsafe(hash: unknown): DecodeResult {
  if (typeof hash !== 'string') return fail('empty', 'There is no scenario in the link.');
  // A whole pasted link works too: only the fragment matters.
  const h = hash.includes('#') ? hash.slice(hash.indexOf('#') + 1) : hash;
  if (h.length === 0) return fail('empty', 'There is no scenario in the link.');
  if (h.length > HASH_LIMITS.maxHashChars) {
    return fail('too-large', `The link is ${h.length} characters long; the playground reads links of at most ${HASH_LIMITS.maxHashChars}.`);
  }
  // Links written by the page's first placeholder codec (`#v1:` + base64url(deflate-raw(text))), before
  // this format existed: read as version 0 so that no link ever made stops opening.
  if (h.startsWith('v1:')) return decodeLegacy(h.slice(3));
  const m = /^v(\d{1,6})\.(.*)$/s.exec(h);
  if (!m) return fail('unknown-version', 'The link does not start with a format version (such as #v1.), so it is not a playground link.');
  const version = Number(m[1]);
  const format = DECODERS[version];
  if (!format) {
    const newer = version > CURRENT_VERSION;
    return fail(
      'unknown-version',
      newer
        ? `The link was written by a newer playground (format v${version}); this one reads up to v${CURRENT_VERSION}.`
        : `The link format v${version} is not known.`,
    );
  }
  const decoded = format.decode(m[2]!);
  if (!decoded.ok) return decoded;
  let json = decoded.value;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return fail('unknown-version', `No migration from link format v${v}.`);
    json = migrate(json);
  }
  const checked = checkState(json);
  if (!checked.ok) return fail('invalid', `The link is not a valid scenario: ${checked.message}.`);
  return { ok: true, state: checked.value, version, warnings: checked.warnings };
}

function decodeLegacy(payload: string): DecodeResult {
  const bytes = decodeBase64url(payload);
  if (!bytes)
    return fail('corrupt', 'The link is damaged (it holds characters a playground link never has); it may have been cut short or changed.');
  const inflated = boundedInflate(bytes, HASH_LIMITS.maxInflatedBytes);
  if (!inflated.ok) return inflated;
  const checked = checkState({ text: strFromU8(inflated.value) });
  if (!checked.ok) return fail('invalid', `The link is not a valid scenario: ${checked.message}.`);
  return { ok: true, state: checked.value, version: 0, warnings: [] };
}

function inflateJSON(payload: string): Step<unknown> {
  const bytes = decodeBase64url(payload);
  if (!bytes)
    return fail('corrupt', 'The link is damaged (it holds characters a playground link never has); it may have been cut short or changed.');
  const inflated = boundedInflate(bytes, HASH_LIMITS.maxInflatedBytes);
  if (!inflated.ok) return inflated;
  let text: string;
  try {
    text = strFromU8(inflated.value);
  } catch {
    return fail('corrupt', 'The link is damaged (its text is not UTF-8).');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail('corrupt', 'The link is damaged (its content is not JSON).');
  }
}

/** Inflate raw DEFLATE in small pushes and stop as soon as the output passes `limit` bytes. */
export function boundedInflate(bytes: Uint8Array, limit: number): Step<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else parts.push(chunk);
    if (final) done = true;
  });
  try {
    const step = HASH_LIMITS.chunkBytes;
    for (let i = 0; i < bytes.length && !over; i += step) {
      const end = Math.min(bytes.length, i + step);
      inflater.push(bytes.subarray(i, end), end === bytes.length);
    }
    if (bytes.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return fail('corrupt', 'The link is damaged (it could not be decompressed); it may have been cut short.');
  }
  if (over) return fail('too-large', `The scenario in the link unpacks to more than ${limit / (1024 * 1024)} MB; it was not opened.`);
  if (!done) return fail('corrupt', 'The link is damaged (it ends too early); it may have been cut short.');
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, value: out };
}

function fail(code: DecodeErrorCode, message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: { code, message } };
}

/** How safe a link of this length is to paste: chat tools and some browsers cut long URLs. */
export interface LinkSize {
  chars: number;
  level: 'ok' | 'long' | 'too-long';
  message?: string;
}

export const LINK_SIZE = { long: 2_000, tooLong: 8_000 };

/** Judge the length of a whole link (origin + path + hash). */
export function linkSize(url: string): LinkSize {
  const chars = url.length;
  if (chars > LINK_SIZE.tooLong) {
    return {
      chars,
      level: 'too-long',
      message: `This link is ${chars} characters; many chat tools and mail clients cut links past ${LINK_SIZE.tooLong}. Share the YAML file instead, or trim the scenario.`,
    };
  }
  if (chars > LINK_SIZE.long) {
    return {
      chars,
      level: 'long',
      message: `This link is ${chars} characters; some chat tools shorten or cut links past ${LINK_SIZE.long}.`,
    };
  }
  return { chars, level: 'ok' };
}
