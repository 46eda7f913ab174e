/** MurmurHash3's 32-bit finaliser: a cheap, well-mixed hash of a 32-bit integer. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, seeded so that two seeds give two independent hashes. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A 48-bit hash of a string as a safe integer: for numeric ids that other
 * tools need (GDELT's GLOBALEVENTID), stable across runs. Collisions are
 * unlikely below some millions of ids.
 */
export function hash48(text: string): number {
  const high = mix32(fnv1a(text, 0x9747b28c)) & 0xffff;
  return high * 0x1_0000_0000 + mix32(fnv1a(text));
}
