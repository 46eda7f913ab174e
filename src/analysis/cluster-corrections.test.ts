import { describe, expect, it } from "vitest";
import { regroup } from "./cluster-corrections.ts";

const ids = (item: string): readonly string[] => [item];

describe("regroup", () => {
  it("leaves groups as they are without corrections", () => {
    expect(regroup([["a", "b"], ["c"]], ids, { split: [], merged: [] })).toEqual([["a", "b"], ["c"]]);
  });

  it("takes a split claim out of its group, the others staying together", () => {
    expect(regroup([["a", "b", "c"], ["d"]], ids, { split: ["b"], merged: [] })).toEqual([
      ["a", "c"],
      ["b"],
      ["d"],
    ]);
  });

  it("joins the groups of merged claims, and a split claim merged elsewhere moves there", () => {
    expect(regroup([["a", "b"], ["c"], ["d"]], ids, { split: ["b"], merged: [["b", "d"]] })).toEqual([
      ["a"],
      ["b", "d"],
      ["c"],
    ]);
    expect(regroup([["a"], ["b"], ["c"]], ids, { split: [], merged: [["a", "c"]] })).toEqual([
      ["a", "c"],
      ["b"],
    ]);
  });

  it("moves an item with all its claims (a figure and its reprints) and ignores claims it does not hold", () => {
    const pairs = (item: string): readonly string[] => [item, `${item}'`];
    expect(regroup([["a", "b"]], pairs, { split: ["b'"], merged: [["x", "a"]] })).toEqual([["a"], ["b"]]);
  });
});
