import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { retryWhileBusy } from "./connection.ts";

const busy = (): Error => new Database.SqliteError("database is locked", "SQLITE_BUSY");

describe("retryWhileBusy", () => {
  it("tries again while SQLite answers busy, then gives the answer", () => {
    let calls = 0;
    const value = retryWhileBusy(() => {
      calls++;
      if (calls < 3) throw busy();
      return "settled";
    });
    expect([value, calls]).toEqual(["settled", 3]);
  });

  it("throws any other error at once", () => {
    let calls = 0;
    const corrupt = new Database.SqliteError("file is not a database", "SQLITE_NOTADB");
    expect(() =>
      retryWhileBusy(() => {
        calls++;
        throw corrupt;
      }),
    ).toThrow(corrupt);
    expect(calls).toBe(1);
  });

  it("gives up with the busy error once its time is out", () => {
    expect(() =>
      retryWhileBusy(() => {
        throw busy();
      }, 60),
    ).toThrow("database is locked");
  });
});
