/*
 * The working-day calendar: Monday to Friday, less England and Wales bank
 * holidays (data/bank-holidays-england-and-wales.csv: gov.uk's published dates
 * for 2012-2028, the statutory rules otherwise). It becomes a `calendar` table
 * so indicators count working days with a join, not a JavaScript loop.
 *
 * `wd_index` is the number of working days from the calendar's first day up to
 * and including `cal_date`, so the working-day duration from a to b (the
 * working days d with a < d <= b) is wd_index(b) - wd_index(a).
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from './root.ts';
import { decodeUtf8, parseCsv } from './csv.ts';
import type { Database } from './db.ts';
import { literal } from './db.ts';

const HOLIDAYS_FILE = fromRoot('data', 'bank-holidays-england-and-wales.csv');

export interface BankHoliday {
  date: string;
  name: string;
}

let cached: BankHoliday[] | undefined;

export function bankHolidays(): BankHoliday[] {
  if (!cached) {
    const csv = parseCsv(decodeUtf8(readFileSync(HOLIDAYS_FILE), 'bank-holidays-england-and-wales.csv'), 'bank-holidays-england-and-wales.csv');
    const di = csv.header.indexOf('date');
    const ni = csv.header.indexOf('name');
    cached = csv.records.map((r) => ({ date: r.fields[di] ?? '', name: r.fields[ni] ?? '' }));
  }
  return cached;
}

/** The years the calendar covers: a date outside them cannot be timed (an error, not a guess). */
export function calendarYears(): { first: number; last: number } {
  const years = bankHolidays().map((h) => Number(h.date.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** Creates the temp table `calendar(cal_date, is_working_day, wd_index)` and the date macros indicators use. */
export async function createCalendar(db: Database): Promise<void> {
  const { first, last } = calendarYears();
  const values = bankHolidays()
    .map((h) => `(DATE ${literal(h.date)})`)
    .join(',');
  await db.run(`
    CREATE OR REPLACE TEMP TABLE bank_holiday AS SELECT * FROM (VALUES ${values}) AS t(holiday_date);
    CREATE OR REPLACE TEMP TABLE calendar AS
    WITH days AS (
      SELECT CAST(d AS DATE) AS cal_date
      FROM generate_series(DATE '${first}-01-01', DATE '${last}-12-31', INTERVAL 1 DAY) AS t(d)
    ), flagged AS (
      SELECT cal_date,
             isodow(cal_date) <= 5 AND cal_date NOT IN (SELECT holiday_date FROM bank_holiday) AS is_working_day
      FROM days
    )
    SELECT cal_date, is_working_day,
           CAST(sum(CASE WHEN is_working_day THEN 1 ELSE 0 END) OVER (ORDER BY cal_date) AS INTEGER) AS wd_index
    FROM flagged;
    -- calendar months, date-fns addMonths semantics: 2016-11-30 + 3 months = 2017-02-28
    CREATE OR REPLACE TEMP MACRO add_months(d, n) AS CAST(d + to_months(CAST(n AS INTEGER)) AS DATE);
    -- the working day w with n working days from d to w (d < day <= w); NULL outside the calendar
    CREATE OR REPLACE TEMP MACRO add_working_days(d, n) AS (
      SELECT min(w.cal_date) FROM calendar s JOIN calendar w ON w.wd_index = s.wd_index + n AND w.is_working_day
      WHERE s.cal_date = d);
    CREATE OR REPLACE TEMP MACRO calendar_start() AS DATE '${first}-01-01';
  `);
}
