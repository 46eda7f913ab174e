import { afterAll, beforeAll } from "vitest";
import { openPostgresStore } from "../open.ts";
import { describeStore } from "../testing/store-suite.ts";
import type { TestDatabase } from "../testing/postgres.ts";
import { createTestDatabase } from "../testing/postgres.ts";

// The contract suite (the watch suite included) on a real PostgreSQL server,
// in a database of this file's own. The first test's store is migrated from
// nothing; later tests get the same schema emptied, which is much quicker
// than migrating a new one each.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("store");
});
afterAll(async () => {
  await database.drop();
});

describeStore("PostgreSQL", () =>
  Promise.resolve({
    open: () => openPostgresStore(database.url),
    dispose: () => database.empty(),
  }),
);
