import type { IsoDate } from "../../core/ids.ts";
import type { ActorRecord, CountryCode } from "../../core/records.ts";
import type { AgentKind, MentionVia } from "../types.ts";
import { createPhraseTrie, phraseKeys, type PhraseTrie } from "./phrase-trie.ts";
import { foldKey } from "./words.ts";

/** One way of naming an actor. */
export interface AliasSource {
  readonly text: string;
  readonly via: MentionVia;
  /** When two actors claim one phrase the higher priority keeps it; equal priorities are a conflict. */
  readonly priority: number;
  /** Also a personal name or part of other names ("Jordan", "Washington"): not a mention inside a name. */
  readonly personLike?: boolean;
  /** A city or seat: not a mention before a capitalised word ("Tehran Times") or in "Baku-based". */
  readonly place?: boolean;
  /** A short form that names the actor only once the document has named it in full ("the Guards"). */
  readonly afterNamed?: boolean;
}

export interface ActorSource {
  readonly actor: ActorRecord;
  readonly aliases: readonly AliasSource[];
}

/** A noun phrase of a state's generic agent ("riot police", "rebels") and its kind. */
export interface AgentSource {
  readonly phrase: string;
  readonly kind: AgentKind;
}

/** A term of office. Dates are at their known precision; null where unknown (or ongoing, for `to`). */
export interface Term {
  readonly role: string;
  readonly country: CountryCode;
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

export interface PersonSource {
  /** `kind: "person"`, `country`: the state (or IGO) the person acts for. */
  readonly actor: ActorRecord;
  /** The full name first, then other spellings. */
  readonly names: readonly string[];
  /** The forms used alone ("Aliyev", "Sa'ar", "bin Salman"). */
  readonly surnames: readonly string[];
  /** A bare surname names this person even before the full name appears. */
  readonly surnameAlone: boolean;
  readonly terms: readonly Term[];
}

export interface TitleSource {
  readonly phrase: string;
  /** The office for `holderOf`; null for ranks and generic titles ("general", "official"). */
  readonly role: string | null;
  /** Takes "to" + the host state ("ambassador to Azerbaijan"), which is not the holder's state. */
  readonly to: boolean;
  /** Names someone of another state than those around ("counterpart"): never takes their state. */
  readonly foreign?: boolean;
}

/** The words around names (see data/actors/grammar.json). */
export interface ActorGrammar {
  readonly titles: readonly TitleSource[];
  readonly titleHeads: readonly string[];
  readonly temporalModifiers: readonly string[];
  readonly rankModifiers: readonly string[];
  readonly honorifics: readonly string[];
  readonly actorNouns: readonly string[];
  readonly afterPerson: readonly string[];
  /** Offices whose holders give a government their name ("the Bush administration"). */
  readonly leaderRoles: readonly string[];
  /** Words after a demonym that make it a language or origin, not an actor ("Russian language", "Russian-made"). */
  readonly notActorAfter: readonly string[];
  /** Prefixes that make a name a stance, not an actor ("pro-Palestinian", "anti-Iran"). */
  readonly notActorBefore: readonly string[];
  readonly pairPhrases: readonly string[];
  readonly bareTwo: readonly string[];
  readonly contextPhrases: readonly string[];
  readonly personContextPhrases: readonly string[];
  readonly stopPhrases: readonly string[];
  /**
   * Institutions of a state that "the ministry", "the embassy" refers back to
   * once the document has named one ("Azerbaijan's Foreign Ministry ... The ministry").
   */
  readonly institutions: readonly string[];
  /** Participles that open a modifier of an unidentified attacker ("a gunman armed with a rifle"). */
  readonly attackerModifiers: readonly string[];
  /** Peoples named after a demonym, of that demonym's state ("Iraqi Kurds", "Israeli Arabs"). */
  readonly ethnicNouns: readonly string[];
  /** Words before a demonym that make it a minority living elsewhere ("ethnic Albanians"). */
  readonly ethnicMarkers: readonly string[];
  /** Pronouns that refer back to the state opening the clause before ("it"). */
  readonly pronouns: readonly string[];
  /** Verbs after which the pronoun mostly refers to nothing ("it is", "it seems"). */
  readonly pronounNotBefore: readonly string[];
  /** Words after which a subject clause starts ("although", "and", "yet"). */
  readonly clauseLinks: readonly string[];
  readonly nameParticles: readonly string[];
  readonly nameHeads: readonly string[];
  readonly nameStopWords: readonly string[];
  readonly functionWords: readonly string[];
}

/**
 * A state's name that is also a place of another state ("Georgia", a US
 * state), with the words that say it is that place: before it ("Atlanta,",
 * "state of") or right after it, possessive skipped ("governor", "state").
 */
export interface HomonymSource {
  readonly name: string;
  readonly country: CountryCode;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface GazetteerSource {
  readonly actors: readonly ActorSource[];
  /** Generic agents: with a state ("Pakistani police") its actor phrase, bare ("police") an agent of the document's state. */
  readonly agents?: readonly AgentSource[];
  readonly homonyms?: readonly HomonymSource[];
  readonly persons: readonly PersonSource[];
  readonly grammar: ActorGrammar;
}

/** A known person with what recognition needs about them. */
export interface PersonInfo {
  readonly actor: ActorRecord;
  /** Trie keys of the surnames ("sa ar"), for coreference within a document. */
  readonly surnameKeys: readonly string[];
  readonly surnameAlone: boolean;
  readonly terms: readonly Term[];
}

/** What a phrase of the name trie stands for. */
export type NameValue =
  | {
      readonly type: "actor";
      readonly actor: ActorRecord;
      readonly via: MentionVia;
      readonly personLike: boolean;
      readonly place: boolean;
      readonly afterNamed: boolean;
    }
  | { readonly type: "person"; readonly person: PersonInfo }
  /** A phrase that contains a name but names no actor ("Washington Post", "Latin America"). */
  | { readonly type: "stop" }
  /** "the two countries": the last two states. */
  | { readonly type: "pair"; readonly bare: boolean }
  /** "the country": the one state in view, if only one. */
  | { readonly type: "context" }
  /** "his country": the state of the person last named. */
  | { readonly type: "personContext" };

export interface TitleValue {
  readonly role: string | null;
  readonly to: boolean;
  readonly foreign: boolean;
}

/** A homonym as recognition reads it: the other state, and its cues as word keys. */
export interface Homonym {
  readonly actor: ActorRecord;
  /** Each cue's word keys, last word first: they are compared backwards from the name. */
  readonly before: readonly (readonly string[])[];
  readonly after: ReadonlySet<string>;
}

/** Two actors claiming one phrase at the same priority (the first keeps it). */
export interface AliasConflict {
  readonly phrase: string;
  readonly actors: readonly string[];
}

/** The tables recognition reads; built once by `createGazetteer`. */
export interface GazetteerIndex {
  readonly names: PhraseTrie<NameValue>;
  readonly titles: PhraseTrie<TitleValue>;
  /** Nouns that make a state's name an actor phrase ("army"), with the agent kind of a generic agent's. */
  readonly nouns: PhraseTrie<AgentKind | null>;
  /** Generic agents by their noun phrases ("riot police", "teachers"). */
  readonly agents: PhraseTrie<AgentKind>;
  readonly surnames: PhraseTrie<readonly PersonInfo[]>;
  readonly afterPerson: PhraseTrie<true>;
  readonly leaderRoles: ReadonlySet<string>;
  /** Institution phrases, each with its key ("foreign ministry"). */
  readonly institutions: PhraseTrie<string>;
  readonly attackerModifiers: ReadonlySet<string>;
  readonly ethnicNouns: ReadonlySet<string>;
  readonly ethnicMarkers: ReadonlySet<string>;
  readonly pronouns: ReadonlySet<string>;
  readonly pronounNotBefore: ReadonlySet<string>;
  readonly clauseLinks: ReadonlySet<string>;
  /** Homonyms by the word keys of the name ("georgia"). */
  readonly homonyms: ReadonlyMap<string, Homonym>;
  readonly titleHeads: ReadonlySet<string>;
  readonly notActorAfter: ReadonlySet<string>;
  readonly notActorBefore: ReadonlySet<string>;
  readonly temporal: ReadonlySet<string>;
  readonly rank: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
  readonly nameHeads: ReadonlySet<string>;
  readonly nameStop: ReadonlySet<string>;
  readonly functionWords: ReadonlySet<string>;
  /** Every word that can begin a name, title, modifier or coreference phrase: most words are none. */
  readonly openers: ReadonlySet<string>;
}

/**
 * Every actor recognition knows, indexed for a single pass over each sentence:
 * states, intergovernmental bodies, groups, organisations and persons by their
 * names, plus titles and the other words around names.
 */
export interface Gazetteer {
  /** Number of actors (persons included). */
  readonly size: number;
  readonly actors: readonly ActorRecord[];
  /** Phrases two actors claim at equal priority; the data should leave none. */
  readonly conflicts: readonly AliasConflict[];
  readonly index: GazetteerIndex;
  /** The state actor of an ISO code, or null. */
  state(code: string): ActorRecord | null;
  /** The actor a phrase names on its own ("Azeri" -> AZE), or null. */
  lookup(phrase: string): ActorRecord | null;
  /** The person known by this full name or alias, or null. */
  person(name: string): PersonInfo | null;
  /**
   * Who held `role` for `country` at `date` (compared at the coarser
   * precision); the latest to take office when several did.
   *
   * @example holderOf("president", "IRN", "2023-05") // Ebrahim Raisi
   */
  holderOf(role: string, country: string, date: IsoDate): ActorRecord | null;
}

function keySet(words: readonly string[]): Set<string> {
  return new Set(words.map(foldKey));
}

/** Compares two ISO dates at the precision of the less precise one. */
export function compareAtPrecision(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Builds the gazetteer from validated sources (see src/knowledge/actors.ts). */
export function createGazetteer(source: GazetteerSource): Gazetteer {
  const grammar = source.grammar;
  const names = createPhraseTrie<NameValue>();
  const conflicts: AliasConflict[] = [];

  // Resolve phrases claimed twice before building the trie: the highest priority keeps a phrase.
  interface Claim {
    readonly text: string;
    readonly value: NameValue;
    readonly priority: number;
    readonly owner: string;
  }
  const claims = new Map<string, Claim[]>();
  // A person's full name is usually among its aliases too: each text is cut into words once.
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = phraseKeys(text).join(" ");
      keys.set(text, key);
    }
    return key;
  };
  const claim = (text: string, value: NameValue, priority: number, owner: string): void => {
    const key = keyOf(text);
    if (!key) return;
    const list = claims.get(key) ?? [];
    list.push({ text, value, priority, owner });
    claims.set(key, list);
  };

