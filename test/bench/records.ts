/**
 * How a measurement made inside the extension host reaches the bench runner: one console line with
 * a fixed prefix and a JSON body. The workbench forwards the extension host's console to the runner
 * (the `codeAutomationLog` function the runner exposes to the page, as @vscode/test-web does), the
 * same way test/host/summary.ts carries the suite's counts.
 */

export const RECORD_PREFIX = 'WEBEX_BENCH ';

/** One measurement: `key` names it (e.g. `activation.activateMs`), `value` is a number or a small object. */
export interface BenchRecord {
  key: string;
  value: unknown;
}

export function formatRecord(record: BenchRecord): string {
  return RECORD_PREFIX + JSON.stringify(record);
}

/** The record in `line`, if it carries one (a log prefix may come first). */
export function parseRecord(line: string): BenchRecord | undefined {
  const at = line.indexOf(RECORD_PREFIX);
  if (at < 0) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(line.slice(at + RECORD_PREFIX.length).trim()) as Partial<BenchRecord>;
    return typeof parsed.key === 'string' ? { key: parsed.key, value: parsed.value } : undefined;
  } catch {
    return undefined;
  }
}

/** The records of one run by key (a key recorded twice keeps every value in order). */
export class Records {
  private readonly byKey = new Map<string, unknown[]>();

  add(record: BenchRecord): void {
    this.byKey.set(record.key, [...(this.byKey.get(record.key) ?? []), record.value]);
  }

  all(key: string): unknown[] {
    return this.byKey.get(key) ?? [];
  }

  number(key: string): number | undefined {
    const value = this.all(key)[0];
    return typeof value === 'number' ? value : undefined;
  }

  get<T>(key: string): T | undefined {
    return this.all(key)[0] as T | undefined;
  }
}
