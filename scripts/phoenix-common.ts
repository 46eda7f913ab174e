// What the scripts that convert PETRARCH-2's Phoenix dictionaries (and the
// GeoNames places) share: where the dictionaries are, the states the package
// knows and the forms of their names, the tagger's view of an English word,
// and how a converted data file is written (one record a line).
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readWorldCountries } from "../src/knowledge/actors.ts";
import { createWinkEngine } from "../src/nlp/wink-engine.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The dictionaries' folder: the first argument, else ../shared/dictionaries/petrarch2. */
export const DICTIONARIES = resolve(
  process.argv[2] ?? join(ROOT, "..", "shared", "dictionaries", "petrarch2"),
);

const states = new Set(
  (createRequire(import.meta.url)("world-countries") as { cca3: string }[]).map((c) => c.cca3),
);
export const isState = (prefix: string): boolean => states.has(prefix);

/**
 * Every state's names, official names, alternative spellings, capitals and
 * demonyms (with their plurals), lower-case: what a converted name may not be.
 */
export function stateNameForms(): Set<string> {
  return new Set(
    readWorldCountries().flatMap((c) =>
      [
        c.name.common,
        c.name.official,
        ...c.altSpellings,
        ...(c.capital ?? []),
        c.demonyms?.eng?.m ?? "",
        c.demonyms?.eng?.f ?? "",
      ]
        .flatMap((n) => n.split(/,\s*|\s+or\s+/))
        .flatMap((n) => [n, `${n}s`])
        .map((n) => n.toLowerCase()),
    ),
  );
}

const nlp = createWinkEngine();
/** The tagger's first token of a word, as it reads the word alone. */
export function tagged(word: string): { lemma: string; pos: string } | undefined {
  return nlp.analyse(word)[0]?.tokens[0];
}

/** Writes `data/actors/<file>` as `{ "$comment", key: [one record a line] }`. */
export function writeActorData(
  file: string,
  comment: string,
  key: string,
  records: readonly unknown[],
): void {
  const target = join(ROOT, "data", "actors", file);
  writeFileSync(
    target,
    `{\n  "$comment": ${JSON.stringify(comment)},\n  ${JSON.stringify(key)}: [\n${records.map((r) => `    ${JSON.stringify(r)}`).join(",\n")}\n  ]\n}\n`,
  );
  console.log(`wrote ${records.length} ${key} to ${target}`);
}

// The model's lexicon: a word it knows has an id below the first id it hands
// to a word it has never seen (wink numbers unknown words from there on).
const require = createRequire(import.meta.url);
const wink = (require("wink-nlp") as typeof import("wink-nlp").default)(
  require("wink-eng-lite-web-model") as typeof import("wink-eng-lite-web-model").default,
  ["pos"],
);
// eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its.*` accessors are free functions typed as methods
const uniqueId = wink.its.uniqueId;
const idOf = (word: string): number => Number(wink.readDoc(word).tokens().itemAt(0).out(uniqueId));
const FIRST_UNKNOWN = idOf("qzqxjvkz");
/** Is the word (lower-case) in the model's English lexicon, as other than a proper noun ("senate", "care", not "oxfam")? */
export function isEnglishWord(word: string): boolean {
  return idOf(word) < FIRST_UNKNOWN && tagged(word)?.pos !== "PROPN";
}
