import { describe, expect, it } from "vitest";
import type { Qualifier } from "../core/records.ts";
import type { Figure } from "./figures.ts";
import { figureInterval, figureText, figuresAgree, numberText } from "./figures.ts";

const f = (value: number, qualifier: Qualifier = "exact", valueMax: number | null = null): Figure => ({
  value,
  valueMax,
  qualifier,
});

describe("figuresAgree", () => {
  it.each([
    ["40 and 40", f(40), f(40), true],
    ["40 and 40.3 (rounding)", f(40), f(40.3), true],
    ["40 and about 40", f(40), f(40, "approx"), true],
    ["about 40 and almost 40", f(40, "approx"), f(40, "approx"), true],
    ["40 inside 40–65", f(40), f(40, "exact", 65), true],
    ["50 inside 40–65", f(50), f(40, "exact", 65), true],
    ["69 and almost 70", f(69), f(70, "approx"), true],
    ["$600 million and $602 million", f(600e6), f(602e6), true],
    ["more than 40 and 53", f(40, "atLeast"), f(53), true],
    ["up to 10 and 8", f(10, "atMost"), f(8), true],
    ["4 and 5 diplomats", f(4), f(5), false],
    ["69 and 70 both exact", f(69), f(70), false],
    ["40 and 60", f(40), f(60), false],
    ["about 40 and 50", f(40, "approx"), f(50), false],
    ["$600 million and $620 million", f(600e6), f(620e6), false],
    ["40–65 and 70", f(40, "exact", 65), f(70), false],
    ["more than 40 and 30", f(40, "atLeast"), f(30), false],
  ])("%s -> %s", (_, a, b, expected) => {
    expect(figuresAgree(a, b)).toBe(expected);
    expect(figuresAgree(b, a)).toBe(expected);
  });

  it("widens by half a unit of the last decimal written", () => {
    expect(figureInterval(f(4.1))).toEqual([expect.closeTo(4.05, 9), expect.closeTo(4.15, 9)]);
  });

  it("leaves atLeast open above and atMost open below", () => {
    expect(figureInterval(f(40, "atLeast"))[1]).toBe(Infinity);
    expect(figureInterval(f(40, "atMost"))[0]).toBe(-Infinity);
  });
});

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
