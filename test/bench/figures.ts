/**
 * The figures `npm run bench` reports: each with its budget where there is one, the naive way
 * measured in the same run where there is one (as a ratio), the raw samples, and a note on how it
 * was measured. Printed as a table and written to bench/results.json.
 */

export type Unit = 'KB' | 'MB' | 'ms' | 'requests' | 'req/min' | 'nodes' | 'count';

export interface Budget {
  /** The figure must be at most this (in the figure's unit). */
  max: number;
  /** The budget as people say it, e.g. "< 250 KB". */
  text: string;
}

export interface Figure {
  /** Table section: Bundle, Activation, Sidebar, Conversation, Idle, Memory. */
  group: string;
  name: string;
  unit: Unit;
  /** The median of `samples` (or the single measurement); undefined when it could not be measured. */
  value: number | undefined;
  samples?: number[];
  budget?: Budget;
  /** The naive way, measured in the same run: its median and what it is. Ratio: naive / ours. */
  naive?: { value: number; samples?: number[]; what: string };
  /** A reference measured in the same run (e.g. the same figure for a 10-message space). Ratio: ours / reference. */
  reference?: { value: number; what: string };
  /** How it was measured, or why it is missing. */
  note?: string;
}

export function median(samples: readonly number[]): number | undefined {
  if (samples.length === 0) {
    return undefined;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A figure from samples: the value is their median. */
export function fromSamples(base: Omit<Figure, 'value' | 'samples'>, samples: readonly number[]): Figure {
  return { ...base, value: median(samples), samples: [...samples] };
}

export type Verdict = 'ok' | 'OVER' | '';

export function verdict(figure: Figure): Verdict {
  if (figure.budget === undefined || figure.value === undefined) {
    return '';
  }
  return figure.value <= figure.budget.max ? 'ok' : 'OVER';
}

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined) {
    return 'n/a';
  }
  const digits = unit === 'ms' ? (value < 10 ? 1 : 0) : unit === 'KB' || unit === 'MB' ? 1 : unit === 'req/min' ? 2 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Against the naive way: naive ÷ ours ("51.0× naive"); against a reference: ours ÷ reference ("×1.2"). */
export function ratio(figure: Figure): string {
  if (figure.value === undefined) {
    return '';
  }
  if (figure.naive !== undefined) {
    if (figure.value === 0) {
      return figure.naive.value === 0 ? 'same' : 'naive: ∞';
    }
    return `naive ${(figure.naive.value / figure.value).toFixed(1)}×`;
  }
  if (figure.reference !== undefined && figure.reference.value !== 0) {
    return `×${(figure.value / figure.reference.value).toFixed(1)}`;
  }
  return '';
}

function compared(figure: Figure): string {
  if (figure.naive) {
    return `naive: ${formatValue(figure.naive.value, figure.unit)} (${figure.naive.what})`;
  }
  if (figure.reference) {
    return `${formatValue(figure.reference.value, figure.unit)} (${figure.reference.what})`;
  }
  return '';
}

function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** The plain-text table printed at the end of a run (also used for the README draft). */
export function table(figures: readonly Figure[]): string {
  const header = ['Figure', 'Median', 'Budget', '', 'Compared with (same run)', 'Ratio', 'Runs'];
  const rows: string[][] = [];
  let group = '';
  for (const f of figures) {
    if (f.group !== group) {
      group = f.group;
      rows.push([`— ${group} —`, '', '', '', '', '', '']);
    }
    rows.push([
      `  ${f.name}`,
      formatValue(f.value, f.unit),
      f.budget?.text ?? '',
      verdict(f),
      compared(f),
      ratio(f),
      f.samples && f.samples.length > 1 ? String(f.samples.length) : '',
    ]);
  }
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Notes under the table: how each figure was measured, numbered by figure. */
export function notes(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.note)
    .map((f) => `- ${f.group} / ${f.name}: ${f.note}`)
    .join('\n');
}

/** Markdown table for the README draft. */
export function markdownTable(figures: readonly Figure[]): string {
  const out = ['| Figure | Median | Budget | | Compared with (same run) | Ratio |', '|---|---|---|---|---|---|'];
  for (const f of figures) {
    out.push(`| ${f.group}: ${f.name.trim()} | ${formatValue(f.value, f.unit)} | ${f.budget?.text ?? ''} | ${verdict(f)} | ${compared(f)} | ${ratio(f)} |`);
  }
  return out.join('\n');
}
