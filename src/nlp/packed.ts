import type { Sentence, Token } from "../core/ports.ts";

/**
 * The sentences of a text in a form that crosses threads cheaply: a few typed
 * arrays (moved, not copied) and a list of the lemmas that are not simply the
 * token in lower case. Token and sentence texts are not carried: they are
 * slices of the text at their offsets, which the receiver has.
 */
export interface PackedSentences {
  /** Start and end offset of each token, in pairs. */
  readonly offsets: Int32Array<ArrayBuffer>;
  /** Tokens of each sentence. */
  readonly sizes: Int32Array<ArrayBuffer>;
  /** Each token's POS tag, as an index into `tagNames`. */
  readonly tags: Uint8Array<ArrayBuffer>;
  readonly tagNames: readonly string[];
  /** Each token's lemma, or "" when it is the token's text in lower case. */
  readonly lemmas: readonly string[];
}

/** Packs sentences whose tokens and sentences are the slices of `text` at their offsets. */
export function packSentences(sentences: readonly Sentence[]): PackedSentences {
  const count = sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0);
  const offsets = new Int32Array(count * 2);
  const sizes = new Int32Array(sentences.length);
  const tags = new Uint8Array(count);
  const tagIndex = new Map<string, number>();
  const lemmas: string[] = [];
  let t = 0;
  sentences.forEach((sentence, s) => {
    sizes[s] = sentence.tokens.length;
    for (const token of sentence.tokens) {
      offsets[2 * t] = token.start;
      offsets[2 * t + 1] = token.end;
      let tag = tagIndex.get(token.pos);
      if (tag === undefined) {
        tag = tagIndex.size;
        // One byte a tag: wink's tag set has 17.
        if (tag > 255) throw new Error(`more than 256 POS tags: ${token.pos}`);
        tagIndex.set(token.pos, tag);
      }
      tags[t] = tag;
      lemmas.push(token.lemma === token.text.toLowerCase() ? "" : token.lemma);
      t++;
    }
  });
  return { offsets, sizes, tags, tagNames: [...tagIndex.keys()], lemmas };
}

/** The sentences `packSentences` packed, rebuilt against the same `text`. */
export function unpackSentences(text: string, packed: PackedSentences): Sentence[] {
  const { offsets, sizes, tags, tagNames, lemmas } = packed;
  const sentences: Sentence[] = [];
  let t = 0;
  for (const size of sizes) {
    const tokens: Token[] = [];
    for (let k = 0; k < size; k++, t++) {
      const start = offsets[2 * t] ?? 0;
      const end = offsets[2 * t + 1] ?? 0;
      const token = text.slice(start, end);
      tokens.push({
        text: token,
        start,
        end,
        pos: tagNames[tags[t] ?? 0] ?? "X",
        lemma: lemmas[t] || token.toLowerCase(),
      });
    }
    const head = tokens[0];
    const tail = tokens[tokens.length - 1];
    if (!head || !tail) continue;
    sentences.push({ start: head.start, end: tail.end, text: text.slice(head.start, tail.end), tokens });
  }
  return sentences;
}
