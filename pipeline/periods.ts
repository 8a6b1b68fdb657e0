/*
 * Periods as cli.md and indicators.md define them: a financial year
 * (`2016/17` = 2016-04-01..2017-03-31), rolling 12 months ending a month
 * (`2024-10` = 2023-11-01..2024-10-31), an explicit range
 * (`2024-01-01..2024-06-30`), a run of financial years (`2013/14:2016/17`) and,
 * beyond cli.md, a run of months (`2023-11:2024-10`: the rolling 12 months
 * ending each month). The monthly SPC series (trends.md) uses calendar
 * months, each an explicit range (`calendarMonth`), so a month's figure is by
 * construction the figure `--period 2016-01-01..2016-01-31` gives.
 */
import { UsageError } from './errors.ts';
import type { Period } from '../metrics/types.ts';
import { daysInMonth } from './values.ts';

export function parsePeriods(specs: readonly string[]): Period[] {
  const out: Period[] = [];
  for (const s of specs) out.push(...parsePeriod(s));
  const seen = new Set<string>();
  return out.filter((p) => (seen.has(p.label) ? false : (seen.add(p.label), true)));
}

/**
 * The years a period or an extract date may fall in. cli.md is silent; no
 * children's social care record is dated before 1900, and nobody asks for a
 * figure after 2099. The bound keeps every date four-digit (0999/00 made a
 * start of '999-04-01' and 9999/00 an end in the year 10000, which failed deep
 * in the SQL and were reported as faults of safeguard).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2099;

export function inYearRange(y: number): boolean {
  return Number.isInteger(y) && y >= FIRST_YEAR && y <= LAST_YEAR;
}

export function parsePeriod(spec: string): Period[] {
  const periods = parsePeriodForm(spec);
  for (const p of periods) {
    const ok = [p.start, p.end].every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isRealDate(d) && inYearRange(Number(d.slice(0, 4))));
    if (!ok) throw new UsageError(`period '${spec.trim()}' is outside the years safeguard covers: every period must lie between ${FIRST_YEAR} and ${LAST_YEAR}`);
  }
  return periods;
}

function parsePeriodForm(spec: string): Period[] {
  const s = spec.trim();
  const fyRange = /^(\d{4}\/\d{2}):(\d{4}\/\d{2})$/.exec(s);
  if (fyRange) {
    const a = financialYear(fyRange[1]!);
    const b = financialYear(fyRange[2]!);
    const first = Number(a.start.slice(0, 4));
    const last = Number(b.start.slice(0, 4));
    if (last < first) throw new UsageError(`period '${s}': the second financial year is before the first`);
    if (last - first > 50) throw new UsageError(`period '${s}' spans more than 50 financial years`);
    const years: Period[] = [];
    for (let y = first; y <= last; y++) years.push(financialYearStarting(y));
    return years;
  }
  if (/^\d{4}\/\d{2}$/.test(s)) return [financialYear(s)];
  const monthRange = /^(\d{4}-\d{2}):(\d{4}-\d{2})$/.exec(s);
  if (monthRange) {
    const [first, last] = [monthRange[1]!, monthRange[2]!];
    parsePeriod(first);
    parsePeriod(last);
    if (last < first) throw new UsageError(`period '${s}': the second month is before the first`);
    const series = monthlySeries(first, last);
    if (series.length > 600) throw new UsageError(`period '${s}' spans more than 50 years of months`);
    return series;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw new UsageError(`period '${s}': there is no month ${m}`);
    return [rolling12Months(y, m)];
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (range) {
    const [start, end] = [range[1]!, range[2]!];
    if (!isRealDate(start) || !isRealDate(end)) throw new UsageError(`period '${s}' contains a date that does not exist`);
    if (end < start) throw new UsageError(`period '${s}' ends before it starts`);
    return [{ label: s, kind: 'range', start, end }];
  }
  throw new UsageError(
    `period '${s}' is not understood: use a financial year (2016/17), a run of them (2013/14:2016/17), ` +
      `a month for the rolling 12 months ending it (2024-10), a run of them (2023-11:2024-10), or a range (2024-01-01..2024-06-30)`,
  );
}

function financialYear(label: string): Period {
  const y = Number(label.slice(0, 4));
  const yy = Number(label.slice(5, 7));
  if ((y + 1) % 100 !== yy) throw new UsageError(`period '${label}' is not a financial year: ${y}/${String((y + 1) % 100).padStart(2, '0')} follows ${y}`);
  return financialYearStarting(y);
}

export function financialYearStarting(y: number): Period {
  return { label: `${y}/${String((y + 1) % 100).padStart(2, '0')}`, kind: 'financial_year', start: `${y}-04-01`, end: `${y + 1}-03-31` };
}

/** The financial year a date falls in. */
export function financialYearOf(date: string): Period {
  const y = Number(date.slice(0, 4));
  return financialYearStarting(date.slice(5) >= '04-01' ? y : y - 1);
}

