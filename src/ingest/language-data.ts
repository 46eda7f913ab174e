import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { TriangulateError } from "../core/errors.ts";
import { DATA_DIR } from "../knowledge/load.ts";
import type { FunctionWords } from "./language.ts";

const WordList = z
  .array(z.string().regex(/^\p{Ll}{2,}$/u, "must be a lower-case word of two letters or more"))
  .min(20);

/** Reads a word list: one lower-case word a line, `#` comments. */
function readWordList(dataDir: string, path: string): ReadonlySet<string> {
  const lines = readFileSync(join(dataDir, path), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const parsed = WordList.safeParse(lines);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const word = typeof issue?.path[0] === "number" ? ` word ${issue.path[0] + 1}:` : "";
    throw new TriangulateError("invalid_data", `${path}:${word} ${issue?.message ?? "invalid"}`);
  }
  return new Set(parsed.data);
}

/**
 * Reads `data/ingest/english-function-words.txt` and
 * `data/ingest/foreign-function-words.txt`, which must not share a word.
 */
export function loadFunctionWords(dataDir: string = DATA_DIR): FunctionWords {
  const english = readWordList(dataDir, "ingest/english-function-words.txt");
  const foreign = readWordList(dataDir, "ingest/foreign-function-words.txt");
  const shared = [...english].filter((word) => foreign.has(word));
  if (shared.length > 0) {
    throw new TriangulateError(
      "invalid_data",
      `ingest/*-function-words.txt: in both lists: ${shared.join(", ")}`,
    );
  }
  return { english, foreign };
}
