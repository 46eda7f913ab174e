import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actorIdOrThrow, docIdOrThrow, isoDateOrThrow } from "../../core/ids.ts";
import type { EventQuery, EventRows, Store } from "../../core/ports.ts";
import { EVENT_ROW_FIELDS, countryCodeOrThrow } from "../../core/records.ts";
import type { DocumentRecord, DocumentSummary, KbRecord, RecordType } from "../../core/records.ts";
import { buildDocument, itemAt, sampleCorpus } from "./fixtures.ts";
import type { FixtureDocument } from "./fixtures.ts";
import { describeWatchContract } from "./watch-suite.ts";
import { describeCorrectionContract } from "./correction-suite.ts";

/** A place a store lives (a file, a schema): opened as often as a test likes, removed at the end. */
export interface StoreLocation {
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

const ALL_TYPES: ReadonlySet<RecordType> = new Set(["document", "actor", "mention", "event", "claim"]);
const PAGE = { limit: 100, offset: 0 };

async function collect(records: AsyncIterable<KbRecord>): Promise<KbRecord[]> {
  const out: KbRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

function summaryOf(doc: DocumentRecord): DocumentSummary {
  const { text: _text, ...summary } = doc;
  return summary;
}

async function saveAll(store: Store, docs: readonly FixtureDocument[]): Promise<void> {
  for (const { doc, extraction } of docs) await store.saveDocument(doc, extraction);
}

export interface SuiteOptions {
  /** Only the writes (saving, close and reopen), for a variant that changes how writes are made. */
  readonly writesOnly?: boolean;
}

/**
 * The behaviour every `Store` adapter must have, as one suite: call it from
 * the adapter's test file with a factory of fresh, empty locations.
 */
export function describeStore(
  name: string,
  createLocation: () => Promise<StoreLocation>,
  options: SuiteOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let location: StoreLocation;
    let store: Store;
    const corpus = sampleCorpus();
    const [expulsion, visit, undated] = corpus as [FixtureDocument, FixtureDocument, FixtureDocument];

    beforeEach(async () => {
      location = await createLocation();
      store = await location.open();
    });
    afterEach(async () => {
      await store.close();
      await location.dispose();
    });

    describe("saving", () => {
      it("round-trips a document and its extraction", async () => {
        expect(await store.saveDocument(expulsion.doc, expulsion.extraction)).toBe("added");
        expect(await store.getDocument(expulsion.doc.id)).toEqual(expulsion.doc);
        expect(await store.findDocument(expulsion.doc.sha256)).toEqual(summaryOf(expulsion.doc));
        const extraction = await store.getExtraction(expulsion.doc.id);
        expect(extraction.mentions).toEqual(expulsion.extraction.mentions);
        expect(extraction.events).toEqual(expulsion.extraction.events);
        expect(extraction.claims).toEqual(expulsion.extraction.claims);
        expect(new Set(extraction.actors.map((a) => a.id))).toEqual(new Set(["IRN", "AZE"]));
      });

      it("keeps every field of every record, nulls and odd characters included", async () => {
        await saveAll(store, corpus);
        const records = await collect(store.records(ALL_TYPES));
        const expected = corpus.flatMap(({ doc, extraction }) => [
          doc,
          ...extraction.mentions,
          ...extraction.events,
          ...extraction.claims,
        ]);
        for (const record of expected) expect(records).toContainEqual(record);
      });

      it("returns unchanged for a text it already has, and writes nothing", async () => {
        await store.saveDocument(expulsion.doc, expulsion.extraction);
        const before = await store.stats();
        const again = { ...expulsion.doc, uri: "elsewhere.txt", title: "Another title" };
        expect(await store.saveDocument(again, expulsion.extraction)).toBe("unchanged");
        expect(await store.stats()).toEqual(before);
        expect((await store.getDocument(expulsion.doc.id))?.uri).toBe(expulsion.doc.uri);
      });

      it("leaves nothing of a document whose save fails half-way", async () => {
        // The last event names an actor the store has never seen: the failure comes
        // after the document, its mentions and its first event are written.
        const broken = buildDocument({
          text: "Iran expelled four Azerbaijani diplomats.\nIsrael met Turkey.",
          mentions: ["IRN", "AZE"],
          events: [
            {
              quote: "Iran expelled four Azerbaijani diplomats.",
              source: "IRN",
              target: "AZE",
              cameo: "174",
            },
          ],
          claims: [
            {
              quote: "Iran expelled four Azerbaijani diplomats.",
              value: 4,
              unit: "count",
              metric: "diplomats",
            },
          ],
        });
        const stray = {
          ...itemAt(broken.extraction.events, 0),
          id: `${broken.doc.id}-e1`,
          quote: "Israel met Turkey.",
          start: broken.doc.text.indexOf("Israel"),
          end: broken.doc.text.length,
          source: actorIdOrThrow("person:nobody-known"),
        } as (typeof broken.extraction.events)[number];
        const extraction = { ...broken.extraction, events: [...broken.extraction.events, stray] };
        await expect(store.saveDocument(broken.doc, extraction)).rejects.toThrow();
        expect(await store.findDocument(broken.doc.sha256)).toBeNull();
        expect(await store.getDocument(broken.doc.id)).toBeNull();
        expect(await store.stats()).toMatchObject({ documents: 0, actors: 0, events: 0, claims: 0 });
        expect(await store.search("diplomats", 10)).toEqual([]);
        expect(await collect(store.records(ALL_TYPES))).toEqual([]);
        // The store is still usable, and the same document saves once mended.
        expect(await store.saveDocument(broken.doc, broken.extraction)).toBe("added");
      });

      it("rejects a record whose quote is not the text at its offsets", async () => {
        const wrong = { ...itemAt(expulsion.extraction.claims, 0), quote: "something else" };
        await expect(
          store.saveDocument(expulsion.doc, { ...expulsion.extraction, claims: [wrong] }),
        ).rejects.toMatchObject({ code: "invalid_data" });
        expect(await store.findDocument(expulsion.doc.sha256)).toBeNull();
      });

      it("rejects a state whose events carry another country, which country filters rely on", async () => {
        const wrong = {
          ...itemAt(expulsion.extraction.events, 0),
          sourceCountry: countryCodeOrThrow("TUR"),
        };
        await expect(
          store.saveDocument(expulsion.doc, { ...expulsion.extraction, events: [wrong] }),
        ).rejects.toMatchObject({ code: "invalid_data", message: /sourceCountry/ });
      });

      it("saves a batch, leaving out whole only the document that fails", async () => {
        const wrong = { ...itemAt(visit.extraction.claims, 0), quote: "something else" };
        const results = await store.saveDocuments([
          expulsion,
          { doc: visit.doc, extraction: { ...visit.extraction, claims: [wrong] } },
          undated,
          expulsion,
        ]);
        expect(results.map((r) => (r.ok ? r.outcome : r.error.code))).toEqual([
          "added",
          "invalid_data",
          "added",
          "unchanged",
        ]);
        expect(await store.findDocument(visit.doc.sha256)).toBeNull();
        expect(await store.getExtraction(visit.doc.id)).toMatchObject({
          events: [],
          claims: [],
          mentions: [],
        });
        expect((await store.stats()).documents).toBe(2);
        // Full-text search sees each saved document once, and nothing of the one left out.
        const found = async (text: string): Promise<string[]> =>
          (await store.search(text, 10)).map((hit) => hit.document.id);
        expect(await found(expulsion.doc.text)).toEqual([expulsion.doc.id]);
        expect(await found(undated.doc.text)).toEqual([undated.doc.id]);
        expect(await found(visit.doc.text)).toEqual([]);
        expect(await store.getExtraction(undated.doc.id)).toMatchObject({
          events: undated.extraction.events,
        });
      });

      describe("corrections", () => {
        const TEXT = "Iran expelled four Azerbaijani diplomats yesterday.";
        const original = buildDocument({
          text: TEXT,
          uri: "brief.txt",
          title: "Embassy row deepens",
          outlet: "Daily Wire",
          published: "2023-04-07",
          mentions: ["IRN", "AZE"],
          events: [{ quote: TEXT, source: "IRN", target: "AZE", cameo: "174", date: "2023-04-06" }],
        });
        // The same text, its metadata corrected: "yesterday" is now another day, and one more actor is named.
        const fixed = buildDocument({
          text: TEXT,
          uri: "https://news.example/iran-expels",
          title: "Tehran expels four envoys",
          outlet: "Caspian Herald",
          published: "2024-01-10",
          mentions: ["IRN", "AZE"],
          events: [{ quote: TEXT, source: "IRN", target: "AZE", cameo: "174", date: "2024-01-09" }],
        });
        const correction = { ...fixed, correction: true };
        const outcomes = async (batch: Parameters<Store["saveDocuments"]>[0]): Promise<string[]> =>
          (await store.saveDocuments(batch)).map((r) => (r.ok ? r.outcome : r.error.code));

        it("replaces a stored text's metadata and extraction, and every read sees them", async () => {
          await saveAll(store, [original, visit]);
          const before = await store.revision();
          const stats = await store.stats();
          expect(await outcomes([correction])).toEqual(["updated"]);

          expect(await store.getDocument(original.doc.id)).toEqual(fixed.doc);
          expect(await store.findDocument(original.doc.sha256)).toEqual(summaryOf(fixed.doc));
          expect(await store.getExtraction(original.doc.id)).toMatchObject({
            mentions: fixed.extraction.mentions,
            events: fixed.extraction.events,
            claims: [],
          });
          // One document still, its records replaced rather than added to.
          expect(await store.stats()).toMatchObject({
            documents: stats.documents,
            events: stats.events,
            claims: stats.claims,
          });
          const events = await store.listEvents({ ...PAGE, doc: original.doc.id });
          expect(events.items.map((e) => [e.date, e.outlet, e.published])).toEqual([
            ["2024-01-09", "Caspian Herald", "2024-01-10"],
          ]);
          expect(
            (
              await store.listEvents({
                ...PAGE,
                from: isoDateOrThrow("2023-04-06"),
                to: isoDateOrThrow("2023-04-06"),
              })
            ).total,
          ).toBe(0);
          // Search finds it by its new title, no longer by the old one.
          expect((await store.search("envoys", 10)).map((hit) => hit.document.id)).toEqual([original.doc.id]);
          expect(await store.search("embassy", 10)).toEqual([]);
          expect((await store.listDocuments({ ...PAGE, outlet: "Daily Wire" })).total).toBe(0);
          // Nothing counted changed, yet an analysis made before is out of date.
          expect(await store.revision()).not.toBe(before);
        });

        it("is unchanged when the metadata are the ones stored, and changes nothing", async () => {
          await saveAll(store, [original]);
          const before = await store.revision();
          expect(await outcomes([{ ...original, correction: true }])).toEqual(["unchanged"]);
          expect(await store.revision()).toBe(before);
          // Without the flag, other metadata for a stored text change nothing either.
          expect(await outcomes([fixed])).toEqual(["unchanged"]);
          expect(await store.getDocument(original.doc.id)).toEqual(original.doc);
        });

        it("adds a correction of a text it does not have", async () => {
          expect(await outcomes([correction])).toEqual(["added"]);
          expect(await store.getDocument(fixed.doc.id)).toEqual(fixed.doc);
        });

        it("leaves the stored document whole when its correction fails", async () => {
          await saveAll(store, [original]);
          const wrong = { ...itemAt(fixed.extraction.events, 0), quote: "something else" };
          const broken = { ...correction, extraction: { ...fixed.extraction, events: [wrong] } };
          expect(await outcomes([broken, undated])).toEqual(["invalid_data", "added"]);
          expect(await store.getDocument(original.doc.id)).toEqual(original.doc);
          expect(await store.getExtraction(original.doc.id)).toMatchObject({
            mentions: original.extraction.mentions,
            events: original.extraction.events,
          });
          expect((await store.search("diplomats", 10)).map((hit) => hit.document.id)).toEqual([
            original.doc.id,
          ]);
        });
      });

      it("keeps the first name of an actor", async () => {
        await store.saveDocument(expulsion.doc, expulsion.extraction);
        const renamed = buildDocument({ text: "Iran, renamed.", mentions: ["IRN"] });
        const actors = renamed.extraction.actors.map((a) => ({ ...a, name: "Islamic Republic" }));
        await store.saveDocument(renamed.doc, { ...renamed.extraction, actors });
        const iran = (await store.listActors()).find((a) => a.id === "IRN");
        expect(iran?.name).toBe("Iran");
      });
    });

    if (options.writesOnly !== true) {
      describeQueries();
      describeWatchContract(() => store);
      describeCorrectionContract(() => store);
    }

    function describeQueries(): void {
      describe("queries", () => {
        beforeEach(async () => {
          await saveAll(store, corpus);
        });

        it("counts records, events per root and documents per outlet", async () => {
          expect(await store.stats()).toEqual({
            documents: 3,
            actors: 6,
            events: 6,
            claims: 4,
            eventsByRoot: [
              { root: "01", events: 1 },
              { root: "04", events: 1 },
              { root: "05", events: 1 },
              { root: "11", events: 1 },
              { root: "17", events: 1 },
              { root: "19", events: 1 },
            ],
            documentsByOutlet: [
              { outlet: "Caspian Wire", documents: 2 },
              { outlet: "Baku Daily", documents: 1 },
            ],
          });
        });

        it("lists actors with their event counts, busiest first", async () => {
          const actors = await store.listActors();
          expect(actors[0]).toMatchObject({
            id: "IRN",
            name: "Iran",
            kind: "state",
            country: "IRN",
            events: 4,
          });
          expect(actors.find((a) => a.id === "person:ilham-aliyev")?.events).toBe(1);
        });

        const ids = (docs: readonly FixtureDocument[], ...events: [number, number][]): string[] =>
          events.map(([d, e]) => itemAt(itemAt(docs, d).extraction.events, e).id);

        interface EventFilter {
          readonly actor?: string;
          readonly source?: string;
          readonly target?: string;
          readonly root?: string;
          readonly from?: string;
          readonly to?: string;
          /** Index into the corpus. */
          readonly doc?: number;
        }
        const cases: [string, EventFilter, [number, number][]][] = [
          [
            "everything, by date then document order, undated last",
            {},
            [
              [0, 1],
              [0, 0],
              [1, 1],
              [1, 0],
              [2, 0],
              [2, 1],
            ],
          ],
          [
            "an actor on either side, by country code",
            { actor: "AZE" },
            [
              [0, 1],
              [0, 0],
              [1, 1],
              [1, 0],
            ],
          ],
          ["an actor by id", { actor: "person:masoud-pezeshkian" }, [[1, 0]]],
          [
            "a source country",
            { source: "IRN" },
            [
              [0, 0],
              [2, 1],
            ],
          ],
          // Aliyev -> Pezeshkian is AZE -> IRN by country.
          [
            "a source and a target",
            { source: "AZE", target: "IRN" },
            [
              [0, 1],
              [1, 1],
              [1, 0],
            ],
          ],
          ["a CAMEO root", { root: "17" }, [[0, 0]]],
          [
            "a year includes events at day precision",
            { from: "2023", to: "2023" },
            [
              [0, 1],
              [0, 0],
            ],
          ],
          [
            "from a month: a year-dated event overlapping it stays",
            { from: "2024-03" },
            [
              [1, 1],
              [1, 0],
            ],
          ],
          [
            "to a day is inclusive",
            { to: "2023-04-06" },
            [
              [0, 1],
              [0, 0],
            ],
          ],
          ["from a day after the event leaves it out", { from: "2023-04-07", to: "2023-12" }, []],
          [
            "a month-dated event overlaps a day inside it",
            { from: "2023-01-15", to: "2023-01-15" },
            [[0, 1]],
          ],
          ["a year-dated event is found from the last day of its year", { from: "2024-12-31" }, [[1, 1]]],
          [
            "a document",
            { doc: 1 },
            [
              [1, 1],
              [1, 0],
            ],
          ],
        ];
        const queryOf = ({ from, to, doc, ...sides }: EventFilter): EventQuery => ({
          ...PAGE,
          ...sides,
          ...(from === undefined ? {} : { from: isoDateOrThrow(from) }),
          ...(to === undefined ? {} : { to: isoDateOrThrow(to) }),
          ...(doc === undefined ? {} : { doc: itemAt(corpus, doc).doc.id }),
        });

        it.each(cases)("filters events: %s", async (_, filter, expected) => {
          const page = await store.listEvents(queryOf(filter));
          expect(page.items.map((e) => e.id)).toEqual(ids(corpus, ...expected));
          expect(page.total).toBe(expected.length);
        });

        it.each(cases)("lists as rows the events it lists as records: %s", async (_, filter) => {
          const query = queryOf(filter);
          const rows = JSON.parse(await store.listEventRows(query, EVENT_ROW_FIELDS)) as EventRows;
          const records = await store.listEvents(query);
          expect(rows.fields).toEqual(EVENT_ROW_FIELDS);
          expect(rows.total).toBe(records.total);
          expect(
            rows.rows.map((row) => ({
              type: "event",
              ...Object.fromEntries(EVENT_ROW_FIELDS.map((f, i) => [f, row[i]])),
            })),
          ).toEqual(records.items);
        });

        it("lists each event with the outlet and date of its document", async () => {
          const { items } = await store.listEvents(PAGE);
          const byDoc = new Map(corpus.map(({ doc }) => [doc.id, doc]));
          expect(items.length).toBeGreaterThan(0);
          for (const event of items) {
            const doc = byDoc.get(event.doc);
            expect({ outlet: event.outlet, published: event.published }).toEqual({
              outlet: doc?.outlet,
              published: doc?.published,
            });
          }
          expect(new Set(items.map((event) => event.outlet)).size).toBeGreaterThan(1);
        });

        it("keeps in rows text that JSON must escape", async () => {
          const quote = 'Iran said "no" \\ </script> \u2028 — İran 🇮🇷\tagain.';
          const tricky = buildDocument({
            text: `Preamble.\n${quote}`,
            events: [{ quote, source: "IRN", target: "AZE", cameo: "112", date: "2024-01-02" }],
          });
          await store.saveDocument(tricky.doc, tricky.extraction);
          const query = { ...PAGE, doc: tricky.doc.id };
          const rows = JSON.parse(await store.listEventRows(query, ["quote", "start", "end"])) as EventRows;
          expect(rows.rows).toEqual([[quote, tricky.doc.text.indexOf(quote), tricky.doc.text.length]]);
        });

        it("lists the fields asked for, in the order of the export, and pages rows", async () => {
          const all = JSON.parse(await store.listEventRows(PAGE, ["goldstein", "id"])) as EventRows;
          expect(all.fields).toEqual(["id", "goldstein"]);
          const records = await store.listEvents(PAGE);
          expect(all.rows).toEqual(records.items.map((e) => [e.id, e.goldstein]));
          const second = JSON.parse(await store.listEventRows({ limit: 2, offset: 2 }, ["id"])) as EventRows;
          expect(second).toEqual({
            fields: ["id"],
            rows: all.rows.slice(2, 4).map(([id]) => [id]),
            total: 6,
          });
          expect(
            JSON.parse(await store.listEventRows({ limit: 0, offset: 0, actor: "ISR" }, ["id"])),
          ).toEqual({
            fields: ["id"],
            rows: [],
            total: 1,
          });
        });

        it("pages events with a total of all matches", async () => {
          const all = await store.listEvents(PAGE);
          const second = await store.listEvents({ limit: 2, offset: 2 });
          expect(second.total).toBe(6);
          expect(second.items).toEqual(all.items.slice(2, 4));
          expect(await store.listEvents({ limit: 0, offset: 0, actor: "ISR" })).toEqual({
            items: [],
            total: 1,
          });
          expect((await store.listEvents({ limit: 10, offset: 50 })).items).toEqual([]);
        });

        it.each([
          ["a subject", { subject: "ISR" }, ["share of Israel's oil"]],
          ["a unit", { unit: "percent" as const }, ["fall in trade", "share of Israel's oil"]],
          ["words of the metric or quote", { q: "oil ISRAEL" }, ["share of Israel's oil"]],
          ["words with LIKE wildcards taken literally", { q: "100%" }, []],
          [
            "a subject and a unit",
            { subject: "AZE", unit: "count" as const },
            ["Azerbaijani diplomats expelled"],
          ],
        ])("filters claims: %s", async (_, filter, metrics) => {
          const page = await store.listClaims({ ...PAGE, ...filter });
          expect(page.items.map((c) => c.metric)).toEqual(metrics);
          expect(page.total).toBe(metrics.length);
        });

        it("filters claims by document and pages them", async () => {
          const page = await store.listClaims({ limit: 1, offset: 1, doc: expulsion.doc.id });
          expect(page).toEqual({ total: 2, items: [expulsion.extraction.claims[1]] });
        });

        it("lists documents by date, undated last, without their text", async () => {
          const page = await store.listDocuments(PAGE);
          expect(page.items.map((d) => d.id)).toEqual([expulsion.doc.id, visit.doc.id, undated.doc.id]);
          expect(page.items[0]).not.toHaveProperty("text");
          const wire = await store.listDocuments({ limit: 1, offset: 1, outlet: "Caspian Wire" });
          expect(wire).toEqual({ total: 2, items: [expect.objectContaining({ id: undated.doc.id })] });
        });

        it("finds documents by words of the title or text", async () => {
          expect((await store.listDocuments({ ...PAGE, q: "Pezeshkian" })).items.map((d) => d.id)).toEqual([
            visit.doc.id,
          ]);
          // Stemming: "expels" in the title and "expelled" in the text.
          expect((await store.listDocuments({ ...PAGE, q: "expel" })).total).toBe(1);
          expect((await store.listDocuments({ ...PAGE, q: "Iran", outlet: "Baku Daily" })).total).toBe(0);
        });

        it("searches with snippets that bracket the matches", async () => {
          const hits = await store.search("diplomats", 10);
          expect(hits).toHaveLength(1);
          expect(hits[0]?.document.id).toBe(expulsion.doc.id);
          expect(hits[0]?.snippet).toContain("[diplomats]");
          expect(hits[0]?.document).not.toHaveProperty("text");
          const ranked = await store.search("Iran", 10);
          expect(ranked.length).toBe(2);
          // The title match ranks first; ranks fall.
          expect(ranked[0]?.document.id).toBe(expulsion.doc.id);
          expect(ranked.map((h) => h.rank)).toEqual([...ranked.map((h) => h.rank)].sort((a, b) => b - a));
          expect(await store.search("Iran", 1)).toHaveLength(1);
          expect(await store.search("Pezesh*", 10)).toHaveLength(1);
        });

        it.each([
          '"',
          'unbalanced "quote',
          "AND",
          "Iran AND",
          "OR NOT (",
          "NEAR(Iran",
          "title:Iran",
          "-Iran",
          "^Iran",
          "Iran*)",
          "*",
          "   ",
          "col:",
          "{title}: x",
          "'; DROP TABLE documents; --",
        ])("never fails on the query %j", async (q) => {
          await expect(store.search(q, 10)).resolves.toBeInstanceOf(Array);
          await expect(store.listDocuments({ ...PAGE, q })).resolves.toHaveProperty("total");
          await expect(store.listClaims({ ...PAGE, q })).resolves.toHaveProperty("total");
        });

        it("treats search operators as words", async () => {
          // As syntax "NOT Iran" would be an error; as words it finds the text with "not" and "Iran".
          expect((await store.search("NOT Iran", 10)).map((h) => h.document.id)).toEqual([undated.doc.id]);
          expect(await store.search("title:Iran", 10)).toEqual([]);
          expect((await store.search('"quotes"', 10)).map((h) => h.document.id)).toEqual([undated.doc.id]);
        });

        it("streams records of the chosen types, documents first", async () => {
          const records = await collect(store.records(ALL_TYPES));
          const types = records.map((r) => r.type);
          expect(types.slice(0, 3)).toEqual(["document", "document", "document"]);
          expect(types.lastIndexOf("document")).toBeLessThan(types.indexOf("actor"));
          expect(types.filter((t) => t === "event")).toHaveLength(6);
          const claims = await collect(store.records(new Set(["claim"])));
          expect(claims).toEqual(corpus.flatMap((d) => d.extraction.claims));
        });

        it("stays writable after a reader stops early", async () => {
          for await (const record of store.records(ALL_TYPES)) {
            expect(record.type).toBe("document");
            break;
          }
          const more = buildDocument({ text: "Israel and Turkey.", mentions: ["ISR", "TUR"] });
          expect(await store.saveDocument(more.doc, more.extraction)).toBe("added");
        });

        it("answers unknown ids with nothing", async () => {
          const unknown = docIdOrThrow("0123456789abcdef");
          expect(await store.getDocument(unknown)).toBeNull();
          expect(await store.getExtraction(unknown)).toEqual({
            actors: [],
            mentions: [],
            events: [],
            claims: [],
          });
        });
      });
    }

    it("keeps everything across close and reopen", async () => {
      await saveAll(store, corpus);
      const before = await collect(store.records(ALL_TYPES));
      await store.close();
      store = await location.open();
      expect(await collect(store.records(ALL_TYPES))).toEqual(before);
      expect(await store.saveDocument(visit.doc, visit.extraction)).toBe("unchanged");
      await store.close();
      store = await location.open();
      expect((await store.stats()).documents).toBe(3);
    });
  });
}
