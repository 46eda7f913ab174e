import type { CorrectionBody } from "../../../src/server/routes/corrections.ts";
import { bodyOf, client } from "../api.ts";
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

/** Makes a correction, then reloads what is on screen (lists, counts and analyses change with it). */
export async function correct(body: CorrectionBody): Promise<void> {
  await bodyOf(
    await fetch("/api/corrections", { method: "POST", headers: headers(), body: JSON.stringify(body) }),
  );
  retryAll();
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
