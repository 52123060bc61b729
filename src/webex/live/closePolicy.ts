/**
 * What to do when the Mercury websocket closes, and how long to wait before trying again.
 * Pure functions: webex-js-sdk's close-code policy in one readable place
 * (`@webex/internal-plugin-mercury`: mercury.js `_onclose`, socket-base.js `_fixCloseCode`,
 * config.js `backoffTimeReset`/`backoffTimeMax`).
 */

/** `reconnect`: try again after a backoff; `replaced`: another connection took the device over; `permanent`: stop. */
export type CloseAction = 'reconnect' | 'replaced' | 'permanent';

/** 1001 going away, 1005 no status, 1006 abnormal (includes "could not connect"), 1011 server error. */
const RECONNECT_CODES: ReadonlySet<number> = new Set([1001, 1005, 1006, 1011]);
/** With 1000/1050, only these reasons mean "try again" (compared case-insensitively, as webex-js-sdk does). */
const RECONNECT_REASONS: ReadonlySet<string> = new Set(['idle', 'done (forced)', 'pong not received', 'pong mismatch']);

export const CLOSE_REPLACED = 4000;
export const CLOSE_POLICY_VIOLATION = 1008;

/**
 * Some runtimes drop the code but keep the reason (webex-js-sdk `_fixCloseCode`): 1005 with reason
 * `replaced` is 4000, with `authentication failed` (or the auth-timeout text) 1008.
 */
export function fixCloseCode(code: number, reason: string): number {
  if (code !== 1005 || reason === '') {
    return code;
  }
  const r = reason.toLowerCase();
  if (r === 'replaced') {
    return CLOSE_REPLACED;
  }
  if (r === 'authentication failed' || r.startsWith('authentication did not happen within the timeout window')) {
    return CLOSE_POLICY_VIOLATION;
  }
  return code;
}

/** The action for a close event (code already fixed with {@link fixCloseCode}). */
export function closeAction(code: number, reason: string): CloseAction {
  if (RECONNECT_CODES.has(code)) {
    return 'reconnect';
  }
  if (code === 1000 || code === 1050) {
    return RECONNECT_REASONS.has(reason.trim().toLowerCase()) ? 'reconnect' : 'permanent';
  }
  if (code === CLOSE_REPLACED) {
    return 'replaced';
  }
  // 1003, 1008 (authentication failed) and every other code.
  return 'permanent';
}

export const BACKOFF_FIRST_MS = 1000;
export const BACKOFF_MAX_MS = 32_000;

/** The wait before reconnect attempt `n` (0-based): 1 s, 2 s, 4 s, … capped at 32 s. */
export function reconnectDelayMs(attempt: number): number {
  const n = Math.max(0, Math.floor(attempt));
  // 2^6 already exceeds the cap; avoid overflowing for large attempt counts.
  return n >= 6 ? BACKOFF_MAX_MS : Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** n);
}
