import { describe, expect, it } from "vitest";
import { CAMEO_ROOTS, cameoRootOrThrow, isCameoCode, isCameoRoot, rootOfCode } from "./cameo.ts";

describe("CameoRoot", () => {
  it("has the twenty roots in order", () => {
    expect(CAMEO_ROOTS).toHaveLength(20);
    expect(CAMEO_ROOTS[0]).toBe("01");
    expect(CAMEO_ROOTS[19]).toBe("20");
  });

  it.each(["01", "09", "10", "20"])("accepts %s", (value) => {
    expect(isCameoRoot(value)).toBe(true);
    expect(cameoRootOrThrow(value)).toBe(value);
  });

  it.each(["00", "21", "1", "010", "", "ab", " 01"])("rejects %j", (value) => {
    expect(isCameoRoot(value)).toBe(false);
    expect(() => cameoRootOrThrow(value)).toThrow(expect.objectContaining({ code: "invalid_data" }));
  });
});

describe("rootOfCode", () => {
  it.each([
    ["04", "04"],
    ["042", "04"],
    ["1121", "11"],
    ["2042", "20"],
  ])("%s has root %s", (code, root) => {
    expect(isCameoCode(code)).toBe(true);
    expect(rootOfCode(code)).toBe(root);
  });

  it.each(["0", "21", "2100", "04211", "04a", ""])("rejects %j", (code) => {
    expect(isCameoCode(code)).toBe(false);
    expect(() => rootOfCode(code)).toThrow(/not a CAMEO code/);
  });
});
