/** Pod sets as bitsets over the compiled pod list: bit `i` of word `i >> 5` is pod `i`. */
export type Bits = Uint32Array;

export function words(n: number): number {
  return (n + 31) >>> 5;
}

export function empty(n: number): Bits {
  return new Uint32Array(words(n));
}

/** Every pod of `n`. */
export function full(n: number): Bits {
  const b = new Uint32Array(words(n));
  b.fill(0xffffffff);
  const rest = n & 31;
  if (rest && b.length) b[b.length - 1] = (2 ** rest - 1) >>> 0;
  return b;
}

export function has(b: Bits, i: number): boolean {
  return ((b[i >>> 5]! >>> (i & 31)) & 1) === 1;
}

export function set(b: Bits, i: number): void {
  b[i >>> 5]! |= 1 << (i & 31);
}

export function clear(b: Bits, i: number): void {
  b[i >>> 5]! &= ~(1 << (i & 31));
}

export function and(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k]! & b[k]!;
  return out;
}

export function or(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k]! | b[k]!;
  return out;
}

/** `a` without `b`. */
export function andNot(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k]! & ~b[k]!;
  return out;
}

export function orInto(target: Bits, b: Bits): void {
  for (let k = 0; k < target.length; k++) target[k]! |= b[k]!;
}

export function isEmpty(b: Bits): boolean {
  for (let k = 0; k < b.length; k++) if (b[k]) return false;
  return true;
}

/** Indexes of the set bits, ascending. */
export function members(b: Bits): number[] {
  const out: number[] = [];
  for (let k = 0; k < b.length; k++) {
    let w = b[k]!;
    while (w) {
      const t = w & -w;
      out.push((k << 5) + 31 - Math.clz32(t));
      w ^= t;
    }
  }
  return out;
}
