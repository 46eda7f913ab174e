import type { HighlightSpan } from "./highlight.ts";

/** The words of a search, lower-cased, without quotes or operators' punctuation, two letters or more. */
export function searchTerms(q: string): string[] {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
  return [...new Set(words)];
}

/**
 * Where the words of a search occur in a text, as highlight spans of kind
 * `search`: each word matches at the start of a word of the text and runs to
 * its end, as the full-text index matches (`diplomat` marks `diplomats`).
 *
 * @example
 * searchSpans("Diplomats left.", "diplomat") // [{ start: 0, end: 9, id: "search-0", kind: "search" }]
 */
export function searchSpans(text: string, q: string): HighlightSpan[] {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
  return [...text.matchAll(pattern)].map((match, i) => ({
    start: match.index,
    end: match.index + match[0].length,
    id: `search-${i}`,
    kind: "search",
  }));
}
