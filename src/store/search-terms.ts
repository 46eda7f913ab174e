/** Words beyond this many are ignored: a pasted paragraph should not become a huge query. */
const MAX_TERMS = 32;

/** One word of a search, as the user typed it: matched as it is, or as a prefix (`emb*`). */
export interface SearchTerm {
  readonly text: string;
  readonly prefix: boolean;
}

/**
 * The words of what a user typed into a search box, which each adapter turns
 * into its own query: every word must match, operators and quotes are just
 * text, a trailing `*` asks for a prefix. Words without a letter or digit
 * would match nothing and are dropped.
 *
 * @example searchTerms('iran "deal" emb*') // [{text: "iran"}, {text: '"deal"'}, {text: "emb", prefix: true}]
 */
export function searchTerms(input: string): readonly SearchTerm[] {
  return input
    .split(/\s+/)
    .flatMap((word) => {
      const text = word.replace(/\*+$/, "");
      if (!/[\p{L}\p{N}]/u.test(text)) return [];
      return [{ text, prefix: text.length < word.length }];
    })
    .slice(0, MAX_TERMS);
}
