/**
 * Converts PETRARCH-2's CAMEO verb dictionary (`CAMEO.2.0.txt`, Open Event
 * Data Alliance, MIT) into the pattern lines of our coder
 * (`data/cameo/patterns-verbs.txt` syntax), so that the field's verb
 * knowledge is data the coder matches, not code. `scripts/petrarch-verbs.ts`
 * writes the result to `data/cameo/petrarch-verbs.txt`.
 *
 * The dictionary is a series of verb blocks:
 *
 *     ---  DEPORT   [174]  ---          block name and the code of its verbs alone
 *     EXPEL {EXPELS EXPELLED }          a verb (its irregular forms in braces)
 *     +KICK_OUT                         a phrasal verb
 *     ACCUSE [112]                      a verb with a code of its own
 *     - * DIPLOMAT          [161]       a pattern for every verb of the block:
 *     - * (FROM OFFICE)     [160]       words before `*` precede the verb, words
 *     - $ * (INTO +)        [0862]      after it follow; `$` source, `+` target,
 *                                       `{A B}` a compound, `(P X)` a phrase with
 *                                       its preposition, `&SET` a synonym set
 *
 * and synonym sets (`&FOOD` followed by `+WORD` lines). A block's patterns
 * apply to all its verbs. PETRARCH matches them against a parse tree; we
 * match them in word order, which is what our syntax says: each part after
 * the verb may follow a gap (`*`), a compound's words are consecutive.
 * What our syntax cannot say is skipped and counted: words required before
 * the verb, the null code `---`, codes for the reverse direction only
 * (`[:110]`), and codes the CAMEO table lacks. So are the codes of verbs
 * alone (`[174]` for any "remove"): PETRARCH gives them only where its parse
 * tree finds a source and a target; in word order they fire on every use of
 * a common verb (measured on the seed articles: events precision 0.90 ->
 * 0.64, for +0.006 macro-F1 on the ConfliBERT sentences).
 */

export interface ConvertedVerbs {
  /** Pattern lines, one per pattern, in dictionary order. */
  readonly lines: readonly string[];
  /** Patterns left out, by reason. */
  readonly skipped: Readonly<Record<SkipReason, number>>;
}

export type SkipReason =
  | "verb-alone"
  | "words-before-verb"
  | "null-code"
  | "reverse-only"
  | "unknown-code"
  | "unsupported"
  | "duplicate";

/** The code as the CAMEO table has it (a code it lacks may be known by its first three digits), or null. */
export type CodeLookup = (code: string) => string | null;

interface Block {
  readonly code: string | null;
  /** Each verb's trigger alternative (`kick_out`) and its own code, if any. */
  readonly verbs: { readonly trigger: string; readonly code: string | null }[];
  readonly patterns: { readonly body: string; readonly code: string }[];
}

const BLOCK_HEADER = /^---\s+\S+\s+\[([^\]]*)\]/;
const VERB_LINE = /^(\+?)([A-Z][A-Z0-9_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/;
const PATTERN_LINE = /^-\s+(.*?)\s*\[([^\]]*)\]/;
/** A word our pattern syntax takes ("f/a-18" is not one). */
const WORD = /^[a-z0-9][a-z0-9_'.-]*$/;

/** A bracketed code: `174`, `---` (none), `042:043` (the first, ours), `:110` (reverse only). */
function readCode(text: string): { code: string | null; reverseOnly: boolean } {
  const [forward = "", reverse = ""] = text.trim().split(":");
  if (/^\d+$/.test(forward)) return { code: forward, reverseOnly: false };
  return { code: null, reverseOnly: /^\d+$/.test(reverse) };
}

function wordOf(token: string): string {
  return token.toLowerCase().replace(/_+$/, "");
}

/** Reads the synonym sets: `&NAME` then `+WORD` lines, ended by a blank line. */
function readSynsets(lines: readonly string[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith("&")) {
      current = [];
      sets.set(line.trim().replace(/_$/, ""), current);
    } else if (current && line.startsWith("+")) {
      const word = wordOf(line.slice(1).trim().split(/\s+/).join("_"));
      if (WORD.test(word)) current.push(word);
    } else if (!line.trim()) current = null;
  }
  return sets;
}

function readBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  for (const line of lines) {
    const header = BLOCK_HEADER.exec(line);
    if (header) {
      block = { code: readCode(header[1] ?? "").code, verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    const pattern = PATTERN_LINE.exec(line);
    if (pattern) {
      block.patterns.push({ body: pattern[1] ?? "", code: pattern[2] ?? "" });
      continue;
    }
    const verb = VERB_LINE.exec(line);
    if (verb) {
      const trigger = wordOf(verb[2] ?? "");
      const forms = (verb[3] ?? "")
        .slice(1, -1)
        .split(/\s+/)
        .map((form) => wordOf(form.replace(/^\+/, "")));
      const code = verb[4] ? readCode(verb[4].slice(1, -1)).code : null;
      for (const form of [trigger, ...forms]) if (WORD.test(form)) block.verbs.push({ trigger: form, code });
    }
  }
  return blocks;
}

/** Splits a pattern body into its top-level parts: words, `{...}`, `(...)`, `$`, `+`, `*`. */
function splitParts(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "(" || ch === "{") depth++;
    if (ch === ")" || ch === "}") depth--;
    if (depth < 0) return null;
    if (/\s/.test(ch) && depth === 0) {
      if (current) parts.push(current);
      current = "";
    } else current += ch;
  }
  if (depth !== 0) return null;
  if (current) parts.push(current);
  return parts;
}

