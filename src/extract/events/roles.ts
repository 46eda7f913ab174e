import type { ActorGroup, SentenceView } from "./sentence-view.ts";
import { isGerundOfGuilt, isHardBoundary, isTightDash, isVerb, tokenIn } from "./sentence-view.ts";

/**
 * Who acts and who is acted upon, read from word order (the tagger gives no
 * parse): the subject is the noun phrase before a verb's auxiliaries, the
 * object the first actor after it, the agent of a passive the actor after "by".
 */

export interface Subject {
  readonly groups: readonly ActorGroup[];
  /** "Sa'ar was received by ...": the subject is the patient. */
  readonly passive: boolean;
}

const NONE: Subject = { groups: [], passive: false };
/** How far a coordinated verb may look back for the subject it shares. */
const MAX_DEPTH = 4;
/** Tokens after a trigger within which its object is sought. */
const OBJECT_WINDOW = 14;

const NOUN_PHRASE_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET", "PRON", "PART"]);
const MODIFIER_POS = new Set(["DET", "ADJ", "NUM", "PRON", "PART", "ADV"]);
const GROUP_JOINERS = new Set([
  "and",
  "&",
  ",",
  "as",
  "well",
  "both",
  "the",
  "'s",
  "’s",
  "plus",
  "/",
  "along",
  "with",
  // "forces of Iran and of Azerbaijan"
  "of",
  "his",
  "her",
  "its",
  "their",
]);

function groupOf(view: SentenceView, i: number): ActorGroup | null {
  const index = view.groupAt[i] ?? -1;
  return index >= 0 ? (view.groups[index] ?? null) : null;
}

/** Auxiliaries, adverbs and negation between a subject and its verb. */
function inVerbGroup(view: SentenceView, k: number): boolean {
  const pos = view.pos[k];
  const word = view.words[k] ?? "";
  if (word === "to" || word === "'s" || word === "’s") return false;
  if (pos === "AUX" || pos === "ADV") return groupOf(view, k) === null;
  return pos === "PART" || view.cues.negation.has(word);
}

function isPastParticiple(view: SentenceView, i: number): boolean {
  const token = view.tokens[i];
  if (!token || view.pos[i] !== "VERB" || view.cues.notPassive.has(view.lemmas[i] ?? "")) return false;
  const word = view.words[i] ?? "";
  if (view.cues.sameFormParticiples.has(word)) return true;
  return word !== token.lemma && !word.endsWith("ing") && !word.endsWith("s");
}

/**
 * How group `g` is joined to its neighbour on the given side: "and" (or a
 * tight dash, "as well as", ...), a bare comma, or not at all.
 */
function joint(
  view: SentenceView,
  g: ActorGroup,
  side: -1 | 1,
): { other: ActorGroup; comma: boolean } | null {
  const other = view.groups[g.index + side];
  if (!other) return null;
  const from = side < 0 ? other.last + 1 : g.last + 1;
  const to = side < 0 ? g.first - 1 : other.first - 1;
  if (to < from) return null;
  let joined = false;
  let comma = true;
  for (let k = from; k <= to; k++) {
    const word = view.words[k] ?? "";
    if (isTightDash(view, k) || view.cues.compound.has(word)) {
      joined = true;
      if (word !== ",") comma = false;
    } else if (!GROUP_JOINERS.has(word)) return null;
  }
  return joined ? { other, comma } : null;
}

/**
 * A group with the groups compounded with it ("Hungarian and Romanian",
 * "Armenia-Azerbaijan", "Kazakhstan, Uzbekistan and others"). Groups joined
 * by commas alone are a list only when an "and" closes it, before another
 * group or before others it does not name.
 */
export function compound(view: SentenceView, g: ActorGroup): ActorGroup[] {
  const out = [g];
  let conjunction = false;
  for (const side of [-1, 1] as const) {
    let current = g;
    for (let next = joint(view, current, side); next; next = joint(view, current, side)) {
      if (!next.comma) conjunction = true;
      if (side < 0) out.unshift(next.other);
      else out.push(next.other);
      current = next.other;
    }
  }
  const last = out[out.length - 1];
  if (out.length > 1 && last && closedByOthers(view, last)) conjunction = true;
  return conjunction ? out : [g];
}

