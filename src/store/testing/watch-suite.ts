import { describe, expect, it } from "vitest";
import type { AlertCondition, NewAlertFiring } from "../../core/alerts.ts";
import type { FeedState } from "../../core/feeds.ts";
import { NEW_FEED_STATE } from "../../core/feeds.ts";
import { charOffset, docIdOrThrow } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import { itemAt } from "./fixtures.ts";

const ADDED = "2026-12-01T10:00:00.000Z";

function firing(rule: number, message: string): NewAlertFiring {
  return {
    rule,
    firedAt: ADDED,
    message,
    evidence: [
      {
        kind: "event",
        doc: docIdOrThrow("0123456789abcdef"),
        start: charOffset(0),
        end: charOffset(12),
        quote: "Iran warned.",
      },
    ],
  };
}

/**
 * The contract of the feed and alert methods of the `Store` port, part of
 * `describeStore`: `current` gives the store of the running test.
 */
export function describeWatchContract(current: () => Store): void {
  describe("feeds", () => {
    it("adds, lists and removes feeds, refusing a URL followed already", async () => {
      const store = current();
      const a = await store.addFeed("http://127.0.0.1:1/a.xml", "Example Times", ADDED);
      const b = await store.addFeed("http://127.0.0.1:1/b.json", null, ADDED);
      expect(a).toEqual({
        id: a.id,
        url: "http://127.0.0.1:1/a.xml",
        outlet: "Example Times",
        added: ADDED,
        state: NEW_FEED_STATE,
      });
      expect(b.id).not.toBe(a.id);
      await expect(store.addFeed(a.url, null, ADDED)).rejects.toMatchObject({ code: "invalid_input" });
      expect((await store.listFeeds()).map((feed) => feed.url)).toEqual([a.url, b.url]);
      expect(await store.removeFeed(a.id)).toBe(true);
      expect(await store.removeFeed(a.id)).toBe(false);
      expect(await store.listFeeds()).toEqual([b]);
      // A removed feed's id is never given to another.
      const c = await store.addFeed(a.url, null, ADDED);
      expect(c.id).not.toBe(a.id);
    });

    it("keeps each feed's polling state", async () => {
      const store = current();
      const feed = await store.addFeed("http://127.0.0.1:1/a.xml", null, ADDED);
      const state: FeedState = {
        etag: 'W/"abc"',
        lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
        lastPolled: "2026-12-01T10:05:00.000Z",
        nextPoll: "2026-12-01T10:20:00.000Z",
        failures: 2,
        lastError: "HTTP 503",
      };
      await store.setFeedState(feed.id, state);
      expect((await store.listFeeds())[0]?.state).toEqual(state);
    });

    it("remembers which articles feeds delivered, whichever feed did", async () => {
      const store = current();
      const a = await store.addFeed("http://127.0.0.1:1/a.xml", null, ADDED);
      const b = await store.addFeed("http://127.0.0.1:1/b.xml", null, ADDED);
      const urls = ["http://x/1", "http://x/2", "http://x/3"];
      expect(await store.unseenArticles(urls)).toEqual(urls);
      await store.markArticlesSeen(a.id, ["http://x/2"]);
      await store.markArticlesSeen(b.id, ["http://x/2", "http://x/3"]);
      expect(await store.unseenArticles(urls)).toEqual(["http://x/1"]);
      expect(await store.unseenArticles([])).toEqual([]);
      // An article counts as the first feed's that delivered it, and goes with it.
      await store.removeFeed(a.id);
      expect(await store.unseenArticles(urls)).toEqual(["http://x/1", "http://x/2"]);
      await store.removeFeed(b.id);
      expect(await store.unseenArticles(urls)).toEqual(urls);
    });
  });

  describe("alerts", () => {
    const conditions: readonly AlertCondition[] = [
      { kind: "dyad", a: "AZE", b: "IRN", goldsteinBelow: -3, windowDays: 30 },
      { kind: "new-conflict", subject: null },
      { kind: "actor-root", actor: "person:ilham-aliyev", rootFrom: 15, rootTo: 20 },
    ];

    it("adds, lists and removes rules, keeping their conditions as given", async () => {
      const store = current();
      const rules = [];
      for (const condition of conditions) {
        rules.push(await store.addAlertRule({ condition, webhook: null, created: ADDED }));
      }
      const hooked = await store.addAlertRule({
        condition: { kind: "new-conflict", subject: "AZE" },
        webhook: "http://127.0.0.1:1/hook",
        created: ADDED,
      });
      expect(await store.listAlertRules()).toEqual([...rules, hooked]);
      expect(rules.map((rule) => rule.condition)).toEqual(conditions);
      expect(await store.removeAlertRule(hooked.id)).toBe(true);
      expect(await store.removeAlertRule(hooked.id)).toBe(false);
      expect(await store.listAlertRules()).toEqual(rules);
    });

    it("stores firings with ids that grow, lists the newest first, and those after an id", async () => {
      const store = current();
      const rule = await store.addAlertRule({
        condition: itemAt(conditions, 0),
        webhook: null,
        created: ADDED,
      });
      const saved = await store.saveAlertFirings([firing(rule.id, "one"), firing(rule.id, "two")]);
      const [first, second] = [itemAt(saved, 0), itemAt(saved, 1)];
      expect(first).toEqual({ ...firing(rule.id, "one"), id: first.id });
      expect(second.id).toBeGreaterThan(first.id);
      const third = itemAt(await store.saveAlertFirings([firing(rule.id, "three")]), 0);
      expect(third.id).toBeGreaterThan(second.id);

      const all = await store.listAlertFirings({ limit: 10, offset: 0 });
      expect(all.total).toBe(3);
      expect(all.items.map((f) => f.message)).toEqual(["three", "two", "one"]);
      const newer = await store.listAlertFirings({ after: first.id, limit: 1, offset: 0 });
      expect(newer).toEqual({ total: 2, items: [third] });
      expect(await store.listAlertFirings({ after: third.id, limit: 0, offset: 0 })).toEqual({
        total: 0,
        items: [],
      });
      // Removing the rule keeps what it fired.
      await store.removeAlertRule(rule.id);
      expect((await store.listAlertFirings({ limit: 10, offset: 0 })).total).toBe(3);
    });
  });
}