/** A word or synset as one element of our syntax (alternatives joined by `|`), or null. */
function wordElement(token: string, synsets: ReadonlyMap<string, readonly string[]>): string | null {
  if (token.startsWith("&")) {
    const members = synsets.get(token.replace(/_$/, ""));
    return members && members.length > 0 ? [...new Set(members)].join("|") : null;
  }
  const alternatives = token.split("/").map(wordOf);
  return alternatives.every((w) => WORD.test(w)) ? alternatives.join("|") : null;
}

/** One part after the verb as elements of our syntax (each after a gap), or null when it has no equivalent. */
function partElements(part: string, synsets: ReadonlyMap<string, readonly string[]>): string[] | null {
  if (part === "$") return ["*", "@S"];
  if (part === "+") return ["*", "@T"];
  if (part.startsWith("{")) {
    const words = part.slice(1, -1).trim().split(/\s+/);
    const elements = words.map((w) => wordElement(w, synsets));
    return elements.every((e): e is string => e !== null) ? ["*", ...elements] : null;
  }
  if (part.startsWith("(")) {
    const inner = splitParts(part.slice(1, -1).trim());
    if (!inner || inner.length === 0) return null;
    const [preposition = "", ...rest] = inner;
    const head = wordElement(preposition, synsets);
    const tail = rest.map((p) => partElements(p, synsets));
    if (!head || tail.some((t) => t === null)) return null;
    return ["*", head, ...tail.flatMap((t) => t ?? [])];
  }
  const element = wordElement(part, synsets);
  return element ? ["*", element] : null;
}

/**
 * Our pattern elements after the verb for a PETRARCH pattern body, or a
 * reason it has none: words before the verb are not expressible.
 */
function patternElements(
  body: string,
  synsets: ReadonlyMap<string, readonly string[]>,
): string[] | "words-before-verb" | "unsupported" {
  const parts = splitParts(body);
  if (!parts) return "unsupported";
  const star = parts.indexOf("*");
  if (star < 0) return "unsupported";
  // Before the verb only the source may stand: it is the subject, which the coder finds anyway.
  if (parts.slice(0, star).some((p) => p !== "$")) return "words-before-verb";
  const elements: string[] = [];
  for (const part of parts.slice(star + 1)) {
    const converted = partElements(part, synsets);
    if (!converted) return "unsupported";
    elements.push(...converted);
  }
  // Our syntax has at most one @S and one @T, and a source after the verb only as "by @S".
  const slots = (slot: string): number => elements.filter((e) => e === slot).length;
  if (slots("@S") > 1 || slots("@T") > 1) return "unsupported";
  // A trailing gap matches nothing more.
  while (elements.at(-1) === "*") elements.pop();
  return elements;
}

/**
 * Converts the dictionary's text into pattern lines of our syntax.
 * `lookup` maps each code to one the CAMEO table has (or null to skip it).
 */
export function convertPetrarchVerbs(text: string, lookup: CodeLookup): ConvertedVerbs {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/#.*$/, "").replace(/\s+$/, ""));
  const synsets = readSynsets(lines);
  const skipped: Record<SkipReason, number> = {
    "verb-alone": 0,
    "words-before-verb": 0,
    "null-code": 0,
    "reverse-only": 0,
    "unknown-code": 0,
    unsupported: 0,
    duplicate: 0,
  };
  const out = new Map<string, string>();
  for (const block of readBlocks(lines)) {
    if (block.verbs.length === 0) continue;
    const triggers = [...new Set(block.verbs.map((v) => v.trigger))].join("|");
    skipped["verb-alone"] += block.verbs.filter((verb) => (verb.code ?? block.code) !== null).length;
    for (const pattern of block.patterns) {
      const { code, reverseOnly } = readCode(pattern.code);
      if (!code) {
        skipped[reverseOnly ? "reverse-only" : "null-code"]++;
        continue;
      }
      const known = lookup(code);
      if (!known) {
        skipped["unknown-code"]++;
        continue;
      }
      const elements = patternElements(pattern.body, synsets);
      if (typeof elements === "string") {
        skipped[elements]++;
        continue;
      }
      // The same words under two codes ("stage * strike" 140 and 143): the first, as PETRARCH reads them.
      const text = [triggers, ...elements].join(" ");
      if (out.has(text)) skipped.duplicate++;
      else out.set(text, `${known} ${text}`);
    }
  }
  return { lines: [...out.values()], skipped };
}
