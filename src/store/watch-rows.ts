import { z } from "zod";
import type { AlertCondition, AlertEvidence, AlertFiring, AlertRule } from "../core/alerts.ts";
import type { Feed } from "../core/feeds.ts";
import { TriangulateError } from "../core/errors.ts";
import { charOffset, docIdOrThrow } from "../core/ids.ts";
import type { Store } from "../core/ports.ts";

// Feeds, alert rules and firings as the adapters' SELECTs return them. Rules
// and firings keep their condition and evidence as JSON; reading it back is a
// trust boundary shared by every adapter.

const Condition = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("dyad"),
    a: z.string(),
    b: z.string(),
    goldsteinBelow: z.number(),
    windowDays: z.number().int().positive(),
  }),
  z.strictObject({ kind: z.literal("new-conflict"), subject: z.string().nullable() }),
  z.strictObject({
    kind: z.literal("actor-root"),
    actor: z.string(),
    rootFrom: z.number().int().min(1).max(20),
    rootTo: z.number().int().min(1).max(20),
  }),
]);

const Evidence = z.array(
  z.strictObject({
    kind: z.enum(["event", "claim"]),
    doc: z.string().transform(docIdOrThrow),
    start: z.number().transform(charOffset),
    end: z.number().transform(charOffset),
    quote: z.string(),
  }),
);

function parseJson<T>(schema: z.ZodType<T>, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new TriangulateError("invalid_data", `stored ${what} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new TriangulateError("invalid_data", `stored ${what} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function conditionFromJson(json: string): AlertCondition {
  return parseJson(Condition, json, "alert condition");
}

export function evidenceFromJson(json: string): readonly AlertEvidence[] {
  return parseJson(Evidence, json, "alert evidence");
}

/** The part of the `Store` port the watch loop and alerts use. */
export type WatchStore = Pick<
  Store,
  | "addFeed"
  | "listFeeds"
  | "removeFeed"
  | "setFeedState"
  | "unseenArticles"
  | "markArticlesSeen"
  | "addAlertRule"
  | "listAlertRules"
  | "removeAlertRule"
  | "saveAlertFirings"
  | "listAlertFirings"
>;

export interface FeedRow {
  readonly id: number;
  readonly url: string;
  readonly outlet: string | null;
  readonly added: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolled: string | null;
  readonly nextPoll: string | null;
  readonly failures: number;
  readonly lastError: string | null;
}

export interface RuleRow {
  readonly id: number;
  readonly condition: string;
  readonly webhook: string | null;
  readonly created: string;
}

export interface FiringRow {
  readonly id: number;
  readonly rule: number;
  readonly firedAt: string;
  readonly message: string;
  readonly evidence: string;
}

export function toFeed(row: FeedRow): Feed {
  const { id, url, outlet, added, ...state } = row;
  return { id, url, outlet, added, state };
}

export function toRule(row: RuleRow): AlertRule {
  return {
    id: row.id,
    condition: conditionFromJson(row.condition),
    webhook: row.webhook,
    created: row.created,
  };
}

export function toFiring(row: FiringRow): AlertFiring {
  return {
    id: row.id,
    rule: row.rule,
    firedAt: row.firedAt,
    message: row.message,
    evidence: evidenceFromJson(row.evidence),
  };
}
