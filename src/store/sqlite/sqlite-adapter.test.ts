import Database from "better-sqlite3";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../open.ts";
import { itemAt, sampleCorpus } from "../testing/fixtures.ts";
import { openDatabase } from "./connection.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { migrate } from "./migrator.ts";
import type { Migration } from "./migrator.ts";

// What only the SQLite adapter has: the file, its pragmas and its migrations.
// The behaviour shared with other stores is in sqlite-store.test.ts.

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "triangulate-sqlite-"));
  path = join(dir, "kb.db");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("openSqliteStore read-only", () => {
  it("reads what the writer's connection stores, refuses to write, and needs the file to exist", async () => {
    const writer = openSqliteStore(path);
    const [first, second] = sampleCorpus();
    if (!first || !second) throw new Error("the sample corpus has two documents or more");
    await writer.saveDocument(first.doc, first.extraction);
    const reader = openSqliteStore(path, { readOnly: true });
    await writer.saveDocument(second.doc, second.extraction);
    expect((await reader.stats()).documents).toBe(2);
    await expect(reader.saveDocument(first.doc, first.extraction)).rejects.toThrow(/readonly/);
    await reader.close();
    await writer.close();
    expect(() => openSqliteStore(join(dir, "missing.db"), { readOnly: true })).toThrow(/missing\.db/);
  });
});

describe("openDatabase", () => {
  it("uses WAL, foreign keys and a busy timeout", () => {
    const db = openDatabase(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it.each([
    [
      "a file that is not a database",
      () => {
        writeFileSync(path, "hello, this is text\n".repeat(100));
      },
    ],
    [
      "a folder that does not exist",
      () => {
        path = join(dir, "missing", "kb.db");
      },
    ],
  ])("fails with store_failed on %s", (_, arrange) => {
    arrange();
    expect(() => openSqliteStore(path)).toThrow(expect.objectContaining({ code: "store_failed" }) as Error);
  });
});

describe("migrate", () => {
  it("applies every migration once and records the version", () => {
    const db = openDatabase(path);
    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
    const again = openDatabase(path);
    expect(migrate(again, MIGRATIONS)).toEqual([]);
    again.close();
  });

  it("applies only the new ones, and nothing of a failing one", () => {
    const db = openDatabase(path);
    migrate(db, MIGRATIONS);
    const added: Migration = {
      version: MIGRATIONS.length + 1,
      name: "notes",
      up: (m) => {
        m.exec("CREATE TABLE notes (x)");
      },
    };
    const broken: Migration = {
      version: MIGRATIONS.length + 2,
      name: "broken",
      up: (m) => {
        m.exec("CREATE TABLE half (x); CREATE TABLE nonsense (");
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, added, broken])).toThrow(/migration \d+ \(broken\) failed/);
    // One transaction: the good new migration is rolled back with the broken one.
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('notes', 'half')").all()).toEqual([]);
    expect(migrate(db, [...MIGRATIONS, added])).toEqual([{ version: added.version, name: "notes" }]);
    db.close();
  });

  it("refuses a database from a newer Triangulate", () => {
    const db = openDatabase(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(expect.objectContaining({ code: "unsupported" }) as Error);
  });

  it("refuses migrations numbered out of order", () => {
    const db = openDatabase(path);
    expect(() => migrate(db, [{ version: 2, name: "x", up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });
});

/**
 * A store as migration `version` left it, holding one document, the actor
 * IRN and one event that `insertEvent` (SQL with the document id as its one
 * parameter) saved then.
 */
function storeAtVersion(version: number, insertEvent: string): void {
  const first = itemAt(sampleCorpus(), 0);
  const db = openDatabase(path);
  migrate(db, MIGRATIONS.slice(0, version));
  db.prepare("INSERT INTO documents (id, sha256, uri, language, text) VALUES (?, ?, ?, ?, ?)").run(
    first.doc.id,
    first.doc.sha256,
    first.doc.uri,
    first.doc.language,
    first.doc.text,
  );
  db.prepare("INSERT INTO actors (id, kind, name, country) VALUES ('IRN', 'state', 'Iran', 'IRN')").run();
  db.prepare(insertEvent).run(first.doc.id);
  db.close();
}

describe("migration 0003 (event rules)", () => {
  it("keeps the events of an older store, their rule unrecorded", async () => {
    storeAtVersion(
      2,
      `INSERT INTO events (id, doc, day_first, source, cameo, root, goldstein, modality, quote, start, "end")
       VALUES ('old-e0', ?, '~', 'IRN', '112', '11', -2, 'asserted', 'x', 0, 1)`,
    );
    const store = openSqliteStore(path);
    const events = await store.listEvents({ limit: 10, offset: 0 });
    expect(events.items).toMatchObject([{ id: "old-e0", cameo: "112", root: "11", rule: null }]);
    await store.close();
  });
});

describe("migration 0007 (event locations)", () => {
  it("keeps the events of an older store, where they happened unrecorded", async () => {
    storeAtVersion(
      6,
      `INSERT INTO events (id, doc, day_first, source, source_country, cameo, root, goldstein, modality, rule,
         quote, start, "end")
       VALUES ('old-e0', ?, '~', 'IRN', 'IRN', '112', '11', -2, 'asserted', 'verb pattern', 'x', 0, 1)`,
    );
    const store = openSqliteStore(path);
    const events = await store.listEvents({ limit: 10, offset: 0 });
    expect(events.items).toMatchObject([
      { id: "old-e0", sourceCountry: "IRN", rule: "verb pattern", location: null },
    ]);
    // A new extraction of the document stores its events' places.
    const visit = itemAt(sampleCorpus(), 1);
    await store.saveDocument(visit.doc, visit.extraction);
    expect((await store.getExtraction(visit.doc.id)).events.map((e) => e.location)).toEqual(["AZE", null]);
    await store.close();
  });
});

describe("reading back", () => {
  it("rejects an event whose root is not a CAMEO root", async () => {
    const store = openSqliteStore(path);
    const first = itemAt(sampleCorpus(), 0);
    await store.saveDocument(first.doc, first.extraction);
    await store.close();
    const raw = new Database(path);
    raw.prepare("UPDATE events SET root = '21'").run();
    raw.close();
    const reopened = openSqliteStore(path);
    await expect(reopened.listEvents({ limit: 10, offset: 0 })).rejects.toMatchObject({
      code: "invalid_data",
      message: expect.stringContaining("events.root") as string,
    });
    await reopened.close();
  });

  it.each([
    ["not JSON", "[AZE"],
    ["not an array of codes", '["AZE", 7]'],
    ["lower-case codes", '["aze"]'],
  ])("rejects claim subjects that are %s", async (_, subjects) => {
    const store = openSqliteStore(path);
    const first = itemAt(sampleCorpus(), 0);
    await store.saveDocument(first.doc, first.extraction);
    await store.close();
    const raw = new Database(path);
    raw.prepare("UPDATE claims SET subjects = ?").run(subjects);
    raw.close();
    const reopened = openSqliteStore(path);
    await expect(reopened.listClaims({ limit: 10, offset: 0 })).rejects.toMatchObject({
      code: "invalid_data",
      message: expect.stringContaining("claims.subjects") as string,
    });
    await reopened.close();
  });
});
