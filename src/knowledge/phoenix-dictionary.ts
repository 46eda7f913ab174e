/**
 * The Phoenix actor dictionary format of PETRARCH-2 (Open Event Data
 * Alliance, MIT). An entry opens with its name (`BOKO_HARAM [NGAREB] # note`),
 * its aliases follow on `+` lines, and its codes stand on the name line or on
 * lines of their own, each with the dates it holds between
 * (`\t[AFGGOV 960927-010416]`, `[AFGGOV >011222]`, `[AFGELI <991012]`).
 * Underscores join words; `#` starts a comment.
 */

/** A code of an entry and the ISO dates it holds between (null: open). */
export interface PhoenixCode {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface PhoenixEntry {
  readonly name: string;
  readonly aliases: string[];
  readonly codes: PhoenixCode[];
}

/** Words kept lower-case in a name: they match any case in text ("Islamic State of Iraq", "al-Shabaab"). */
const PARTICLES = new Set([
  "of",
  "the",
  "and",
  "in",
  "for",
  "al",
  "el",
  "ul",
  "e",
  "i",
  "wa",
  "wal",
  "fi",
  "de",
  "del",
  "la",
  "le",
  "bin",
]);

/** A one-word alias of up to four letters is an acronym ("PLO", "ISIS", "AQAP"): written in capitals, it stands alone. */
export const ACRONYM = /^[A-Z]{2,4}$/;

/** "AL-SHABAAB" -> "al-Shabaab", "BOKO_HARAM_" -> "Boko Haram", "(LTTE)" kept as an acronym. */
export function displayName(raw: string): string {
  const words = raw
    .replace(/\([^)]*\)/g, " ")
    .split(/[_\s]+/)
    .filter(Boolean);
  // "THE_ISLAMIC_STATE" is named "Islamic State": an article before it is not part of the name.
  if (words[0]?.toLowerCase() === "the" && words.length > 1) words.shift();
  const only = words[0];
  if (words.length === 1 && only && ACRONYM.test(only)) return only;
  return words
    .map((word) =>
      word
        .split("-")
        .map((part) => {
          const lower = part.toLowerCase();
          if (PARTICLES.has(lower)) return lower;
          return lower.charAt(0).toUpperCase() + lower.slice(1);
        })
        .join("-"),
    )
    .join(" ");
}

/** Two-digit years up to this one are of this century: the dictionaries were made in 2014. */
const CENTURY_PIVOT = 20;

/** "960927" -> "1996-09-27", "20110909" -> "2011-09-09"; null for what is not a calendar date. */
export function phoenixDate(digits: string): string | null {
  let year: number;
  let rest: string;
  if (/^\d{6}$/.test(digits)) {
    const yy = Number(digits.slice(0, 2));
    year = yy <= CENTURY_PIVOT ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else if (/^\d{8}$/.test(digits)) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else {
    return null;
  }
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** `[AFGGOV 960927-010416]`, `[AFGGOV >011222]`, `[AFGELI <991012]`, `[AFGELI]`. */
const CODE = /\[([A-Z]{3}[A-Z]*)(?:\s+(?:(\d+)-(\d+)|>(\d+)|<(\d+)))?[^\]]*\]/g;

function codesIn(body: string): PhoenixCode[] {
  const codes: PhoenixCode[] = [];
  for (const found of body.matchAll(CODE)) {
    const [, code = "", from, to, after, before] = found;
    const start = from ?? after;
    const end = to ?? before;
    codes.push({
      code,
      from: start ? phoenixDate(start) : null,
      to: end ? phoenixDate(end) : null,
    });
  }
  return codes;
}

export function parsePhoenixEntries(text: string): PhoenixEntry[] {
  const entries: PhoenixEntry[] = [];
  let current: PhoenixEntry | null = null;
  for (const line of text.split(/\r?\n/)) {
    const body = line.replace(/#.*$/, "");
    if (!body.trim()) continue;
    const codes = codesIn(body);
    const words = body.replace(/\[[^\]]*\]/g, "").trim();
    if (/^\s/.test(body) && !words) {
      current?.codes.push(...codes);
      continue;
    }
    if (words.startsWith("+")) {
      if (current)
        for (const alias of words.split("+").filter((a) => a.trim())) current.aliases.push(alias.trim());
      continue;
    }
    if (/^[A-Z0-9]/.test(words)) {
      current = { name: words, aliases: [], codes };
      entries.push(current);
    }
  }
  return entries;
}
