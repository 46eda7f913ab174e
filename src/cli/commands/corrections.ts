import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CorrectionStatus } from "../../core/corrections.ts";
import { TriangulateError } from "../../core/errors.ts";
import type { DocId } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import type { GoldRecord } from "../../export/gold.ts";
import { goldFileName, goldRecords } from "../../export/gold.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { writeFileAtomically } from "../output.ts";
import { clip, formatTable, writeJson } from "./analysis-common.ts";
import { withStore } from "./feeds.ts";

const HELP = `Usage: triangulate corrections list [--json]
       triangulate corrections export [--out DIR]

The analysts' corrections of events and claims (made in the workbench or
through POST /api/corrections).

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
  --json             (list) one JSON array
  --out DIR          (export) the folder to write the gold files to (created)
  -h, --help         show this help

Example:
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

/** `triangulate corrections`: list the analysts' corrections, or export them as gold annotations. */
export const correctionsCommand: Command = {
  name: "corrections",
  summary: "list the analysts' corrections, or export them as gold annotations of the eval",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { db: { type: "string" }, json: { type: "boolean", default: false }, out: { type: "string" } },
      { positionals: true },
    );
    const [action, extra] = positionals;
    if (extra !== undefined) throw new TriangulateError("usage", `unexpected argument '${extra}'`);
    if (values.out !== undefined && action !== "export") {
      throw new TriangulateError("usage", "--out goes with corrections export");
    }
    if (values.json && action !== "list")
      throw new TriangulateError("usage", "--json goes with corrections list");
    const path = resolveDbPath(values.db, io);
    switch (action) {
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
        throw new TriangulateError("usage", "give list or export");
      default:
        throw new TriangulateError("usage", `unknown action "${action}": use list or export`);
    }
  },
};
