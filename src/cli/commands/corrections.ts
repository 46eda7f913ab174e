import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Correction, CorrectionStatus } from "../../core/corrections.ts";
import { TriangulateError } from "../../core/errors.ts";
import type { DocId } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import type { GoldRecord } from "../../export/gold.ts";
import { goldFileName, goldRecords } from "../../export/gold.ts";
import { loadCameoTable } from "../../knowledge/load.ts";
import { ParameterError } from "../../server/errors.ts";
import type { CorrectionRequest } from "../../server/make-correction.ts";
import { createCorrectionMaker } from "../../server/make-correction.ts";
import { analystName } from "../analyst.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { writeFileAtomically } from "../output.ts";
import { clip, formatTable, writeJson } from "./analysis-common.ts";
import { withStore } from "./feeds.ts";

const HELP = `Usage: triangulate corrections add --kind event|claim --id RECORD --action accept|reject|edit
                                [--code C] [--source X] [--target X] [--date D] [--value N]
       triangulate corrections undo ID
       triangulate corrections list [--json]
       triangulate corrections export [--out DIR]

The analysts' corrections of events and claims (made here, in the workbench
or through POST /api/corrections). They are kept apart from the extraction,
so they survive a re-ingest, and an undo is a correction of its own.

  add      accept, reject or edit one record: --id is its id as events,
           claims and exports give it (DOCID-eN for an event, DOCID-cN for
           a claim); an edit gives the new values: --code (a CAMEO code; its
           root, Goldstein score and PLOVER category follow), --source,
           --target (a country code or an actor id), --date (YYYY, YYYY-MM or
           YYYY-MM-DD) for an event, --value for a claim
  undo     retracts correction ID (as list numbers them)
  list     every correction, oldest first: who, when, what, and its state
           (applied; undone; orphaned: no record has its key any more)
  export   the corrected documents as gold annotations of the eval
           (../shared/eval/GUIDE.md): records an analyst accepted or edited
           are required, the others of the document optional, rejected ones
           absent. --out DIR writes one DIR/<article>.jsonl per document, as
           score.mjs --gold DIR reads them; without it, JSONL on stdout with
           each record's "file"

Options:
${DB_HELP}
  --analyst NAME     (add, undo) who corrects (default: $TRIANGULATE_ANALYST,
                     else the system user)
  --json             (add, undo) print the correction as JSON; (list) one
                     JSON array
  --out DIR          (export) the folder to write the gold files to (created)
  -h, --help         show this help

Examples:
  triangulate corrections add --kind event --id fce622986cd72e72-e0 --action edit --code 181
  triangulate corrections undo 3
  triangulate corrections export --out regressions/
  node ../shared/eval/score.mjs --gold regressions --pred kb.jsonl
`;

/** The gold files of the documents with record corrections in force, by file name. */
async function goldFiles(store: Store): Promise<Map<string, GoldRecord[]>> {
  const docs = new Set<DocId>();
  for (const c of await store.listCorrections()) {
    if (c.state === "applied" && (c.action === "accept" || c.action === "reject" || c.action === "edit")) {
      docs.add(c.doc);
    }
  }
  const files = new Map<string, GoldRecord[]>();
  for (const doc of docs) {
    const document = await store.getDocument(doc);
    if (!document) continue;
    const extraction = await store.getExtraction(doc);
    const name = goldFileName(document.uri);
    files.set(name, [...(files.get(name) ?? []), ...goldRecords({ document, ...extraction })]);
  }
  return files;
}

function formatCorrections(corrections: readonly CorrectionStatus[]): string {
  return formatTable(
    ["id", "when", "who", "action", "record", "state", "changes"],
    corrections.map((c) => [
      c.id,
      c.at.slice(0, 16).replace("T", " "),
      clip(c.by, 20),
      c.action === "undo" ? `undo ${c.undoes ?? ""}` : c.action,
      c.record ?? `${c.doc} ${c.target.kind} ${c.target.start}-${c.target.end}`,
      c.state,
      clip(
        Object.entries(c.changes ?? {})
          .map(
            ([field, value]) => `${field} ${JSON.stringify(c.original[field])} -> ${JSON.stringify(value)}`,
          )
          .join(", "),
        60,
      ),
    ]),
  );
}

