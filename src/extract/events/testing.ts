// Test support for event coding: the real pattern files and the real NLP
// engine, without the knowledge loader (extract may not import it; the loader
// and its validation are tested in src/knowledge/events.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { actorIdFor, actorIdOrThrow } from "../../core/ids.ts";
import { countryCodeOrThrow, type ActorKind, type ActorRecord } from "../../core/records.ts";
import { createWinkEngine } from "../../nlp/wink-engine.ts";
import { agentOfNoState } from "../actors/settle.ts";
import type { ActorMention, AgentKind, AnalysedSentence, MentionVia } from "../types.ts";
import {
  createEventCues,
  createEventLexicon,
  parseComposeTable,
  parsePatterns,
  PATTERN_FILES,
  type EventCuesSpec,
  type EventLexicon,
} from "./lexicon.ts";

const DATA = join(import.meta.dirname, "..", "..", "..", "data");
const read = (name: string): string => readFileSync(join(DATA, name), "utf8");

let lexicon: EventLexicon | null = null;
let engine: ReturnType<typeof createWinkEngine> | null = null;

/** The event lexicon built from `data/`. */
export function testLexicon(): EventLexicon {
  lexicon ??= createEventLexicon(
    PATTERN_FILES.flatMap(({ file, triggerClass, tier }) =>
      parsePatterns(read(file), triggerClass, file, tier),
    ),
    parseComposeTable(read("cameo/patterns-compose.tsv"), "patterns-compose.tsv"),
    createEventCues(
      // The file's "$..." keys are comments.
      Object.fromEntries(
        Object.entries(JSON.parse(read("event-cues.json")) as Record<string, unknown>).filter(
          ([key]) => !key.startsWith("$"),
        ),
      ) as EventCuesSpec,
    ),
  );
  return lexicon;
}

/**
 * An actor named in a test sentence: its words as written, its country, and
 * (default `state`) its kind. `nth` picks a later occurrence of the words.
 */
export interface ActorSpec {
  readonly text: string;
  /** Null for an actor of no state: a generic agent (`agent` says its kind) or a person. */
  readonly country: string | null;
  readonly kind?: ActorKind;
  readonly nth?: number;
  readonly via?: MentionVia;
  /** The agent kind of a state's generic agent ("police": COP). */
  readonly agent?: AgentKind;
}

function actorFor(spec: ActorSpec): ActorRecord {
  if (spec.country === null) {
    return spec.agent
      ? agentOfNoState(spec.agent)
      : {
          type: "actor",
          id: actorIdFor("person", spec.text),
          kind: "person",
          name: spec.text,
          country: null,
        };
  }
  const kind = spec.kind ?? "state";
  const country = countryCodeOrThrow(spec.country);
  const id = kind === "state" ? actorIdOrThrow(spec.country) : actorIdFor(kind, spec.text);
  return { type: "actor", id, kind, name: spec.text, country };
}

/**
 * The first sentence of `text`, analysed as the pipeline would, with hand-made
 * mentions for `actors` (found by their words; a spec whose words are missing
 * throws, so that a test cannot silently lose an actor).
 */
export function sentenceWith(text: string, actors: readonly ActorSpec[] = []): AnalysedSentence {
  engine ??= createWinkEngine();
  const sentence = engine.analyse(text)[0];
  if (!sentence) throw new Error(`no sentence in "${text}"`);
  const mentions: ActorMention[] = actors.map((spec) => {
    let at = -1;
    for (let n = 0; n <= (spec.nth ?? 0); n++) at = sentence.text.indexOf(spec.text, at + 1);
    if (at < 0) throw new Error(`"${spec.text}" is not in "${text}"`);
    const start = sentence.start + at;
    return {
      start,
      end: start + spec.text.length,
      text: spec.text,
      actor: actorFor(spec),
      country: spec.country === null ? null : countryCodeOrThrow(spec.country),
      via: spec.via ?? (spec.agent && spec.country === null ? "agent" : "name"),
      ...(spec.agent ? { agent: spec.agent } : {}),
    };
  });
  return { index: 0, sentence, mentions, dates: { mentions: [], reference: null }, quantities: [] };
}
