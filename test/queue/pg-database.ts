import { randomBytes } from "node:crypto";
import pg from "pg";

/** The test server: PostgreSQL on this machine, trust authentication (see README, Tests). */
const SERVER = process.env.TRIANGULATE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432";

export interface TestDatabase {
  /** `postgres://.../triangulate_<purpose>_<pid>_<random>` */
  readonly url: string;
  /** Drops the database, ending any connection left to it. */
  drop(): Promise<void>;
}

async function onServer<T>(database: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/${database}` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database of its own for a test (test files run in parallel, and
 * other checkouts share the server), to be dropped when the test ends.
 */
export async function createTestDatabase(purpose: string): Promise<TestDatabase> {
  const name = `triangulate_${purpose}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer("postgres", (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: `${SERVER}/${name}`,
    drop: () =>
      onServer("postgres", (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
