/*
 * The extract date (indicators.md v2, "Extract date"): `--extract-date` when
 * given; otherwise found from the data, because "today" is the wrong answer
 * for an extract taken last week or last year (the default period would be a
 * year the extract cannot hold). By source:
 * - SSD files: the latest event date not after today: a referral, an s47
 *   start, an ICPC, a plan's start or end, a care episode's start or end, a
 *   review held (never a date of birth, a due date or a closure);
 * - a CIN census: the earlier of its ReferenceDate and its Source/DateTime;
 * - an SSDA903 return: 31 March of its collection year;
 * - a mix: the latest of these.
 * The run says which rule gave it. `SAFEGUARD_TODAY=YYYY-MM-DD` stands in for
 * today (tests).
 *
 * Reading needs a date first (a value after the extract date plus one year is
 * a bad value: values.ts), so an extract without one is read against today,
 * and read again against the date found when the first reading holds a date
 * that bound would have refused (rare: a keying slip a year or more ahead).
 * Where the spec is silent: an extract with no event date at all (say, only
 * ssd_person.csv) takes today, and the run says so; and an extract is never
 * taken after today, so a return whose year ends after today (an in-year
 * SSDA903 return: 31 March is months away) gives today, and the run says so
 * (a future extract date would make a year in progress look complete).
 */
import { InputRejected, UsageError } from '../errors.ts';
import { ident, literal } from '../db.ts';
import type { Database } from '../db.ts';
import { FIRST_YEAR, LAST_YEAR, inYearRange, isRealDate } from '../periods.ts';
import { latestAcceptableDate } from '../values.ts';
import { readExtract } from './extract.ts';
import { SSD_FILES } from './ssd-files.ts';
import { ADAPTER as SSD_ADAPTER } from './ssd-csv.ts';
import { EVENT_DATES } from '../store.ts';
import { stageTable } from './staging.ts';
import type { ParsedExtract } from './types.ts';

export interface ExtractDate {
  date: string;
  /** null: given by --extract-date; else the rule that gave it, in words */
  found: string | null;
}

/** Today, or SAFEGUARD_TODAY (YYYY-MM-DD) standing in for it. */
export function today(): string {
  const env = process.env.SAFEGUARD_TODAY;
  if (env === undefined || env === '') return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(env) || !isRealDate(env)) throw new UsageError(`SAFEGUARD_TODAY=${env}: give a date that exists, as YYYY-MM-DD`);
  return env;
}

/** A given --extract-date, checked: a calendar date that exists, in the years periods.ts accepts. */
export function checkExtractDate(d: string): string {
  // (Date.parse takes 2017-02-30 as 2 March)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !isRealDate(d) || !inYearRange(Number(d.slice(0, 4)))) {
    throw new UsageError(`--extract-date ${d}: give the date the extract was taken as YYYY-MM-DD, a date that exists between ${FIRST_YEAR} and ${LAST_YEAR}`);
  }
  return d;
}

/**
 * Reads the extract (readExtract) with its extract date: the one given, or
 * the one found from the data. Throws what readExtract throws.
 */
export async function readWithExtractDate(db: Database, dir: string, given: string | undefined): Promise<{ parsed: ParsedExtract; extractDate: ExtractDate }> {
  if (given !== undefined) {
    const date = checkExtractDate(given);
    return { parsed: await readExtract(db, dir, date), extractDate: { date, found: null } };
  }
  const now = today();
  let parsed = await readExtract(db, dir, now);
  const found = await findExtractDate(db, parsed, now);
  if (found.date < now && (await hasDateAfter(db, parsed, latestAcceptableDate(found.date)))) {
    parsed = await readExtract(db, dir, found.date);
  }
  return { parsed, extractDate: found };
}

/** The extract date from the data just read (staged on `db`), and the rule that gave it. */
export async function findExtractDate(db: Database, parsed: ParsedExtract, now: string): Promise<ExtractDate & { found: string }> {
  const candidates: { date: string; rule: string }[] = [];
  const ssd = await latestSsdEvent(db, parsed, now);
  if (ssd) candidates.push({ date: ssd.date, rule: `the latest event date in the SSD files not after today (${ssd.file}, ${ssd.label})` });
  for (const r of parsed.returnsTaken ?? []) candidates.push({ date: r.date, rule: `${r.label}: ${r.rule}` });
  if (candidates.length === 0) {
    return { date: now, found: 'today: the extract holds no event date to find it from (give --extract-date)' };
  }
  const latest = candidates.reduce((a, b) => (b.date > a.date ? b : a));
  const rule = candidates.length === 1 ? latest.rule : `the latest of the dates its parts were taken: ${latest.rule}`;
  if (latest.date > now) return { date: now, found: `today: ${rule} gives ${latest.date}, after today, and an extract cannot have been taken later than today` };
  if (latest.date < `${FIRST_YEAR}-01-01` || !inYearRange(Number(latest.date.slice(0, 4)))) {
    throw new InputRejected({ file: '(extract)' }, `gives the extract date ${latest.date} (${rule}), outside the years safeguard works with; give --extract-date`);
  }
  return { date: latest.date, found: rule };
}

async function latestSsdEvent(db: Database, parsed: ParsedExtract, now: string): Promise<{ date: string; file: string; label: string } | null> {
  const ssdFiles = parsed.files.filter((f) => f.adapter === SSD_ADAPTER);
  const parts: string[] = [];
  for (const [table, events] of Object.entries(EVENT_DATES)) {
    const columns = parsed.tables.get(table);
    const files = ssdFiles.filter((f) => f.table === table).map((f) => literal(f.file));
    if (!columns || files.length === 0) continue;
    // a cancelled review was not held
    const held = columns.includes('cancelled') ? ` AND coalesce(CAST(cancelled AS VARCHAR), '') NOT IN ('true')` : '';
    for (const e of events) {
      if (!columns.includes(e.column)) continue;
      const c = ident(e.column);
      parts.push(
        `SELECT CAST(${c} AS VARCHAR) AS d, file, ${literal(e.label)} AS label FROM ${stageTable(table)}
         WHERE file IN (${files.join(', ')}) AND ${c} IS NOT NULL AND CAST(${c} AS VARCHAR) <= ${literal(now)}${held}`,
      );
    }
  }
  if (parts.length === 0) return null;
  const row = await db.one<{ d: string | null; file: string; label: string }>(`SELECT d, file, label FROM (${parts.join(' UNION ALL ')}) ORDER BY d DESC, file, label LIMIT 1`);
  return row?.d ? { date: row.d, file: row.file, label: row.label } : null;
}

/** Whether any staged date is after `bound` (a date the found extract date's bound refuses). */
async function hasDateAfter(db: Database, parsed: ParsedExtract, bound: string): Promise<boolean> {
  const parts: string[] = [];
  for (const [table, columns] of parsed.tables) {
    const dates = new Set(SSD_FILES.filter((s) => s.table === table).flatMap((s) => s.columns.filter((c) => c.kind === 'date').map((c) => c.target)));
    for (const c of columns) {
      if (dates.has(c)) parts.push(`SELECT 1 FROM ${stageTable(table)} WHERE CAST(${ident(c)} AS VARCHAR) > ${literal(bound)}`);
    }
  }
  if (parts.length === 0) return false;
  return (await db.one(`SELECT 1 AS x FROM (${parts.join(' UNION ALL ')}) LIMIT 1`)) !== undefined;
}
