import { searchTerms } from "../search-terms.ts";

/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error:
 * every word (see `searchTerms`) becomes a quoted string (so `AND`, `-`, `(`,
 * `:` and quotes are just text) and all of them must match; a trailing `*`
 * keeps prefix search.
 *
 * @example ftsQuery('iran "deal" emb*') // '"iran" """deal""" "emb"*'
 * @returns null when nothing searchable remains
 */
export function ftsQuery(input: string): string | null {
  const terms = searchTerms(input).map(
    ({ text, prefix }) => `"${text.replaceAll('"', '""')}"${prefix ? "*" : ""}`,
  );
  return terms.length > 0 ? terms.join(" ") : null;
}