/** The latest financial year that ended on or before `date`. */
export function latestCompleteFinancialYear(date: string): Period {
  const fy = financialYearOf(date);
  return date >= fy.end ? fy : financialYearStarting(Number(fy.start.slice(0, 4)) - 1);
}

export function rolling12Months(y: number, m: number): Period {
  const startY = m === 12 ? y : y - 1;
  const startM = m === 12 ? 1 : m + 1;
  return {
    label: `${y}-${pad2(m)}`,
    kind: 'rolling_12_months',
    start: `${startY}-${pad2(startM)}-01`,
    end: `${y}-${pad2(m)}-${pad2(daysInMonth(y, m))}`,
  };
}

/**
 * The same period a year earlier, which direction of travel compares with
 * (indicators.md v2, "Ranks"): the financial year before; the 12 months ending
 * the same month a year before; a range of the same dates a year before
 * (29 February becomes 28 February).
 */
export function sameTimeAYearEarlier(p: Period): Period {
  if (p.kind === 'financial_year') return financialYearStarting(Number(p.start.slice(0, 4)) - 1);
  if (p.kind === 'rolling_12_months') return rollingEnding(shiftMonth(p.end.slice(0, 7), -12));
  const start = yearEarlier(p.start);
  const end = yearEarlier(p.end);
  return { label: `${start}..${end}`, kind: 'range', start, end };
}

/**
 * The period as computed from a snapshot taken on `extractDate`
 * (indicators.md v2, "Part-year periods"): one that ends after it is
 * computed up to it ("at period end" is at the extract date).
 */
export function toExtractDate(p: Period, extractDate: string): Period {
  return p.end > extractDate && p.start <= extractDate ? { ...p, end: extractDate } : p;
}

function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const m = Number(date.slice(5, 7));
  return `${y}-${pad2(m)}-${pad2(Math.min(Number(date.slice(8, 10)), daysInMonth(y, m)))}`;
}

/** The rolling-12-month periods ending each month from `first` to `last` (both `YYYY-MM`). */
export function monthlySeries(first: string, last: string): Period[] {
  const out: Period[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) out.push(rollingEnding(month));
  return out;
}

/**
 * One calendar month as a period: the explicit range from its 1st to its last
 * day (`2016-02` -> `2016-02-01..2016-02-29`), the same period, label and all,
 * as `--period 2016-02-01..2016-02-29`; its population is that of the month's
 * calendar year (`populationYear`).
 */
export function calendarMonth(month: string): Period {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const start = `${y}-${pad2(m)}-01`;
  const end = `${y}-${pad2(m)}-${pad2(daysInMonth(y, m))}`;
  return { label: `${start}..${end}`, kind: 'range', start, end };
}

/** The calendar months from `first` to `last` (both `YYYY-MM`), oldest first. */
export function calendarMonths(first: string, last: string): Period[] {
  const out: Period[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) out.push(calendarMonth(month));
  return out;
}

/** The first month that starts on or after a date: its own month if the date is the 1st. */
export function firstWholeMonth(date: string): string {
  return date.slice(8, 10) === '01' ? date.slice(0, 7) : shiftMonth(date.slice(0, 7), 1);
}

/** A month label (`YYYY-MM`) moved by n months. */
export function shiftMonth(label: string, n: number): string {
  const k = Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1 + n;
  return `${Math.floor(k / 12)}-${pad2((k % 12) + 1)}`;
}

/** The last month wholly on or before a date: its own month if the date is the month's last day. */
export function lastWholeMonth(date: string): string {
  const monthEnd = Number(date.slice(8, 10)) === daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return monthEnd ? date.slice(0, 7) : shiftMonth(date.slice(0, 7), -1);
}

function rollingEnding(month: string): Period {
  return rolling12Months(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/**
 * The ONS mid-year a period's population comes from: the calendar year that
 * contains the period's midpoint (FY 2016/17 -> mid-2016, as DfE does).
 */
export function populationYear(p: Period): number {
  const a = Date.parse(`${p.start}T00:00:00Z`);
  const b = Date.parse(`${p.end}T00:00:00Z`);
  const days = Math.round((b - a) / 86_400_000);
  const mid = new Date(a + Math.floor(days / 2) * 86_400_000);
  return mid.getUTCFullYear();
}

/** Whether a YYYY-MM-DD date exists on the calendar (no 30 February). */
export function isRealDate(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
