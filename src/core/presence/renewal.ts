/** How a subscription ended (RFC 6665 §4.1.3 `reason`), as far as renewing it matters. */
export interface SubscriptionEnd {
  reason: string | undefined;
  /** Seconds, from the final NOTIFY's `retry-after`. */
  retryAfter: number | undefined;
}

export const RESUBSCRIBE_FIRST_DELAY_MS = 2_000;
export const RESUBSCRIBE_MAX_DELAY_MS = 10 * 60_000;

/**
 * When to SUBSCRIBE again after the `attempt`-th (0 first) consecutive end of a colleague's
 * subscription, or null for never. RFC 6665 §4.1.3: `rejected` and `noresource` are not to be retried;
 * `deactivated` may be retried at once, `probation` and `giveup` after `retry-after`. Everything else
 * (a timeout, a failed response, a PBX that drops the watcher) backs off exponentially, with `random`
 * (0…1) spreading the delays so a thousand colleagues' renewals do not arrive together.
 */
export function resubscribeDelayMs(end: SubscriptionEnd, attempt: number, random: () => number): number | null {
  if (end.reason === 'rejected' || end.reason === 'noresource') return null;
  if (end.reason === 'deactivated' && attempt === 0) return 0;
  const backoff = Math.min(RESUBSCRIBE_MAX_DELAY_MS, RESUBSCRIBE_FIRST_DELAY_MS * 2 ** Math.min(attempt, 20));
  const spread = backoff * (0.5 + 0.5 * Math.min(1, Math.max(0, random())));
  const asked = end.retryAfter !== undefined && Number.isFinite(end.retryAfter) && end.retryAfter > 0 ? end.retryAfter * 1000 : 0;
  return Math.round(Math.min(RESUBSCRIBE_MAX_DELAY_MS, Math.max(spread, asked)));
}
