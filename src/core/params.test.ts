import { describe, expect, it } from "vitest";
import { claimClusterParams, dyadParams, eventParams, parseParams, triadParams } from "./params.ts";

describe("parameter sets", () => {
  it.each([
    [eventParams, { actor: "AZE" }, { actor: "AZE" }],
    [
      eventParams,
      { actor: "person:ilham-aliyev", from: "2023-04" },
      { actor: "person:ilham-aliyev", from: "2023-04" },
    ],
    [eventParams, { root: "17", doc: "0123456789abcdef" }, { root: "17", doc: "0123456789abcdef" }],
    [claimClusterParams, { status: "conflict", minSources: "2" }, { status: "conflict", minSources: 2 }],
    [dyadParams, {}, { interval: "month", directed: false }],
    [
      dyadParams,
      { interval: "year", directed: "true", actor: "IRN" },
      { interval: "year", directed: true, actor: "IRN" },
    ],
    [triadParams, { actors: "AZE,IRN,ISR" }, { interval: "year", actors: ["AZE", "IRN", "ISR"] }],
  ] as const)("takes %#", (schema, given, expected) => {
    expect(parseParams(schema, given)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [
      eventParams,
      { actor: "Iran" },
      "actor",
      "must be a country code (AZE) or an actor id (person:ilham-aliyev)",
    ],
    [eventParams, { from: "2023-13" }, "from", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"],
    [eventParams, { root: "7" }, "root", "must be a CAMEO root from 01 to 20"],
    [eventParams, { doc: "xyz" }, "doc", "must be a document id (16 hex digits)"],
    [eventParams, { colour: "red" }, "colour", "unknown parameter"],
    [eventParams, { actor: ["AZE", "IRN"] }, "actor", "must be given once"],
    [claimClusterParams, { minSources: "-1" }, "minSources", "must be a whole number from 0 to 1000000"],
    [claimClusterParams, { status: "maybe" }, "status", "must be agree, conflict or single"],
    [dyadParams, { interval: "week" }, "interval", "must be month, quarter or year"],
    [dyadParams, { directed: "yes" }, "directed", "must be true or false"],
    [
      triadParams,
      { actors: "AZE,iran" },
      "actors",
      "must be country codes separated by commas (AZE,IRN,ISR)",
    ],
  ] as const)("refuses %#, naming the parameter", (schema, given, name, message) => {
    expect(parseParams(schema, given)).toEqual({ ok: false, issue: { name, message } });
  });
});
