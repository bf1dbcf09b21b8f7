/**
 * The scenario in the address (placeholder codec; the versioned one lives in src/share/ and replaces it):
 * `#v1:` + base64url(deflate(utf-8 text)). Decoding never throws: a bad hash gives a reason instead.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

const PREFIX = 'v1:';
/** A decompression bomb guard: no scenario the page accepts is bigger than this. */
const MAX_TEXT = 4_000_000;

export function encodeScenario(text: string): string {
  return `#${PREFIX}${toBase64Url(deflateSync(strToU8(text), { level: 9 }))}`;
}

export type Decoded = { ok: true; text: string } | { ok: false; reason: string } | { ok: 'empty' };

export function decodeScenario(hash: string): Decoded {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return { ok: 'empty' };
  if (!h.startsWith(PREFIX)) return { ok: false, reason: `The link's scenario is in a format this page does not know ("${h.slice(0, 8)}…").` };
  try {
    const bytes = fromBase64Url(h.slice(PREFIX.length));
    const out = inflateSync(bytes);
    if (out.length > MAX_TEXT) return { ok: false, reason: 'The link holds a scenario larger than the playground accepts.' };
    return { ok: true, text: strFromU8(out) };
  } catch {
    return { ok: false, reason: 'The link is broken or truncated: its scenario could not be read.' };
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
