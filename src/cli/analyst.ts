import { userInfo } from "node:os";
import { TriangulateError } from "../core/errors.ts";
import { MAX_ANALYST } from "../core/limits.ts";

/** The longest analyst name, as the API takes it from a request's header. */

/**
 * Who corrections are made by when a request does not say: `--analyst`,
 * else `$TRIANGULATE_ANALYST`, else the operating system's user, else `analyst`.
 * @throws TriangulateError `usage` for an empty or overlong name.
 */
export function analystName(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (flag !== undefined) {
    const name = flag.trim();
    if (name === "" || name.length > MAX_ANALYST) {
      throw new TriangulateError("usage", `--analyst must be a name of 1 to ${MAX_ANALYST} characters`);
    }
    return name;
  }
  const fromEnv = env.TRIANGULATE_ANALYST?.trim();
  if (fromEnv) return fromEnv.slice(0, MAX_ANALYST);
  try {
    return userInfo().username || "analyst";
  } catch {
    // A user without a passwd entry (some containers) has no name.
    return "analyst";
  }
}
