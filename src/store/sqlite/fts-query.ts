/** Words beyond this many are ignored: a pasted paragraph should not become a huge query. */
const MAX_TERMS = 32;

/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error:
 * every word becomes a quoted string (so `AND`, `-`, `(`, `:` and quotes are
 * just text) and all of them must match; a trailing `*` keeps prefix search.
 * Words without a letter or digit would match nothing and are dropped.
 *
 * @example ftsQuery('iran "deal" emb*') // '"iran" """deal""" "emb"*'
 * @returns null when nothing searchable remains
 */
export function ftsQuery(input: string): string | null {
  const terms = input
    .split(/\s+/)
    .flatMap((word) => {
      const body = word.replace(/\*+$/, "");
      if (!/[\p{L}\p{N}]/u.test(body)) return [];
      return [`"${body.replaceAll('"', '""')}"${body.length < word.length ? "*" : ""}`];
    })
    .slice(0, MAX_TERMS);
  return terms.length > 0 ? terms.join(" ") : null;
}
