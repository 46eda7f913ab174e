import type { PgMigration } from "../migrator.ts";
import { init } from "./0001-init.ts";
import { feedsAndAlerts } from "./0002-feeds-and-alerts.ts";
import { documentRevisions } from "./0003-document-revisions.ts";
import { corrections } from "./0004-corrections.ts";
import { eventLocation } from "./0005-event-location.ts";

/** Every migration, oldest first. Add a new file and a line here; never edit a released one. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  init,
  feedsAndAlerts,
  documentRevisions,
  corrections,
  eventLocation,
];
