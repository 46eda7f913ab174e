import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  createDuplicateFinder,
  findNearDuplicates,
  minHash,
  shingleHashes,
  signatureSimilarity,
} from "./near-duplicates.ts";
import { docId } from "./testing/records.ts";

// Three texts written for this test: a wire story, a reprint of it with its
// own heading, footer and a changed sentence, and a different story on the
// same subject.
const WIRE = `Tehran ordered four Azerbaijani diplomats to leave the country within 48 hours on Thursday,
the foreign ministry said, in a tit-for-tat move after Baku expelled four Iranian embassy staff earlier
in the month. Relations between the neighbours have deteriorated since a gunman attacked the Azerbaijani
embassy in Tehran in January, killing its head of security. Baku evacuated its staff and suspended the
mission's work, blaming Iranian authorities for failing to protect the building. Iran has accused
Azerbaijan of deepening military ties with Israel, which it regards as its main enemy, and of allowing
Israeli intelligence to operate near the border. Officials in Baku deny the accusations and say the
country's foreign relations are its own affair.`;

const REPRINT = `REGIONAL NEWS — Wire report
${WIRE.replace("on Thursday", "late on Thursday").replace("its main enemy", "its principal enemy")}
Copyright the wire service. All rights reserved. Reprinted with permission.`;

const OTHER = `Azerbaijan and Iran agreed on Tuesday to restore air links and reopen a border crossing, their
foreign ministers said after talks in Baku, a sign of thaw after more than a year of hostility. The
ministers discussed transit routes, a bridge over the Astara river and the return of the embassy staff
withdrawn in 2023. Analysts said both capitals had an interest in calmer relations as regional transport
corridors take shape, though disagreements over Israel remain.`;

describe("shingles and MinHash", () => {
  it("gives identical texts identical signatures and unrelated texts distant ones", () => {
    const a = minHash(shingleHashes(WIRE, 5), 64);
    expect(signatureSimilarity(a, minHash(shingleHashes(WIRE, 5), 64))).toBe(1);
    expect(signatureSimilarity(a, minHash(shingleHashes(OTHER, 5), 64))).toBeLessThan(0.2);
    expect(signatureSimilarity(a, minHash(shingleHashes(REPRINT, 5), 64))).toBeGreaterThan(0.6);
  });

  it("ignores case and punctuation", () => {
    expect(shingleHashes("Tehran, on THURSDAY: ordered four", 2)).toEqual(
      shingleHashes("tehran on thursday ordered four", 2),
    );
  });

  it("hashes each window of words, wherever it stands, the same", () => {
    // abcde, bcdex, cdexa, dexab, exabc, xabcd, and abcde again.
    expect(shingleHashes("a b c d e x a b c d e", 5)).toHaveLength(6);
    expect(shingleHashes("a b c d e", 5)).toEqual(
      shingleHashes("x y. A B C D E", 5).filter((h) => shingleHashes("a b c d e", 5).includes(h)),
    );
    expect(shingleHashes("a b c d e", 5)).not.toEqual(shingleHashes("e d c b a", 5));
  });

  it("gives a short text one shingle and an empty text none", () => {
    expect(shingleHashes("two words", 5)).toHaveLength(1);
    expect(shingleHashes("  ... ", 5)).toHaveLength(0);
  });

  it("estimates Jaccard similarity within a few hundredths (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 0, max: 200 }), (shared, own) => {
        const a = Uint32Array.from({ length: shared + own }, (_, i) => i);
        const b = Uint32Array.from({ length: shared + own }, (_, i) => (i < shared ? i : 100_000 + i));
        const jaccard = shared / (shared + 2 * own);
        const estimate = signatureSimilarity(minHash(a, 256), minHash(b, 256));
        return Math.abs(estimate - jaccard) < 0.15;
      }),
      { numRuns: 30 },
    );
  });
});

describe("findNearDuplicates", () => {
  it("groups a reprint with its original and leaves other stories alone", () => {
    const groups = findNearDuplicates([
      { id: docId("a1"), text: WIRE },
      { id: docId("b2"), text: OTHER },
      { id: docId("c3"), text: REPRINT },
    ]);
    expect(groups).toEqual([[docId("a1"), docId("c3")]]);
  });

  it("finds nothing among different stories, and ignores a document added twice", () => {
    const finder = createDuplicateFinder();
    finder.add(docId("a1"), WIRE);
    finder.add(docId("a1"), WIRE);
    finder.add(docId("b2"), OTHER);
    finder.add(docId("c3"), "");
    expect(finder.groups()).toEqual([]);
  });
});
