import { describe, expect, it } from "vitest";
import { buildDocument, itemAt } from "./testing/fixtures.ts";
import type { EventSpec } from "./testing/fixtures.ts";
import type { Correction } from "../core/corrections.ts";
import { keyString, recordKeys, verdictOf } from "../core/corrections.ts";

const TEXT = "Iran expelled two Azerbaijani diplomats.\nAzerbaijan and Iran met in Baku.";
const expelled = {
  quote: "Iran expelled two Azerbaijani diplomats.",
  source: "IRN",
  target: "AZE",
  cameo: "174",
};
const met = { quote: "Azerbaijan and Iran met in Baku.", source: "AZE", target: "IRN", cameo: "042" };

function keysByQuote(events: readonly EventSpec[]): string[] {
  const { doc, extraction } = buildDocument({ text: TEXT, events });
  const keys = recordKeys(doc.sha256, extraction.events);
  return extraction.events.map((e) => `${e.cameo} ${keyString(keys.get(e.id) ?? ({} as never))}`);
}

describe("recordKeys", () => {
  it("gives a record the same key when a re-extraction finds more records before it (its id changes)", () => {
    const before = buildDocument({ text: TEXT, events: [met] });
    const after = buildDocument({ text: TEXT, events: [expelled, met] });
    const metBefore = itemAt(before.extraction.events, 0);
    const metAfter = itemAt(after.extraction.events, 1);
    expect(metBefore.id).not.toBe(metAfter.id);
    expect(recordKeys(before.doc.sha256, before.extraction.events).get(metBefore.id)).toEqual(
      recordKeys(after.doc.sha256, after.extraction.events).get(metAfter.id),
    );
  });

  it("tells apart records of one sentence by their sides, and equal ones by their order", () => {
    const keys = keysByQuote([met, { ...met, source: "IRN", target: "AZE" }, { ...met, cameo: "057" }]);
    expect(keys.map((k) => k.slice(k.lastIndexOf(":") + 1))).toEqual(["AZE>IRN#0", "IRN>AZE#0", "AZE>IRN#1"]);
  });
});

function correction(id: number, fields: Partial<Correction> & Pick<Correction, "action">): Correction {
  return {
    id,
    target: {
      sha256: "0".repeat(64),
      kind: "event",
      start: 0 as never,
      end: 1 as never,
      anchor: "IRN>AZE#0",
    },
    changes: null,
    original: { cameo: "174", date: "2023-04" },
    with: null,
    undoes: null,
    by: `analyst ${id}`,
    at: `2026-12-0${id}T00:00:00.000Z`,
    ...fields,
  };
}

describe("verdictOf", () => {
  it("lets the later of a reject and an accept stand", () => {
    expect(verdictOf([correction(1, { action: "reject" })])?.rejected).toBe(true);
    const accepted = verdictOf([correction(1, { action: "reject" }), correction(2, { action: "accept" })]);
    expect(accepted).toMatchObject({ rejected: false, correction: { status: "accepted", by: "analyst 2" } });
  });

  it("adds edits up field by field, keeping the extracted values as the original", () => {
    const verdict = verdictOf([
      correction(1, { action: "edit", changes: { cameo: "172" } }),
      correction(2, { action: "edit", changes: { cameo: "173", date: "2023-05" as never } }),
    ]);
    expect(verdict?.changes).toEqual({ cameo: "173", date: "2023-05" });
    expect(verdict?.correction).toEqual({
      status: "edited",
      by: "analyst 2",
      at: "2026-12-02T00:00:00.000Z",
      original: { cameo: "174", date: "2023-04" },
      corrections: [1, 2],
    });
  });

  it("decides nothing about a record from merges and splits", () => {
    expect(verdictOf([correction(1, { action: "split" })])).toBeNull();
  });
});
