import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ItemResult } from "../pipeline/report.ts";
import type { CliIo } from "./command.ts";
import { createCliReporter, formatSummary, progressLine } from "./reporter.ts";

function io(interactive: boolean): { io: CliIo; stderr: () => string } {
  const stderr = new PassThrough();
  let text = "";
  stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return {
    io: { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: {}, cwd: "/", interactive },
    stderr: () => text,
  };
}

const ADDED: ItemResult = {
  status: "added",
  uri: "a.txt",
  id: "0123456789abcdef" as never,
  actors: 2,
  events: 1,
  claims: 0,
};
const FAILED: ItemResult = { status: "failed", uri: "b.txt", failure: { kind: "empty", message: "empty" } };
const SKIPPED: ItemResult = { status: "skipped", uri: "c.pdf", reason: "not an article file" };
const SUMMARY = {
  added: 1,
  updated: 0,
  unchanged: 0,
  failed: 1,
  skipped: 1,
  actors: 2,
  events: 1,
  claims: 0,
};

describe("createCliReporter", () => {
  it("writes one line for each failure and nothing else off a terminal", () => {
    const { io: cli, stderr } = io(false);
    const reporter = createCliReporter(cli);
    reporter.start(2);
    reporter.item(ADDED);
    reporter.item(FAILED);
    reporter.item(SKIPPED);
    reporter.finish(SUMMARY);
    expect(stderr()).toBe("b.txt: empty\n");
  });

  it("draws a bar on a terminal, clears it for failure lines, and clears it at the end", () => {
    let time = 0;
    const { io: cli, stderr } = io(true);
    const reporter = createCliReporter(cli, { now: () => time });
    reporter.start(2);
    time = 500;
    reporter.item(FAILED);
    time = 1000;
    reporter.item(ADDED);
    reporter.finish(SUMMARY);
    expect(stderr()).toBe(
      "\r\x1b[K[>                       ] 0/2" +
        "\r\x1b[Kb.txt: empty\n" +
        "\r\x1b[K[============>           ] 1/2 2 docs/s" +
        "\r\x1b[K[========================] 2/2 2 docs/s" +
        "\r\x1b[K",
    );
  });

  it("redraws at most every 100 ms", () => {
    let time = 0;
    const { io: cli, stderr } = io(true);
    const reporter = createCliReporter(cli, { now: () => time });
    reporter.start(10);
    for (let i = 0; i < 5; i++) {
      time += 10;
      reporter.item(ADDED);
    }
    expect(stderr().split("\r\x1b[K").filter(Boolean)).toHaveLength(1);
  });
});

describe("progressLine", () => {
  it.each([
    [0, 4, 0, "[>                       ] 0/4"],
    [2, 4, 1000, "[============>           ] 2/4 2 docs/s"],
    [4, 4, 2000, "[========================] 4/4 2 docs/s"],
    [5, 1000, 1000, "[>                       ]    5/1000 5 docs/s"],
  ])("%d of %d after %d ms", (done, total, elapsed, line) => {
    expect(progressLine(done, total, elapsed)).toBe(line);
  });
});

describe("formatSummary", () => {
  it("counts documents, outcomes and records", () => {
    expect(
      formatSummary({
        added: 4,
        updated: 0,
        unchanged: 0,
        failed: 0,
        skipped: 2,
        actors: 37,
        events: 55,
        claims: 12,
      }),
    ).toBe(
      "ingested 4 documents: 4 added, 0 updated, 0 unchanged, 0 failed, 2 skipped; 37 actors, 55 events, 12 claims",
    );
  });

  it("says document for one", () => {
    expect(
      formatSummary({
        added: 0,
        updated: 0,
        unchanged: 1,
        failed: 0,
        skipped: 0,
        actors: 0,
        events: 0,
        claims: 0,
      }),
    ).toMatch(/^ingested 1 document: /);
  });
});
