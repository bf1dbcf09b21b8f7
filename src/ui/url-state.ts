/**
 * The scenario in the address: the page's thin wrapper over the versioned codec in src/share/
 * (docs/url-format.md). `#v1.` links are written; older `#v1:` links (the first placeholder codec) keep
 * opening because the share module reads them as version 0. Decoding never throws.
 */
import type { DeepPartial, SimOptions } from '../core/index';
import { decodeState, encodeState, type SharedState } from '../share/index';

/** The hash (with `#`) for what the user typed and chose. */
export function encodeScenario(text: string, options?: DeepPartial<SimOptions>): string {
  // The address bar and the header's link ask for the same scenario after each pause in typing: compress it once.
  const key = options ? JSON.stringify(options) : '';
  if (last && last.text === text && last.key === key) return last.hash;
  const hash = encodeState(options ? { text, options } : { text });
  last = { text, key, hash };
  return hash;
}
let last: { text: string; key: string; hash: string } | null = null;

export type Decoded = { ok: true; state: SharedState; text: string; warnings: string[] } | { ok: false; reason: string } | { ok: 'empty' };

export function decodeScenario(hash: string): Decoded {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return { ok: 'empty' };
  const d = decodeState(h);
  if (!d.ok) return { ok: false, reason: d.error.message };
  return { ok: true, state: d.state, text: d.state.text, warnings: d.warnings };
}
