import type { IsoDate } from "../../core/ids.ts";
import type { Sentence } from "../../core/ports.ts";
import type { CountryCode } from "../../core/records.ts";
import type { ActorMention } from "../types.ts";
import { SentenceCursor } from "./cursor.ts";
import { isStateCode } from "../../core/codes.ts";
import { DocumentMemory } from "./document-memory.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { remember } from "./names.ts";
import type { BareAgent, Found, Reading } from "./reading.ts";
import { type Previous, scanAt } from "./scan.ts";
import { pendingState, settleAgents, settleEthnic, settlePending } from "./settle.ts";

export interface RecogniseOptions {
  /**
   * The publication date. With it, a title without a name ("Iran's foreign
   * minister said") names the person then in office, and "President Aliyev"
   * picks the Aliyev in office; without it the first resolves to the state.
   */
  readonly published?: IsoDate | null;
}

/**
 * Finds the actors named or referred to in each sentence of one document:
 * states by name, demonym, capital or seat; intergovernmental bodies, groups
 * and organisations; persons by name, by title and by apposition; and simple
 * coreference ("the two countries", "the Islamic Republic", "Aliyev" after
 * "Ilham Aliyev"). A title with its person is one mention of the person
 * ("Azerbaijani President Ilham Aliyev"); a phrase naming two states ("both
 * sides") gives one mention per state with the same span.
 *
 * One pass over each sentence's words with trie lookups (scan.ts and the
 * grammars it calls); the longest phrase wins. Then two passes over what the
 * sentence found settle the persons and peoples whose state only the whole
 * sentence tells (settle.ts).
 */
export function recogniseActors(
  sentences: readonly Sentence[],
  gazetteer: Gazetteer,
  options: RecogniseOptions = {},
): ActorMention[][] {
  const memory = new DocumentMemory();
  const published = options.published ?? null;
  // A loop, not `map`: see createSentenceView on the elements kinds of `map` results.
  const out: ActorMention[][] = [];
  const agents: BareAgent[][] = [];
  sentences.forEach((sentence, index) => {
    const cursor = new SentenceCursor(sentence, gazetteer.index);
    const found: Found[] = [];
    const reading: Reading = { cursor, ix: gazetteer.index, gazetteer, memory, index, published, found };
    memory.open(index, sentence);
    agents.push(readSentence(reading, found));
    out.push(settle(reading, found));
  });
  return settleAgents(out, agents, gazetteer);
}

/** The one pass over a sentence's words, into `found`; returns the sentence's bare agents. */
function readSentence(r: Reading, found: Found[]): BareAgent[] {
  const agents: BareAgent[] = [];
  let previous: Previous | null = null;
  for (let i = 0; i < r.cursor.length;) {
    const scan = scanAt(r, i, previous);
    if (!scan) {
      i++;
      continue;
    }
    if (scan.agents) agents.push(...scan.agents);
    for (const f of scan.found) {
      found.push(f);
      if (f.kind !== "pending") r.memory.record(r.index, f.mention);
    }
    const first = scan.found[0];
    if (first) {
      if (scan.found.length === 1 && isStateCode(first.mention.country))
        noteInstitutions(r, i, scan.next, first.mention.country);
      previous = { next: scan.next, country: first.mention.country };
    }
    i = Math.max(scan.next, i + 1);
  }
  return agents;
}

/** Files the institutions named in words [from, to) under the state of their mention. */
function noteInstitutions(r: Reading, from: number, to: number, country: CountryCode): void {
  const { cursor: c, ix } = r;
  for (let k = from; k < to; k++) {
    if (!ix.institutions.starts(c.at(k).key)) continue;
    const m = ix.institutions.match(c.words, k);
    if (m && m.end <= to) {
      r.memory.rememberInstitution(r.index, m.value, country);
      k = m.end - 1;
    }
  }
}

/** The sentence's mentions, pending persons and "ethnic" peoples settled; the memory told of them. */
function settle(r: Reading, found: readonly Found[]): ActorMention[] {
  let settledFound = found;
  if (found.some((f) => f.kind === "pending")) {
    const country = pendingState(found, r.memory.opening(r.index - 1));
    const pending = settlePending(found, country, !r.memory.hasNamedAnyState());
    for (const person of pending.settled) {
      remember(r, person.mention.actor, person.name);
      r.memory.record(r.index, person.mention);
    }
    settledFound = pending.found;
  }
  const mentions = settleEthnic(settledFound, r.cursor, r.gazetteer);
  r.memory.close(r.index, mentions);
  return mentions;
}
