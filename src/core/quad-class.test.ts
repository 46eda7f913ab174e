import { describe, expect, it } from "vitest";
import { quadClassNumber, quadClassOf } from "./quad-class.ts";

describe("quadClassOf", () => {
  it.each([
    ["01", "verbalCooperation", 1],
    ["05", "verbalCooperation", 1],
    ["06", "materialCooperation", 2],
    ["08", "materialCooperation", 2],
    ["09", "verbalConflict", 3],
    ["13", "verbalConflict", 3],
    ["14", "materialConflict", 4],
    ["20", "materialConflict", 4],
  ] as const)("root %s is %s (%d)", (root, quad, number) => {
    expect(quadClassOf(root)).toBe(quad);
    expect(quadClassNumber(quad)).toBe(number);
  });

  it.each(["00", "21", "4", "042", ""])("%j is no root", (root) => {
    expect(quadClassOf(root)).toBeNull();
  });
});
