import type { EventLexicon } from "./lexicon.ts";
import type { PatternMatch } from "./match.ts";
import { isHardBoundary, type SentenceView } from "./sentence-view.ts";

/** Tokens between a governor's `>` and its complement's trigger ("agreed to jointly develop"). */
export const COMPLEMENT_REACH = 3;
/** How deep governors may nest ("said it would agree to meet"). */
const MAX_NESTING = 4;

/**
 * The governors of a sentence (patterns ending in `>`: "agreed to", "accused
 * ... of") with the matches that complete them, and the code each match
 * takes once its complement is folded in ("agreed to meet" is 036).
 */
export interface Composition {
  /** The complement a governor took, if any. */
  complementOf(match: PatternMatch): PatternMatch | undefined;
  /** Is the match some governor's complement (coded with its governor, not alone)? */
  isComplement(match: PatternMatch): boolean;
  /** The match's code with its complement folded in (`assert` passes the complement's code through). */
  codeOf(match: PatternMatch): string;
}

/** Pairs each governor with the first match that starts within reach of its `>`, in the same clause. */
export function composeMatches(
  view: SentenceView,
  matches: readonly PatternMatch[],
  lexicon: EventLexicon,
): Composition {
  const complements = new Map<PatternMatch, PatternMatch>();
  const owned = new Set<PatternMatch>();
  for (const match of matches) {
    const at = match.complementAt;
    if (at === null) continue;
    const complement = matches.find((c) => {
      if (c === match || c.trigger < at || c.trigger > at + COMPLEMENT_REACH) return false;
      for (let k = at; k < c.trigger; k++) if (isHardBoundary(view, k) || view.words[k] === ",") return false;
      return true;
    });
    if (complement) {
      complements.set(match, complement);
      owned.add(complement);
    }
  }
  const codes = new Map<PatternMatch, string>();
  const codeOf = (match: PatternMatch, depth = 0): string => {
    const known = codes.get(match);
    if (known) return known;
    const complement = complements.get(match);
    const kind = match.pattern.compose;
    let code = match.pattern.code;
    if (complement && kind && depth < MAX_NESTING) {
      const inner = codeOf(complement, depth + 1);
      code = kind === "assert" ? inner : (lexicon.compose(kind, inner) ?? code);
    }
    codes.set(match, code);
    return code;
  };
  return {
    complementOf: (match) => complements.get(match),
    isComplement: (match) => owned.has(match),
    codeOf: (match) => codeOf(match),
  };
}
