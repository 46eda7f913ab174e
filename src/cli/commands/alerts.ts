import { z } from "zod";
import type { AlertCondition, AlertFiring, AlertRule } from "../../core/alerts.ts";
import { describeCondition } from "../../core/alerts.ts";
import { isCountryCode } from "../../core/codes.ts";
import { TriangulateError } from "../../core/errors.ts";
import { openStore } from "../../store/open.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { durationOrThrow } from "../duration.ts";
import { parseFlags } from "../flags.ts";
import type { ParsedFlags } from "../flags.ts";
import { actorRef } from "../../core/params.ts";
import { paramsOrThrow } from "../params.ts";
import { clip, formatTable, writeJson } from "./analysis-common.ts";
import { httpUrlOrThrow, withStore } from "./feeds.ts";

const HELP = `Usage: triangulate alerts add RULE [--webhook URL]
       triangulate alerts list [--json]
       triangulate alerts remove ID
       triangulate alerts firings [--limit N] [--json]

Rules checked after each ingest batch (ingest, watch, worker). Each firing
is stored with the records that fired it, shown in the workbench (Alerts),
pushed to open pages, and POSTed to the rule's webhook if it has one.

Rules:
  --dyad A-B --goldstein-below N [--window 30d]
                     the mean Goldstein score of the pair's events (either
                     direction) over the window, ending on the newest event,
                     turns below N
  --new-conflict [--subject XXX]
                     a new figure puts a cluster of figures in conflict
                     (about state XXX only, with --subject)
  --actor X --root R[-R]
                     a new event of actor X (a country code or an actor id,
                     either side) with a CAMEO root in the range, e.g. 15-20

Options:
${DB_HELP}
  --webhook URL      (add) POST each firing there as JSON (5 s timeout,
                     3 retries with backoff; ingest never waits for it)
  --limit N          (firings) how many, newest first (default 20)
  --json             (list, firings) JSON instead of a table
  -h, --help         show this help
`;

const FLAGS = {
  db: { type: "string" },
  dyad: { type: "string" },
  "goldstein-below": { type: "string" },
  window: { type: "string" },
  "new-conflict": { type: "boolean", default: false },
  subject: { type: "string" },
  actor: { type: "string" },
  root: { type: "string" },
  webhook: { type: "string" },
  limit: { type: "string" },
  json: { type: "boolean", default: false },
} as const;

type Values = ParsedFlags<typeof FLAGS>["values"];

/**
 * The rule the flags describe.
 * @throws TriangulateError `usage` naming the flag at fault.
 */
export function conditionFromFlags(values: Values): AlertCondition {
  const kinds = [values.dyad !== undefined, values["new-conflict"], values.actor !== undefined].filter(
    Boolean,
  );
  if (kinds.length !== 1)
    throw new TriangulateError("usage", "give one rule: --dyad, --new-conflict or --actor");
  const only = (allowed: readonly string[]): void => {
    const stray = ["goldstein-below", "window", "subject", "root"].find(
      (flag) => !allowed.includes(flag) && values[flag as keyof Values] !== undefined,
    );
    if (stray) throw new TriangulateError("usage", `--${stray} does not go with this rule`);
  };
  if (values.dyad !== undefined) {
    only(["goldstein-below", "window"]);
    const [a, b, extra] = values.dyad.split("-");
    if (!a || !b || extra !== undefined || !isCountryCode(a) || !isCountryCode(b) || a === b) {
      throw new TriangulateError("usage", `--dyad: two country codes such as AZE-IRN, not ${values.dyad}`);
    }
    const below = values["goldstein-below"];
    if (below === undefined) throw new TriangulateError("usage", "--dyad needs --goldstein-below N");
    const threshold = Number(below);
    if (below.trim() === "" || !Number.isFinite(threshold) || threshold < -10 || threshold > 10) {
      throw new TriangulateError("usage", `--goldstein-below: a number from -10 to 10, not ${below}`);
    }
    const days = Math.round(durationOrThrow("--window", values.window ?? "30d") / 86_400_000);
    if (days < 1) throw new TriangulateError("usage", "--window: at least a day (1d)");
    return { kind: "dyad", a, b, goldsteinBelow: threshold, windowDays: days };
  }
  if (values["new-conflict"]) {
    only(["subject"]);
    if (values.subject !== undefined && !isCountryCode(values.subject)) {
      throw new TriangulateError("usage", `--subject: a country code such as AZE, not ${values.subject}`);
    }
    return { kind: "new-conflict", subject: values.subject ?? null };
  }
  only(["root"]);
  const { actor } = paramsOrThrow(z.strictObject({ actor: actorRef }), { actor: values.actor });
  const roots = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(values.root ?? "");
  const from = Number(roots?.[1]);
  const to = Number(roots?.[2] ?? roots?.[1]);
  if (!roots || from < 1 || to > 20 || from > to) {
    throw new TriangulateError(
      "usage",
      `--root: a CAMEO root or range from 1 to 20 such as 15-20, not ${values.root ?? "nothing"}`,
    );
  }
  return { kind: "actor-root", actor, rootFrom: from, rootTo: to };
}

