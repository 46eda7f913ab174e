import { describe, expect, it } from "vitest";
import type { RecordType } from "../core/records.ts";
import { itemAt, sampleCorpus } from "../store/testing/fixtures.ts";
import { jsonlFormat } from "./jsonl.ts";

async function lines(chunks: AsyncIterable<string>): Promise<Record<string, unknown>[]> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const { doc, extraction } = itemAt(sampleCorpus(), 0);
const all = [doc, ...extraction.actors, ...extraction.mentions, ...extraction.events, ...extraction.claims];
const types = (...t: RecordType[]) => new Set(t);

describe("jsonlFormat", () => {
  it("defaults to documents, actors, events and claims (no mentions)", () => {
    expect([...jsonlFormat.types(null)]).toEqual(["document", "actor", "event", "claim"]);
    expect([...jsonlFormat.types(["mention"])]).toEqual(["mention"]);
    expect(() => jsonlFormat.types([])).toThrow(expect.objectContaining({ code: "usage" }) as Error);
  });

  it("writes an event with exactly the export's fields, in order", async () => {
    const [event] = await lines(jsonlFormat.write(all, { includeText: false, types: types("event") }));
    const e = itemAt(extraction.events, 0);
    expect(Object.entries(event ?? {})).toEqual(
      Object.entries({
        type: "event",
        id: e.id,
        doc: e.doc,
        date: "2023-04-06",
        source: "IRN",
        sourceCountry: "IRN",
        target: "AZE",
        targetCountry: "AZE",
        location: null,
        cameo: "174",
        root: "17",
        plover: "REDUCE_RELATIONS",
        goldstein: -5,
        modality: "asserted",
        rule: "verb pattern: expel @T (cameo/patterns-verbs.txt:1)",
        quote: e.quote,
        start: e.start,
        end: e.end,
      }),
    );
  });

  it("writes actors and mentions with their fields", async () => {
    const out = await lines(jsonlFormat.write(all, { includeText: false, types: types("actor", "mention") }));
    expect(out[0]).toEqual({ type: "actor", id: "IRN", kind: "state", name: "Iran", country: "IRN" });
    expect(out.find((r) => r.type === "mention")).toEqual({
      type: "mention",
      doc: doc.id,
      actor: "IRN",
      country: "IRN",
      start: 0,
      end: 4,
      text: "Iran",
    });
  });

  it("gives documents their text only with includeText", async () => {
    const [without] = await lines(jsonlFormat.write([doc], { includeText: false, types: types("document") }));
    const [withText] = await lines(jsonlFormat.write([doc], { includeText: true, types: types("document") }));
    expect(without).not.toHaveProperty("text");
    expect(withText).toMatchObject({ id: doc.id, text: doc.text });
  });
});