/** The flags of `corrections add` that give an edit's new values, by the field of the API's `changes` they set. */
const EDIT_FLAGS = {
  event: { code: "cameo", source: "source", target: "target", date: "date" },
  claim: { value: "value" },
} as const;

type EditFlag = keyof (typeof EDIT_FLAGS)["event"] | keyof (typeof EDIT_FLAGS)["claim"];
const ALL_EDIT_FLAGS: readonly EditFlag[] = ["code", "source", "target", "date", "value"];
/** Flags that belong to one action only. */
const ADD_FLAGS = ["kind", "id", "action", ...ALL_EDIT_FLAGS] as const;

/** A record id as lists and exports give it: its document's id, then `-eN` (event) or `-cN` (claim). */
const RECORD_ID = /^([0-9a-f]{16})-([ec])\d+$/;

/** The flag (or argument) that gave the field a `ParameterError` names. */
function flagOf(parameter: string): string {
  const field = parameter.replace(/^changes\./, "");
  for (const [flag, name] of Object.entries({ ...EDIT_FLAGS.event, ...EDIT_FLAGS.claim })) {
    if (name === field) return `--${flag}`;
  }
  return parameter === "id" ? "ID" : parameter === "action" ? "--action" : "--id";
}

/** What the store or the checks of a correction refused, said in the command line's terms. */
async function asCommandLine<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ParameterError) {
      throw new TriangulateError("usage", `${flagOf(error.parameter)}: ${error.reason}`, { cause: error });
    }
    throw error;
  }
}

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** The request `corrections add` makes, checked flag by flag. */
function addRequest(values: Values): CorrectionRequest {
  const given = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const kind = given("kind");
  const id = given("id");
  const action = given("action");
  if (kind === undefined)
    throw new TriangulateError("usage", "corrections add needs --kind event or --kind claim");
  if (kind !== "event" && kind !== "claim")
    throw new TriangulateError("usage", `--kind must be event or claim, not "${kind}"`);
  if (id === undefined) throw new TriangulateError("usage", "corrections add needs --id RECORD");
  const match = RECORD_ID.exec(id);
  if (!match)
    throw new TriangulateError(
      "usage",
      `--id "${id}" is not a record id (DOCID-eN for an event, DOCID-cN for a claim, as events and claims list them)`,
    );
  const named = match[2] === "e" ? "event" : "claim";
  if (named !== kind)
    throw new TriangulateError(
      "usage",
      `--id ${id} names ${named === "event" ? "an event" : "a claim"}, not ${kind === "event" ? "an event" : "a claim"} (--kind ${kind})`,
    );
  if (action === undefined)
    throw new TriangulateError("usage", "corrections add needs --action accept, reject or edit");
  const edits = ALL_EDIT_FLAGS.filter((flag) => given(flag) !== undefined);
  const ref = { doc: match[1] ?? "", record: id };
  switch (action) {
    case "accept":
    case "reject": {
      const [edit] = edits;
      if (edit !== undefined) throw new TriangulateError("usage", `--${edit} goes with --action edit`);
      return { ...ref, action };
    }
    case "edit": {
      const fields: Readonly<Record<string, string>> = EDIT_FLAGS[kind];
      const wrong = edits.find((flag) => !(flag in fields));
      if (wrong !== undefined) {
        const own = Object.keys(fields)
          .map((flag) => `--${flag}`)
          .join(", ");
        throw new TriangulateError(
          "usage",
          `--${wrong} is not a field of ${kind === "event" ? "an event" : "a claim"} (${own})`,
        );
      }
      if (edits.length === 0) {
        const own = Object.keys(fields)
          .map((flag) => `--${flag}`)
          .join(", ");
        throw new TriangulateError("usage", `--action edit needs a new value: ${own}`);
      }
      const changes: Record<string, unknown> = {};
      for (const flag of edits) {
        const value = given(flag) ?? "";
        const field = fields[flag] ?? flag;
        if (flag === "value") {
          const number = value.trim() === "" ? Number.NaN : Number(value);
          if (!Number.isFinite(number))
            throw new TriangulateError("usage", `--value must be a number, not "${value}"`);
          changes[field] = number;
        } else changes[field] = value;
      }
      return { ...ref, action: "edit", changes };
    }
    default:
      throw new TriangulateError("usage", `--action must be accept, reject or edit, not "${action}"`);
  }
}

