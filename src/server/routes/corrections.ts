import { Hono } from "hono";
import { z } from "zod";
import type { CameoTable } from "../../core/cameo-table.ts";
import type { Correction, NewCorrection, RecordChanges } from "../../core/corrections.ts";
import { snapshotOf } from "../../core/corrections.ts";
import { isStateCode } from "../../core/codes.ts";
import { TriangulateError } from "../../core/errors.ts";
import type { ActorId } from "../../core/ids.ts";
import { actorIdOrThrow, isActorId, isDocId, isIsoDate, isoDateOrThrow } from "../../core/ids.ts";
import type { Correctable, Store } from "../../core/ports.ts";
import type { CountryCode } from "../../core/records.ts";
import { UNITS, countryCodeOrThrow, isPeriod, periodOrThrow } from "../../core/records.ts";
import { ParameterError } from "../errors.ts";
import { noQuery } from "../query.ts";

/** The longest analyst name a request may give. */
const MAX_ANALYST = 100;
/** The header a request names its analyst in (a proxy that knows its users can set it). */
export const ANALYST_HEADER = "Triangulate-Analyst";

const recordRef = z.strictObject({
  doc: z.string().refine(isDocId, "must be a document id (16 hex digits)"),
  record: z.string().min(1, "must be a record id").max(64, "must be a record id"),
});

const eventChanges = z.strictObject({
  cameo: z
    .string()
    .regex(/^\d{2,4}$/, "must be a CAMEO code (2 to 4 digits)")
    .optional(),
  source: z.string().refine(isActorId, "must be a country code (AZE) or an actor id").optional(),
  target: z.string().refine(isActorId, "must be a country code (AZE) or an actor id").nullable().optional(),
  date: z.string().refine(isIsoDate, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD").nullable().optional(),
});

const claimChanges = z.strictObject({
  value: z.number({ error: "must be a number" }).optional(),
  valueMax: z.number({ error: "must be a number" }).nullable().optional(),
  unit: z.enum(UNITS, `must be one of ${UNITS.join(", ")}`).optional(),
  period: z.string().refine(isPeriod, "must be a period (DATE or DATE/DATE)").nullable().optional(),
});

/** The body of `POST /api/corrections`: which record, what the analyst decided, and for an edit the new values. */
export const correctionBody = z.discriminatedUnion(
  "action",
  [
    recordRef.extend({ action: z.enum(["accept", "reject", "split"]) }),
    recordRef.extend({
      action: z.literal("edit"),
      // Checked against the record's kind once it is found (`changesOf`).
      changes: z
        .record(z.string(), z.unknown(), { error: "must be an object of fields" })
        .refine((c) => Object.keys(c).length > 0, "must change a field"),
    }),
    recordRef.extend({ action: z.literal("merge"), with: recordRef }),
  ],
  { error: "must be accept, reject, edit, merge or split" },
);
export type CorrectionBody = z.input<typeof correctionBody>;

export interface CorrectionsApiOptions {
  /** Who corrects when a request does not say (`serve --analyst`). */
  readonly analyst: string;
  readonly cameo: () => CameoTable;
  /** Now, as an ISO 8601 timestamp. */
  readonly now: () => string;
}

/** The JSON body of a request, or a 400 naming the field at fault. */
async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ParameterError("body", "must be a JSON object");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path =
    issue?.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? "?"] : (issue?.path ?? []);
  const message = issue?.code === "unrecognized_keys" ? "unknown field" : (issue?.message ?? "invalid");
  throw new ParameterError(path.length > 0 ? path.join(".") : "body", message);
}

function analystOf(header: string | undefined, fallback: string): string {
  const name = header?.trim() ?? "";
  if (name.length > MAX_ANALYST)
    throw new ParameterError(ANALYST_HEADER, `must be at most ${MAX_ANALYST} characters`);
  return name === "" ? fallback : name;
}

/** The record a body names, as extracted, or a 404. */
async function recordOf(store: Store, ref: z.output<typeof recordRef>): Promise<Correctable> {
  const found = await store.correctable(ref.doc as Parameters<Store["correctable"]>[0], ref.record);
  if (!found)
    throw new TriangulateError("not_found", `no event or claim ${ref.record} in document ${ref.doc}`);
  return found;
}

/** The changes of an edit as `schema` has them, or a 400 naming the field (`changes.date`). */
function parseChanges<S extends z.ZodType>(schema: S, given: unknown): z.output<S> {
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ParameterError(["changes", ...(issue?.path ?? [])].join("."), issue?.message ?? "invalid");
}

/** A side's actor and its country: a state code stands for itself; other actors are looked up. */
async function sideOf(
  store: Store,
  field: string,
  id: string,
): Promise<{ actor: ActorId; country: CountryCode | null }> {
  if (isStateCode(id)) return { actor: actorIdOrThrow(id), country: countryCodeOrThrow(id) };
  const actor = (await store.listActors()).find((a) => a.id === id);
  if (!actor) throw new ParameterError(field, `no actor ${id} in the knowledge base`);
  return { actor: actor.id, country: actor.country };
}

