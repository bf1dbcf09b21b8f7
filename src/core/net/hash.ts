/**
 * Deterministic names and hashes. Kubernetes uses random suffixes and history-dependent hashes; the
 * simulator needs the same input to give the same names on every run ([SIM] I-2), so everything here is
 * a pure function of its text input.
 */

/** FNV-32a over the UTF-16 code units of `text` (ASCII-equal to FNV-32a over the UTF-8 bytes). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The alphabet of apimachinery's `rand.String`/`SafeEncodeString`: no vowels, no confusable digits. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery `rand.SafeEncodeString`: each character c → SAFE_ALPHABET[c % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** A `length`-character suffix in the safe alphabet, a pure function of `seed` (stands in for `rand.String(5)`). */
export function safeSuffix(seed: string, length = 5): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    if (i > 0 && i % 6 === 0) h = fnv32a(`${seed}#${i}`);
    out += SAFE_ALPHABET[h % SAFE_ALPHABET.length];
    h = Math.floor(h / SAFE_ALPHABET.length);
  }
  return out;
}

/** JSON with object keys sorted at every level: a canonical text to hash. */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // One string built in a loop: a Deployment's template is hashed whole, for every Deployment.
    const keys = Object.keys(obj);
    // Objects read from YAML often list their keys in order already; sort only when they do not.
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1]! > keys[i]!) {
        keys.sort();
        break;
      }
    }
    let out = '{';
    for (const k of keys) {
      if (obj[k] === undefined) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJSON(obj[k])}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `fnv32a(canonicalJSON(value))` without writing the text: the same characters, in the same order, fed to the
 * hash as they would be written. A Deployment's whole template is hashed for every Deployment, and building the
 * text was most of the allocation of the workloads stage.
 */
export function fnv32aCanonicalJSON(value: unknown): number {
  return feedValue(0x811c9dc5, value) >>> 0;
}

/** Object.keys sorted as `Array.prototype.sort` sorts strings; a few keys by insertion, without the library sort. */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  return keys;
}

function feedCode(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) >>> 0;
}

function feedText(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** JSON.stringify of a string, fed: written as is between quotes when no character needs an escape. */
function feedString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return feedText(h, JSON.stringify(s));
  }
  return feedCode(feedText(feedCode(h, 34), s), 34);
}

function feedValue(h: number, value: unknown): number {
  if (Array.isArray(value)) {
    h = feedCode(h, 91);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) h = feedCode(h, 44);
      // A hole stays empty in `map(...).join(',')`.
      if (i in value) h = feedValue(h, value[i]);
    }
    return feedCode(h, 93);
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = sortedKeys(obj);
    h = feedCode(h, 123);
    let first = true;
    for (const k of keys) {
      if (obj[k] === undefined) continue;
      if (!first) h = feedCode(h, 44);
      first = false;
      h = feedCode(feedString(h, k), 58);
      h = feedValue(h, obj[k]);
    }
    return feedCode(h, 125);
  }
  if (typeof value === 'string') return feedString(h, value);
  return feedText(h, JSON.stringify(value) ?? 'null');
}

/** apiserver `generateName`: the prefix is cut to 58 characters so that prefix + 5 stays within 63. */
export function generatedName(prefix: string, suffix: string): string {
  return `${prefix.length > 58 ? prefix.slice(0, 58) : prefix}${suffix}`;
}
