import { hc } from "hono/client";
import type { InferResponseType } from "hono/client";
import { MAX_PAGE } from "../../src/core/limits.ts";
import type { ApiError } from "../../src/server/errors.ts";
import type { AppType } from "../../src/server/app.ts";

/** The typed API client, built from the server's route types (no code generation). */
export const client = hc<AppType>(location.origin);

type EventRecordItem = InferResponseType<typeof client.api.events.$get, 200>["items"][number];
type EventRowsBody = InferResponseType<typeof client.api.events.rows.$get, 200>;
export type ClaimsPage = InferResponseType<typeof client.api.claims.$get, 200>;
export type ClaimItem = ClaimsPage["items"][number];
export type ActorsPage = InferResponseType<typeof client.api.actors.$get, 200>;
export type ActorItem = ActorsPage["items"][number];
export type StatsBody = InferResponseType<typeof client.api.stats.$get, 200>;
export type DocumentBody = InferResponseType<(typeof client.api.documents)[":id"]["$get"], 200>;
export type SearchPage = InferResponseType<typeof client.api.search.$get, 200>;
export type SearchItem = SearchPage["items"][number];
export type ClaimClustersPage = InferResponseType<typeof client.api.claims.clusters.$get, 200>;
export type ClaimClusterItem = ClaimClustersPage["items"][number];
export type EventClustersPage = InferResponseType<typeof client.api.events.clusters.$get, 200>;
export type EventClusterItem = EventClustersPage["items"][number];
export type DyadsPage = InferResponseType<typeof client.api.dyads.$get, 200>;
export type DyadItem = DyadsPage["items"][number];
export type EpisodesPage = InferResponseType<typeof client.api.episodes.$get, 200>;
export type EpisodeItem = EpisodesPage["items"][number];
export type TriadsPage = InferResponseType<typeof client.api.triads.$get, 200>;
export type TriadItem = TriadsPage["items"][number];
export type PairsPage = InferResponseType<typeof client.api.pairs.$get, 200>;
export type PairItem = PairsPage["items"][number];
export type SourcesPage = InferResponseType<typeof client.api.sources.$get, 200>;
export type SourceItem = SourcesPage["items"][number];

/** A failed API call, with the server's message when it sent one. */
export class ApiFailure extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiFailure";
    this.status = status;
  }
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** The JSON body of a successful response; otherwise throws `ApiFailure`. */
export async function bodyOf<T>(response: { ok: boolean; status: number; json(): Promise<T> }): Promise<T> {
  if (response.ok) return response.json();
  const body: unknown = await response.json().catch(() => null);
  throw new ApiFailure(response.status, isApiError(body) ? body.error.message : `HTTP ${response.status}`);
}

/** The fields of an event the views show: all but its PLOVER code, its rule and its offsets. */
const VIEW_FIELDS = [
  "id",
  "doc",
  "date",
  "source",
  "sourceCountry",
  "target",
  "targetCountry",
  "cameo",
  "root",
  "goldstein",
  "modality",
  "quote",
  "outlet",
  "published",
] as const satisfies readonly (keyof EventRecordItem)[];

export type EventItem = Pick<EventRecordItem, (typeof VIEW_FIELDS)[number]>;

export interface EventsPage {
  readonly items: readonly EventItem[];
  readonly total: number;
}

/** Objects from rows, keyed by the fields the server says the rows hold. */
function eventsOf({ fields, rows }: EventRowsBody): EventItem[] {
  return rows.map((row) => {
    const event: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) event[fields[i] as string] = row[i];
    return event as EventItem;
  });
}

/**
 * Events matching the filters, up to `MAX_PAGE` (the server's page limit) of them, fetched as rows:
 * the views load thousands, which as objects would repeat every field name.
 */
export async function fetchEvents(filters: {
  actor?: string | undefined;
  root?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Promise<EventsPage> {
  const query: Record<string, string> = { limit: String(MAX_PAGE), fields: VIEW_FIELDS.join(",") };
  if (filters.actor) query.actor = filters.actor;
  if (filters.root) query.root = filters.root;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  const body = await bodyOf(await client.api.events.rows.$get({ query }));
  return { items: eventsOf(body), total: body.total };
}
