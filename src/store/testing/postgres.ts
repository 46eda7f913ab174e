import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The PostgreSQL server tests use: a database of the server they may create
 * databases from (`TRIANGULATE_TEST_PG`, else the local server as the README sets it up).
 */
export const TEST_SERVER_URL =
  process.env.TRIANGULATE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A database of a test's own, dropped at the end. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Empties every table but the migrations' record, restarting ids: a store as new, without migrating again. */
  empty(): Promise<void>;
  drop(): Promise<void>;
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.href;
}

/**
 * Creates a uniquely named database (`triangulate_<purpose>_<pid>_<random>`),
 * so that test files and helpers running at once never meet.
 */
export async function createTestDatabase(purpose: string): Promise<TestDatabase> {
  const name = `triangulate_${purpose}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer(TEST_SERVER_URL, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(TEST_SERVER_URL, name);
  return {
    name,
    url,
    async empty() {
      await onServer(url, (client) =>
        client.query(`DO $$ BEGIN
          EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I', tablename), ', ') || ' RESTART IDENTITY CASCADE'
                   FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'triangulate_migrations');
        END $$`),
      );
    },
    async drop() {
      await onServer(TEST_SERVER_URL, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}