/** "..., Uzbekistan and others", "..., Uzbekistan and other countries": a list's end, its other members unnamed. */
function closedByOthers(view: SentenceView, g: ActorGroup): boolean {
  return view.words[g.last + 1] === "and" && view.cues.unnamedOthers.has(view.words[g.last + 2] ?? "");
}

/** True when group `g` sits in a prepositional phrase that starts at or after `from`. */
function inPrepositionalPhrase(view: SentenceView, g: ActorGroup, from: number): boolean {
  for (let k = g.first - 1; k >= from; k--) {
    const pos = view.pos[k] ?? "";
    if (pos === "ADP") return true;
    if (!MODIFIER_POS.has(pos) && !isTightDash(view, k)) return false;
  }
  return false;
}

/** The head actor(s) of the noun phrase ending at token `end`. */
function nounPhraseActors(view: SentenceView, end: number): ActorGroup[] {
  let start = end;
  for (let k = end; k >= 0; k--) {
    const word = view.words[k] ?? "";
    if (word === ")") {
      // An acronym in brackets: "the Asia-Pacific Economic Cooperation (APEC) forum".
      const open = view.words.lastIndexOf("(", k);
      if (open >= 0 && k - open <= 4) {
        k = open;
        start = open;
        continue;
      }
    }
    const participle =
      view.pos[k] === "VERB" &&
      /(?:ing|ed)$/.test(word) &&
      // "officials meeting", "Iranian-backed", "the divided island", "the army and allied forces"
      (view.pos[k - 1] === "NOUN" ||
        isTightDash(view, k - 1) ||
        view.pos[k - 1] === "DET" ||
        (view.pos[k - 1] === "CCONJ" && view.pos[k + 1] === "NOUN"));
    const ok =
      groupOf(view, k) !== null ||
      NOUN_PHRASE_POS.has(view.pos[k] ?? "") ||
      participle ||
      word === "including" ||
      word === "along" ||
      word === "together" ||
      (word === "with" && (view.words[k - 1] === "along" || view.words[k - 1] === "together")) ||
      isTightDash(view, k) ||
      // The apostrophe of a plural possessive: "the miners' union".
      ((word === "'" || word === "’") && (view.words[k - 1] ?? "").endsWith("s")) ||
      (view.cues.nounPhrasePrepositions.has(word) && view.pos[k + 1] !== "VERB") ||
      // "a delegation led by the foreign minister": the agent stays in the phrase.
      (word === "by" && view.pos[k - 1] === "VERB" && /(?:ed|en)$/.test(view.words[k - 1] ?? "")) ||
      word === "and" ||
      word === "&" ||
      (word === "," && groupOf(view, k - 1) !== null && groupOf(view, k + 1) !== null);
    if (!ok || view.cues.subordinators.has(word) || view.cues.relatives.has(word)) break;
    start = k;
  }
  const groups = view.groups.filter((g) => g.first >= start && g.last <= end);
  if (groups.length === 0) return [];
  const heads = groups.filter((g) => !inPrepositionalPhrase(view, g, start));
  const head = heads[heads.length - 1] ?? groups[0];
  return head ? compound(view, head) : [];
}

/** The first actor phrase of the sentence that is nobody's object: what "it" and "they" most often mean. */
function firstSubject(view: SentenceView, before: number): ActorGroup[] {
  for (const g of view.groups) {
    if (g.first >= before) break;
    if (!inPrepositionalPhrase(view, g, 0)) return compound(view, g);
  }
  return [];
}

const TEMPORAL_PREPOSITIONS = new Set([
  "on",
  "in",
  "last",
  "this",
  "next",
  "late",
  "early",
  "during",
  "since",
  "at",
]);

/**
 * Is token `j` part of a time expression between a subject and its verb
 * ("Iran on Tuesday threatened", "Turkey in 2018 severed")? `afterTemporal`
 * says the token to its right was one.
 */
function isTemporal(view: SentenceView, j: number, afterTemporal: boolean): boolean {
  const word = view.words[j] ?? "";
  const pos = view.pos[j] ?? "";
  if (groupOf(view, j)) return false;
  if (TEMPORAL_PREPOSITIONS.has(word)) return afterTemporal;
  if (pos === "NUM") return true;
  return view.cues.temporal.has(word) && pos !== "AUX" && pos !== "VERB";
}

/** The nearest verb before token `before` in its clause, or -1. */
export function previousVerb(view: SentenceView, before: number): number {
  for (let k = before - 1; k >= 0; k--) {
    if (isHardBoundary(view, k)) return -1;
    if (view.pos[k] === "VERB" || (view.pos[k] === "AUX" && !inVerbGroup(view, k + 1))) return k;
  }
  return -1;
}