  for (const { actor, aliases } of source.actors) {
    for (const alias of aliases) {
      const value: NameValue = {
        type: "actor",
        actor,
        via: alias.via,
        personLike: alias.personLike ?? false,
        place: alias.place ?? false,
        afterNamed: alias.afterNamed ?? false,
      };
      claim(alias.text, value, alias.priority, actor.id);
    }
  }
  const persons: PersonInfo[] = [];
  const byName = new Map<string, PersonInfo>();
  const surnames = createPhraseTrie<readonly PersonInfo[]>();
  const bySurname = new Map<string, PersonInfo[]>();
  for (const p of source.persons) {
    const info: PersonInfo = {
      actor: p.actor,
      surnameKeys: p.surnames.map(keyOf),
      surnameAlone: p.surnameAlone,
      terms: p.terms,
    };
    persons.push(info);
    for (const name of p.names) {
      claim(name, { type: "person", person: info }, 90, p.actor.id);
      byName.set(keyOf(name), info);
    }
    for (const surname of p.surnames) {
      const key = keyOf(surname);
      const list = bySurname.get(key);
      if (list) {
        if (!list.includes(info)) list.push(info);
      } else {
        const fresh = [info];
        bySurname.set(key, fresh);
        surnames.add(surname, fresh);
      }
    }
  }
  for (const text of grammar.stopPhrases) claim(text, { type: "stop" }, 100, "stop");
  for (const text of grammar.pairPhrases) claim(text, { type: "pair", bare: false }, 80, "pair");
  for (const text of grammar.bareTwo) claim(text, { type: "pair", bare: true }, 80, "pair");
  for (const text of grammar.contextPhrases) claim(text, { type: "context" }, 80, "context");
  for (const text of grammar.personContextPhrases) claim(text, { type: "personContext" }, 80, "context");

