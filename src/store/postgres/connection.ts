import pg from "pg";

/** The part of node-postgres the adapter uses: a pool of connections to one database. */
export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/**
 * A pool of connections to the database at `url`. Nothing connects until the
 * first query. An idle connection that the server drops (a restart) is only
 * discarded by the pool: the next query opens a new one.
 */
export function createPool(url: string): Pool {
  const pool = new pg.Pool({ connectionString: url, application_name: "triangulate" });
  // Without a listener, an idle client's error would end the process.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * Runs `work` in a transaction on one connection of the pool: committed when
 * it returns, rolled back when it throws (or when `rollback` says so of its
 * result, for work that turned out to change nothing).
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  rollback: (result: T) => boolean = () => false,
): Promise<T> {
  const client = await pool.connect();
  // A connection that cannot even roll back is closed, not given back to the pool.
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query(rollback(result) ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Whether an error is about one document's data (SQLSTATE class 22, a bad
 * value, or 23, a broken constraint), as opposed to the database's own
 * (connection lost, out of space, shut down), which no retry of a document mends.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^2[23][0-9A-Z]{3}$/.test(code);
}