/** `triangulate alerts`: the rules checked after each ingest batch, and what they fired. */
export const alertsCommand: Command = {
  name: "alerts",
  summary: "add, list and remove alert rules; list what they fired",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS, { positionals: true });
    const [action, ...args] = positionals;
    const path = resolveDbPath(values.db, io);
    if (action !== "remove" && args.length > 0)
      throw new TriangulateError("usage", `unexpected argument '${args[0] ?? ""}'`);
    switch (action) {
      case "add": {
        const condition = conditionFromFlags(values);
        const webhook = values.webhook === undefined ? null : httpUrlOrThrow("--webhook", values.webhook);
        const rule = await withStore(await openStore(path), (store) =>
          store.addAlertRule({ condition, webhook, created: new Date().toISOString() }),
        );
        io.stdout.write(
          `Rule ${rule.id}: ${describeCondition(condition)}${webhook ? `, posted to ${webhook}` : ""}\n`,
        );
        return EXIT.ok;
      }
      case "list": {
        const rules = await withStore(await openExistingStore(path), (store) => store.listAlertRules());
        if (values.json) writeJson(io, rules);
        else io.stdout.write(formatRules(rules));
        return EXIT.ok;
      }
      case "remove": {
        const [id, extra] = args;
        if (id === undefined || extra !== undefined || !/^\d{1,9}$/.test(id))
          throw new TriangulateError(
            "usage",
            "alerts remove: give one rule id (see triangulate alerts list)",
          );
        const removed = await withStore(await openExistingStore(path), (store) =>
          store.removeAlertRule(Number(id)),
        );
        if (!removed)
          throw new TriangulateError("not_found", `no alert rule ${id} (see triangulate alerts list)`);
        io.stdout.write(`Removed rule ${id} (its firings stay)\n`);
        return EXIT.ok;
      }
      case "firings": {
        const limit = values.limit === undefined ? 20 : Number(values.limit);
        if (!/^\d{1,6}$/.test(values.limit ?? "20"))
          throw new TriangulateError("usage", `--limit: a whole number, not ${values.limit ?? ""}`);
        const page = await withStore(await openExistingStore(path), (store) =>
          store.listAlertFirings({ limit, offset: 0 }),
        );
        if (values.json) writeJson(io, page);
        else io.stdout.write(formatFirings(page.items));
        return EXIT.ok;
      }
      case undefined:
        throw new TriangulateError("usage", "give add, list, remove or firings");
      default:
        throw new TriangulateError("usage", `unknown action "${action}": use add, list, remove or firings`);
    }
  },
};

function formatRules(rules: readonly AlertRule[]): string {
  return formatTable(
    ["id", "rule", "webhook", "added"],
    rules.map((rule) => [
      rule.id,
      describeCondition(rule.condition),
      rule.webhook ?? "",
      rule.created.slice(0, 10),
    ]),
  );
}

function formatFirings(firings: readonly AlertFiring[]): string {
  return formatTable(
    ["id", "fired", "rule", "what", "evidence"],
    firings.map((firing) => [
      firing.id,
      firing.firedAt.slice(0, 16).replace("T", " "),
      firing.rule,
      clip(firing.message, 90),
      firing.evidence.length,
    ]),
  );
}
