import { describe, expect, it } from "vitest";
import type { EventSpec } from "./testing/records.ts";
import { doc, event } from "./testing/records.ts";
import { findEpisodes } from "./episodes.ts";
import { clusterEvents } from "./event-clusters.ts";
import { createSourceIndex } from "./sources.ts";

const sources = createSourceIndex([doc("a1", "A")]);
const az = (cameo: string, goldstein: number, date: string, target = "IRN"): EventSpec => ({
  doc: "a1",
  source: "AZE",
  target,
  cameo,
  goldstein,
  date,
});
const run = (specs: EventSpec[], options = {}) =>
  findEpisodes(clusterEvents(specs.map(event), sources), options);

describe("findEpisodes", () => {
  it("finds provocation, near-rupture and repair: negative in early 2023, positive in May 2024", () => {
    const episodes = run([
      az("042", 1.9, "2022-09-10"),
      az("112", -2, "2022-12-05"),
      az("161", -4, "2023-01-28"),
      az("174", -5, "2023-04-06"),
      az("111", -2, "2023-08-01"),
      az("042", 1.9, "2024-05-19"),
      az("057", 8, "2024-05-20"),
    ]);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({
      a: "AZE",
      b: "IRN",
      interval: "month",
      start: "2022-12",
      trough: "2023-04",
      end: "2024-05",
      troughGoldstein: -5,
      repairGoldstein: 4.95,
    });
    expect(episodes[0]?.events.map((e) => `${e.date} ${e.phase}`)).toEqual([
      "2022-12-05 provocation",
      "2023-01-28 provocation",
      "2023-04-06 rupture",
      "2023-08-01 rupture",
      "2024-05-19 repair",
      "2024-05-20 repair",
    ]);
  });

  it("needs a sharp trough: mild friction is no episode", () => {
    expect(run([az("012", -0.4, "2023-01-02"), az("042", 1.9, "2023-03-01")])).toEqual([]);
  });

  it("needs a repair: an open rupture is no episode yet", () => {
    expect(run([az("042", 1.9, "2023-01-02"), az("161", -4, "2023-03-01")])).toEqual([]);
  });

  it("finds two episodes in one dyad, and follows quarters when asked", () => {
    const specs = [
      az("161", -4, "2021-01-02"),
      az("042", 1.9, "2021-02-02"),
      az("138", -7, "2022-06-01"),
      az("057", 8, "2022-07-01"),
    ];
    expect(run(specs).map((e) => `${e.start}..${e.end}`)).toEqual(["2021-01..2021-02", "2022-06..2022-07"]);
    // By quarter 2021-Q1 nets out mildly negative, so the run (and its provocation) starts there.
    expect(run(specs, { interval: "quarter" }).map((e) => `${e.start}..${e.trough}..${e.end}`)).toEqual([
      "2021-Q1..2022-Q2..2022-Q3",
    ]);
  });
});
