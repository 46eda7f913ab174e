import type { AlertFiring, AlertRule } from "../core/alerts.ts";
import { describeCondition } from "../core/alerts.ts";
import { errorMessage } from "../core/errors.ts";

/** The JSON body POSTed for a firing. */
export interface WebhookBody {
  readonly firing: AlertFiring;
  readonly rule: { readonly id: number; readonly description: string };
}

export interface WebhookOptions {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Per attempt. */
  readonly timeoutMs?: number;
  /** Attempts after the first; each waits twice as long as the one before. */
  readonly retries?: number;
  readonly firstDelayMs?: number;
  /** Told of a firing that could not be delivered after every attempt. */
  readonly onGiveUp?: (url: string, firing: AlertFiring, reason: string) => void;
}

/** Posts firings in the background: `send` returns at once, `drain` waits for what is under way. */
export interface WebhookSender {
  send(rule: AlertRule, firing: AlertFiring): void;
  /** Waits for pending deliveries, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Delivers firings to their rules' webhooks with a timeout and retries with
 * exponential backoff (on network errors, 5xx and 429), never in the way of
 * ingest: the caller does not wait for a delivery.
 */
export function createWebhookSender(options: WebhookOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 5000;
  const retries = options.retries ?? 3;
  const firstDelayMs = options.firstDelayMs ?? 1000;
  const pending = new Set<Promise<void>>();

  const deliver = async (url: string, body: WebhookBody): Promise<void> => {
    let reason = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(firstDelayMs * 2 ** (attempt - 1));
      try {
        const response = await options.fetch(url, {
          signal: AbortSignal.timeout(timeoutMs),
          headers: { "content-type": "application/json" },
          method: "POST",
          body: JSON.stringify(body),
        });
        await response.body?.cancel();
        if (response.ok) return;
        reason = `HTTP ${response.status}`;
        // The receiver refused this body; sending it again will not help.
        if (response.status < 500 && response.status !== 429) break;
      } catch (error) {
        reason = errorMessage(error);
      }
    }
    options.onGiveUp?.(url, body.firing, reason);
  };

  return {
    send(rule, firing) {
      if (rule.webhook === null) return;
      const body: WebhookBody = {
        firing,
        rule: { id: rule.id, description: describeCondition(rule.condition) },
      };
      const delivery = deliver(rule.webhook, body).finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async drain(waitMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((done) => {
        timer = setTimeout(done, waitMs);
      });
      await Promise.race([Promise.all(pending), timeout]);
      clearTimeout(timer);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
