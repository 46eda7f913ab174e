import { useAlertState } from "../lib/alerts-live.ts";

/** The count of alert firings not seen yet, beside the Alerts link; nothing when there are none. */
export function AlertsBadge() {
  const { unseen } = useAlertState();
  if (unseen === 0) return null;
  return (
    <span class="alerts-badge" data-testid="alerts-badge" aria-label={`${unseen} new`}>
      {unseen > 99 ? "99+" : unseen}
    </span>
  );
}
