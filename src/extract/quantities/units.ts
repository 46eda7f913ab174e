import type { Qualifier, Unit } from "../../core/records.ts";
import type { CalendarWords } from "../dates/calendar.ts";

/** Where a unit's surface form stands relative to its number. */
export type UnitPosition = "before" | "after" | "both";

/** One entry of `data/units.json`: surface forms of one canonical unit. */
export interface UnitSpec {
  readonly unit: Unit;
  readonly forms: readonly string[];
  readonly factor?: number | undefined;
  readonly position?: UnitPosition | undefined;
  /** Forms are currency codes written in capitals ("TRY"); matched case-sensitively. */
  readonly code?: boolean | undefined;
  /** The form may follow "a"/"an" as a quantity of one ("a decade"). */
  readonly article?: boolean | undefined;
}

export interface ScaleSpec {
  readonly factor: number;
  readonly forms: readonly string[];
  /** Only after a currency: "$5m" but never "5 m". */
  readonly currencyOnly?: boolean | undefined;
  /** A round estimate: "two dozen". */
  readonly approx?: boolean | undefined;
}

/** The validated contents of `data/units.json` and `data/quantity-words.json`. */
export interface UnitTableSpec {
  readonly units: readonly UnitSpec[];
  readonly scales: readonly ScaleSpec[];
  readonly numberWords: Readonly<Record<string, number>>;
  readonly qualifiersBefore: Readonly<Partial<Record<Qualifier, readonly string[]>>>;
  readonly qualifiersAfter: Readonly<Partial<Record<Qualifier, readonly string[]>>>;
  readonly countNouns: readonly string[];
  readonly nameWords: readonly string[];
  readonly anaphoricDeterminers: readonly string[];
  readonly windowWords: readonly string[];
  readonly notAfter: readonly string[];
  readonly backgroundWords: readonly string[];
  readonly attributionPhrases: readonly string[];
  readonly participantNouns: readonly string[];
  readonly participantMax: number;
  readonly notQualifierAfter: readonly string[];
  readonly clauseOpeners: readonly string[];
  readonly subjectClauseOpeners: readonly string[];
  readonly figureNouns: readonly string[];
  readonly estimatingVerbs: readonly string[];
}

/** A unit form as a sequence of words, looked up by its first word. */
export interface UnitForm {
  readonly words: readonly string[];
  readonly unit: Unit;
  readonly factor: number;
  readonly before: boolean;
  readonly after: boolean;
  readonly code: boolean;
  readonly article: boolean;
}

export interface Scale {
  readonly factor: number;
  readonly currencyOnly: boolean;
  readonly approx: boolean;
}

/** A phrase as a sequence of words with what it stands for. */
export interface Phrase<T> {
  readonly words: readonly string[];
  readonly value: T;
}

/**
 * Everything figure recognition knows about measure words, indexed for
 * token-by-token lookup: unit forms by their first word, scale words,
 * qualifier phrases by their last word (they are matched backwards from the
 * number), count nouns, and the calendar words date resolution uses.
 */
export interface UnitTable {
  /** Unit forms by first word (lower case; capitals for currency codes), longest first. */
  readonly forms: ReadonlyMap<string, readonly UnitForm[]>;
  readonly scales: ReadonlyMap<string, Scale>;
  readonly numberWords: ReadonlyMap<string, number>;
  /** Qualifier phrases before a number, by their last word, longest first. */
  readonly qualifiersBefore: ReadonlyMap<string, readonly Phrase<Qualifier>[]>;
  /** Qualifier phrases after a figure, by their first word, longest first. */
  readonly qualifiersAfter: ReadonlyMap<string, readonly Phrase<Qualifier>[]>;
  readonly countNouns: ReadonlySet<string>;
  readonly nameWords: ReadonlySet<string>;
  readonly anaphoricDeterminers: ReadonlySet<string>;
  readonly windowWords: ReadonlySet<string>;
  readonly notAfter: ReadonlySet<string>;
  /** Words opening a phrase whose states are background to a figure ("after the conflict in Ukraine"). */
  readonly backgroundWords: ReadonlySet<string>;
  /** Phrases naming a figure's source ("according to"), as word lists. */
  readonly attributionPhrases: readonly (readonly string[])[];
  /** Nouns naming the parties of the story ("two countries"): a small number word before them is no count. */
  readonly participantNouns: ReadonlySet<string>;
  readonly participantMax: number;
  /** Lemmas after which a one-word qualifier is a preposition ("complained over two raids"). */
  readonly notQualifierAfter: ReadonlySet<string>;
  /** Words that open a subordinate clause ("which", "when"): states named in it are asides to a figure outside it. */
  readonly clauseOpeners: ReadonlySet<string>;
  /** Words that open a clause only before its subject ("as the United States opened", not "as well as"). */
  readonly subjectClauseOpeners: ReadonlySet<string>;
  /** Nouns that name a figure, not what it measures ("a total of", "that figure"). */
  readonly figureNouns: ReadonlySet<string>;
  /** Lemmas of verbs that name their object's figure with "at" ("put the toll at 40"). */
  readonly estimatingVerbs: ReadonlySet<string>;
  readonly calendar: CalendarWords;
  /** Matches any sentence that may hold a figure: a digit, a number word or a word counted with "a" ("a decade"). */
  readonly gate: RegExp;
  /** Number of unit forms, for reports. */
  readonly size: number;
}

