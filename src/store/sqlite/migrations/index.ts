import type { Migration } from "../migrator.ts";
import { init } from "./0001-init.ts";
import { ftsByBatch } from "./0002-fts-by-batch.ts";
import { eventRule } from "./0003-event-rule.ts";
import { feedsAndAlerts } from "./0004-feeds-and-alerts.ts";
import { documentRevisions } from "./0005-document-revisions.ts";
import { corrections } from "./0006-corrections.ts";
import { eventLocation } from "./0007-event-location.ts";

/** Every migration, oldest first. Add a new file and a line here; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  init,
  ftsByBatch,
  eventRule,
  feedsAndAlerts,
  documentRevisions,
  corrections,
  eventLocation,
];
