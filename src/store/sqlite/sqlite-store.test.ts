import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../open.ts";
import { describeStore } from "../testing/store-suite.ts";

describeStore("SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-store-"));
  const path = join(dir, "kb.db");
  return Promise.resolve({
    open: () => Promise.resolve(openSqliteStore(path)),
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
});
