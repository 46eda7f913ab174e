import { TriangulateError } from "../../core/errors.ts";
import { attempt } from "../store-error.ts";
import type { FeedRow, FiringRow, RuleRow, WatchStore } from "../watch-rows.ts";
import { toFeed, toFiring, toRule } from "../watch-rows.ts";
import type { Pool } from "./connection.ts";
import { inTransaction } from "./connection.ts";

const FEED_COLUMNS = `id, url, outlet, added, etag, last_modified AS "lastModified", last_polled AS "lastPolled",
  next_poll AS "nextPoll", failures, last_error AS "lastError"`;
const FIRING_COLUMNS = `id, rule, fired_at AS "firedAt", message, evidence`;

/** Feeds, delivered articles, alert rules and firings on a migrated PostgreSQL database (migration 0002). */
export function createPostgresWatchStore(pool: Pool): WatchStore {
  const rows = async <T>(sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await pool.query<T & object>(sql, [...params])).rows;
  const changed = async (sql: string, params: readonly unknown[]): Promise<boolean> =>
    ((await pool.query(sql, [...params])).rowCount ?? 0) > 0;

  return {
    addFeed: (url, outlet, added) =>
      attempt("cannot add the feed", async () => {
        const [row] = await rows<FeedRow>(
          `INSERT INTO feeds (url, outlet, added) VALUES ($1, $2, $3)
           ON CONFLICT (url) DO NOTHING RETURNING ${FEED_COLUMNS}`,
          [url, outlet, added],
        );
        if (!row) throw new TriangulateError("invalid_input", `already following ${url}`);
        return toFeed(row);
      }),
    listFeeds: () =>
      attempt("cannot list feeds", async () =>
        (await rows<FeedRow>(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY id`)).map(toFeed),
      ),
    removeFeed: (id) =>
      attempt("cannot remove the feed", () => changed("DELETE FROM feeds WHERE id = $1", [id])),
    setFeedState: (id, state) =>
      attempt("cannot record the feed's state", async () => {
        await pool.query(
          `UPDATE feeds SET etag = $1, last_modified = $2, last_polled = $3, next_poll = $4, failures = $5,
             last_error = $6 WHERE id = $7`,
          [
            state.etag,
            state.lastModified,
            state.lastPolled,
            state.nextPoll,
            state.failures,
            state.lastError,
            id,
          ],
        );
      }),
    unseenArticles: (urls) =>
      attempt("cannot read delivered articles", async () => {
        if (urls.length === 0) return [];
        const seen = new Set(
          (
            await rows<{ url: string }>("SELECT url FROM feed_articles WHERE url = ANY($1::text[])", [urls])
          ).map((row) => row.url),
        );
        return urls.filter((url) => !seen.has(url));
      }),
    markArticlesSeen: (feedId, urls) =>
      attempt("cannot record delivered articles", async () => {
        // Another watcher may deliver the same article at once: the first row stays.
        await pool.query(
          `INSERT INTO feed_articles (url, feed) SELECT url, $2 FROM unnest($1::text[]) AS url
           ON CONFLICT (url) DO NOTHING`,
          [urls, feedId],
        );
      }),
    addAlertRule: (rule) =>
      attempt("cannot add the alert rule", async () => {
        const [row] = await rows<RuleRow>(
          "INSERT INTO alert_rules (condition, webhook, created) VALUES ($1, $2, $3) RETURNING id, condition, webhook, created",
          [JSON.stringify(rule.condition), rule.webhook, rule.created],
        );
        if (!row) throw new TriangulateError("store_failed", "cannot add the alert rule: no row returned");
        return toRule(row);
      }),
    listAlertRules: () =>
      attempt("cannot list alert rules", async () =>
        (await rows<RuleRow>("SELECT id, condition, webhook, created FROM alert_rules ORDER BY id")).map(
          toRule,
        ),
      ),
    removeAlertRule: (id) =>
      attempt("cannot remove the alert rule", () => changed("DELETE FROM alert_rules WHERE id = $1", [id])),
    saveAlertFirings: (firings) =>
      attempt("cannot save alert firings", () =>
        inTransaction(pool, async (client) => {
          // One by one, so that ids follow the list's order.
          const saved = [];
          for (const firing of firings) {
            const {
              rows: [row],
            } = await client.query<FiringRow>(
              `INSERT INTO alert_firings (rule, fired_at, message, evidence) VALUES ($1, $2, $3, $4)
               RETURNING ${FIRING_COLUMNS}`,
              [firing.rule, firing.firedAt, firing.message, JSON.stringify(firing.evidence)],
            );
            if (!row) throw new TriangulateError("store_failed", "no firing returned");
            saved.push(toFiring(row));
          }
          return saved;
        }),
      ),
    listAlertFirings: (query) =>
      attempt("cannot list alert firings", async () => {
        const after = query.after ?? 0;
        const [count] = await rows<{ n: number }>(
          "SELECT count(*)::integer AS n FROM alert_firings WHERE id > $1",
          [after],
        );
        const items =
          query.limit > 0
            ? (
                await rows<FiringRow>(
                  `SELECT ${FIRING_COLUMNS} FROM alert_firings WHERE id > $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
                  [after, query.limit, query.offset],
                )
              ).map(toFiring)
            : [];
        return { items, total: count?.n ?? 0 };
      }),
  };
}
