/** An IP address as a number: IPv4 in the low 32 bits, IPv6 as 128 bits. */
export interface IP {
  family: 4 | 6;
  value: bigint;
}

export interface CIDR {
  family: 4 | 6;
  /** Network address with host bits cleared. */
  base: bigint;
  prefix: number;
  /** The text had host bits set (`10.0.0.1/8`): Kubernetes validation rejects that in some fields. */
  hostBitsSet: boolean;
}

/** Parse dotted IPv4 (no leading zeros, as Go's netip) or IPv6 text; null when malformed. */
export function parseIP(text: string): IP | null {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return v4;
  return text.includes(':') ? parseIPv6(text) : null;
}

/**
 * `a.b.c.d` (each 1–3 ASCII digits) read by scanning characters, with one BigInt made at the end: every pod, Service
 * and endpoint address passes here. Undefined when the text does not have that shape; null when it does but an
 * octet has a leading zero or exceeds 255.
 */
function parseIPv4(text: string): IP | null | undefined {
  const n = text.length;
  let value = 0;
  let bad = false;
  let i = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (i >= n || text.charCodeAt(i) !== 46) return undefined;
      i++;
    }
    const start = i;
    let part = 0;
    while (i < n && i - start < 4) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      part = part * 10 + (c - 48);
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3) return undefined;
    if ((len > 1 && text.charCodeAt(start) === 48) || part > 255) bad = true;
    value = value * 256 + part;
  }
  if (i !== n) return undefined;
  return bad ? null : { family: 4, value: BigInt(value) };
}

function parseIPv6(text: string): IP | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIP(p);
        if (!v4 || v4.family !== 4) return null;
        out.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  let v = 0n;
  for (const g of all) v = (v << 16n) | BigInt(g);
  return { family: 6, value: v };
}

export function bits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/** Parse `a.b.c.d/n` or `x::/n`; null when malformed. A bare address is not a CIDR. */
export function parseCIDR(text: string): CIDR | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIP(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const width = bits(ip.family);
  if (prefix > width) return null;
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  return { family: ip.family, base: ip.value & ~hostMask, prefix, hostBitsSet: (ip.value & hostMask) !== 0n };
}

export function cidrContains(cidr: CIDR, ip: IP): boolean {
  if (cidr.family !== ip.family) return false;
  // IPv4 in numbers (dividing by a power of two is shifting right): every endpoint is tested against the
  // reserved ranges, and BigInt shifts allocate.
  if (ip.family === 4 && ip.value >= 0n && ip.value <= 0xffffffffn && cidr.base >= 0n && cidr.base <= 0xffffffffn && cidr.prefix >= 0 && cidr.prefix <= 32) {
    const unit = 2 ** (32 - cidr.prefix);
    return Math.floor(Number(ip.value) / unit) === Math.floor(Number(cidr.base) / unit);
  }
  const shift = BigInt(bits(ip.family) - cidr.prefix);
  return ip.value >> shift === cidr.base >> shift;
}

/** True when every address of `inner` lies in `outer`. */
export function cidrWithin(inner: CIDR, outer: CIDR): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && cidrContains(outer, { family: inner.family, value: inner.base });
}

export function formatIP(ip: IP): string {
  if (ip.family === 4) {
    // The low 32 bits as a number (higher bits, which no octet shows, dropped): no BigInt per octet.
    const v = ip.value >= 0n && ip.value <= 0xffffffffn ? Number(ip.value) : Number(BigInt.asUintN(32, ip.value));
    return `${Math.floor(v / 16777216)}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** The address `n` after the CIDR's network address (n = 1 → first usable). */
export function nthAddress(cidr: CIDR, n: bigint | number): IP {
  return { family: cidr.family, value: cidr.base + BigInt(n) };
}

export function cidrSize(cidr: CIDR): bigint {
  return 1n << BigInt(bits(cidr.family) - cidr.prefix);
}

/** Normalise address text (`::FFFF` → `::ffff`); returns the input unchanged when it does not parse. */
export function canonicalIP(text: string): string {
  const ip = parseIP(text);
  return ip ? formatIP(ip) : text;
}

/** The reverse-lookup name (`5.1.244.10.in-addr.arpa.`, nibbles under `ip6.arpa.`), DNS-8. */
export function reverseName(ip: IP): string {
  if (ip.family === 4) return `${formatIP(ip).split('.').reverse().join('.')}.in-addr.arpa.`;
  const hex = ip.value.toString(16).padStart(32, '0');
  return `${hex.split('').reverse().join('.')}.ip6.arpa.`;
}