  for (const [key, list] of claims) {
    // Most phrases have one claim: it wins, with no conflict.
    const only = list.length === 1 ? list[0] : undefined;
    if (only) {
      names.add(only.text, only.value);
      continue;
    }
    const top = Math.max(...list.map((c) => c.priority));
    const winners = list.filter((c) => c.priority === top);
    const owners = [...new Set(winners.map((c) => c.owner))];
    if (owners.length > 1) conflicts.push({ phrase: key, actors: owners });
    const owner = winners[0]?.owner;
    // Every spelling of the winning owner goes in: "US" and "Us" fold alike but need different cases.
    for (const c of winners) if (c.owner === owner) names.add(c.text, c.value);
  }

  const titles = createPhraseTrie<TitleValue>();
  for (const t of grammar.titles)
    titles.add(t.phrase, { role: t.role, to: t.to, foreign: t.foreign ?? false });
  const nouns = createPhraseTrie<AgentKind | null>();
  for (const n of grammar.actorNouns) nouns.add(n, null);
  const agents = createPhraseTrie<AgentKind>();
  for (const a of source.agents ?? []) {
    agents.add(a.phrase, a.kind);
    // An agent is an actor noun after a state too ("Pakistani teachers", "Syria's rebels").
    nouns.add(a.phrase, a.kind);
  }
  const afterPerson = createPhraseTrie<true>();
  for (const n of grammar.afterPerson) afterPerson.add(n, true);
  const institutions = createPhraseTrie<string>();
  for (const n of grammar.institutions) institutions.add(n, phraseKeys(n).join(" "));

