import type { Database } from "better-sqlite3";
import { TriangulateError } from "../../core/errors.ts";
import type { FeedRow, FiringRow, RuleRow, WatchStore } from "../watch-rows.ts";
import { toFeed, toFiring, toRule } from "../watch-rows.ts";
import { settle } from "./settle.ts";

const FEED_COLUMNS = `id, url, outlet, added, etag, last_modified AS lastModified, last_polled AS lastPolled,
  next_poll AS nextPoll, failures, last_error AS lastError`;
const FIRING_COLUMNS = "id, rule, fired_at AS firedAt, message, evidence";
/** Article URLs checked per statement (SQLite allows 32,766 parameters). */
const URLS_PER_QUERY = 500;

/** Feeds, delivered articles, alert rules and firings on a migrated SQLite database (migration 0003). */
export function createSqliteWatchStore(db: Database): WatchStore {
  const insertFeed = db.prepare(
    `INSERT INTO feeds (url, outlet, added) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING RETURNING ${FEED_COLUMNS}`,
  );
  const selectFeeds = db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY id`);
  const deleteFeed = db.prepare("DELETE FROM feeds WHERE id = ?");
  const updateFeedState = db.prepare(
    `UPDATE feeds SET etag = ?, last_modified = ?, last_polled = ?, next_poll = ?, failures = ?, last_error = ?
     WHERE id = ?`,
  );
  const insertSeen = db.prepare(
    "INSERT INTO feed_articles (url, feed) VALUES (?, ?) ON CONFLICT (url) DO NOTHING",
  );
  const insertRule = db.prepare(
    "INSERT INTO alert_rules (condition, webhook, created) VALUES (?, ?, ?) RETURNING id, condition, webhook, created",
  );
  const selectRules = db.prepare("SELECT id, condition, webhook, created FROM alert_rules ORDER BY id");
  const deleteRule = db.prepare("DELETE FROM alert_rules WHERE id = ?");
  const insertFiring = db.prepare(
    `INSERT INTO alert_firings (rule, fired_at, message, evidence) VALUES (?, ?, ?, ?) RETURNING ${FIRING_COLUMNS}`,
  );
  const countFirings = db.prepare("SELECT count(*) FROM alert_firings WHERE id > ?").pluck();
  const selectFirings = db.prepare(
    `SELECT ${FIRING_COLUMNS} FROM alert_firings WHERE id > ? ORDER BY id DESC LIMIT ? OFFSET ?`,
  );

  const markSeen = db.transaction((feedId: number, urls: readonly string[]) => {
    for (const url of urls) insertSeen.run(url, feedId);
  });
  const saveFirings = db.transaction((firings: Parameters<WatchStore["saveAlertFirings"]>[0]) =>
    firings.map((firing) =>
      toFiring(
        insertFiring.get(
          firing.rule,
          firing.firedAt,
          firing.message,
          JSON.stringify(firing.evidence),
        ) as FiringRow,
      ),
    ),
  );
  const unseen = (urls: readonly string[]): string[] => {
    const seen = new Set<string>();
    for (let i = 0; i < urls.length; i += URLS_PER_QUERY) {
      const chunk = urls.slice(i, i + URLS_PER_QUERY);
      const rows = db
        .prepare(`SELECT url FROM feed_articles WHERE url IN (${chunk.map(() => "?").join(", ")})`)
        .pluck()
        .all(...chunk) as string[];
      for (const url of rows) seen.add(url);
    }
    return urls.filter((url) => !seen.has(url));
  };

  return {
    addFeed: (url, outlet, added) =>
      settle("cannot add the feed", () => {
        const row = insertFeed.get(url, outlet, added) as FeedRow | undefined;
        if (!row) throw new TriangulateError("invalid_input", `already following ${url}`);
        return toFeed(row);
      }),
    listFeeds: () => settle("cannot list feeds", () => (selectFeeds.all() as FeedRow[]).map(toFeed)),
    removeFeed: (id) => settle("cannot remove the feed", () => deleteFeed.run(id).changes > 0),
    setFeedState: (id, state) =>
      settle("cannot record the feed's state", () => {
        updateFeedState.run(
          state.etag,
          state.lastModified,
          state.lastPolled,
          state.nextPoll,
          state.failures,
          state.lastError,
          id,
        );
      }),
    unseenArticles: (urls) => settle("cannot read delivered articles", () => unseen(urls)),
    markArticlesSeen: (feedId, urls) =>
      settle("cannot record delivered articles", () => {
        markSeen(feedId, urls);
      }),
    addAlertRule: (rule) =>
      settle("cannot add the alert rule", () =>
        toRule(insertRule.get(JSON.stringify(rule.condition), rule.webhook, rule.created) as RuleRow),
      ),
    listAlertRules: () =>
      settle("cannot list alert rules", () => (selectRules.all() as RuleRow[]).map(toRule)),
    removeAlertRule: (id) => settle("cannot remove the alert rule", () => deleteRule.run(id).changes > 0),
    saveAlertFirings: (firings) => settle("cannot save alert firings", () => saveFirings(firings)),
    listAlertFirings: (query) =>
      settle("cannot list alert firings", () => {
        const after = query.after ?? 0;
        const total = countFirings.get(after) as number;
        const items =
          query.limit > 0
            ? (selectFirings.all(after, query.limit, query.offset) as FiringRow[]).map(toFiring)
            : [];
        return { items, total };
      }),
  };
}
