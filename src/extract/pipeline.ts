import type { DocId, IsoDate } from "../core/ids.ts";
import { charOffset } from "../core/ids.ts";
import type { NlpEngine, Sentence } from "../core/ports.ts";
import type { ActorRecord, ClaimRecord, EventRecord, Extraction, MentionRecord } from "../core/records.ts";
import { recogniseActors } from "./actors/recognise.ts";
import { buildClaims } from "./claims/build.ts";
import { resolveDates } from "./dates/resolve.ts";
import { codeEvents } from "./events/code.ts";
import { createEventMemory } from "./events/memory.ts";
import type { CodingKnowledge, Knowledge } from "./knowledge.ts";
import { findQuantities } from "./quantities/find.ts";
import type { ActorMention, AnalysedSentence, SentenceDates } from "./types.ts";

export interface ExtractInput {
  readonly id: DocId;
  readonly text: string;
  readonly published: IsoDate | null;
}

/**
 * Runs every extraction stage over one document: sentences, actors, dates and
 * quantities, then claims and CAMEO events, each with its sentence as evidence.
 */
export function extractDocument(input: ExtractInput, nlp: NlpEngine, knowledge: Knowledge): Extraction {
  const sentences = nlp.analyse(input.text);
  return extractAnalysed(input, sentences, knowledge, findInSentences(input, sentences, knowledge));
}

/**
 * What extraction finds in each sentence before its claims, events and
 * quantities: the actors and dates.
 */
export interface SentenceFindings {
  readonly mentions: readonly (readonly ActorMention[])[];
  readonly dates: readonly SentenceDates[];
}

/**
 * The actors and dates of each of the document's sentences. They need only
 * the gazetteer and the unit table of all the knowledge, so that a thread that
 * finds the sentences can find them too (see `createSplitExtractor`). The
 * quantities, which need no more, are left to `extractAnalysed`: with them
 * there, the two threads' shares of the work come out about even.
 */
export function findInSentences(
  input: ExtractInput,
  sentences: readonly Sentence[],
  knowledge: Pick<Knowledge, "gazetteer" | "units">,
): SentenceFindings {
  return {
    mentions: recogniseActors(sentences, knowledge.gazetteer, { published: input.published }),
    dates: resolveDates(sentences, input.published, { units: knowledge.units, text: input.text }),
  };
}

/**
 * The rest of `extractDocument` once the sentences are analysed and their
 * `findInSentences` found (on another thread, say): quantities, claims and events.
 */
export function extractAnalysed(
  input: ExtractInput,
  sentences: readonly Sentence[],
  knowledge: CodingKnowledge,
  found: SentenceFindings,
): Extraction {
  const actors = new Map<string, ActorRecord>();
  const mentions: MentionRecord[] = [];
  const events: EventRecord[] = [];
  const claims: ClaimRecord[] = [];
  const analysedSoFar: AnalysedSentence[] = [];
  const eventMemory = createEventMemory(
    found.mentions.flatMap((inSentence) => inSentence.map((m) => m.country)),
  );
  const statedSentences = new Set<string>();

  sentences.forEach((sentence, index) => {
    const analysed: AnalysedSentence = {
      index,
      sentence,
      mentions: found.mentions[index] ?? [],
      dates: found.dates[index] ?? { mentions: [], reference: null },
      quantities: findQuantities(sentence, knowledge.units),
    };
    const evidence = {
      doc: input.id,
      quote: sentence.text,
      start: charOffset(sentence.start),
      end: charOffset(sentence.end),
    };
    for (const mention of analysed.mentions) {
      actors.set(mention.actor.id, mention.actor);
      mentions.push({
        type: "mention",
        doc: input.id,
        actor: mention.actor.id,
        country: mention.country,
        start: charOffset(mention.start),
        end: charOffset(mention.end),
        text: mention.text,
      });
    }
    // A page that repeats a sentence (a photo caption above and below the
    // picture, a pull quote) states its events and figures once.
    const statedText = sentence.text.replace(/\s+/g, " ");
    if (statedSentences.has(statedText)) {
      analysedSoFar.push(analysed);
      return;
    }
    statedSentences.add(statedText);
    const claimContext = { previous: analysedSoFar, text: input.text, units: knowledge.units };
    for (const claim of buildClaims(analysed, claimContext)) {
      claims.push({ type: "claim", id: `${input.id}-c${claims.length}`, ...evidence, ...claim });
    }
    for (const draft of codeEvents(analysed, knowledge.lexicon, eventMemory)) {
      const code = knowledge.cameo.get(draft.cameo);
      if (!code) continue;
      actors.set(draft.source.actor.id, draft.source.actor);
      if (draft.target) actors.set(draft.target.actor.id, draft.target.actor);
      events.push({
        type: "event",
        id: `${input.id}-e${events.length}`,
        ...evidence,
        date: draft.date,
        source: draft.source.actor.id,
        sourceCountry: draft.source.country,
        target: draft.target?.actor.id ?? null,
        targetCountry: draft.target?.country ?? null,
        location: draft.location,
        cameo: code.code,
        root: code.root,
        plover: code.plover,
        goldstein: code.goldstein,
        modality: draft.modality,
        rule: draft.rule,
      });
    }
    analysedSoFar.push(analysed);
  });
  return { actors: [...actors.values()], mentions, events, claims };
}
