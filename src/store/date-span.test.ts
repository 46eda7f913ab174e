import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../core/ids.ts";
import { daySpan } from "./date-span.ts";

describe("daySpan", () => {
  it.each([
    ["2023", "2023-01-01", "2023-12-31"],
    ["2023-04", "2023-04-01", "2023-04-30"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["2023-12", "2023-12-01", "2023-12-31"],
    ["2023-04-05", "2023-04-05", "2023-04-05"],
  ])("%s covers %s..%s", (date, first, last) => {
    expect(daySpan(isoDateOrThrow(date))).toEqual({ first, last });
  });
});
