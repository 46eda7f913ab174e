import type {
  ClusterCorrections,
  Correction,
  CorrectionStatus,
  RecordKey,
  RecordVerdict,
} from "../core/corrections.ts";
import {
  applyVerdict,
  keyDoc,
  keyOf,
  keyString,
  recordKeys,
  undoneIds,
  verdictOf,
} from "../core/corrections.ts";
import { dayRange } from "../core/calendar.ts";
import { docIdFromSha256 } from "../core/ids.ts";
import type { ClaimQuery, EventQuery, Page, Store, StoreAdapter } from "../core/ports.ts";
import type { ClaimRecord, EventRecord, KbRecord, SourcedEvent, Stats } from "../core/records.ts";
import { isCountryCode } from "../core/codes.ts";

/** Enough for every record of one document. */
const WHOLE_DOCUMENT = 1_000_000;

/** One corrected record: as extracted, and as the corrections in force make it (null: rejected). */
interface Touched<R> {
  readonly original: R;
  readonly corrected: R | null;
  readonly verdict: RecordVerdict;
}

/** The corrections in force, resolved against the records stored now. */
interface Resolution {
  readonly events: ReadonlyMap<string, Touched<SourcedEvent>>;
  readonly claims: ReadonlyMap<string, Touched<ClaimRecord>>;
  readonly statuses: readonly CorrectionStatus[];
  readonly clusters: ClusterCorrections;
}

const NOTHING: Resolution = {
  events: new Map(),
  claims: new Map(),
  statuses: [],
  clusters: { split: [], merged: [] },
};

/**
 * The `Store` port over an adapter, with the analysts' corrections applied
 * to every record read: rejected events and claims are gone from lists,
 * counts, exports and the analyses that read `records()`; edited ones carry
 * their new values and a `correction` with who, when and the original
 * values. Corrections are few (made by hand), so they are resolved on each
 * read: their documents' records are keyed (`recordKeys`) and matched by
 * key. A correction whose key no record has any more is kept and listed as
 * `orphaned`, never dropped.
 */
