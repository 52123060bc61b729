// The one line the integration suite prints for the runner: counts as JSON after a fixed prefix.
// Shared by test/integration/index.ts (inside the extension host) and the runners (plain Node).

export const SUMMARY_PREFIX = 'WEBEX_TEST_SUMMARY ';

export interface SuiteSummary {
  passed: number;
  failed: number;
  pending: number;
}

/** A console line that carries `value` to the runner: `prefix` then JSON. */
export function prefixedLine(prefix: string, value: unknown): string {
  return prefix + JSON.stringify(value);
}

/** The JSON after `prefix` in `line` (a log prefix may come first); undefined when it has none or it does not parse. */
export function parsePrefixedLine(prefix: string, line: string): unknown {
  const at = line.indexOf(prefix);
  if (at < 0) {
    return undefined;
  }
  try {
    return JSON.parse(line.slice(at + prefix.length).trim()) as unknown;
  } catch {
    return undefined; // Not ours.
  }
}

export function formatSummary(summary: SuiteSummary): string {
  return prefixedLine(SUMMARY_PREFIX, summary);
}

/** The summary in `line`, if the line carries one (it may arrive with a log prefix in front). */
export function parseSummary(line: string): SuiteSummary | undefined {
  const value = parsePrefixedLine(SUMMARY_PREFIX, line) as Partial<SuiteSummary> | undefined;
  if (typeof value?.passed === 'number' && typeof value.failed === 'number') {
    return { passed: value.passed, failed: value.failed, pending: value.pending ?? 0 };
  }
  return undefined;
}

/** The line CI reads, alone on the last line: `N passed, N failed`. */
export function summaryLine(summary: Pick<SuiteSummary, 'passed' | 'failed'>): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}
