import type { ActorRecord } from "../core/records.ts";

/**
 * Display names of actors for the analyst exports, by actor id or by the
 * country code that stands for a state: `name("IRN")` is "Iran" when the
 * state is among the actors, else the code itself.
 */
export function createActorNames(actors: readonly ActorRecord[]): (key: string) => string {
  const byId = new Map<string, string>(actors.map((actor) => [actor.id, actor.name]));
  return (key) => byId.get(key) ?? key;
}