/** Splits a form into the words the tokenizer makes of it ("bcm/year" stays whole, "per cent" is two). */
export function formWords(form: string): string[] {
  return form.split(" ").filter(Boolean);
}

function pushIndexed<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list) list.push(item);
  else index.set(key, [item]);
}

function phraseIndex(
  groups: Readonly<Partial<Record<Qualifier, readonly string[]>>>,
  keyOf: (words: readonly string[]) => string,
): Map<string, Phrase<Qualifier>[]> {
  const index = new Map<string, Phrase<Qualifier>[]>();
  for (const [qualifier, phrases] of Object.entries(groups) as [Qualifier, readonly string[]][]) {
    for (const phrase of phrases) {
      const words = formWords(phrase.toLowerCase());
      if (words.length > 0) pushIndexed(index, keyOf(words), { words, value: qualifier });
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Builds the lookup table from the validated data files. */
export function createUnitTable(spec: UnitTableSpec, calendar: CalendarWords): UnitTable {
  const forms = new Map<string, UnitForm[]>();
  let size = 0;
  for (const entry of spec.units) {
    const position = entry.position ?? "after";
    for (const form of entry.forms) {
      const code = entry.code ?? false;
      const words = formWords(code ? form : form.toLowerCase());
      const first = words[0];
      if (first === undefined) continue;
      size++;
      pushIndexed(forms, first, {
        words,
        unit: entry.unit,
        factor: entry.factor ?? 1,
        before: position !== "after",
        after: position !== "before",
        code,
        article: entry.article ?? false,
      });
    }
  }
  for (const list of forms.values()) list.sort((a, b) => b.words.length - a.words.length);

  const scales = new Map<string, Scale>();
  for (const scale of spec.scales) {
    for (const form of scale.forms) {
      scales.set(form.toLowerCase(), {
        factor: scale.factor,
        currencyOnly: scale.currencyOnly ?? false,
        approx: scale.approx ?? false,
      });
    }
  }
  const lower = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
  const gateWords = [
    ...Object.keys(spec.numberWords),
    ...spec.scales.filter((s) => !s.currencyOnly).flatMap((s) => s.forms),
    ...spec.units.filter((u) => u.article).flatMap((u) => u.forms),
  ]
    .map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length);
  return {
    forms,
    scales,
    numberWords: new Map(Object.entries(spec.numberWords).map(([w, n]) => [w.toLowerCase(), n])),
    qualifiersBefore: phraseIndex(spec.qualifiersBefore, (words) => words[words.length - 1] ?? ""),
    qualifiersAfter: phraseIndex(spec.qualifiersAfter, (words) => words[0] ?? ""),
    countNouns: lower(spec.countNouns),
    nameWords: lower(spec.nameWords),
    anaphoricDeterminers: lower(spec.anaphoricDeterminers),
    windowWords: lower(spec.windowWords),
    notAfter: lower(spec.notAfter),
    backgroundWords: lower(spec.backgroundWords),
    attributionPhrases: spec.attributionPhrases.map((p) => formWords(p.toLowerCase())),
    participantNouns: lower(spec.participantNouns),
    participantMax: spec.participantMax,
    notQualifierAfter: lower(spec.notQualifierAfter),
    clauseOpeners: lower(spec.clauseOpeners),
    subjectClauseOpeners: lower(spec.subjectClauseOpeners),
    figureNouns: lower(spec.figureNouns),
    estimatingVerbs: lower(spec.estimatingVerbs),
    calendar,
    gate: new RegExp(`\\d|\\b(?:${gateWords.join("|")})\\b`, "i"),
    size,
  };
}
