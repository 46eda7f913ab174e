import { z } from "zod";
import type { CameoTable } from "../core/cameo-table.ts";
import type { Correction, NewCorrection, RecordChanges } from "../core/corrections.ts";
import { snapshotOf } from "../core/corrections.ts";
import { isStateCode } from "../core/codes.ts";
import { TriangulateError } from "../core/errors.ts";
import type { ActorId } from "../core/ids.ts";
import { actorIdOrThrow, isActorId, isDocId, isIsoDate, isoDateOrThrow } from "../core/ids.ts";
import type { Correctable, Store } from "../core/ports.ts";
import type { CountryCode } from "../core/records.ts";
import { UNITS, countryCodeOrThrow, isPeriod, periodOrThrow } from "../core/records.ts";
import { ParameterError } from "./errors.ts";

// Making analysts' corrections, as the API and the CLI (`triangulate
// corrections add|undo`) both do: which record, what the analyst decided,
// the full changes of an edit, undoing one. A field at fault is a
// `ParameterError` naming it as the API's body does (`changes.cameo`); each
// edge says it in its own terms.

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
/** A correction request as `correctionBody` checked it. */
export type CorrectionRequest = z.output<typeof correctionBody>;

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

/** What making a correction needs besides the store. */
export interface CorrectionMakerOptions {
  readonly cameo: () => CameoTable;
  /** Now, as an ISO 8601 timestamp. */
  readonly now: () => string;
}

/** Makes and undoes corrections on one store. */
export interface CorrectionMaker {
  /** Accepts, rejects, edits, merges or splits the record a request names, as `analyst`. */
  make(request: CorrectionRequest, analyst: string): Promise<Correction>;
  /** Retracts correction `id`, as `analyst`. */
  undo(id: number, analyst: string): Promise<Correction>;
}

/**
 * Corrections of `store`'s records: each request checked against the record
 * it names (a merge or split is for claims, an edit changes fields of its
 * kind), stored with who and when.
 *
 * @example await createCorrectionMaker(store, { cameo, now }).make({ doc, record, action: "reject" }, "amira")
 */
export function createCorrectionMaker(store: Store, options: CorrectionMakerOptions): CorrectionMaker {
  const save = (fields: Omit<NewCorrection, "by" | "at">, analyst: string): Promise<Correction> =>
    store.addCorrection({ ...fields, by: analyst, at: options.now() });
  return {
    async make(request, analyst) {
      const target = await recordOf(store, request);
      const base = {
        target: target.key,
        original: snapshotOf(target.record),
        changes: null,
        with: null,
        undoes: null,
      };
      if ((request.action === "merge" || request.action === "split") && target.record.type !== "claim") {
        throw new ParameterError(
          "action",
          `${request.action} is for claims (figures in clusters), not events`,
        );
      }
      switch (request.action) {
        case "edit":
          return save(
            {
              ...base,
              action: "edit",
              changes: await changesOf(store, options.cameo, target, request.changes),
            },
            analyst,
          );
        case "merge": {
          const other = await recordOf(store, request.with);
          if (other.record.type !== "claim") throw new ParameterError("with.record", "must be a claim");
          if (other.record.id === target.record.id)
            throw new ParameterError("with.record", "must be another claim");
          return save({ ...base, action: "merge", with: other.key }, analyst);
        }
        default:
          return save({ ...base, action: request.action }, analyst);
      }
    },
    async undo(id, analyst) {
      const history = await store.correctionHistory();
      const undone = history.find((correction) => correction.id === id);
      if (!undone) throw new TriangulateError("not_found", `no correction ${id}`);
      if (undone.action === "undo")
        throw new ParameterError("id", `correction ${id} is an undo; make the correction again`);
      if (history.some((correction) => correction.undoes === id)) {
        throw new ParameterError("id", `correction ${id} is undone already`);
      }
      return save(
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
    },
  };
}