/** The id `corrections undo` takes. */
function undoId(raw: string | undefined): number {
  if (raw === undefined)
    throw new TriangulateError(
      "usage",
      "corrections undo needs the ID of a correction (see corrections list)",
    );
  if (!/^\d{1,15}$/.test(raw))
    throw new TriangulateError(
      "usage",
      `ID must be a correction's number (see corrections list), not "${raw}"`,
    );
  return Number(raw);
}

/** One line for a correction just made. */
function summaryOf(correction: Correction, kind: string): string {
  const what =
    correction.action === "undo"
      ? `undo of correction ${correction.undoes ?? ""}`
      : `${correction.action} of ${kind}`;
  return `correction ${correction.id}: ${what} by ${correction.by} at ${correction.at}\n`;
}

/** `triangulate corrections`: make, undo, list and export the analysts' corrections. */
export const correctionsCommand: Command = {
  name: "corrections",
  summary: "make, undo, list and export the analysts' corrections (as gold annotations of the eval)",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        db: { type: "string" },
        json: { type: "boolean", default: false },
        out: { type: "string" },
        analyst: { type: "string" },
        kind: { type: "string" },
        id: { type: "string" },
        action: { type: "string" },
        code: { type: "string" },
        source: { type: "string" },
        target: { type: "string" },
        date: { type: "string" },
        value: { type: "string" },
      },
      { positionals: true },
    );
    const [action, argument, extra] = positionals;
    const stray = action === "undo" ? extra : argument;
    if (stray !== undefined) throw new TriangulateError("usage", `unexpected argument '${stray}'`);
    if (values.out !== undefined && action !== "export") {
      throw new TriangulateError("usage", "--out goes with corrections export");
    }
    if (values.json && action === "export")
      throw new TriangulateError("usage", "--json goes with corrections add, undo or list");
    const misplaced = ADD_FLAGS.find((flag) => values[flag] !== undefined);
    if (misplaced !== undefined && action !== "add") {
      throw new TriangulateError("usage", `--${misplaced} goes with corrections add`);
    }
    if (values.analyst !== undefined && action !== "add" && action !== "undo") {
      throw new TriangulateError("usage", "--analyst goes with corrections add or undo");
    }
    const path = resolveDbPath(values.db, io);
    switch (action) {
      case "add":
      case "undo": {
        const request = action === "add" ? addRequest(values) : null;
        const id = action === "undo" ? undoId(argument) : 0;
        const analyst = analystName(values.analyst, io.env);
        const correction = await withStore(await openExistingStore(path), (store) => {
          const maker = createCorrectionMaker(store, {
            cameo: loadCameoTable,
            now: () => new Date().toISOString(),
          });
          return asCommandLine(() => (request ? maker.make(request, analyst) : maker.undo(id, analyst)));
        });
        if (values.json) writeJson(io, correction);
        else io.stdout.write(summaryOf(correction, values.kind ?? "record"));
        return EXIT.ok;
      }
      case "list": {
        const corrections = await withStore(await openExistingStore(path), (store) =>
          store.listCorrections(),
        );
        if (values.json) writeJson(io, corrections);
        else io.stdout.write(formatCorrections(corrections));
        return EXIT.ok;
      }
      case "export": {
        const files = await withStore(await openExistingStore(path), goldFiles);
        if (values.out === undefined) {
          for (const [file, records] of files) {
            for (const record of records) io.stdout.write(`${JSON.stringify({ file, ...record })}\n`);
          }
          return EXIT.ok;
        }
        const dir = resolve(io.cwd, values.out);
        await mkdir(dir, { recursive: true });
        for (const [file, records] of files) {
          await writeFileAtomically(join(dir, file), async (sink) => {
            await sink(records.map((record) => `${JSON.stringify(record)}\n`).join(""));
          });
        }
        const count = [...files.values()].reduce((n, records) => n + records.length, 0);
        io.stderr.write(`Wrote ${count} gold records of ${files.size} documents to ${dir}\n`);
        return EXIT.ok;
      }
      case undefined:
        throw new TriangulateError("usage", "give add, undo, list or export");
      default:
        throw new TriangulateError("usage", `unknown action "${action}": use add, undo, list or export`);
    }
  },
};
