/**
 * Words of a metric label ("share of Israel's crude oil imports") reduced to
 * what distinguishes one measured quantity from another: `["oil", "import"]`.
 */

// English function words, plus the measure words that say what kind of
// figure it is ("share", "percent", "number", "amount of money", "length")
// rather than what is measured: the unit already says that, and extraction
// labels a figure with them alone when the sentence names nothing better,
// so a label made only of them says nothing to match on. Closed lists of grammar, not domain knowledge,
// so they stay here rather than in data/. Compared after stemming.
const IGNORED = stems(
  "a an the of in on at to for from by with and or as its their his her our this that these those " +
    "is are was were be been has have had it which who whom than per about almost nearly some over " +
    "under more less up around roughly approximately estimated total overall share percent percentage " +
    "cent proportion number amount value figure level rate sum worth two both country nation side " +
    "between each other year annual money length area weight capacity duration size quantity volume",
);

// Words of flow that many different quantities share ("oil imports", "arms
// imports"): they count a little towards a match, so "oil needs" and "oil
// supplied" still match while "oil imports" and "arms imports" do not.
const GENERIC = stems("import export need supply consumption purchase sale turnover");

// Words that outlets use for one measured thing ("69 % of its arms imports",
// "almost 70 % of its weapons"): each group meets under its first word.
const SYNONYMS: ReadonlyMap<string, string> = new Map(
  [
    "arms weapon weaponry armament",
    "oil crude petroleum",
    "border frontier",
    "troop soldier serviceman servicemen",
    "railway railroad",
  ].flatMap((group) => {
    const [first = "", ...others] = group.split(" ").map(stem);
    return others.map((other) => [other, first] as const);
  }),
);

function stems(list: string): ReadonlySet<string> {
  return new Set(list.split(" ").map(stem));
}

/** How much a stem counts in `metricSimilarity`: 1, or 0.25 for a generic word of flow. */
export function metricWeight(stemmed: string): number {
  return GENERIC.has(stemmed) ? 0.25 : 1;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * A light suffix-stripping stemmer: plurals, `-ing`, `-ed`, `-ies`/`-ied`,
 * and a final `-e`, so that "imports", "imported" and "importing" meet, and
 * so do "purchase", "purchased" and "purchasing". It never needs to produce
 * real words, only the same stem for the same word.
 */
export function stem(word: string): string {
  let s = word;
  if (s.length > 4 && (s.endsWith("ies") || s.endsWith("ied"))) s = `${s.slice(0, -3)}y`;
  else if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  else if (s.length > 4 && /(?:ss|sh|ch|x)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith("s") && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  return s.length > 3 && s.endsWith("e") ? s.slice(0, -1) : s;
}

function words(metric: string): string[] {
  return [...metric.matchAll(WORD)].map((match) => match[0].replace(/['’]s$/iu, ""));
}

/**
 * The lower-cased words that some label writes capitalised after its first
 * word: names of states, people and places ("Israel", "Azerbaijani"). Used
 * to drop them also where they open a label ("Azerbaijan's share of ...").
 */
export function properNouns(metrics: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const metric of metrics) {
    words(metric).forEach((word, position) => {
      if (position > 0 && /^\p{Lu}/u.test(word)) names.add(word.toLowerCase());
    });
  }
  return names;
}

/**
 * The distinguishing stems of a metric label. Names are dropped (capitalised
 * words after the first, and any word in `names`): `subjects` already
 * compares the states, and names would otherwise make every figure about
 * Israel look alike. Possessive endings, numbers and one-letter words go too.
 * Synonyms meet under one stem ("weapons" and "armaments" under "arm").
 *
 * @example metricStems("share of Israel's crude oil imports") // ["oil", "import"]
 */
export function metricStems(metric: string, names: ReadonlySet<string> = new Set()): string[] {
  const stems = new Set<string>();
  words(metric).forEach((word, position) => {
    if (position > 0 && /^\p{Lu}/u.test(word)) return;
    const lower = word.toLowerCase();
    if (lower.length < 2 || /^\p{N}+$/u.test(lower) || names.has(lower)) return;
    const own = stem(lower);
    if (IGNORED.has(own)) return;
    const stemmed = SYNONYMS.get(own) ?? own;
    stems.add(stemmed);
  });
  return [...stems];
}

/**
 * Weighted overlap of two stem sets: the weight they share over the weight
 * of the lighter set (so a short label inside a long one scores 1); 0 when
 * either set is empty.
 *
 * @example metricSimilarity(["oil", "need"], ["oil", "supply"]) // 0.8
 * @example metricSimilarity(["oil", "import"], ["arm", "import"]) // 0.2
 */
export function metricSimilarity(
  a: readonly string[],
  b: readonly string[],
  weight: (stem: string) => number = metricWeight,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inB = new Set(b);
  let shared = 0;
  let totalA = 0;
  for (const s of a) {
    const w = weight(s);
    totalA += w;
    if (inB.has(s)) shared += w;
  }
  let totalB = 0;
  for (const s of b) totalB += weight(s);
  const lighter = Math.min(totalA, totalB);
  return lighter > 0 ? shared / lighter : 0;
}
