import { describe, expect, it } from "vitest";
import { metricSimilarity, metricStems, properNouns, stem } from "./metric-words.ts";

describe("stem", () => {
  it.each([
    ["imports", "import"],
    ["imported", "import"],
    ["importing", "import"],
    ["supplies", "supply"],
    ["supplied", "supply"],
    ["arms", "arm"],
    ["gas", "gas"],
    ["crisis", "crisis"],
    ["taxes", "tax"],
  ])("%s -> %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it("meets the -e form", () => {
    expect(new Set(["purchase", "purchased", "purchases", "purchasing"].map(stem)).size).toBe(1);
  });
});

describe("metricStems", () => {
  it("keeps what is measured and drops names, function and measure words", () => {
    expect(metricStems("share of Israel's fuel oil imports")).toEqual(["fuel", "oil", "import"]);
    expect(metricStems("trade between the two countries")).toEqual(["trad"]);
    expect(metricStems("Israel's oil needs")).toEqual(["israel", "oil", "need"]);
    expect(metricStems("Israel's oil needs", new Set(["israel"]))).toEqual(["oil", "need"]);
    expect(metricStems("40 percent of the total")).toEqual([]);
    expect(metricStems("arms purchased")).toEqual(["arm", "purchas"]);
  });

  it("lets words outlets use for one thing meet under one stem", () => {
    expect(metricStems("share of Chile's weapons")).toEqual(metricStems("share of Chile's arms"));
    expect(metricStems("the army's armaments")).toEqual(["army", "arm"]);
    expect(metricStems("crude oil exports")).toEqual(["oil", "export"]);
  });

  it("learns names from capitalised words after the first", () => {
    expect(properNouns(["share of Israel's oil", "Azerbaijan's exports to Israel"])).toEqual(
      new Set(["israel"]),
    );
  });
});

describe("metricSimilarity", () => {
  it("scores a short label inside a long one as 1", () => {
    expect(metricSimilarity(["oil"], ["crude", "oil", "import"])).toBe(1);
  });

  it("scores disjoint labels and empty labels as 0", () => {
    expect(metricSimilarity(["oil"], ["arm", "import"])).toBe(0);
    expect(metricSimilarity([], ["oil"])).toBe(0);
  });

  it("lets generic words of flow weigh little", () => {
    expect(metricSimilarity(["oil", "need"], ["oil", "supply"])).toBeCloseTo(0.8);
    expect(metricSimilarity(["oil", "import"], ["arm", "import"])).toBeCloseTo(0.2);
  });

  it("takes other weights", () => {
    expect(metricSimilarity(["oil", "need"], ["oil", "supply"], () => 1)).toBe(0.5);
  });
});
