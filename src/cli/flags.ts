import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import { TriangulateError, errorMessage } from "../core/errors.ts";

/** Flag definitions, as `util.parseArgs` takes them. */
export type FlagOptions = NonNullable<ParseArgsConfig["options"]>;

/** What `parseFlags` returns: the typed values and the positionals. */
export type ParsedFlags<T extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
>;

/**
 * Parses a command's arguments strictly with Node's `util.parseArgs`: an
 * unknown flag, a flag without its value, or an argument where the command
 * takes none is a usage error.
 * @throws TriangulateError `usage` naming the offending flag or argument.
 */
export function parseFlags<T extends FlagOptions>(
  argv: readonly string[],
  options: T,
  { positionals = false }: { readonly positionals?: boolean } = {},
): ParsedFlags<T> {
  let parsed: ParsedFlags<T>;
  try {
    parsed = parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    // Node's messages go on to explain `--`; the first sentence names the flag.
    const reason = errorMessage(error).split(". ")[0] ?? "bad arguments";
    throw new TriangulateError("usage", reason.charAt(0).toLowerCase() + reason.slice(1), { cause: error });
  }
  const [stray] = parsed.positionals;
  if (!positionals && stray !== undefined)
    throw new TriangulateError("usage", `unexpected argument '${stray}'`);
  return parsed;
}
