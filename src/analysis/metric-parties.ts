/**
 * The parties a metric label names: the states, people and bodies whose
 * quantity it is ("Israel's share of Azerbaijan's arms imports" names Israel
 * and Azerbaijan; "Iranian diplomats" names Iran). Two labels that each name
 * a party the other does not measure different quantities, however alike
 * their other words: "Iranian diplomats" and "Azerbaijani diplomats",
 * "share of Armenia's arms imports" and "share of Azerbaijan's arms imports".
 * A label that names fewer parties may still be the same quantity ("share of
 * Israel's oil" and "Azerbaijan's share of Israel's oil").
 */

// Capitalised words that date a figure rather than name whose it is: the
// period already compares them. Closed lists of the calendar, not domain
// knowledge, so they stay here rather than in data/.
const NOT_PARTIES = new Set(
  (
    "january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}]+)*/gu;

/**
 * The form a name is compared in: lower case, without a possessive or a
 * plural ending, and without the "-stan" that a state's name adds to its
 * people's ("Kazakhstan", "Kazakhstani" and "Kazakh" all give "kazakh").
 */
export function partyKey(word: string): string {
  let key = word.toLowerCase().replace(/['’]s?$/u, "");
  if (key.length > 4 && key.endsWith("s") && !/(?:ss|us)$/.test(key)) key = key.slice(0, -1);
  const stan = /i?stani?$/.exec(key);
  if (stan && stan.index >= 4) key = key.slice(0, stan.index);
  return key;
}

/**
 * Whether two party keys name one party: equal, or a state and its
 * demonym, which share a stem of at least four letters and differ only in
 * a short ending ("iran"/"iranian", "israel"/"israeli", "turkey"/"turkish",
 * "china"/"chinese"), while "iran" and "iraq" share only three letters.
 */
export function sameParty(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  const shorter = Math.min(a.length, b.length);
  while (common < shorter && a[common] === b[common]) common++;
  return common >= 4 && a.length - common <= 3 && b.length - common <= 3;
}

/**
 * The party keys of a metric label: its capitalised words (names keep their
 * capital there; extraction lower-cases a label's first word when it is a
 * common word), and a first word written in lower case that `names` holds
 * (a demonym opening a label, "iranian officials", where another label
 * writes it "Iranian"). Month and day names are left out.
 *
 * @example metricParties("Israel's share of Azerbaijan's arms imports") // ["israel", "azerbaijan"]
 */
export function metricParties(metric: string, names: ReadonlySet<string> = new Set()): string[] {
  const parties = new Set<string>();
  let position = 0;
  for (const [word] of metric.matchAll(WORD)) {
    const first = position++ === 0;
    if (/^\p{N}/u.test(word) || word.length < 2) continue;
    const bare = word.replace(/['’]s?$/u, "");
    const lower = bare.toLowerCase();
    if (NOT_PARTIES.has(lower)) continue;
    if (/^\p{Lu}/u.test(word) || (first && names.has(lower))) parties.add(partyKey(bare));
  }
  return [...parties];
}

/** Whether every party of `a` is one of `b`'s (plain loops: clustering asks this of many pairs). */
function within(a: readonly string[], b: readonly string[]): boolean {
  for (const party of a) {
    let found = false;
    for (const other of b) if ((found = sameParty(party, other))) break;
    if (!found) return false;
  }
  return true;
}

/**
 * Whether two labels can measure one quantity as far as their parties go:
 * the parties of one are all among those of the other.
 *
 * @example partiesCompatible(["iran"], ["azerbaijani"]) // false
 * @example partiesCompatible(["israel"], ["azerbaijan", "israeli"]) // true
 */
export function partiesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return within(a, b) || within(b, a);
}