  const terms = new Map<string, { person: PersonInfo; term: Term }[]>();
  for (const person of persons) {
    for (const term of person.terms) {
      if (!term.from && !term.to) continue; // an office without dates says nothing about when
      const key = `${term.role}\u0000${term.country}`;
      const list = terms.get(key) ?? [];
      list.push({ person, term });
      terms.set(key, list);
    }
  }

  const actors = [...source.actors.map((a) => a.actor), ...persons.map((p) => p.actor)];
  const states = new Map(actors.filter((a) => a.kind === "state").map((a) => [a.id as string, a]));
  const homonyms = new Map<string, Homonym>();
  for (const h of source.homonyms ?? []) {
    const actor = states.get(h.country);
    if (!actor) continue;
    homonyms.set(phraseKeys(h.name).join(" "), {
      actor,
      before: h.before.map((cue) => phraseKeys(cue).reverse()),
      after: keySet(h.after),
    });
  }
  const index: GazetteerIndex = {
    names,
    titles,
    nouns,
    agents,
    surnames,
    afterPerson,
    leaderRoles: new Set(grammar.leaderRoles),
    institutions,
    attackerModifiers: keySet(grammar.attackerModifiers),
    ethnicNouns: keySet(grammar.ethnicNouns),
    ethnicMarkers: keySet(grammar.ethnicMarkers),
    pronouns: keySet(grammar.pronouns),
    pronounNotBefore: keySet(grammar.pronounNotBefore),
    clauseLinks: keySet(grammar.clauseLinks),
    homonyms,
    titleHeads: keySet(grammar.titleHeads),
    notActorAfter: keySet(grammar.notActorAfter),
    notActorBefore: keySet(grammar.notActorBefore),
    temporal: keySet(grammar.temporalModifiers),
    rank: keySet(grammar.rankModifiers),
    honorifics: keySet(grammar.honorifics),
    particles: keySet(grammar.nameParticles),
    nameHeads: keySet(grammar.nameHeads),
    nameStop: keySet(grammar.nameStopWords),
    functionWords: keySet(grammar.functionWords),
    openers: new Set([
      ...names.firstKeys(),
      ...titles.firstKeys(),
      ...agents.firstKeys(),
      ...keySet(grammar.temporalModifiers),
      ...keySet(grammar.rankModifiers),
    ]),
  };
  return {
    size: actors.length,
    actors,
    conflicts,
    index,
    state(code) {
      return states.get(code) ?? null;
    },
    lookup(phrase) {
      const key = phraseKeys(phrase).join(" ");
      const list = claims.get(key);
      if (!list) return null;
      const top = Math.max(...list.map((c) => c.priority));
      const value = list.find((c) => c.priority === top)?.value;
      if (value?.type === "actor") return value.actor;
      if (value?.type === "person") return value.person.actor;
      return null;
    },
    person(name) {
      return byName.get(phraseKeys(name).join(" ")) ?? null;
    },
    holderOf(role, country, date) {
      let best: { person: PersonInfo; term: Term } | null = null;
      for (const entry of terms.get(`${role}\u0000${country}`) ?? []) {
        const { from, to } = entry.term;
        if (from && compareAtPrecision(from, date) > 0) continue;
        if (to && compareAtPrecision(date, to) > 0) continue;
        if (!best || (from ?? "") > (best.term.from ?? "")) best = entry;
      }
      return best?.person.actor ?? null;
    },
  };
}
