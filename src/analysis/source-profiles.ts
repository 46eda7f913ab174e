import type { EventRecord, Modality } from "../core/records.ts";
import { round2 } from "./dyads.ts";
import { figureInterval } from "./figures.ts";
import type { SourceDocument, SourceIndex } from "./sources.ts";
import { outletKey } from "./sources.ts";
import type { ActorFraming, ClaimCluster, SourceProfile } from "./types.ts";

export interface SourceProfileInput {
  readonly documents: readonly SourceDocument[];
  readonly events: readonly EventRecord[];
  /** From `clusterClaims` over the same documents. */
  readonly claimClusters: readonly ClaimCluster[];
  readonly sources: SourceIndex;
  /** Which events count; by default only those the text asserts happened. */
  readonly modalities?: readonly Modality[];
}

interface Tally {
  events: number;
  goldstein: number;
}

interface Draft {
  outlet: string | null;
  articles: number;
  events: number;
  actors: Map<string, { all: Tally; asSource: Tally; asTarget: Tally }>;
  claims: { total: number; corroborated: number; contradicted: number; alone: number };
}

const tally = (): Tally => ({ events: 0, goldstein: 0 });
const summary = (t: Tally): { events: number; goldsteinMean: number } => ({
  events: t.events,
  goldsteinMean: t.events === 0 ? 0 : round2(t.goldstein / t.events),
});

/**
 * Per outlet (documents without one together under `outlet: null`): its
 * articles; the events it reports (each of its reports, not merged) by
 * actor state with their mean Goldstein value, overall, as actor and as
 * target, which shows how it frames each side; and how its figures fare
 * against the other independent sources in their claim cluster: a figure is
 * `corroborated` when another source's figure agrees with it, else
 * `contradicted` when another source's figure disagrees, else `alone`.
 * Most articles first.
 */
export function profileSources(input: SourceProfileInput): SourceProfile[] {
  const { sources } = input;
  const allowed = new Set<Modality>(input.modalities ?? ["asserted"]);
  const drafts = new Map<string, Draft>();
  const draftOf = (outlet: string | null): Draft => {
    const key = outlet?.trim() ? outletKey(outlet) : "";
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        outlet: outlet?.trim() ? outlet.trim() : null,
        articles: 0,
        events: 0,
        actors: new Map(),
        claims: { total: 0, corroborated: 0, contradicted: 0, alone: 0 },
      };
      drafts.set(key, draft);
    }
    return draft;
  };

  for (const doc of input.documents) draftOf(doc.outlet).articles++;

  for (const event of input.events) {
    if (!allowed.has(event.modality)) continue;
    const draft = draftOf(sources.outletOf(event.doc));
    draft.events++;
    const sourceActor = event.sourceCountry ?? event.source;
    const targetActor = event.target === null ? null : (event.targetCountry ?? event.target);
    const actor = (id: string): { all: Tally; asSource: Tally; asTarget: Tally } => {
      let entry = draft.actors.get(id);
      if (!entry) draft.actors.set(id, (entry = { all: tally(), asSource: tally(), asTarget: tally() }));
      return entry;
    };
    const add = (t: Tally): void => {
      t.events++;
      t.goldstein += event.goldstein;
    };
    add(actor(sourceActor).asSource);
    add(actor(sourceActor).all);
    if (targetActor !== null) {
      add(actor(targetActor).asTarget);
      // An actor on both sides of one event counts once in its total.
      if (targetActor !== sourceActor) add(actor(targetActor).all);
    }
  }

  for (const cluster of input.claimClusters) {
    // Each claim's source and interval once; then plain comparisons, since a
    // long-running quantity can gather many figures.
    const figures = cluster.claims.map((claim) => ({
      claim,
      source: sources.sourceOf(claim.doc),
      interval: figureInterval(claim),
    }));
    for (const { claim, source, interval } of figures) {
      const counts = draftOf(claim.outlet).claims;
      counts.total++;
      let others = false;
      let agreed = false;
      for (const other of figures) {
        if (other.source === source) continue;
        others = true;
        if (interval[0] < other.interval[1] && other.interval[0] < interval[1]) {
          agreed = true;
          break;
        }
      }
      if (agreed) counts.corroborated++;
      else if (others) counts.contradicted++;
      else counts.alone++;
    }
  }

  return [...drafts.values()]
    .map((draft): SourceProfile => ({
      outlet: draft.outlet,
      articles: draft.articles,
      events: draft.events,
      actors: [...draft.actors]
        .map(([actor, t]): ActorFraming => ({
          actor,
          ...summary(t.all),
          asSource: summary(t.asSource),
          asTarget: summary(t.asTarget),
        }))
        .sort((x, y) => y.events - x.events || (x.actor < y.actor ? -1 : 1)),
      claims: draft.claims,
    }))
    .sort(
      (x, y) =>
        y.articles - x.articles ||
        (x.outlet === null ? 1 : y.outlet === null ? -1 : x.outlet < y.outlet ? -1 : 1),
    );
}
