// The one line the integration suite prints for the runner: counts as JSON after a fixed prefix.
// Shared by test/integration/index.ts (inside the extension host) and the runners (plain Node).

export const SUMMARY_PREFIX = 'WEBEX_TEST_SUMMARY ';

export interface SuiteSummary {
  passed: number;
  failed: number;
  pending: number;
}

export function formatSummary(summary: SuiteSummary): string {
  return SUMMARY_PREFIX + JSON.stringify(summary);
}

/** The summary in `line`, if the line carries one (it may arrive with a log prefix in front). */
export function parseSummary(line: string): SuiteSummary | undefined {
  const at = line.indexOf(SUMMARY_PREFIX);
  if (at < 0) {
    return undefined;
  }
  try {
    const value = JSON.parse(line.slice(at + SUMMARY_PREFIX.length).trim()) as Partial<SuiteSummary>;
    if (typeof value.passed === 'number' && typeof value.failed === 'number') {
      return { passed: value.passed, failed: value.failed, pending: value.pending ?? 0 };
    }
  } catch {
    // Not ours.
  }
  return undefined;
}

/** The line CI reads, alone on the last line: `N passed, N failed`. */
export function summaryLine(summary: Pick<SuiteSummary, 'passed' | 'failed'>): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}
