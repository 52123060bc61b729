/**
 * Fault injection: rules are tried in the order they were added, before normal handling.
 * A `delay` rule waits and lets the next rules (and then normal handling) run; `dropNextParams`
 * and `dropAfter` mark the request and carry on; `status`, `drop` and `malformed` end it.
 * Each rule fires `times` times (default 1; a `random` rule defaults to forever).
 */
import { prng } from './prng';

export type FaultKind = 'status' | 'delay' | 'drop' | 'dropAfter' | 'malformed' | 'dropNextParams';

export interface FaultMatch {
  method?: string;
  /** A regex tried on the URL path both as sent (`/v1/rooms/…`) and without the `/v1` prefix (`/rooms/…`). */
  path?: string;
}

export interface FaultAction {
  kind: FaultKind;
  /** For `status`: the status to answer (429, 423, 500, 502, 503, 504, …). */
  status?: number;
  /** For `status`: `Retry-After` seconds; null sends no header; default 1 for 429 and none otherwise. */
  retryAfter?: number | null;
  /** For `delay`: how long to wait before normal handling. */
  delayMs?: number;
  /** For `malformed`: a cut-off JSON body (default) or an HTML error page as a proxy would send. */
  body?: 'truncated' | 'html';
}

export interface FaultRule extends FaultAction {
  match?: FaultMatch;
  times?: number;
}

/** A seeded random fault for soak tests: with probability `rate`, one of `kinds` (uniformly). */
export interface RandomFaultRule {
  kind: 'random';
  match?: FaultMatch;
  times?: number;
  rate: number;
  seed?: number;
  kinds?: FaultAction[];
}

export type AnyFaultRule = FaultRule | RandomFaultRule;

const DEFAULT_RANDOM_KINDS: FaultAction[] = [
  { kind: 'status', status: 429, retryAfter: 0 },
  { kind: 'status', status: 503 },
  { kind: 'delay', delayMs: 20 },
  { kind: 'drop' },
  { kind: 'malformed' },
];

interface ActiveRule {
  rule: AnyFaultRule;
  remaining: number;
  pathRe?: RegExp;
  next?: () => number;
}

const KINDS: ReadonlySet<string> = new Set(['status', 'delay', 'drop', 'dropAfter', 'malformed', 'dropNextParams', 'random']);

export function validateRule(rule: unknown): AnyFaultRule {
  if (typeof rule !== 'object' || rule === null || !KINDS.has(String((rule as { kind?: unknown }).kind))) {
    throw new Error(`Unknown fault rule: ${JSON.stringify(rule)}`);
  }
  const r = rule as AnyFaultRule;
  if (r.kind === 'status' && (typeof r.status !== 'number' || r.status < 100 || r.status > 599)) {
    throw new Error('A status fault needs a status between 100 and 599.');
  }
  if (r.kind === 'random' && (typeof r.rate !== 'number' || r.rate < 0 || r.rate > 1)) {
    throw new Error('A random fault needs a rate between 0 and 1.');
  }
  if (r.match?.path !== undefined) {
    new RegExp(r.match.path);
  }
  return r;
}

/** The faults of one local Webex. */
export class Faults {
  private rules: ActiveRule[] = [];

  add(rule: AnyFaultRule | AnyFaultRule[]): void {
    for (const r of Array.isArray(rule) ? rule : [rule]) {
      const valid = validateRule(r);
      this.rules.push({
        rule: valid,
        remaining: valid.times ?? (valid.kind === 'random' ? Infinity : 1),
        pathRe: valid.match?.path !== undefined ? new RegExp(valid.match.path) : undefined,
        next: valid.kind === 'random' ? prng(valid.seed ?? 1) : undefined,
      });
    }
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules not used up yet (for a test that wants to see a fault was consumed). */
  get pending(): AnyFaultRule[] {
    return this.rules.filter((r) => r.remaining > 0).map((r) => r.rule);
  }

  /** The actions that apply to this request, in order, consuming one use of each matched rule. */
  take(method: string, path: string): FaultAction[] {
    const actions: FaultAction[] = [];
    const short = path.replace(/^\/v1(?=\/|$)/, '');
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0) {
        continue;
      }
      if (rule.match?.method && rule.match.method.toUpperCase() !== method.toUpperCase()) {
        continue;
      }
      if (active.pathRe && !active.pathRe.test(path) && !active.pathRe.test(short)) {
        continue;
      }
      let action: FaultAction | undefined;
      if (rule.kind === 'random') {
        const roll = active.next?.() ?? 1;
        const kinds = rule.kinds && rule.kinds.length > 0 ? rule.kinds : DEFAULT_RANDOM_KINDS;
        const pick = active.next?.() ?? 0;
        action = roll < rule.rate ? kinds[Math.floor(pick * kinds.length)] : undefined;
      } else {
        action = rule;
      }
      active.remaining -= 1;
      if (!action) {
        continue;
      }
      actions.push(action);
      if (action.kind === 'status' || action.kind === 'drop' || action.kind === 'malformed') {
        break;
      }
    }
    return actions;
  }
}

/** Real-looking texts for injected statuses (meanings from developer.webex.com "API Errors"; texts ours). */
export function faultMessage(status: number): string {
  switch (status) {
    case 423:
      return 'The resource is locked. Please try again later.';
    case 429:
      return 'Too many requests have been sent in a given amount of time. Please retry after the time in the Retry-After header.';
    case 500:
      return 'An unexpected error occurred. Please try again.';
    case 502:
      return 'Bad gateway: the service is temporarily unavailable. Please try again.';
    case 503:
      return 'Service Unavailable. Please try again later.';
    case 504:
      return 'The request timed out. If the request used max, reduce it.';
    default:
      return `Injected error ${status}.`;
  }
}
