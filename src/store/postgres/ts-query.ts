import { searchTerms } from "../search-terms.ts";
import type { Params } from "./params.ts";

/** The text search configuration of migration 0001. */
export const TS_CONFIG = "'triangulate'";

/**
 * Turns what a user typed into a `tsquery` expression that cannot be a syntax
 * error, as `ftsQuery` does for FTS5: every word (see `searchTerms`) is
 * parsed as a phrase of its own tokens (so `AND`, `-`, `(`, `:` and quotes
 * are just text, and `title:Iran` is the phrase "title iran"), all of them
 * must match, and a trailing `*` makes the phrase's last word a prefix.
 *
 * @returns null when nothing searchable remains
 */
export function tsQuery(input: string, p: Params): string | null {
  const terms = searchTerms(input).map(({ text, prefix }) => {
    const phrase = `phraseto_tsquery(${TS_CONFIG}, ${p.add(text)})`;
    return prefix ? `triangulate_prefix(${phrase})` : phrase;
  });
  return terms.length > 0 ? terms.join(" && ") : null;
}
