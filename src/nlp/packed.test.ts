import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packSentences, unpackSentences } from "./packed.ts";
import { createWinkEngine } from "./wink-engine.ts";

const nlp = createWinkEngine();

describe("packed sentences", () => {
  it("rebuild the engine's sentences against the same text", () => {
    const text =
      "Tehran EXPELLED four Azerbaijani diplomats.  Baku protested!\nA title without a stop\n\tIt can't be 40–65%.";
    const sentences = nlp.analyse(text);
    const packed = packSentences(sentences);
    expect(packed.sizes.length).toBe(4);
    // Lemmas that are the token in lower case are not carried: "expel" is, "tehran" is not.
    expect(packed.lemmas).toContain("expel");
    expect(packed.lemmas).not.toContain("tehran");
    expect(unpackSentences(text, packed)).toEqual(sentences);
  });

  it("carry no sentence for a text without one", () => {
    const packed = packSentences(nlp.analyse(" \n\t\n"));
    expect(packed.offsets.length).toBe(0);
    expect(unpackSentences(" \n\t\n", packed)).toEqual([]);
  });

  it("round-trip whatever the engine makes of any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const sentences = nlp.analyse(text);
        expect(unpackSentences(text, packSentences(sentences))).toEqual(sentences);
      }),
      { numRuns: 200 },
    );
  });
});
