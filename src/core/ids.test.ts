import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate, isoDateOrThrow } from "./ids.ts";

describe("ISO dates", () => {
  it("takes a year, a month or a day of the calendar", () => {
    for (const date of ["2024", "2024-02", "2024-02-29", "2000-02-29", "1999-12-31"]) {
      expect(isIsoDate(date)).toBe(true);
      expect(isoDateOrThrow(date)).toBe(date);
    }
  });

  it("names what is wrong with a date it refuses", () => {
    expect(() => isoDateOrThrow("2023-02-29")).toThrow("day out of range: 2023-02-29");
    expect(() => isoDateOrThrow("1900-02-29")).toThrow("day out of range");
    expect(() => isoDateOrThrow("2024-13")).toThrow("month out of range: 2024-13");
    expect(() => isoDateOrThrow("24-01-01")).toThrow("not a date (YYYY, YYYY-MM or YYYY-MM-DD): 24-01-01");
    expect(isIsoDate("2024-04-31")).toBe(false);
    expect(isIsoDate("2024-1-5")).toBe(false);
  });

  it("agrees with the JavaScript calendar on every day it is given", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const real = day >= 1 && date.getUTCMonth() === month - 1;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
    );
  });
});
