import { z } from "zod";
import type { AlertCondition, AlertEvidence } from "../core/alerts.ts";
import { TriangulateError } from "../core/errors.ts";
import { charOffset, docIdOrThrow } from "../core/ids.ts";

// Alert rules and firings keep their condition and evidence as JSON; reading
// it back is a trust boundary shared by every adapter.

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