/**
 * The subject of the verb (or predicative adjective) at token `i`: walks left
 * over its auxiliaries and over subject-control governors ("Baku was ready to
 * mediate"), then reads the noun phrase there; a relative pronoun gives its
 * antecedent, a coordinated verb ("..., denying") the subject of the verb
 * before, a subject pronoun the sentence's first subject.
 */
export function subjectOf(view: SentenceView, i: number, depth = 0): Subject {
  if (depth > MAX_DEPTH) return NONE;
  let j = i - 1;
  // "a ceasefire mediated by Russia": a participle after a noun, with its agent; not after a date
  // ("Peru on Monday lifted by decree ..."), nor with a measure after "by" ("cut by 40 percent").
  let passive =
    view.words[i + 1] === "by" &&
    isPastParticiple(view, i) &&
    (view.pos[i - 1] === "NOUN" || view.pos[i - 1] === "PROPN") &&
    !view.cues.temporal.has(view.words[i - 1] ?? "") &&
    view.pos[i + 2] !== "NUM";
  let nearestAux = true;
  let temporal = false;
  while (j >= 0) {
    if (isTemporal(view, j, temporal)) {
      temporal = true;
      j--;
      continue;
    }
    temporal = false;
    if (inVerbGroup(view, j)) {
      if (nearestAux && view.pos[j] === "AUX") {
        nearestAux = false;
        const lemma = view.lemmas[j];
        passive = (lemma === "be" || lemma === "get") && isPastParticiple(view, i);
      }
      j--;
      continue;
    }
    if (
      (view.words[i] ?? "").endsWith("ing") &&
      view.pos[j] === "VERB" &&
      tokenIn(view, j, view.cues.aspectual)
    ) {
      // "Kenya has begun withdrawing": the onset's subject does the act.
      j--;
      nearestAux = false;
      continue;
    }
    if (j === i - 1 && isGerundOfGuilt(view, i)) {
      // "Chad was guilty of violating": the act is the guilty one's.
      j -= 2;
      continue;
    }
    if (view.words[j] === "to") {
      let k = j - 1;
      while (k >= 0 && view.pos[k] === "ADV") k--;
      const pos = view.pos[k] ?? "";
      if (pos === "VERB" || pos === "AUX" || pos === "ADJ") {
        // Subject control: "Iran agreed to ...", "Baku was ready to ...".
        j = k - 1;
        nearestAux = false;
        continue;
      }
      const word = view.words[k] ?? "";
      const before = view.words[k - 1] ?? "";
      if (
        view.cues.expectNouns.has(word) &&
        view.pos[k - 1] !== "DET" &&
        view.pos[k - 1] !== "PRON" &&
        before !== "'s" &&
        before !== "’s"
      ) {
        // "Greece, like most members, plans to impose": a verb the tagger took for a noun.
        j = k - 1;
        nearestAux = false;
        continue;
      }
      // An actor after "in" or "at" is where the main verb's act happens ("rallied in Lima to protest"), no object.
      const object = groupOf(view, k);
      if ((object && !isPlace(view, object)) || view.pos[k] === "PRON" || view.cues.expectNouns.has(word)) {
        // Object control ("urged Iran to") or a noun of intent ("Israel's plans to").
        j = k;
        break;
      }
      // A purpose clause ("... in Azerbaijan in September to meet Aliyev"): the main verb's subject.
      const verb = previousVerb(view, k + 1);
      return verb >= 0 ? { ...subjectOf(view, verb, depth + 1), passive: false } : NONE;
    }
    break;
  }
  if (j < 0) return NONE;
  const word = view.words[j] ?? "";
  if (view.cues.relatives.has(word)) {
    let k = j - 1;
    if (view.words[k] === ",") k--;
    return k >= 0 ? { groups: nounPhraseActors(view, k), passive } : NONE;
  }
  if (word === "and" || word === "or" || word === "but" || word === ",") {
    const verb = coordinatedVerb(view, j);
    if (verb >= 0) {
      const shared = subjectOf(view, verb, depth + 1);
      // "was shot and wounded": the second participle shares the passive.
      if (shared.groups.length)
        return { groups: shared.groups, passive: passive || (shared.passive && isPastParticiple(view, i)) };
    }
    if (word !== ",") return NONE;
    const before = nounPhraseActors(view, j - 1);
    if (before.length) return { groups: before, passive };
    // An aside between subject and verb: "Azerbaijan, for its part, issued", "the government,
    // through the National Water Council (CNA), condemned" (an acronym in brackets stays in it).
    for (let c = j - 1; c >= Math.max(0, j - 12); c--) {
      if (view.words[c] === ")") {
        const open = view.words.lastIndexOf("(", c);
        if (open >= 0 && c - open <= 4) {
          c = open;
          continue;
        }
      }
      if (isHardBoundary(view, c)) break;
      if (view.words[c] === ",") return { groups: nounPhraseActors(view, c - 1), passive };
    }
    return NONE;
  }
  if (view.pos[j] === "ADP" && (view.words[i] ?? "").endsWith("ing")) {
    // "... by retaking the enclave": the gerund's subject is the main verb's.
    const verb = previousVerb(view, j);
    return verb >= 0 ? { groups: subjectOf(view, verb, depth + 1).groups, passive: false } : NONE;
  }
  if (view.cues.subjectPronouns.has(word)) return { groups: firstSubject(view, j), passive };
  if (word === ")") return { groups: nounPhraseActors(view, j), passive };
  if (isHardBoundary(view, j) || isVerb(view, j) || view.cues.subordinators.has(word)) return NONE;
  const groups = nounPhraseActors(view, j);
  if (groups.length === 0 && view.cues.speechNouns.has(word)) {
    // "... issued a declaration demanding that ...": the issuer's act.
    const verb = previousVerb(view, j);
    if (verb >= 0) return { groups: subjectOf(view, verb, depth + 1).groups, passive: false };
  }
  // "Chad said its troops had withdrawn": the possessor is who "it" would be.
  const possessive = groups.length === 0 ? possessivePronounBefore(view, j) : -1;
  if (possessive >= 0) return { groups: firstSubject(view, possessive), passive };
  return { groups, passive };
}