export function withCorrections(adapter: StoreAdapter): Store {
  const resolve = async (): Promise<Resolution> => {
    const history = await adapter.correctionHistory();
    if (history.length === 0) return NOTHING;
    const undone = undoneIds(history);
    const inForce = history.filter((c) => c.action !== "undo" && !undone.has(c.id));

    // Every record of the documents the corrections name, by key.
    const shas = new Set(history.flatMap((c) => [c.target.sha256, ...(c.with ? [c.with.sha256] : [])]));
    const events = new Map<string, SourcedEvent>();
    const claims = new Map<string, ClaimRecord>();
    for (const sha256 of shas) {
      const doc = docIdFromSha256(sha256);
      const extraction = await adapter.getExtraction(doc);
      const sourced = new Map(
        (await adapter.listEvents({ doc, limit: WHOLE_DOCUMENT, offset: 0 })).items.map((e) => [e.id, e]),
      );
      for (const [id, key] of recordKeys(sha256, extraction.events)) {
        const event = sourced.get(id);
        if (event) events.set(keyString(key), event);
      }
      const byId = new Map(extraction.claims.map((c) => [c.id, c]));
      for (const [id, key] of recordKeys(sha256, extraction.claims)) {
        const claim = byId.get(id);
        if (claim) claims.set(keyString(key), claim);
      }
    }
    const recordOf = (key: RecordKey): SourcedEvent | ClaimRecord | undefined =>
      key.kind === "event" ? events.get(keyString(key)) : claims.get(keyString(key));

    const byKey = new Map<string, Correction[]>();
    for (const correction of inForce) {
      const key = keyString(correction.target);
      byKey.set(key, [...(byKey.get(key) ?? []), correction]);
    }
    const touchedEvents = new Map<string, Touched<SourcedEvent>>();
    const touchedClaims = new Map<string, Touched<ClaimRecord>>();
    for (const [key, corrections] of byKey) {
      const verdict = verdictOf(corrections);
      if (!verdict) continue;
      const event = events.get(key);
      if (event) {
        touchedEvents.set(event.id, { original: event, corrected: applyVerdict(event, verdict), verdict });
      }
      const claim = claims.get(key);
      if (claim) {
        touchedClaims.set(claim.id, { original: claim, corrected: applyVerdict(claim, verdict), verdict });
      }
    }

    const split: string[] = [];
    const merged: (readonly [string, string])[] = [];
    for (const correction of inForce) {
      const claim = recordOf(correction.target);
      if (!claim) continue;
      if (correction.action === "split") split.push(claim.id);
      const other = correction.with ? recordOf(correction.with) : undefined;
      if (correction.action === "merge" && other) merged.push([claim.id, other.id]);
    }

    const statuses = history.map((correction): CorrectionStatus => {
      const record = recordOf(correction.target);
      const missing = !record || (correction.with !== null && !recordOf(correction.with));
      return {
        ...correction,
        doc: keyDoc(correction.target),
        record: record?.id ?? null,
        state:
          correction.action === "undo" || undone.has(correction.id)
            ? "undone"
            : missing
              ? "orphaned"
              : "applied",
      };
    });
    return { events: touchedEvents, claims: touchedClaims, statuses, clusters: { split, merged } };
  };

  const correctedEvent = (r: Resolution, event: EventRecord): EventRecord | null => {
    const touched = r.events.get(event.id);
    return touched ? applyVerdict(event, touched.verdict) : event;
  };
  const correctedClaim = (r: Resolution, claim: ClaimRecord): ClaimRecord | null => {
    const touched = r.claims.get(claim.id);
    return touched ? applyVerdict(claim, touched.verdict) : claim;
  };

  const listEvents = async (query: EventQuery): Promise<Page<SourcedEvent>> => {
    const r = await resolve();
    if (r.events.size === 0) return adapter.listEvents(query);
    const touched = [...r.events.values()];
    const matchedBefore = touched.filter((t) => eventMatches(t.original, query)).length;
    const matching = touched
      .map((t) => t.corrected)
      .filter((e): e is SourcedEvent => e !== null && eventMatches(e, query));
    // At most `touched.length` of the window are replaced, so it still covers the page.
    const window = await adapter.listEvents({
      ...query,
      offset: 0,
      limit: query.offset + query.limit + touched.length,
    });
    const kept = window.items.filter((e) => !r.events.has(e.id));
    const ordered = [...kept, ...matching].sort((a, b) => dayOrder(a).localeCompare(dayOrder(b)));
    return {
      total: window.total - matchedBefore + matching.length,
      items: query.limit > 0 ? ordered.slice(query.offset, query.offset + query.limit) : [],
    };
  };

  const listClaims = async (query: ClaimQuery): Promise<Page<ClaimRecord>> => {
    const r = await resolve();
    if (r.claims.size === 0) return adapter.listClaims(query);
    const touched = [...r.claims.values()];
    const matchedBefore = touched.filter((t) => claimMatches(t.original, query)).length;
    const stillMatching = touched.filter(
      (t) => t.corrected !== null && claimMatches(t.original, query) && claimMatches(t.corrected, query),
    ).length;
    // Claims an edit brings into the query (a new unit) go after the others.
    const joining = touched
      .filter((t) => !claimMatches(t.original, query))
      .map((t) => t.corrected)
      .filter((c): c is ClaimRecord => c !== null && claimMatches(c, query));
    const window = await adapter.listClaims({
      ...query,
      offset: 0,
      limit: query.offset + query.limit + touched.length,
    });
    const kept = window.items.flatMap((claim) => {
      const corrected = correctedClaim(r, claim);
      return corrected && claimMatches(corrected, query) ? [corrected] : [];
    });
    const all = window.items.length >= window.total ? [...kept, ...joining] : kept;
    return {
      total: window.total - matchedBefore + stillMatching + joining.length,
      items: query.limit > 0 ? all.slice(query.offset, query.offset + query.limit) : [],
    };
  };

  const stats = async (): Promise<Stats> => {
    const [base, r] = await Promise.all([adapter.stats(), resolve()]);
    if (r.events.size === 0 && r.claims.size === 0) return base;
    const byRoot = new Map(base.eventsByRoot.map(({ root, events }) => [root, events]));
    let events = base.events;
    for (const { original, corrected } of r.events.values()) {
      byRoot.set(original.root, (byRoot.get(original.root) ?? 0) - 1);
      if (corrected) byRoot.set(corrected.root, (byRoot.get(corrected.root) ?? 0) + 1);
      else events -= 1;
    }
    const rejectedClaims = [...r.claims.values()].filter((t) => t.corrected === null).length;
    return {
      ...base,
      events,
      claims: base.claims - rejectedClaims,
      eventsByRoot: [...byRoot]
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([root, n]) => ({ root, events: n })),
    };
  };

  async function* records(types: ReadonlySet<KbRecord["type"]>): AsyncGenerator<KbRecord, void, undefined> {
    const r = await resolve();
    for await (const record of adapter.records(types)) {
      const corrected =
        record.type === "event"
          ? correctedEvent(r, record)
          : record.type === "claim"
            ? correctedClaim(r, record)
            : record;
      if (corrected) yield corrected;
    }
  }

  return {
    ...adapter,
    // An edit changes no count: the number of corrections tells that one was made (or undone).
    revision: async () => `${await adapter.revision()}/${(await adapter.correctionHistory()).length}`,
    stats,
    listEvents,
    listEventRows: async (query, fields) => {
      const r = await resolve();
      if (r.events.size === 0) return adapter.listEventRows(query, fields);
      const page = await listEvents(query);
      const rows = page.items.map((event) => fields.map((field) => event[field] ?? null));
      return JSON.stringify({ fields, rows, total: page.total });
    },
    listClaims,
    listActors: async () => {
      const [actors, r] = await Promise.all([adapter.listActors(), resolve()]);
      if (r.events.size === 0) return actors;
      const delta = new Map<string, number>();
      const add = (event: EventRecord, n: number): void => {
        for (const id of new Set([event.source, event.target])) {
          if (id !== null) delta.set(id, (delta.get(id) ?? 0) + n);
        }
      };
      for (const { original, corrected } of r.events.values()) {
        add(original, -1);
        if (corrected) add(corrected, 1);
      }
      return actors
        .map((actor) => ({ ...actor, events: actor.events + (delta.get(actor.id) ?? 0) }))
        .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
    },
    getExtraction: async (id) => {
      const [extraction, r] = await Promise.all([adapter.getExtraction(id), resolve()]);
      return {
        ...extraction,
        events: extraction.events.flatMap((e) => correctedEvent(r, e) ?? []),
        claims: extraction.claims.flatMap((c) => correctedClaim(r, c) ?? []),
      };
    },
    records,
    listCorrections: async () => (await resolve()).statuses,
    clusterCorrections: async () => (await resolve()).clusters,
    correctable: async (doc, id) => {
      const [document, extraction] = await Promise.all([
        adapter.getDocument(doc),
        adapter.getExtraction(doc),
      ]);
      if (!document) return null;
      for (const records of [extraction.events, extraction.claims]) {
        const record = records.find((r) => r.id === id);
        if (record) return { key: keyOf(record, document.sha256, records), record };
      }
      return null;
    },
  };
}

