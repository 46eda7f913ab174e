import { describe, expect, it } from "vitest";
import { figureText, numberText } from "./claims.ts";

describe("numberText", () => {
  it.each([
    [600_000_000, "600 million"],
    [12_900_000_000, "12.9 billion"],
    [1_234_567, "1234567"],
    [40, "40"],
    [2.5e12, "2.5 trillion"],
  ])("%d is %s", (value, text) => {
    expect(numberText(value)).toBe(text);
  });
});

describe("figureText", () => {
  it.each([
    [{ value: 40, valueMax: null, qualifier: "approx" as const }, "about 40"],
    [{ value: 40, valueMax: 65, qualifier: "exact" as const }, "40–65"],
    [{ value: 40, valueMax: null, qualifier: "atLeast" as const }, "at least 40"],
    [{ value: 15e6, valueMax: 25e6, qualifier: "exact" as const }, "15 million–25 million"],
  ])("%j is %s", (claim, text) => {
    expect(figureText(claim)).toBe(text);
  });
});
