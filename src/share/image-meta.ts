/**
 * Exported pictures that reopen in the playground (issue 7 "Export"): the scenario's URL hash is stored
 * inside the SVG (a `<metadata>` element) or the PNG (a `tEXt` chunk with keyword `knet-scenario`). Reading
 * is bounded and never throws; what comes out is a hash to pass to `decodeState`, which validates it.
 */

export const PNG_KEYWORD = 'knet-scenario';
const SVG_NS = 'https://knet.dev/ns/scenario';
const MAX_HASH = 64 * 1024;
const HASH_CHARS = /^#v\d{1,6}[.:][A-Za-z0-9_-]*$/;

/** The SVG text with the hash in a `<metadata>` element right after the opening `<svg …>` tag. */
export function svgWithScenario(svg: string, hash: string): string {
  if (!HASH_CHARS.test(hash)) throw new Error('svgWithScenario: not a playground hash');
  const open = /<svg\b[^>]*>/i.exec(svg);
  if (!open) throw new Error('svgWithScenario: no <svg> element');
  const at = open.index + open[0].length;
  const meta = `<metadata><knet:scenario xmlns:knet="${SVG_NS}">${hash}</knet:scenario></metadata>`;
  return svg.slice(0, at) + meta + svg.slice(at);
}

/** The hash stored in an SVG, or null. */
export function scenarioFromSVG(svg: string): string | null {
  const m = /<knet:scenario\b[^>]*>(#v\d{1,6}[.:][A-Za-z0-9_-]{0,65536})<\/knet:scenario>/.exec(svg.slice(0, 16 * 1024 * 1024));
  return m && m[1]!.length <= MAX_HASH ? m[1]! : null;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The PNG bytes with a `tEXt` chunk (`knet-scenario`, the hash) inserted before `IEND`. */
export function pngWithScenario(png: Uint8Array, hash: string): Uint8Array {
  if (!HASH_CHARS.test(hash)) throw new Error('pngWithScenario: not a playground hash');
  const chunks = readChunks(png);
  const iend = chunks?.find((c) => c.type === 'IEND');
  if (!iend) throw new Error('pngWithScenario: not a PNG');
  const data = new Uint8Array(PNG_KEYWORD.length + 1 + hash.length);
  for (let i = 0; i < PNG_KEYWORD.length; i++) data[i] = PNG_KEYWORD.charCodeAt(i);
  for (let i = 0; i < hash.length; i++) data[PNG_KEYWORD.length + 1 + i] = hash.charCodeAt(i);
  const chunk = makeChunk('tEXt', data);
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend.start), 0);
  out.set(chunk, iend.start);
  out.set(png.subarray(iend.start), iend.start + chunk.length);
  return out;
}

/** The hash stored in a PNG's `knet-scenario` text chunk, or null (not a PNG, no chunk, bad CRC). */
export function scenarioFromPNG(png: Uint8Array): string | null {
  const chunks = readChunks(png);
  if (!chunks) return null;
  for (const c of chunks) {
    if (c.type !== 'tEXt' || c.length > MAX_HASH + PNG_KEYWORD.length + 1) continue;
    const data = png.subarray(c.start + 8, c.start + 8 + c.length);
    const sep = data.indexOf(0);
    if (sep !== PNG_KEYWORD.length || String.fromCharCode(...data.subarray(0, sep)) !== PNG_KEYWORD) continue;
    if (crc32(png.subarray(c.start + 4, c.start + 8 + c.length)) !== readU32(png, c.start + 8 + c.length)) return null;
    let text = '';
    for (const b of data.subarray(sep + 1)) text += String.fromCharCode(b);
    return HASH_CHARS.test(text) ? text : null;
  }
  return null;
}

interface ChunkRef {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  length: number;
}

function readChunks(png: Uint8Array): ChunkRef[] | null {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) return null;
  const out: ChunkRef[] = [];
  let at = 8;
  while (at + 12 <= png.length && out.length < 10_000) {
    const length = readU32(png, at);
    if (at + 12 + length > png.length) return null;
    const type = String.fromCharCode(png[at + 4]!, png[at + 5]!, png[at + 6]!, png[at + 7]!);
    out.push({ type, start: at, length });
    at += 12 + length;
    if (type === 'IEND') return out;
  }
  return null;
}

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG (ISO 3309) defines it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