/** The order of event lists: first day, undated last (`~` sorts after digits), as the adapters' `day_first`. */
function dayOrder(event: EventRecord): string {
  return event.date === null ? "~" : dayRange(event.date).first;
}

/** One side of an event as a query names it: a country code matches the side's country, else the actor id. */
function sideIs(actor: string, country: string | null, wanted: string): boolean {
  return isCountryCode(wanted) ? country === wanted : actor === wanted;
}

/** Whether an event answers a query, as the adapters' SQL decides it (`src/store/sqlite/filters.ts`). */
export function eventMatches(event: EventRecord, query: EventQuery): boolean {
  const source = (wanted: string): boolean => sideIs(event.source, event.sourceCountry, wanted);
  const target = (wanted: string): boolean =>
    event.target !== null && sideIs(event.target, event.targetCountry, wanted);
  if (query.actor !== undefined && !source(query.actor) && !target(query.actor)) return false;
  if (query.source !== undefined && !source(query.source)) return false;
  if (query.target !== undefined && !target(query.target)) return false;
  if (query.root !== undefined && event.root !== query.root) return false;
  if (query.doc !== undefined && event.doc !== query.doc) return false;
  if (query.from === undefined && query.to === undefined) return true;
  if (event.date === null) return false;
  const span = dayRange(event.date);
  return (
    (query.from === undefined || span.last >= dayRange(query.from).first) &&
    (query.to === undefined || span.first <= dayRange(query.to).last)
  );
}

/** Whether a claim answers a query: subject, unit, document, and every word of `q` in its metric or quote. */
export function claimMatches(claim: ClaimRecord, query: ClaimQuery): boolean {
  if (query.subject !== undefined && !claim.subjects.some((s) => s === query.subject)) return false;
  if (query.unit !== undefined && claim.unit !== query.unit) return false;
  if (query.doc !== undefined && claim.doc !== query.doc) return false;
  const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${claim.metric}\n${claim.quote}`.toLowerCase();
  return words.every((word) => text.includes(word));
}
