import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CorrectionStatus } from "../../src/core/corrections.ts";
import { snapshotOf } from "../../src/core/corrections.ts";
import { docIdFromSha256 } from "../../src/core/ids.ts";
import type { Store } from "../../src/core/ports.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { runMain, tempDir } from "./harness.ts";

// `triangulate corrections` on a knowledge base ingested by the CLI from a
// text file: corrections made through the store port (as the API makes them)
// survive a re-ingest that redoes the extraction, are listed, exported as
// gold annotations and carried by the JSONL export.

const TEXT = [
  "Iran expelled four Azerbaijani diplomats on April 6.",
  "Azerbaijan condemned Iran for the attack on its embassy in Tehran.",
  "Trade between Azerbaijan and Iran fell 40 percent in 2023.",
].join("\n");

let dir: ReturnType<typeof tempDir>;
let db: string;
let file: string;

async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(db);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function cli(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runMain([...args, "--db", db], { cwd: dir.path });
  expect({ code, stderr: stderr.replace(/^Wrote .*\n$/, "") }).toEqual({ code: 0, stderr: "" });
  return stdout;
}

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.path, "kb.db");
  file = join(dir.path, "embassy-row.txt");
  writeFileSync(file, TEXT);
  await cli("ingest", file, "--published", "2023-04-08", "--outlet", "Caspian Wire");
});
afterAll(() => {
  dir.remove();
});

describe("triangulate corrections", () => {
  it("lists, exports as gold and keeps corrections through a re-ingest that redoes the extraction", async () => {
    const sha256 = (await withStore((store) => store.listDocuments({ limit: 1, offset: 0 }))).items[0]
      ?.sha256;
    const doc = docIdFromSha256(sha256 ?? "");
    const { events, claims } = await withStore((store) => store.getExtraction(doc));
    const expelled = events.find((e) => e.root === "17" || e.root === "16" || e.quote.includes("expelled"));
    const condemned = events.find((e) => e.quote.includes("condemned"));
    const trade = claims.find((c) => c.unit === "percent");
    if (!expelled || !condemned || !trade) throw new Error(`extraction changed: ${JSON.stringify(events)}`);

    await withStore(async (store) => {
      const make = async (id: string, fields: Record<string, unknown>): Promise<void> => {
        const target = await store.correctable(doc, id);
        if (!target) throw new Error(`no record ${id}`);
        await store.addCorrection({
          target: target.key,
          original: snapshotOf(target.record),
          changes: null,
          with: null,
          undoes: null,
          by: "Leyla",
          at: "2026-12-07T04:40:00.000Z",
          action: "accept",
          ...fields,
        });
      };
      await make(expelled.id, { action: "accept" });
      await make(condemned.id, { action: "reject" });
      await make(trade.id, { action: "edit", changes: { value: 45 } });
    });

    // The same text with a new date: stored once, its extraction redone.
    await cli("ingest", file, "--published", "2023-04-09", "--outlet", "Caspian Wire");
    const listed = JSON.parse(await cli("corrections", "list", "--json")) as CorrectionStatus[];
    expect(listed.map((c) => [c.action, c.state, c.by])).toEqual([
      ["accept", "applied", "Leyla"],
      ["reject", "applied", "Leyla"],
      ["edit", "applied", "Leyla"],
    ]);
    const table = await cli("corrections", "list");
    expect(table).toMatch(/edit\s+.*applied\s+value 40 -> 45/);

    await cli("corrections", "export", "--out", "gold");
    expect(readdirSync(join(dir.path, "gold"))).toEqual(["embassy-row.jsonl"]);
    const gold = readFileSync(join(dir.path, "gold", "embassy-row.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(gold.find((r) => r.quote === expelled.quote && r.type === "event")).toEqual({
      type: "event",
      source: "IRN",
      target: "AZE",
      roots: [expelled.root],
      date: "2023-04-06",
      quote: expelled.quote,
    });
    expect(gold.filter((r) => r.quote === condemned.quote && r.type === "event")).toEqual(
      events
        .filter((e) => e.quote === condemned.quote && e.id !== condemned.id && e.modality === "asserted")
        .map(() => expect.objectContaining({ optional: true }) as unknown),
    );
    expect(gold.find((r) => r.type === "claim" && r.unit === "percent")).toMatchObject({ value: 45 });
    expect(gold.find((r) => r.type === "claim" && r.unit === "percent")).not.toHaveProperty("optional");

    const stdout = await cli("corrections", "export");
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { file: string }).file),
    ).toEqual(gold.map(() => "embassy-row.jsonl"));

    const exported = (await cli("export", "--format", "jsonl"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; id?: string; correction?: unknown });
    expect(exported.find((r) => r.id === trade.id)?.correction).toMatchObject({
      status: "edited",
      by: "Leyla",
      at: "2026-12-07T04:40:00.000Z",
      original: { value: 40 },
    });
    expect(exported.map((r) => r.id)).not.toContain(condemned.id);
  });

  it("says what it takes on a usage error", async () => {
    const { code, stderr } = await runMain(["corrections", "list", "--out", "x", "--db", db], {
      cwd: dir.path,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("--out goes with corrections export");
  });
});
