import type { CharOffset, DocId } from "./ids.ts";

/**
 * Alert rules a desk keeps in its knowledge base, and their firings: checked
 * after each ingest batch (`src/analysis/alerts.ts`), stored with the records
 * that fired them, shown in the workbench and optionally posted to a webhook.
 */

/** What a rule watches for. Country codes and actor ids are as the records have them. */
export type AlertCondition =
  /** The mean Goldstein score of a pair's events (either direction) over a window falls below a threshold. */
  | {
      readonly kind: "dyad";
      readonly a: string;
      readonly b: string;
      readonly goldsteinBelow: number;
      readonly windowDays: number;
    }
  /** A cluster of figures turns to `conflict` with a newly stored figure; optionally only about one state. */
  | { readonly kind: "new-conflict"; readonly subject: string | null }
  /** A new event with an actor (either side: a country code or an actor id) and a CAMEO root in a range. */
  | {
      readonly kind: "actor-root";
      readonly actor: string;
      readonly rootFrom: number;
      readonly rootTo: number;
    };

export interface NewAlertRule {
  readonly condition: AlertCondition;
  /** Each firing is POSTed here as JSON when set. */
  readonly webhook: string | null;
  /** ISO 8601 timestamp. */
  readonly created: string;
}

export interface AlertRule extends NewAlertRule {
  readonly id: number;
}

/** A record behind a firing, located in its document for the reader. */
export interface AlertEvidence {
  readonly kind: "event" | "claim";
  readonly doc: DocId;
  readonly start: CharOffset;
  readonly end: CharOffset;
  readonly quote: string;
}

export interface NewAlertFiring {
  readonly rule: number;
  /** ISO 8601 timestamp. */
  readonly firedAt: string;
  /** One line saying what happened: `AZE–IRN: mean Goldstein -4.5 over 30 days to 2024-03-01 (4 events)`. */
  readonly message: string;
  readonly evidence: readonly AlertEvidence[];
}

export interface AlertFiring extends NewAlertFiring {
  /** Grows with each firing stored: a page that has seen firing n asks for those after n. */
  readonly id: number;
}

/** A readable description of a rule: `AZE–IRN Goldstein below -3 over 30 days`. */
export function describeCondition(condition: AlertCondition): string {
  switch (condition.kind) {
    case "dyad":
      return `${condition.a}–${condition.b} mean Goldstein below ${condition.goldsteinBelow} over ${condition.windowDays} days`;
    case "new-conflict":
      return `figures newly in conflict${condition.subject ? ` about ${condition.subject}` : ""}`;
    case "actor-root": {
      const roots =
        condition.rootFrom === condition.rootTo
          ? `root ${rootCode(condition.rootFrom)}`
          : `roots ${rootCode(condition.rootFrom)}–${rootCode(condition.rootTo)}`;
      return `${condition.actor} in events of CAMEO ${roots}`;
    }
    default:
      throw new Error(`unknown alert condition ${JSON.stringify(condition satisfies never)}`);
  }
}

/** `5` is CAMEO root `05`. */
export function rootCode(root: number): string {
  return String(root).padStart(2, "0");
}
