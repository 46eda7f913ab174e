import { describe, expect, it } from "vitest";
import type { HighlightSpan, TextNode } from "./highlight.ts";
import { layoutHighlights } from "./highlight.ts";

const span = (start: number, end: number, id: string, kind = "event"): HighlightSpan => ({
  start,
  end,
  id,
  kind,
});

/** The laid-out tree as a string: `[ids|text]` for marks. */
function show(nodes: readonly TextNode[]): string {
  return nodes.map((n) => (typeof n === "string" ? n : `[${n.ids.join(",")}|${show(n.children)}]`)).join("");
}

describe("layoutHighlights", () => {
  it.each([
    ["no spans", "Baku and Tehran", [], "Baku and Tehran"],
    ["one span", "Baku and Tehran", [span(0, 4, "m")], "[m|Baku] and Tehran"],
    ["a span at the end", "Baku and Tehran", [span(9, 15, "m")], "Baku and [m|Tehran]"],
    ["the same bounds share a mark", "Baku met.", [span(0, 9, "e1"), span(0, 9, "c1")], "[e1,c1|Baku met.]"],
    [
      "mentions nest in their sentence",
      "Iran expelled them. Baku protested.",
      [span(0, 19, "e1"), span(0, 4, "m1"), span(20, 35, "e2"), span(20, 24, "m2")],
      "[e1|[m1|Iran] expelled them.] [e2|[m2|Baku] protested.]",
    ],
    [
      "a crossing span is cut at the end of the first",
      "abcdefgh",
      [span(0, 5, "a"), span(3, 8, "b")],
      "[a|abc[b|de]][b|fgh]",
    ],
    [
      "out-of-bounds and empty spans are dropped",
      "abc",
      [span(2, 2, "x"), span(-5, -1, "y"), span(1, 99, "z")],
      "a[z|bc]",
    ],
  ])("%s", (_name, text, spans, expected) => {
    expect(show(layoutHighlights(text, spans))).toBe(expected);
  });

  it("keeps every character of the text, in order, whatever the spans", () => {
    const text = "The two leaders met in Baku on 3 May; trade grew 40 percent.";
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => {
        const a = Math.floor(next() * (text.length + 4)) - 2;
        return span(a, a + Math.floor(next() * 30), `s${i}`);
      });
      const flat = (nodes: readonly TextNode[]): string =>
        nodes.map((n) => (typeof n === "string" ? n : flat(n.children))).join("");
      expect(flat(layoutHighlights(text, spans))).toBe(text);
    }
  });
});
