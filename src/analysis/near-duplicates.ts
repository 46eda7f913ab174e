import type { DocId } from "../core/ids.ts";
import { mix32 } from "./hash.ts";
import { createUnionFind } from "./union-find.ts";

export interface NearDuplicateOptions {
  /** Words per shingle. */
  readonly shingle?: number;
  /** MinHash functions; a multiple of `rows`. */
  readonly hashes?: number;
  /** Signature rows per LSH band: fewer rows find less similar pairs. */
  readonly rows?: number;
  /** Estimated Jaccard similarity of shingle sets from which two texts count as copies. */
  readonly threshold?: number;
}

const DEFAULTS: Required<NearDuplicateOptions> = { shingle: 5, hashes: 64, rows: 4, threshold: 0.5 };

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The FNV-1a hashes of a text's words: runs of letters and digits, lower-cased. */
function wordHashes(text: string): number[] {
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    // ASCII decides by ranges; other characters (rare in English news) by the Unicode classes.
    const isWordChar =
      code < 128
        ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
        : LETTER_OR_DIGIT.test(text.charAt(i).toLowerCase());
    if (isWordChar) {
      if (code >= 65 && code <= 90) code += 32;
      else if (code >= 128) code = text.charAt(i).toLowerCase().charCodeAt(0);
      h = Math.imul(h ^ code, 0x01000193);
      inWord = true;
    } else if (inWord) {
      words.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) words.push(h >>> 0);
  return words;
}

/** The set of hashed `size`-word shingles of a text (lower-cased words; punctuation ignored), sorted. */
export function shingleHashes(text: string, size: number): Uint32Array {
  const words = wordHashes(text);
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - size + 1);
  const shingles = new Uint32Array(count);
  // A rolling polynomial hash of the window of word hashes, mixed once per shingle.
  const P = 0x01000193;
  let top = 1;
  for (let j = 1; j < size; j++) top = Math.imul(top, P);
  let h = 0;
  const first = Math.min(size, words.length);
  for (let j = 0; j < first; j++) h = (Math.imul(h, P) + (words[j] ?? 0)) | 0;
  shingles[0] = mix32(h);
  for (let i = 1; i < count; i++) {
    h = (Math.imul((h - Math.imul(words[i - 1] ?? 0, top)) | 0, P) + (words[i + size - 1] ?? 0)) | 0;
    shingles[i] = mix32(h);
  }
  // A set: sorted, repeats dropped.
  shingles.sort();
  let unique = 0;
  for (let i = 0; i < shingles.length; i++) {
    if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[unique++] = shingles[i] ?? 0;
  }
  return shingles.slice(0, unique);
}

/**
 * The MinHash signature of a shingle set: for each of `hashes` hash
 * functions, the least value it gives a shingle. Two signatures agree at a
 * position with probability close to the Jaccard similarity of the sets.
 * The functions are odd multipliers with offsets (`a·x + b` mod 2^32, each a
 * permutation of 32-bit values) over shingles that are already well-mixed
 * hashes: two operations per shingle and function, where this loop is most
 * of the cost of finding copies. An empty set gives all `0xffffffff`.
 */
export function minHash(shingles: Uint32Array, hashes: number): Uint32Array {
  const signature = new Uint32Array(hashes).fill(0xffffffff);
  const { multipliers, offsets } = hashes <= FUNCTIONS.multipliers.length ? FUNCTIONS : functionsFor(hashes);
  for (const shingle of shingles) {
    for (let i = 0; i < hashes; i++) {
      const h = (Math.imul(shingle, multipliers[i] ?? 1) + (offsets[i] ?? 0)) >>> 0;
      if (h < (signature[i] ?? 0)) signature[i] = h;
    }
  }
  return signature;
}

function functionsFor(hashes: number): { multipliers: Uint32Array; offsets: Uint32Array } {
  return {
    multipliers: Uint32Array.from({ length: hashes }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9)) | 1),
    offsets: Uint32Array.from({ length: hashes }, (_, i) => mix32(Math.imul(i + 1, 0x85ebca6b))),
  };
}

const FUNCTIONS = functionsFor(256);

/** The share of positions at which two signatures agree: an estimate of Jaccard similarity. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

interface Signed {
  readonly id: DocId;
  readonly signature: Uint32Array;
}

/** Collects documents one at a time and groups those whose texts are near copies. */
export interface DuplicateFinder {
  /** Adds a document; only its signature is kept, not its text. */
  add(id: DocId, text: string): void;
  /** Groups of two or more documents that are copies of each other (directly or through a chain). */
  groups(): DocId[][];
}

/**
 * Finds syndicated or copied articles with MinHash over word shingles and
 * locality-sensitive hashing: signatures are cut into bands, documents that
 * share a whole band become candidates, and candidates whose signatures
 * agree on at least `threshold` of positions are joined. With the defaults
 * (64 hashes, bands of 4) a pair at similarity 0.8 is found with probability
 * above 0.999 and one at 0.3 is a candidate 12 % of the time (then rejected).
 *
 * @example
 * const finder = createDuplicateFinder();
 * for (const doc of docs) finder.add(doc.id, doc.text);
 * finder.groups(); // [["a1…", "b2…"]]
 */
export function createDuplicateFinder(options: NearDuplicateOptions = {}): DuplicateFinder {
  const { shingle, hashes, rows, threshold } = { ...DEFAULTS, ...options };
  const bands = Math.floor(hashes / rows);
  const signatures = new Map<DocId, Uint32Array>();
  const buckets = new Map<string, Signed[]>();

  return {
    add(id, text) {
      if (signatures.has(id)) return;
      const shingles = shingleHashes(text, shingle);
      if (shingles.length === 0) return;
      const signature = minHash(shingles, hashes);
      signatures.set(id, signature);
      for (let band = 0; band < bands; band++) {
        const key = `${band}:${signature.subarray(band * rows, band * rows + rows).join(",")}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.push({ id, signature });
        else buckets.set(key, [{ id, signature }]);
      }
    },
    groups() {
      const union = createUnionFind<DocId>();
      for (const bucket of buckets.values()) {
        for (const [i, a] of bucket.entries()) {
          for (let j = i + 1; j < bucket.length; j++) {
            const b = bucket[j];
            // Copies already joined (through this band or another) need no comparison: the
            // hundreds of reprints of one story in a bucket cost one pass, not every pair.
            if (!b || union.find(a.id) === union.find(b.id)) continue;
            if (signatureSimilarity(a.signature, b.signature) >= threshold) union.join(a.id, b.id);
          }
        }
      }
      return union
        .groups()
        .filter((group) => group.length > 1)
        .map((group) => group.sort())
        .sort((x, y) => ((x[0] ?? "") < (y[0] ?? "") ? -1 : 1));
    },
  };
}

/** The groups of near-copies among documents given with their text. */
export function findNearDuplicates(
  documents: Iterable<{ readonly id: DocId; readonly text: string }>,
  options: NearDuplicateOptions = {},
): DocId[][] {
  const finder = createDuplicateFinder(options);
  for (const doc of documents) finder.add(doc.id, doc.text);
  return finder.groups();
}
