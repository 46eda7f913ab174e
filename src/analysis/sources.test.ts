import { describe, expect, it } from "vitest";
import { createSourceIndex, outletKey } from "./sources.ts";
import { doc, docId } from "./testing/records.ts";

describe("outletKey", () => {
  it("treats spelling variants of one outlet alike", () => {
    expect(outletKey("The Jerusalem Post")).toBe(outletKey("jerusalem  post "));
  });
});

describe("createSourceIndex", () => {
  const documents = [
    doc("a1", "Eurasianet"),
    doc("a2", "eurasianet"),
    doc("b1", "The Jerusalem Post"),
    doc("c1", "Daily Wire A"),
    doc("c2", "Daily Wire B"),
    doc("d1", null),
    doc("d2", null),
  ];
  const index = createSourceIndex(documents, [[docId("c1"), docId("c2")]]);

  it("counts one outlet once", () => {
    expect(index.count([docId("a1"), docId("a2")])).toBe(1);
  });

  it("counts syndicated copies in two outlets once", () => {
    expect(index.count([docId("c1"), docId("c2")])).toBe(1);
  });

  it("counts documents without an outlet one by one", () => {
    expect(index.count([docId("d1"), docId("d2")])).toBe(2);
  });

  it("counts independent outlets apart", () => {
    expect(index.count(documents.map((d) => d.id))).toBe(5);
  });

  it("answers outlet and date", () => {
    expect(index.outletOf(docId("b1"))).toBe("The Jerusalem Post");
    expect(index.outletOf(docId("ffff"))).toBeNull();
  });
});
