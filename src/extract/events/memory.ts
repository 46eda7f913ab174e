import { rootOfCode, type CameoRoot } from "../../core/cameo.ts";
import type { CountryCode } from "../../core/records.ts";
import type { ActorMention, EventDraft } from "../types.ts";

/**
 * What a document has reported so far, for the events whose other party its
 * sentence leaves to the narrative: a reaction ("Tehran objected", "Turkey
 * welcomed the step") is aimed at whoever acted last, and a fight with no
 * named enemy ("troops retook the town") is with the enemy of the war being
 * told.
 */
export interface EventMemory {
  /** Records the asserted events of sentence `index` (called once per sentence, in order). */
  record(index: number, drafts: readonly EventDraft[]): void;
  /**
   * The actor a reaction of `source` in sentence `index` answers: the source
   * (else the target) of the first event, not of `source`'s state, of the
   * latest of the last sentences that has one.
   */
  reactedTo(index: number, source: ActorMention): ActorMention | null;
  /** The latest enemy of `source`'s state in the fights and assaults told so far. */
  enemyOf(source: ActorMention): ActorMention | null;
  /** The states (and IGO, UNK... groups) the whole document names; actors of no known state are left out. */
  readonly states: ReadonlySet<CountryCode>;
}

/** Sentences back within which a reaction finds the act it answers. */
const REACTION_REACH = 2;
/** Roots of war: their parties are enemies. */
const WAR_ROOTS: ReadonlySet<CameoRoot> = new Set(["18", "19", "20"]);

interface Told {
  readonly index: number;
  readonly draft: EventDraft;
}

/** A fresh memory for one document, which names `states`. */
export function createEventMemory(states: Iterable<CountryCode | null>): EventMemory {
  const told: Told[] = [];
  const sameState = (a: ActorMention, b: ActorMention): boolean =>
    a.actor.id === b.actor.id || (a.country !== null && a.country === b.country);
  return {
    states: new Set([...states].filter((state) => state !== null)),
    record(index, drafts) {
      for (const draft of drafts) if (draft.modality === "asserted") told.push({ index, draft });
    },
    reactedTo(index, source) {
      // The latest sentence with such an event, and in it the first: its main clause's act.
      let found: ActorMention | null = null;
      let at = -1;
      for (let k = told.length - 1; k >= 0; k--) {
        const entry = told[k];
        if (!entry || entry.index < index - REACTION_REACH || (at >= 0 && entry.index !== at)) break;
        const { draft } = entry;
        const other = !sameState(draft.source, source)
          ? draft.source
          : draft.target && !sameState(draft.target, source)
            ? draft.target
            : null;
        if (other) {
          found = other;
          at = entry.index;
        }
      }
      return found;
    },
    enemyOf(source) {
      for (let k = told.length - 1; k >= 0; k--) {
        const draft = told[k]?.draft;
        if (!draft?.target || !WAR_ROOTS.has(rootOfCode(draft.cameo))) continue;
        if (sameState(draft.source, source) && !sameState(draft.target, source)) return draft.target;
        if (sameState(draft.target, source) && !sameState(draft.source, source)) return draft.source;
      }
      return null;
    },
  };
}