/** Possessive pronouns whose noun ("its troops", "their forces") is the possessor's. */
const POSSESSIVE_PRONOUNS = new Set(["its", "their"]);

/**
 * The possessive pronoun opening the bare noun phrase that ends at token
 * `end`, or -1; only where the phrase opens a clause ("said its troops"), not
 * as another verb's object ("helping their army win").
 */
function possessivePronounBefore(view: SentenceView, end: number): number {
  let k = end;
  while (k >= 0 && (view.pos[k] === "NOUN" || view.pos[k] === "ADJ") && groupOf(view, k) === null) k--;
  if (k === end || !POSSESSIVE_PRONOUNS.has(view.words[k] ?? "")) return -1;
  const objectOf =
    view.pos[k - 1] === "ADP" || (isVerb(view, k - 1) && !tokenIn(view, k - 1, view.cues.speech));
  return objectOf ? -1 : k;
}

/**
 * The verb a verb after the coordinator at `j` is coordinated with: the
 * nearest before it, but after ", and" not one of a clause that describes a
 * noun ("boarded the ship, a vessel leading a flotilla that was trying to
 * break the blockade, and killed ...": "killed" shares the subject of
 * "boarded").
 */
function coordinatedVerb(view: SentenceView, j: number): number {
  const nearest = previousVerb(view, j);
  if (view.words[j - 1] !== "," || !(view.words[j] === "and" || view.words[j] === "but")) return nearest;
  let verb = nearest;
  while (verb >= 0 && describesNoun(view, verb)) verb = previousVerb(view, verb);
  return verb >= 0 ? verb : nearest;
}

/** Is the verb at `v` in a clause describing a noun: a participle after it, or after a relative pronoun? */
function describesNoun(view: SentenceView, v: number): boolean {
  let k = v - 1;
  // Back over the verb's group and any verbs it complements ("was trying to break").
  while (k >= 0 && (inVerbGroup(view, k) || view.words[k] === "to" || isVerb(view, k))) k--;
  const word = view.words[k] ?? "";
  if (view.cues.relatives.has(word)) return true;
  const first = view.words[k + 1] ?? "";
  return first.endsWith("ing") && view.pos[k] === "NOUN" && (view.groupAt[k] ?? -1) < 0;
}

/**
 * The last token of the clause that starts at `from`: before a hard boundary,
 * a subordinator or relative pronoun, ", and" / ", but", or "and" + a new verb.
 */
