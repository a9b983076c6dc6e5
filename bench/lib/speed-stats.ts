/** Summary statistics and number formatting for the speed benchmark. */

/** The value at quantile `q` (0..1) of `values`, by linear interpolation between closest ranks; `NaN` when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export interface TimingSummary {
  /** Pages timed (including those that threw: their time was spent too). */
  pages: number;
  errors: number;
  totalMs: number;
  pagesPerSecond: number;
  medianMs: number;
  p95Ms: number;
  /** Input megabytes (10^6 bytes) per second, when byte counts were given. */
  megabytesPerSecond: number;
}

/** Summarises per-page times; `bytes` is the total input size, for MB/s. */
export function summarise(timesMs: readonly number[], errors: number, bytes: number): TimingSummary {
  const totalMs = timesMs.reduce((sum, t) => sum + t, 0);
  const seconds = totalMs / 1000;
  return {
    pages: timesMs.length,
    errors,
    totalMs,
    pagesPerSecond: seconds > 0 ? timesMs.length / seconds : Number.NaN,
    medianMs: median(timesMs),
    p95Ms: quantile(timesMs, 0.95),
    megabytesPerSecond: seconds > 0 ? bytes / 1e6 / seconds : Number.NaN,
  };
}

/**
 * Summarises several timed passes over the same pages (`passes[p][i]`: page i in pass p). Each page's time is
 * the median of its passes, so one pass disturbed by a collection or by load from elsewhere does not decide it;
 * median and p95 are over those per-page times. Throughput (pages/s, MB/s) and `totalMs` come from the median
 * pass total, i.e. a whole pass as a user's batch would see it.
 */
export function summarisePasses(passes: readonly (readonly number[])[], errors: number, bytes: number): TimingSummary {
  const pageCount = passes[0]?.length ?? 0;
  if (passes.some((pass) => pass.length !== pageCount)) throw new Error('every pass must time the same pages');
  const perPage: number[] = [];
  for (let i = 0; i < pageCount; i++) perPage.push(median(passes.map((pass) => pass[i] ?? Number.NaN)));
  const totalMs = median(passes.map((pass) => pass.reduce((sum, t) => sum + t, 0)));
  const seconds = totalMs / 1000;
  return {
    pages: pageCount,
    errors,
    totalMs,
    pagesPerSecond: seconds > 0 ? pageCount / seconds : Number.NaN,
    medianMs: median(perPage),
    p95Ms: quantile(perPage, 0.95),
    megabytesPerSecond: seconds > 0 ? bytes / 1e6 / seconds : Number.NaN,
  };
}

/** A number with a sensible count of significant digits for a table cell; `–` when not a number. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude === 0) return '0';
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
  return value.toFixed(Math.min(decimals, 4));
}

/** A markdown table from a header row and body rows; `align` marks numeric columns right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((row) => `| ${row.map(escape).join(' | ')} |`).join('\n');
}
