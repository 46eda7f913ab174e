import { describe, expect, it } from "vitest";
import { inputValue, periodInScope, scopeOf, scopeQuery, withScope } from "./time-scope.ts";
import { isoDateOrThrow } from "../../../src/core/ids.ts";

const params = (query: string) => new URLSearchParams(query);

describe("the time scope", () => {
  it("reads valid bounds from the URL and drops anything else, so that no bad value reaches the API", () => {
    expect(scopeOf(params("from=2023-01-01&to=2023-12-31"))).toEqual({
      from: "2023-01-01",
      to: "2023-12-31",
    });
    expect(scopeOf(params("from=2023&to=2023-02-30"))).toEqual({ from: "2023", to: null });
    expect(scopeOf(params("from=last+week"))).toEqual({ from: null, to: null });
    expect(scopeQuery(scopeOf(params("to=2024-06")))).toEqual({ to: "2024-06" });
    expect(scopeQuery(scopeOf(params("")))).toEqual({});
  });

  it("adds the scope to links to other views, keeping their own parameters", () => {
    const scoped = params("from=2023-01-01&to=2023-06-30&edge=AZE~IRN");
    expect(withScope("/network", scoped)).toBe("/network?from=2023-01-01&to=2023-06-30");
    expect(withScope("/timeline?actor=IRN", scoped)).toBe(
      "/timeline?actor=IRN&from=2023-01-01&to=2023-06-30",
    );
    expect(withScope("/map", params("edge=AZE~IRN"))).toBe("/map");
  });

  it("shows a bound of any precision as the day it starts (from) or ends (to)", () => {
    expect(inputValue(isoDateOrThrow("2024-02"), "to")).toBe("2024-02-29");
    expect(inputValue(isoDateOrThrow("2023"), "from")).toBe("2023-01-01");
    expect(inputValue(null, "from")).toBe("");
  });

  it.each([
    ["2023-01", "from=2023-01-15&to=2023-03-01", true],
    ["2022-12", "from=2023-01-15", false],
    ["2023-Q2", "to=2023-04-01", true],
    ["2023-Q3", "to=2023-06-30", false],
    ["2023", "from=2023-12-31", true],
    ["2024", "", true],
  ])("period %s is in the scope %s: %s", (period, query, inScope) => {
    expect(periodInScope(period, scopeOf(params(query)))).toBe(inScope);
  });
});