export function clauseEnd(view: SentenceView, from: number): number {
  const last = Math.min(view.tokens.length - 1, from + OBJECT_WINDOW);
  const subordinate = opensWithSubordinator(view, from);
  for (let k = from; k <= last; k++) {
    const word = view.words[k] ?? "";
    if (word === "(") {
      // A short aside in brackets ("Facilities (UCF) in central Iran") does not end the clause.
      const close = view.words.indexOf(")", k);
      if (close > k && close - k <= 5) {
        k = close;
        continue;
      }
    }
    if (isHardBoundary(view, k)) return k - 1;
    // A subordinate clause ends at its comma: "after Iran conducted exercises on the border, Azerbaijan's army ...".
    if (subordinate && word === ",") return k - 1;
    // A purpose infinitive has objects of its own: "collaborated to thwart Iranian plans".
    if (word === "to" && view.pos[k + 1] === "VERB" && k > from) return k - 1;
    if (view.cues.subordinators.has(word) || view.cues.relatives.has(word)) return k - 1;
    const next = view.words[k + 1] ?? "";
    if (word === ",") {
      if (
        attributionFollows(view, k) ||
        next === "and" ||
        next === "but" ||
        view.cues.subordinators.has(next) ||
        view.cues.relatives.has(next) ||
        isVerb(view, k + 1)
      ) {
        return k - 1;
      }
    }
    if ((word === "and" || word === "but") && isVerb(view, k + 1) && groupOf(view, k + 1) === null) {
      return k - 1;
    }
  }
  return last;
}

/** Does an attribution (", a spokesman said", ", according to ...") follow the comma at `k`? */
function attributionFollows(view: SentenceView, k: number): boolean {
  if (view.words[k + 1] === "according") return true;
  for (let m = k + 1; m < view.tokens.length && m <= k + 12; m++) {
    if (isHardBoundary(view, m) || view.words[m] === ",") return false;
    if (view.pos[m] === "VERB") return tokenIn(view, m, view.cues.speech);
  }
  return false;
}

/** True when the clause holding token `from` opens with a subordinator ("after", "while", ...). */
function opensWithSubordinator(view: SentenceView, from: number): boolean {
  for (let k = from - 1; k >= 0; k--) {
    const word = view.words[k] ?? "";
    if (isHardBoundary(view, k) || word === ",") return false;
    if (view.cues.subordinators.has(word)) return true;
  }
  return false;
}

/** The first actor phrase in `[from, to]` (with those compounded with it), skipping `exclude`. */
export function objectIn(
  view: SentenceView,
  from: number,
  to: number,
  exclude: ReadonlySet<ActorGroup>,
  skipPlaces = false,
): ActorGroup[] {
  for (const g of view.groups) {
    if (g.first < from || exclude.has(g)) continue;
    if (g.first > to) break;
    if (skipPlaces && isPlace(view, g)) continue;
    // "accepted a ceasefire mediated by Russia": the go-between is not acted upon.
    if (isGoBetween(view, g)) continue;
    return compound(view, g).filter((c) => !exclude.has(c));
  }
  return [];
}

/** Participles of a go-between: "a truce brokered by Qatar" is not Qatar's to accept. */
const GO_BETWEEN = new Set([
  "mediated",
  "brokered",
  "facilitated",
  "hosted",
  "chaired",
  "sponsored",
  "arranged",
]);

/**
 * Is the group the go-between of the object ("accepted a ceasefire mediated by
 * Russia")? Other agents are the object's authors and the act's party:
 * "vetoed the resolution drafted by France", "rejected calls by Belarus".
 */
function isGoBetween(view: SentenceView, g: ActorGroup): boolean {
  let k = g.first - 1;
  while (k >= 0 && (view.pos[k] === "DET" || view.pos[k] === "ADJ")) k--;
  return view.words[k] === "by" && GO_BETWEEN.has(view.words[k - 1] ?? "");
}

/** Is the group where something happens ("in Ashgabat", "at the UN")? */
function isPlace(view: SentenceView, g: ActorGroup): boolean {
  let k = g.first - 1;
  while (k >= 0 && (view.pos[k] === "DET" || view.pos[k] === "ADJ")) k--;
  return view.words[k] === "in" || view.words[k] === "at";
}

