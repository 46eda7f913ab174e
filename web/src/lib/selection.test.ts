import { describe, expect, it } from "vitest";
import { selectionOf, spanId } from "./selection.ts";

const doc = {
  events: [
    { id: "e1", start: 0, end: 20 },
    { id: "e2", start: 21, end: 40 },
  ],
  claims: [
    { id: "c1", start: 21, end: 40 },
    { id: "c2", start: 41, end: 60 },
  ],
};

describe("selectionOf", () => {
  it.each([
    ["sel=e1", "e1"],
    ["sel=e1&span=41-60", "e1"],
    ["span=0-20", "e1"],
    ["span=41-60", "c2"],
    ["span=21-40", "c1"],
    ["span=21-40&of=event", "e2"],
    ["span=21-40&of=claim", "c1"],
    ["", null],
    ["span=abc", null],
    ["span=30-20", null],
    ["span=0-500", null],
  ])("?%s selects %s", (query, id) => {
    const selection = selectionOf(doc, new URLSearchParams(query), 100);
    expect(selection).toEqual({ id, extra: null });
  });

  it("highlights a span no extraction has on its own", () => {
    expect(selectionOf(doc, new URLSearchParams("span=5-15"), 100)).toEqual({
      id: spanId(5, 15),
      extra: { start: 5, end: 15, id: "span-5-15" },
    });
  });
});
