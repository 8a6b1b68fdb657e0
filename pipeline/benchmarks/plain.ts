/*
 * Plain benchmark files: `indicator,period,comparator,value[,source]`, for
 * local indicators and for figures a board has already published. Rows that
 * cannot be used (an unknown indicator, a value that is not a number, or one
 * no indicator can take: negative, or a percentage over 100) are returned with
 * their line, column and reason (the command prints them); a file without
 * those columns is not a plain benchmark file.
 */
import { parseCsv } from '../csv.ts';
import { findIndicator } from '../../metrics/index.ts';
import { parsePeriod } from '../periods.ts';

export const PLAIN_COLUMNS = ['indicator', 'period', 'comparator', 'value'] as const;
const COMPARATORS = new Set(['sn', 'region', 'england']);
const SUPPRESSED = new Set(['c', 'x', 'k', 'low', 'u', 'z', ':']);

export interface PlainBenchmarkRow {
  indicator: string;
  period: string;
  comparator: 'sn' | 'region' | 'england';
  value: number | null;
  source: string;
}

export function isPlainBenchmarkHeader(header: string[]): boolean {
  const h = header.map((c) => c.trim().toLowerCase());
  return PLAIN_COLUMNS.every((c) => h.includes(c));
}

export interface SkippedRow {
  line: number;
  column?: string;
  reason: string;
}

export function parsePlainBenchmarks(text: string, file: string): { rows: PlainBenchmarkRow[]; skipped: SkippedRow[] } {
  const csv = parseCsv(text, file);
  const h = csv.header.map((c) => c.trim().toLowerCase());
  const at = (name: string) => h.indexOf(name);
  const rows: PlainBenchmarkRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const rec of csv.records) {
    const get = (name: string) => (at(name) >= 0 ? (rec.fields[at(name)] ?? '').trim() : '');
    const indicator = get('indicator');
    const period = get('period');
    const comparator = get('comparator').toLowerCase();
    const rawValue = get('value');
    const ind = findIndicator(indicator);
    if (!ind) {
      skipped.push({ line: rec.line, reason: `unknown indicator '${indicator}'` });
      continue;
    }
    try {
      if (parsePeriod(period).length !== 1) throw new Error('a run of years');
    } catch {
      skipped.push({ line: rec.line, reason: `'${period}' is not one period (e.g. 2016/17)` });
      continue;
    }
    if (!COMPARATORS.has(comparator)) {
      skipped.push({ line: rec.line, reason: `comparator '${comparator}' is not sn, region or england` });
      continue;
    }
    let value: number | null;
    if (rawValue === '' || SUPPRESSED.has(rawValue.toLowerCase())) value = null;
    else if (/^-?\d+(\.\d+)?$/.test(rawValue)) value = Number(rawValue);
    else {
      skipped.push({ line: rec.line, reason: `value '${rawValue.slice(0, 20)}' is not a number or a suppression code` });
      continue;
    }
    // no indicator can be negative, nor a percentage over 100: such a value is a mistake in the file
    // (a shifted column, a difference pasted for a figure), and a board would compare against it
    const impossible = value === null ? null : value < 0 ? 'is negative' : ind.unit === 'percent' && value > 100 ? 'is over 100 for a percentage' : null;
    if (impossible) {
      skipped.push({ line: rec.line, column: 'value', reason: `${rawValue.slice(0, 20)} ${impossible}: no ${ind.unit === 'percent' ? 'percentage' : 'value'} of ${indicator} can be; correct the file and import it again` });
      continue;
    }
    rows.push({ indicator, period, comparator: comparator as PlainBenchmarkRow['comparator'], value, source: get('source') || file });
  }
  return { rows, skipped };
}