/** The actor after "by" in `[from, to]`: the agent of a passive or of an event noun. */
export function agentIn(view: SentenceView, from: number, to: number): ActorGroup[] {
  for (let k = from; k <= to; k++) {
    if (view.words[k] !== "by") continue;
    for (let m = k + 1; m <= Math.min(to, k + 5); m++) {
      const g = groupOf(view, m);
      if (g) return compound(view, g);
      if (!MODIFIER_POS.has(view.pos[m] ?? "") && !/^\p{Lu}/u.test(view.tokens[m]?.text ?? "")) break;
    }
  }
  return [];
}

/**
 * The actor after "in" (or `preposition`) in `[from, to]`: where a passive
 * act took place ("was arrested in Lebanon", "were expelled from Iran").
 */
export function placeIn(view: SentenceView, from: number, to: number, preposition = "in"): ActorGroup[] {
  for (let k = from; k <= to; k++) {
    if (view.words[k] !== preposition) continue;
    const g = groupOf(view, k + 1) ?? groupOf(view, k + 2);
    if (g) return [g];
  }
  return [];
}

/** Actors inside the noun phrase before an event noun: "Israel's visit", "Armenia-Azerbaijan clashes". */
export function prenominalActors(view: SentenceView, i: number): ActorGroup[] {
  let nearest: ActorGroup | null = null;
  for (let k = i - 1; k >= 0; k--) {
    const g = groupOf(view, k);
    if (g) {
      nearest ??= g;
      continue;
    }
    const pos = view.pos[k] ?? "";
    if (pos === "ADJ" || pos === "NOUN" || pos === "PROPN" || pos === "NUM" || isTightDash(view, k)) continue;
    if (view.words[k] === "'s" || view.words[k] === "’s") continue;
    break;
  }
  return nearest ? compound(view, nearest) : [];
}

/**
 * Is the "to" at `k` the start of a purpose clause ("sent experts to Bosnia on
 * Monday to investigate"), not of a complement ("agreed to", "ready to") nor
 * of an object's infinitive ("urged Iran to")?
 */
function isPurpose(view: SentenceView, k: number): boolean {
  if (view.words[k] !== "to" || k < 1) return false;
  const before = view.pos[k - 1] ?? "";
  const word = view.words[k - 1] ?? "";
  return (
    !["VERB", "AUX", "ADJ", "PRON", "ADV"].includes(before) &&
    groupOf(view, k - 1) === null &&
    !view.cues.expectNouns.has(word) &&
    !view.cues.speechNouns.has(word)
  );
}

/**
 * The object of the verb a coordinated verb at `i` shares its subject with,
 * or of the verb whose purpose it states ("sent experts to Bosnia to investigate"):
 * "Turkey withdrew its ambassador from Israel and demanded an apology" gives
 * Israel to "demanded". Empty when `i` is not so coordinated.
 */
export function sharedObject(
  view: SentenceView,
  i: number,
  exclude: ReadonlySet<ActorGroup>,
  skipPlaces: boolean,
): ActorGroup[] {
  let k = i - 1;
  while (k >= 0 && inVerbGroup(view, k)) k--;
  if (view.words[k] !== "and" && !isPurpose(view, k)) return [];
  let verb = previousVerb(view, k);
  // Past an infinitive of the first verb ("called on X to cut ties with Y, and demanded"): the first verb's object.
  while (verb > 0 && view.words[verb - 1] === "to") verb = previousVerb(view, verb - 1);
  return verb >= 0 ? objectIn(view, verb + 1, k - 1, exclude, skipPlaces) : [];
}

/**
 * The place a subject of people with no state named acts in ("Protesters
 * marched in the Iranian city of Tabriz and demanded ..."): they are its
 * people. Empty when the subject of the verb at `i` is not such a phrase.
 */
export function placeOfPeople(view: SentenceView, i: number, depth = 0): ActorGroup[] {
  let k = i - 1;
  while (k >= 0 && inVerbGroup(view, k)) k--;
  if (view.words[k] === "and" && depth === 0) {
    const verb = previousVerb(view, k);
    return verb >= 0 ? placeOfPeople(view, verb, 1) : [];
  }
  if (k < 0 || groupOf(view, k) || !tokenIn(view, k, view.cues.people)) return [];
  return placeIn(view, i + 1, clauseEnd(view, i + 1));
}

/** Tokens after "if" or "unless" within which the party of a condition is sought. */
const CONDITION_REACH = 6;

