import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Correction, CorrectionStatus } from "../../src/core/corrections.ts";
import type { ClaimRecord, EventRecord } from "../../src/core/records.ts";
import { runMain, tempDir } from "./harness.ts";

// `triangulate corrections add` and `undo`, the analyst's round trip from
// the command line: correct, re-ingest (the extraction redone), still
// there, undo, export as gold; and each bad input refused by name.

const TEXT = [
  "Georgia expelled two Armenian diplomats on March 3, 2024.",
  "Armenia condemned Georgia for the expulsion.",
  "Trade between Georgia and Armenia rose 12 percent in 2023.",
].join("\n");

let dir: ReturnType<typeof tempDir>;
let db: string;
let file: string;
let expelled: EventRecord;
let condemned: EventRecord;
let trade: ClaimRecord;

async function cli(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runMain([...args, "--db", db], {
    cwd: dir.path,
    env: { TRIANGULATE_ANALYST: "Nino" },
  });
  expect({ code, stderr: stderr.replace(/^Wrote .*\n$/, "") }).toEqual({ code: 0, stderr: "" });
  return stdout;
}

async function list(): Promise<CorrectionStatus[]> {
  return JSON.parse(await cli("corrections", "list", "--json")) as CorrectionStatus[];
}

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.path, "kb.db");
  file = join(dir.path, "border-row.txt");
  writeFileSync(file, TEXT);
  await cli("ingest", file, "--published", "2024-03-05", "--outlet", "Tbilisi Herald");
  const events = JSON.parse(await cli("events", "--json")) as EventRecord[];
  const claims = JSON.parse(await cli("claims", "--json")) as ClaimRecord[];
  const find = <T>(found: T | undefined, what: string): T => {
    if (found === undefined) throw new Error(`the extraction has no ${what}: ${JSON.stringify(events)}`);
    return found;
  };
  expelled = find(
    events.find((e) => e.quote.includes("expelled")),
    "expulsion",
  );
  condemned = find(
    events.find((e) => e.quote.includes("condemned")),
    "condemnation",
  );
  trade = find(
    claims.find((c) => c.unit === "percent"),
    "trade figure",
  );
});
afterAll(() => {
  dir.remove();
});

