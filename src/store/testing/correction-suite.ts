import { describe, expect, it } from "vitest";
import type { NewCorrection, RecordKey } from "../../core/corrections.ts";
import { keyOf, snapshotOf } from "../../core/corrections.ts";
import { actorIdOrThrow, charOffset, isoDateOrThrow } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import type { ClaimRecord, EventRecord, KbRecord, RecordType } from "../../core/records.ts";
import { countryCodeOrThrow } from "../../core/records.ts";
import { itemAt, sampleCorpus } from "./fixtures.ts";
import type { FixtureDocument } from "./fixtures.ts";

const AT = "2026-12-07T04:00:00.000Z";
const PAGE = { limit: 100, offset: 0 };
const EVENTS: ReadonlySet<RecordType> = new Set(["event", "claim"]);

async function collect(records: AsyncIterable<KbRecord>): Promise<KbRecord[]> {
  const out: KbRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

function eventKey({ doc, extraction }: FixtureDocument, index: number): RecordKey {
  return keyOf(itemAt(extraction.events, index), doc.sha256, extraction.events);
}

function claimKey({ doc, extraction }: FixtureDocument, index: number): RecordKey {
  return keyOf(itemAt(extraction.claims, index), doc.sha256, extraction.claims);
}

function correction(
  target: RecordKey,
  record: EventRecord | ClaimRecord,
  fields: Partial<NewCorrection> & Pick<NewCorrection, "action">,
): NewCorrection {
  return {
    target,
    changes: null,
    original: snapshotOf(record),
    with: null,
    undoes: null,
    by: "test analyst",
    at: AT,
    ...fields,
  };
}

/**
 * The contract of analysts' corrections, part of `describeStore`: stored
 * apart from the extraction, applied to every read, undone by a new
 * correction, and listed as orphaned when no record has their key.
 */
export function describeCorrectionContract(current: () => Store): void {
  describe("corrections", () => {
    const corpus = sampleCorpus();
    const [expulsion, visit] = corpus as [FixtureDocument, FixtureDocument];
    const expel = itemAt(expulsion.extraction.events, 0);
    const accuse = itemAt(expulsion.extraction.events, 1);
    const trade = itemAt(expulsion.extraction.claims, 1);

    async function seeded(): Promise<Store> {
      const store = current();
      for (const { doc, extraction } of corpus) await store.saveDocument(doc, extraction);
      return store;
    }

    it("keeps every field of a correction, and every correction in order", async () => {
      const store = await seeded();
      const edit = correction(eventKey(expulsion, 0), expel, {
        action: "edit",
        changes: { cameo: "172", root: "17", goldstein: -5, plover: "SANCTION" },
      });
      const first = await store.addCorrection(edit);
      const merge = correction(claimKey(expulsion, 1), trade, {
        action: "merge",
        with: claimKey(visit, 1),
        by: "Ayşe “A.” Öz",
      });
      const second = await store.addCorrection(merge);
      expect(first).toEqual({ ...edit, id: first.id });
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store.correctionHistory()).toEqual([first, second]);
    });

    it("takes a rejected event out of lists, rows, counts, extractions and exports, and an undo brings it back", async () => {
      const store = await seeded();
      const before = await store.stats();
      const iranEvents = (await store.listActors()).find((a) => a.id === "IRN")?.events ?? 0;
      const revision = await store.revision();
      const rejected = await store.addCorrection(
        correction(eventKey(expulsion, 0), expel, { action: "reject" }),
      );

      // An analysis made before the correction is stale.
      expect(await store.revision()).not.toBe(revision);
      const events = await store.listEvents({ actor: "IRN", ...PAGE });
      expect(events.items.map((e) => e.id)).not.toContain(expel.id);
      expect(events.total).toBe(events.items.length);
      const rows = JSON.parse(await store.listEventRows({ ...PAGE }, ["id"])) as {
        rows: string[][];
        total: number;
      };
      expect(rows.rows.flat()).not.toContain(expel.id);
      expect(rows.total).toBe(before.events - 1);
      const stats = await store.stats();
      expect(stats.events).toBe(before.events - 1);
      expect(stats.eventsByRoot.find((r) => r.root === "17")).toBeUndefined();
      expect((await store.getExtraction(expulsion.doc.id)).events.map((e) => e.id)).toEqual([accuse.id]);
      expect((await collect(store.records(EVENTS))).map((r) => "id" in r && r.id)).not.toContain(expel.id);
      expect((await store.listActors()).find((a) => a.id === "IRN")?.events).toBe(iranEvents - 1);

      const [status] = await store.listCorrections();
      expect(status).toMatchObject({ id: rejected.id, state: "applied", record: expel.id });

      const undo = await store.addCorrection(
        correction(rejected.target, expel, { action: "undo", undoes: rejected.id }),
      );
      expect((await store.stats()).events).toBe(before.events);
      expect((await store.listEvents({ actor: "IRN", ...PAGE })).items.map((e) => e.id)).toContain(expel.id);
      expect((await store.listCorrections()).map((c) => [c.id, c.state])).toEqual([
        [rejected.id, "undone"],
        [undo.id, "undone"],
      ]);
    });

    it("applies an edit everywhere, filters included, and keeps who, when and the original", async () => {
      const store = await seeded();
      await store.addCorrection(
        correction(eventKey(expulsion, 1), accuse, {
          action: "edit",
          changes: {
            cameo: "042",
            root: "04",
            goldstein: 1.9,
            plover: "CONSULT",
            source: actorIdOrThrow("TUR"),
            sourceCountry: countryCodeOrThrow("TUR"),
            date: isoDateOrThrow("2024-02"),
          },
        }),
      );
      expect((await store.listEvents({ source: "AZE", doc: expulsion.doc.id, ...PAGE })).total).toBe(0);
      const byTurkey = await store.listEvents({ source: "TUR", from: isoDateOrThrow("2024"), ...PAGE });
      expect(byTurkey.items.map((e) => e.id)).toEqual([accuse.id]);
      const edited = itemAt(byTurkey.items, 0);
      expect(edited).toMatchObject({ cameo: "042", root: "04", date: "2024-02", outlet: "Caspian Wire" });
      expect(edited.correction).toEqual({
        status: "edited",
        by: "test analyst",
        at: AT,
        original: {
          cameo: "112",
          root: "11",
          goldstein: -2,
          plover: "ACCUSE",
          source: "AZE",
          sourceCountry: "AZE",
          date: "2023-01",
        },
        corrections: [expect.any(Number) as number],
      });
      // In date order: the edit moved it from January 2023 to February 2024.
      const all = await store.listEvents({ ...PAGE });
      expect(all.items.findIndex((e) => e.id === accuse.id)).toBe(
        all.items.findIndex((e) => e.date === "2024-07") - 1,
      );
      const roots = (await store.stats()).eventsByRoot;
      expect(roots.find((r) => r.root === "11")).toBeUndefined();
      expect(roots.find((r) => r.root === "04")?.events).toBe(2);
      const exported = (await collect(store.records(EVENTS))).find(
        (r) => r.type === "event" && r.id === accuse.id,
      );
      expect(exported).toMatchObject({ source: "TUR", correction: { status: "edited" } });
    });

    it("edits and rejects claims, a new unit included", async () => {
      const store = await seeded();
      const deal = itemAt(visit.extraction.claims, 0);
      await store.addCorrection(
        correction(claimKey(visit, 0), deal, { action: "edit", changes: { value: 2.5e9, unit: "EUR" } }),
      );
      await store.addCorrection(correction(claimKey(expulsion, 1), trade, { action: "reject" }));
      expect((await store.listClaims({ unit: "USD", ...PAGE })).total).toBe(0);
      const euros = await store.listClaims({ unit: "EUR", ...PAGE });
      expect(euros.items).toEqual([
        { ...deal, value: 2.5e9, unit: "EUR", correction: euros.items[0]?.correction },
      ]);
      expect(euros.items[0]?.correction).toMatchObject({
        status: "edited",
        original: { value: 2e9, unit: "USD" },
      });
      expect(euros.total).toBe(1);
      const percent = await store.listClaims({ unit: "percent", ...PAGE });
      expect(percent.items.map((c) => c.id)).toEqual([itemAt(visit.extraction.claims, 1).id]);
      expect(percent.total).toBe(1);
      expect((await store.stats()).claims).toBe(3);
    });

    it("accepting keeps the record as extracted and marks it", async () => {
      const store = await seeded();
      await store.addCorrection(correction(eventKey(expulsion, 0), expel, { action: "accept" }));
      const [event] = (await store.listEvents({ doc: expulsion.doc.id, root: "17", ...PAGE })).items;
      expect(event).toMatchObject({ cameo: "174", correction: { status: "accepted", original: {} } });
    });

    it("lists a correction no record has the key of as orphaned, and applies nothing", async () => {
      const store = await seeded();
      const before = await store.listEvents({ ...PAGE });
      const gone: RecordKey = { ...eventKey(expulsion, 0), start: charOffset(1), anchor: "IRN>AZE#0" };
      const orphan = await store.addCorrection(correction(gone, expel, { action: "reject" }));
      expect(await store.listCorrections()).toEqual([
        { ...orphan, state: "orphaned", record: null, doc: expulsion.doc.id },
      ]);
      expect(await store.listEvents({ ...PAGE })).toEqual(before);
    });

    it("keeps corrections through a re-ingest of the document", async () => {
      const store = await seeded();
      await store.addCorrection(correction(eventKey(expulsion, 0), expel, { action: "reject" }));
      expect(await store.saveDocument(expulsion.doc, expulsion.extraction)).toBe("unchanged");
      expect((await store.listEvents({ doc: expulsion.doc.id, ...PAGE })).items.map((e) => e.id)).toEqual([
        accuse.id,
      ]);
    });

    it("gives the claims split out or merged by record id", async () => {
      const store = await seeded();
      const oil = itemAt(visit.extraction.claims, 1);
      await store.addCorrection(correction(claimKey(visit, 1), oil, { action: "split" }));
      await store.addCorrection(
        correction(claimKey(expulsion, 1), trade, { action: "merge", with: claimKey(visit, 1) }),
      );
      expect(await store.clusterCorrections()).toEqual({ split: [oil.id], merged: [[trade.id, oil.id]] });
    });
  });
}
