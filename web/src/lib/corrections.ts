import type { CorrectionBody } from "../../../src/server/routes/corrections.ts";
import { bodyOf, client } from "../api.ts";
import { useEffect, useState } from "preact/hooks";
import { retryAll } from "./resource.ts";

export type { CorrectionBody };

/** Who the workbench's corrections are by: the name the analyst gave (kept in this browser), else the server's. */
const ANALYST_KEY = "triangulate.analyst";

export function analystName(): string {
  return localStorage.getItem(ANALYST_KEY) ?? "";
}

export function setAnalystName(name: string): void {
  if (name.trim() === "") localStorage.removeItem(ANALYST_KEY);
  else localStorage.setItem(ANALYST_KEY, name.trim());
}

function headers(): Record<string, string> {
  const name = analystName();
  return { "content-type": "application/json", ...(name ? { "Triangulate-Analyst": name } : {}) };
}

/** Makes a correction, then reloads what is on screen (lists, counts and analyses change with it); gives its id. */
export async function correct(body: CorrectionBody): Promise<{ readonly id: number }> {
  const made = await bodyOf<{ id: number }>(
    await fetch("/api/corrections", { method: "POST", headers: headers(), body: JSON.stringify(body) }),
  );
  retryAll();
  return made;
}

/** The correction just made from a table, which the undo bar offers to take back. */
export interface RecentCorrection {
  readonly id: number;
  readonly action: "accept" | "reject";
  /** What was corrected, in words (`Iran expel or withdraw → Azerbaijan`). */
  readonly label: string;
}

// Module state, not a view's: the tables reload (and remount) after a correction, the offer to undo stays.
let recent: RecentCorrection | null = null;
const listeners = new Set<() => void>();

function setRecent(next: RecentCorrection | null): void {
  recent = next;
  for (const listener of listeners) listener();
}

/** Accepts or rejects a record from a table and remembers it for the undo bar. */
export async function review(
  body: { doc: string; record: string; action: "accept" | "reject" },
  label: string,
): Promise<void> {
  const made = await correct(body);
  setRecent({ id: made.id, action: body.action, label });
}

/** Takes back the correction the undo bar shows. */
export async function undoRecent(): Promise<void> {
  if (!recent) return;
  await undoCorrection(recent.id);
  setRecent(null);
}

export function dismissRecent(): void {
  setRecent(null);
}

/** The correction the undo bar offers, updated as corrections are made and undone. */
export function useRecentCorrection(): RecentCorrection | null {
  const [current, setCurrent] = useState(recent);
  useEffect(() => {
    const update = () => {
      setCurrent(recent);
    };
    listeners.add(update);
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return current;
}

/** Retracts correction `id` (a new correction: the history stays), then reloads what is on screen. */
export async function undoCorrection(id: number): Promise<void> {
  await bodyOf(
    await fetch(`/api/corrections/${id}/undo`, { method: "POST", headers: headers(), body: "{}" }),
  );
  retryAll();
}

export async function fetchCorrections() {
  return bodyOf(await client.api.corrections.$get());
}