describe("triangulate corrections add and undo", () => {
  it("corrects, keeps the corrections through a re-ingest, undoes one and exports the rest as gold", async () => {
    const edit = JSON.parse(
      await cli(
        "corrections",
        "add",
        "--kind",
        "event",
        "--id",
        expelled.id,
        "--action",
        "edit",
        "--code",
        "174",
        "--date",
        "2024-03-04",
        "--json",
      ),
    ) as Correction;
    expect(edit).toMatchObject({
      action: "edit",
      by: "Nino",
      changes: { cameo: "174", root: "17", date: "2024-03-04" },
      original: { cameo: expelled.cameo, date: expelled.date },
    });
    const reject = await cli(
      "corrections",
      "add",
      "--kind",
      "event",
      "--id",
      condemned.id,
      "--action",
      "reject",
    );
    expect(reject).toMatch(/^correction \d+: reject of event by Nino at \d{4}-\d\d-\d\dT/);
    await cli(
      "corrections",
      "add",
      "--kind",
      "claim",
      "--id",
      trade.id,
      "--action",
      "edit",
      "--value",
      "14",
      "--analyst",
      "Levan",
    );

    // The same text with a new date: stored once, its extraction redone, the corrections still applied.
    await cli("ingest", file, "--published", "2024-03-06", "--outlet", "Tbilisi Herald");
    expect((await list()).map((c) => [c.action, c.state, c.by])).toEqual([
      ["edit", "applied", "Nino"],
      ["reject", "applied", "Nino"],
      ["edit", "applied", "Levan"],
    ]);
    const events = JSON.parse(await cli("events", "--json")) as EventRecord[];
    expect(events.find((e) => e.quote === expelled.quote && e.source === expelled.source)).toMatchObject({
      cameo: "174",
      date: "2024-03-04",
    });
    expect(events.map((e) => e.quote)).not.toContain(condemned.quote);

    // The exports say who corrected what, when, and what was extracted.
    const csv = await cli("export", "--format", "csv", "--type", "claim");
    expect(csv).toMatch(/,14,.*,edited,Levan,\d{4}-\d\d-\d\dT[^,]*,"{""value"":12}"\r\n/);
    const stix = JSON.parse(await cli("export", "--format", "stix")) as {
      objects: Record<string, unknown>[];
    };
    expect(stix.objects.find((o) => o.x_triangulate_cameo === "174")).toMatchObject({
      x_triangulate_correction: { status: "edited", by: "Nino", original: { cameo: expelled.cameo } },
    });

    // Undo the rejection: the condemnation is back, the undo listed.
    const rejected = (await list()).find((c) => c.action === "reject");
    const undo = await cli("corrections", "undo", String(rejected?.id));
    expect(undo).toMatch(new RegExp(`^correction \\d+: undo of correction ${rejected?.id} by Nino`));
    expect((await list()).map((c) => [c.action, c.state])).toEqual([
      ["edit", "applied"],
      ["reject", "undone"],
      ["edit", "applied"],
      ["undo", "undone"],
    ]);
    expect((JSON.parse(await cli("events", "--json")) as EventRecord[]).map((e) => e.quote)).toContain(
      condemned.quote,
    );

    await cli("corrections", "export", "--out", "gold");
    const gold = readFileSync(join(dir.path, "gold", "border-row.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(gold.find((r) => r.type === "event" && r.quote === expelled.quote && !r.optional)).toMatchObject({
      roots: ["17"],
      date: "2024-03-04",
    });
    expect(gold.find((r) => r.type === "claim" && r.unit === "percent")).toMatchObject({ value: 14 });
    // No longer rejected: the condemnation is back in the gold, as a record the analyst did not check.
    expect(gold.filter((r) => r.quote === condemned.quote).every((r) => r.optional === true)).toBe(true);
    expect(gold.some((r) => r.quote === condemned.quote)).toBe(true);
  });

  it.each([
    [["--id", "x", "--action", "accept"], "corrections add needs --kind event or --kind claim"],
    [["--kind", "place", "--id", "x", "--action", "accept"], '--kind must be event or claim, not "place"'],
    [["--kind", "event", "--action", "accept"], "corrections add needs --id RECORD"],
    [["--kind", "event", "--id", "nonsense", "--action", "accept"], '--id "nonsense" is not a record id'],
    [["--kind", "claim", "--id", "0123456789abcdef-e0", "--action", "accept"], "names an event, not a claim"],
    [["--kind", "event", "--id", "0123456789abcdef-e0"], "corrections add needs --action"],
    [
      ["--kind", "event", "--id", "0123456789abcdef-e0", "--action", "delete"],
      '--action must be accept, reject or edit, not "delete"',
    ],
    [
      ["--kind", "event", "--id", "0123456789abcdef-e0", "--action", "accept", "--code", "174"],
      "--code goes with --action edit",
    ],
    [
      ["--kind", "event", "--id", "0123456789abcdef-e0", "--action", "edit"],
      "--action edit needs a new value: --code, --source, --target, --date",
    ],
    [
      ["--kind", "event", "--id", "0123456789abcdef-e0", "--action", "edit", "--value", "3"],
      "--value is not a field of an event",
    ],
    [
      ["--kind", "claim", "--id", "0123456789abcdef-c0", "--action", "edit", "--value", "many"],
      '--value must be a number, not "many"',
    ],
  ])("refuses add %j: %s", async (args, message) => {
    const { code, stderr } = await runMain(["corrections", "add", ...args, "--db", db], { cwd: dir.path });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it.each([
    [
      () => ["--kind", "event", "--id", expelled.id, "--action", "edit", "--code", "999"],
      "--code: no CAMEO code 999",
    ],
    [
      () => ["--kind", "event", "--id", expelled.id, "--action", "edit", "--date", "March"],
      "--date: must be a date",
    ],
    [
      () => ["--kind", "event", "--id", expelled.id, "--action", "edit", "--target", "person:nobody"],
      "--target: no actor person:nobody",
    ],
  ])("names the flag whose value the record refuses (%#)", async (args, message) => {
    const { code, stderr } = await runMain(["corrections", "add", ...args(), "--db", db], { cwd: dir.path });
    expect({ code, stderr }).toMatchObject({ code: 2, stderr: expect.stringContaining(message) as string });
  });

  it("says which record or correction it cannot find", async () => {
    const missing = await runMain(
      [
        "corrections",
        "add",
        "--kind",
        "event",
        "--id",
        "0123456789abcdef-e0",
        "--action",
        "accept",
        "--db",
        db,
      ],
      { cwd: dir.path },
    );
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no event or claim 0123456789abcdef-e0") as string,
    });
    const undo = await runMain(["corrections", "undo", "9999", "--db", db], { cwd: dir.path });
    expect(undo).toMatchObject({ code: 1, stderr: expect.stringContaining("no correction 9999") as string });
    const bad = await runMain(["corrections", "undo", "last", "--db", db], { cwd: dir.path });
    expect(bad).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'ID must be a correction\'s number (see corrections list), not "last"',
      ) as string,
    });
    const stray = await runMain(["corrections", "list", "--kind", "event", "--db", db], { cwd: dir.path });
    expect(stray).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--kind goes with corrections add") as string,
    });
  });
});