/** The full changes of an edit: a CAMEO code brings its root, Goldstein score and PLOVER category; a side its country. */
async function changesOf(
  store: Store,
  cameo: () => CameoTable,
  target: Correctable,
  given: Readonly<Record<string, unknown>>,
): Promise<RecordChanges> {
  const kind = target.record.type;
  const allowed = kind === "event" ? eventChanges.keyof().options : claimChanges.keyof().options;
  const wrong = Object.keys(given).find((field) => !(allowed as readonly string[]).includes(field));
  if (wrong !== undefined)
    throw new ParameterError(
      `changes.${wrong}`,
      `is not a field of an ${kind === "event" ? "event" : "claim"} (${allowed.join(", ")})`,
    );
  if (kind === "claim") {
    const changes = parseChanges(claimChanges, given);
    const value = changes.value ?? target.record.value;
    const max = changes.valueMax === undefined ? target.record.valueMax : changes.valueMax;
    if (max !== null && max < value) throw new ParameterError("changes.valueMax", "must not be below value");
    const out: Record<string, unknown> = Object.fromEntries(
      Object.entries(changes).filter(([, v]) => v !== undefined),
    );
    if (typeof changes.period === "string") out.period = periodOrThrow(changes.period);
    return out;
  }
  const changes = parseChanges(eventChanges, given);
  const out: Record<string, unknown> = {};
  if (changes.cameo !== undefined) {
    const entry = cameo().get(changes.cameo);
    if (!entry) throw new ParameterError("changes.cameo", `no CAMEO code ${changes.cameo}`);
    Object.assign(out, {
      cameo: entry.code,
      root: entry.root,
      goldstein: entry.goldstein,
      plover: entry.plover,
    });
  }
  if (changes.source !== undefined) {
    const side = await sideOf(store, "changes.source", changes.source);
    Object.assign(out, { source: side.actor, sourceCountry: side.country });
  }
  if (changes.target !== undefined) {
    const side = changes.target === null ? null : await sideOf(store, "changes.target", changes.target);
    Object.assign(out, { target: side?.actor ?? null, targetCountry: side?.country ?? null });
  }
  if (changes.date !== undefined) out.date = changes.date === null ? null : isoDateOrThrow(changes.date);
  return out;
}

/**
 * Analysts' corrections: `GET /corrections` (each with its state: applied,
 * undone or orphaned), `POST /corrections` (accept, reject, edit, merge or
 * split a record), `POST /corrections/:id/undo`. Who made a correction is
 * the request's `Triangulate-Analyst` header, else the server's analyst.
 */
export function createCorrectionsApi(store: Store, options: CorrectionsApiOptions) {
  const save = (fields: Omit<NewCorrection, "by" | "at">, analyst: string): Promise<Correction> =>
    store.addCorrection({ ...fields, by: analyst, at: options.now() });
  const cameo = (): CameoTable => options.cameo();
  return new Hono()
    .get("/corrections", noQuery, async (c) => {
      const items = await store.listCorrections();
      return c.json({ items, total: items.length });
    })
    .post("/corrections", noQuery, async (c) => {
      const body = await parseBody(c.req.raw, correctionBody);
      const analyst = analystOf(c.req.header(ANALYST_HEADER), options.analyst);
      const target = await recordOf(store, body);
      const base = {
        target: target.key,
        original: snapshotOf(target.record),
        changes: null,
        with: null,
        undoes: null,
      };
      if ((body.action === "merge" || body.action === "split") && target.record.type !== "claim") {
        throw new ParameterError("action", `${body.action} is for claims (figures in clusters), not events`);
      }
      let correction: Correction;
      switch (body.action) {
        case "edit":
          correction = await save(
            { ...base, action: "edit", changes: await changesOf(store, cameo, target, body.changes) },
            analyst,
          );
          break;
        case "merge": {
          const other = await recordOf(store, body.with);
          if (other.record.type !== "claim") throw new ParameterError("with.record", "must be a claim");
          if (other.record.id === target.record.id)
            throw new ParameterError("with.record", "must be another claim");
          correction = await save({ ...base, action: "merge", with: other.key }, analyst);
          break;
        }
        default:
          correction = await save({ ...base, action: body.action }, analyst);
      }
      return c.json(correction, 201);
    })
    .post("/corrections/:id/undo", noQuery, async (c) => {
      const raw = c.req.param("id");
      const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
      const history = await store.correctionHistory();
      const undone = history.find((correction) => correction.id === id);
      if (!undone) throw new TriangulateError("not_found", `no correction ${raw}`);
      if (undone.action === "undo")
        throw new ParameterError("id", `correction ${id} is an undo; make the correction again`);
      if (history.some((correction) => correction.undoes === id)) {
        throw new ParameterError("id", `correction ${id} is undone already`);
      }
      const analyst = analystOf(c.req.header(ANALYST_HEADER), options.analyst);
      const undo = await save(
        {
          target: undone.target,
          original: undone.original,
          action: "undo",
          changes: null,
          with: null,
          undoes: id,
        },
        analyst,
      );
      return c.json(undo, 201);
    });
}
