import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWinkEngine } from "./wink-engine.ts";

const nlp = createWinkEngine();

describe("wink engine", () => {
  it("splits sentences and keeps offsets into the text", () => {
    const text =
      "Tehran expelled four Azerbaijani diplomats. Baku protested.\nA title without a stop\nIt can't be 40–65%.";
    const sentences = nlp.analyse(text);
    expect(sentences.map((s) => s.text)).toEqual([
      "Tehran expelled four Azerbaijani diplomats.",
      "Baku protested.",
      "A title without a stop",
      "It can't be 40–65%.",
    ]);
    for (const s of sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it("gives no token for tabs and odd spaces, and places the words after them", () => {
    const text = "Iran\tand\u00a0Azerbaijan  \t signed a deal.";
    const [sentence] = nlp.analyse(text);
    expect(sentence?.tokens.map((t) => t.text)).toEqual([
      "Iran",
      "and",
      "Azerbaijan",
      "signed",
      "a",
      "deal",
      ".",
    ]);
    for (const t of sentence?.tokens ?? []) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("gives lemmas and part-of-speech tags", () => {
    const [sentence] = nlp.analyse("Tehran expelled four diplomats.");
    const verb = sentence?.tokens.find((t) => t.text === "expelled");
    expect(verb).toMatchObject({ lemma: "expel", pos: "VERB" });
  });

  it("never puts a token outside its sentence or the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const s of nlp.analyse(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.includes("\n")).toBe(false);
          for (const t of s.tokens) {
            expect(t.start).toBeGreaterThanOrEqual(s.start);
            expect(t.end).toBeLessThanOrEqual(s.end);
            expect(text.slice(t.start, t.end)).toBe(t.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
