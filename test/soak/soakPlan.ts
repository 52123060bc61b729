/**
 * What `npm run soak` runs, shared by the runner (plain Node) and the scripted user (in the extension
 * host): the account, the fault mix, and the bounds. The full soak runs a few minutes; `--short`
 * (CI) runs under a minute with a fixed small seed. Both stop at whichever bound comes first.
 */
import { SMALL, smallScenario, type Scenario } from '../sandbox/scenario';
import type { FaultAction } from '../sandbox/faults';

export const SOAK_SPACE = 'Soak Numbered Series';
/** Where the bad-input corpus is posted. */
export const CORPUS_SPACE = 'Soak Bad Input';
export const ADA = SMALL.ada.email;

export interface SoakPlan {
  seed: number;
  /** Probability that a request gets a fault. */
  rate: number;
  /** Scripted-user time with faults on. */
  durationMs: number;
  /** Messages of the numbered series. */
  messages: number;
  /** Requests to the local Webex during the fault phase, at most (the soak stops there). */
  maxRequests: number;
  faults: FaultAction[];
}

/** 429 with Retry-After, 5xx, slow answers and dropped connections (before and after the work was done). */
const FAULTS: FaultAction[] = [
  { kind: 'status', status: 429, retryAfter: 1 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503, retryAfter: null },
  { kind: 'status', status: 504 },
  { kind: 'delay', delayMs: 1500 },
  { kind: 'drop' },
  { kind: 'dropAfter' },
];

export function soakPlan(short: boolean, seed?: number): SoakPlan {
  return short
    ? { seed: seed ?? 7, rate: 0.2, durationMs: 20_000, messages: 16, maxRequests: 1000, faults: FAULTS }
    : { seed: seed ?? 20261127, rate: 0.2, durationMs: 180_000, messages: 300, maxRequests: 12_000, faults: FAULTS };
}

/**
 * smallScenario() with Ada's token replaced by `token` (random per run, so a leak is found by a plain
 * search and never mistaken for anything else), and a space for the numbered series.
 */
export function soakScenario(token: string, now = new Date()): Scenario {
  const base = smallScenario({ now });
  return {
    ...base,
    people: base.people.map((p) => (p.email === ADA ? { ...p, token } : p)),
    rooms: [
      ...base.rooms,
      {
        key: 'soak',
        type: 'group',
        title: SOAK_SPACE,
        creator: SMALL.grace.email,
        created: new Date(now.getTime() - 86_400_000).toISOString(),
        members: [{ email: ADA }],
      },
      {
        key: 'corpus',
        type: 'group',
        title: CORPUS_SPACE,
        creator: ADA,
        created: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
        members: [{ email: SMALL.grace.email }],
      },
    ],
  };
}

/** The numbered series' text: the run's seed keeps runs apart, the number orders them. */
export function seriesText(seed: number, n: number): string {
  return `soak ${seed} #${n}`;
}

export function parseSeries(seed: number, text: string | undefined): number | undefined {
  const match = new RegExp(`^soak ${seed} #(\\d+)$`).exec((text ?? '').trim());
  return match ? Number(match[1]) : undefined;
}
