import { Hono } from "hono";
import type { z } from "zod";
import { TriangulateError } from "../../core/errors.ts";
import type { Store } from "../../core/ports.ts";
import { ParameterError } from "../errors.ts";
import type { CorrectionMakerOptions } from "../make-correction.ts";
import { correctionBody, createCorrectionMaker } from "../make-correction.ts";
import { noQuery } from "../query.ts";
import { MAX_ANALYST } from "../../core/limits.ts";

export type { CorrectionBody } from "../make-correction.ts";

/** The longest analyst name a request may give. */
/** The header a request names its analyst in (a proxy that knows its users can set it). */
export const ANALYST_HEADER = "Triangulate-Analyst";

export interface CorrectionsApiOptions extends CorrectionMakerOptions {
  /** Who corrects when a request does not say (`serve --analyst`). */
  readonly analyst: string;
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

/**
 * Analysts' corrections: `GET /corrections` (each with its state: applied,
 * undone or orphaned), `POST /corrections` (accept, reject, edit, merge or
 * split a record), `POST /corrections/:id/undo`. Who made a correction is
 * the request's `Triangulate-Analyst` header, else the server's analyst.
 */
export function createCorrectionsApi(store: Store, options: CorrectionsApiOptions) {
  const maker = createCorrectionMaker(store, options);
  return new Hono()
    .get("/corrections", noQuery, async (c) => {
      const items = await store.listCorrections();
      return c.json({ items, total: items.length });
    })
    .post("/corrections", noQuery, async (c) => {
      const body = await parseBody(c.req.raw, correctionBody);
      const analyst = analystOf(c.req.header(ANALYST_HEADER), options.analyst);
      return c.json(await maker.make(body, analyst), 201);
    })
    .post("/corrections/:id/undo", noQuery, async (c) => {
      const raw = c.req.param("id");
      const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isNaN(id)) throw new TriangulateError("not_found", `no correction ${raw}`);
      const analyst = analystOf(c.req.header(ANALYST_HEADER), options.analyst);
      return c.json(await maker.undo(id, analyst), 201);
    });
}
