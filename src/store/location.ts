// What a knowledge base's location says of it, without loading an adapter:
// node-postgres and pg-boss load only when a PostgreSQL URL is given.

/** `postgres://` and `postgresql://` URLs name a PostgreSQL database; anything else is a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/:[^:@/]*@/, ":***@");
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "***";
  return parsed.href;
}