/**
 * The party named in a condition after token `from` ("threatened to strike
 * unless Israel withdrew", "... if the United States goes ahead", "... until
 * Cuba releases"): whom a threat or refusal is aimed at when it names no one else.
 */
export function conditionParty(
  view: SentenceView,
  from: number,
  exclude: readonly ActorGroup[],
): ActorGroup[] {
  for (let k = from; k < view.tokens.length; k++) {
    if (isHardBoundary(view, k)) return [];
    const word = view.words[k] ?? "";
    if (word !== "if" && word !== "unless" && word !== "until") continue;
    for (const g of view.groups) {
      if (g.first <= k || exclude.includes(g)) continue;
      if (g.first > k + CONDITION_REACH) return [];
      return compound(view, g).filter((c) => !exclude.includes(c));
    }
    return [];
  }
  return [];
}

/** Tokens after "despite" within which the party pressing for the act is sought ("despite mounting pressure from"). */
const DESPITE_REACH = 6;

/**
 * The party named in a "despite" phrase right after the clause of token
 * `from` ("refused to resign despite pressure from parliament", "... despite
 * calls by the African Union"): whom a refusal defies when it names no one else.
 */
export function defiedParty(view: SentenceView, from: number, exclude: readonly ActorGroup[]): ActorGroup[] {
  // "despite" opens a phrase of its own, which ends the act's clause.
  const despite = clauseEnd(view, from) + 1;
  if (view.words[despite] !== "despite") return [];
  const last = Math.min(clauseEnd(view, despite + 1), despite + DESPITE_REACH);
  const g = view.groups.find((c) => c.first > despite && c.first <= last && !exclude.includes(c));
  return g ? compound(view, g).filter((c) => !exclude.includes(c)) : [];
}

/** Prepositions of an adjunct that sets an event noun beside the clause's act ("announced it after talks with Iran", "flew home for talks with Iran"). */
const ADJUNCT_PREPOSITIONS = new Set(["after", "before", "during", "following", "amid", "at", "in", "for"]);

/**
 * The verb of the clause an event noun is an adjunct of ("Lapid announced the
 * decision after a telephone call with Erdogan": "announced"), or -1: its
 * subject took part in the event.
 */
export function adjunctHost(view: SentenceView, i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const pos = view.pos[k] ?? "";
    if (MODIFIER_POS.has(pos) || pos === "NOUN" || isTightDash(view, k)) continue;
    if (!ADJUNCT_PREPOSITIONS.has(view.words[k] ?? "")) return -1;
    return previousVerb(view, k);
  }
  return -1;
}

/** Particles of phrasal verbs. */
const PARTICLES = new Set(["up", "out", "off", "down"]);

/** The verb an event noun is the object of ("Iran held [large-scale military] exercises"), or -1. */
export function governingVerb(view: SentenceView, i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const pos = view.pos[k] ?? "";
    // "its long-threatened invasion": a participle in a compound adjective.
    if (pos === "VERB" && isTightDash(view, k - 1)) continue;
    if (pos === "VERB") return k;
    // A phrasal verb's particle: "stepped up attacks", "called off the visit".
    if (PARTICLES.has(view.words[k] ?? "") && view.pos[k - 1] === "VERB") return k - 1;
    if (MODIFIER_POS.has(pos) || pos === "NOUN" || pos === "PROPN" || isTightDash(view, k)) continue;
    if (groupOf(view, k)) continue;
    return -1;
  }
  return -1;
}

/** The actor after a target preposition ("visit to Turkey", "talks with Iran") within `[from, to]`. */
export function prepositionalTarget(
  view: SentenceView,
  from: number,
  to: number,
  exclude: ReadonlySet<ActorGroup>,
): ActorGroup[] {
  for (let k = from; k <= to; k++) {
    if (view.words[k] === ",") break;
    if (view.words[k] === "by") {
      k += 1;
      continue;
    }
    if (!tokenIn(view, k, view.cues.targetPrepositions) || view.pos[k] !== "ADP") continue;
    for (let m = k + 1; m <= Math.min(to, k + 5); m++) {
      const g = groupOf(view, m);
      if (g && !exclude.has(g)) return compound(view, g).filter((c) => !exclude.has(c));
      if (!MODIFIER_POS.has(view.pos[m] ?? "") && !/^\p{Lu}/u.test(view.tokens[m]?.text ?? "")) break;
    }
  }
  return [];
}
