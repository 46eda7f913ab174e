import { describe, expect, it } from "vitest";
import { TriangulateError } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import { docIdFromSha256 } from "../core/ids.ts";
import type { Extraction } from "../core/records.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import type { Extractor } from "./extractor.ts";
import { createInProcessExtractor, createSplitExtractor, createWorkerExtractor } from "./extractor.ts";

const TEXT =
  "Azerbaijan and Israel signed an energy agreement in Baku on Tuesday.\n\nTrade between the two countries grew by 40 percent last year, officials said.";
const INPUT = {
  id: docIdFromSha256("0123456789abcdef".repeat(4)),
  text: TEXT,
  published: "2025-03" as IsoDate,
};

describe("extractors", () => {
  const nlp = createWinkEngine();
  const knowledge = loadKnowledge();
  const inProcess = createInProcessExtractor(nlp, knowledge);

  it("extract the same on a worker thread as on this one", async () => {
    const expected = await inProcess.extract(INPUT);
    const workers = createWorkerExtractor(2, () => inProcess);
    try {
      expect(workers.concurrency).toBe(2);
      const results = await Promise.all([
        workers.extract(INPUT),
        workers.extract({ ...INPUT, text: `${TEXT} More.` }),
      ]);
      expect(results[0]).toEqual(expected);
      expect(results[1].claims.length).toBe(expected.claims.length);
    } finally {
      await workers.close();
    }
  });

  it("extract the same with sentences found on a worker thread and the rest here", async () => {
    const second = { ...INPUT, text: `${TEXT}\nIran condemned the deal.` };
    const expected = await Promise.all([inProcess.extract(INPUT), inProcess.extract(second)]);
    const split = createSplitExtractor(
      () => knowledge,
      () => inProcess,
    );
    try {
      // The thread has loaded the gazetteer that this thread's knowledge may lack.
      await split.loaded();
      const results = await Promise.all([split.extract(INPUT), split.extract(second)]);
      expect(results).toEqual(expected);
      expect(results[1].events.length).toBe(results[0].events.length + 1);
    } finally {
      await split.close();
    }
  });

  it("state a sentence the page repeats (a caption above and below its picture) once", async () => {
    const caption =
      "The Turkish president meets the Egyptian foreign minister in Ankara on 3 May, 2024, where they signed a $40 million deal.";
    const once = await inProcess.extract({ ...INPUT, text: caption });
    expect(once.events.length).toBeGreaterThan(0);
    expect(once.claims.length).toBeGreaterThan(0);

    const repeated = `${caption}\n\nMore on the visit below.\n\n${caption.replace(" in ", "  in ")} (Photo: handout)`;
    const twice = await inProcess.extract({ ...INPUT, text: repeated });
    const startsOf = (records: readonly { start: number }[]) => records.map((record) => record.start);
    expect(startsOf(twice.events)).toEqual(startsOf(once.events));
    expect(startsOf(twice.claims)).toEqual(startsOf(once.claims));
    expect(twice.mentions.length).toBe(2 * once.mentions.length);
  });

  it("load the knowledge here, and report its error, when the analysis thread is gone", async () => {
    const broken = new TriangulateError("invalid_data", "actors/groups.json: not readable JSON");
    const split = createSplitExtractor(
      () => knowledge,
      () => {
        throw broken;
      },
    );
    await split.close();
    await expect(split.loaded()).rejects.toBe(broken);

    let fallbacks = 0;
    const healthy = createSplitExtractor(
      () => knowledge,
      () => {
        fallbacks++;
        return inProcess;
      },
    );
    await healthy.close();
    await healthy.loaded();
    await healthy.extract(INPUT);
    expect(fallbacks).toBe(1);
  });

  it("turn an extraction error into a rejection", async () => {
    const broken = createInProcessExtractor(
      {
        analyse: () => {
          throw new Error("tokeniser broke");
        },
      },
      knowledge,
    );
    await expect(broken.extract(INPUT)).rejects.toThrow("tokeniser broke");
  });

  it.each([
    ["whole documents", (fallback: () => Extractor) => createWorkerExtractor(1, fallback)],
    ["sentences only", (fallback: () => Extractor) => createSplitExtractor(() => knowledge, fallback)],
  ])("fall back when no thread is left (%s)", async (_, create) => {
    let fallbackCalls = 0;
    const fallback: Extractor = {
      concurrency: 1,
      loaded: () => Promise.resolve(),
      extract: (input) => {
        fallbackCalls++;
        return inProcess.extract(input);
      },
      close: () => Promise.resolve(),
    };
    const workers = create(() => fallback);
    // A pool whose threads are gone (here: closed) must still answer through the fallback.
    await workers.close();
    const extraction: Extraction = await workers.extract(INPUT);
    expect(extraction.claims.length).toBeGreaterThan(0);
    expect(fallbackCalls).toBe(1);
  });
});
