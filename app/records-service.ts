/*
 * The records service (issue 16): the records behind a figure, by the
 * indicator's own SQL (metrics/types.ts RecordList), for `safeguard records`
 * and `safeguard changes`. It computes the figure in the same run and refuses
 * a list that does not add up to it: the rows of the numerator are the
 * numerator, those of the denominator the denominator (a rate's denominator is
 * the population, not records). Child-level: callers head what they print
 * OFFICIAL-SENSITIVE and pseudonymise the identifiers.
 *
 * `excluded` lists what the views leave out of every figure (transfer-in
 * conferences, short breaks, cancelled reviews, reviews with no date,
 * records dated after the extract date; pipeline/views.ts set_aside) among
 * the tables the indicator reads, in the period: a dated record by its date,
 * a plan or episode where it overlaps the period.
 */
import type { Database } from '../pipeline/db.ts';
import { SafeguardError, UsageError } from '../pipeline/errors.ts';
import { laCodes, resolveLa } from '../pipeline/la.ts';
import { prepareSnapshot } from '../pipeline/compute.ts';
import { parsePeriods, toExtractDate } from '../pipeline/periods.ts';
import { findSnapshot } from '../pipeline/store.ts';
import type { SnapshotInfo } from '../pipeline/store.ts';
import { INDICATORS, findIndicator } from '../metrics/index.ts';
import { RECORD_COLUMNS } from '../metrics/sql.ts';
import type { Indicator, IndicatorResult, Period } from '../metrics/types.ts';
import { figuresAt } from './indicators-service.ts';

export type Part = 'numerator' | 'denominator' | 'excluded';
export const PARTS: readonly Part[] = ['numerator', 'denominator', 'excluded'];

export type Cell = string | number | boolean | null;

/** One record (or child) of a figure: the leading columns every list has, and the indicator's own details. */
export interface RecordRow {
  period_id: number;
  source_table: string;
  record_id: string;
  person_id: string;
  in_numerator: boolean;
  in_denominator: boolean;
  reason: string | null;
  details: Record<string, Cell>;
}

export interface FigureRecords {
  indicator: Indicator;
  period: Period;
  snapshot: SnapshotInfo;
  /** the figure, computed in the same run */
  figure: IndicatorResult;
  /** every row of the numerator or the denominator */
  rows: RecordRow[];
  /** the indicator's detail columns, in order */
  details: string[];
}

/** An indicator by id, or a usage error naming them all. */
export function indicatorById(id: string): Indicator {
  const ind = findIndicator(id);
  if (!ind) throw new UsageError(`--indicator ${id}: no such indicator; use one of ${INDICATORS.map((i) => i.id).join(', ')}`);
  return ind;
}

/** One period from `--period` (a financial year, 12 months ending a month, or a range). */
export function onePeriod(spec: string): Period {
  const periods = parsePeriods([spec]);
  if (periods.length !== 1) throw new UsageError(`--period ${spec}: give one period (2023/24, 2024-10 or 2024-01-01..2024-06-30), not a span of ${periods.length}`);
  return periods[0]!;
}

/**
 * The records of each of `indicators` for each of `periods` in a snapshot,
 * with the figures, from one run (the snapshot's views made once): every
 * figure's rows add up to it, or this throws (a fault in safeguard, never a
 * list printed beside a figure it contradicts). Indicator by indicator, then
 * period by period.
 */
export async function recordsOf(db: Database, snap: SnapshotInfo, indicators: readonly Indicator[], periods: Period[]): Promise<FigureRecords[][]> {
  const la = snap.la_code ? resolveLa(snap.la_code) : null;
  const figures = await figuresAt(db, snap, periods, laCodes(la), indicators);
  // figuresAt left the snapshot's views and these periods in place: the lists read the same
  const lists = await listed(db, indicators, periods, (k, i) => figures[k * periods.length + i]!);
  return lists.map((list, k) =>
    list.rows.map((rows, i) => ({ indicator: indicators[k]!, period: periods[i]!, snapshot: snap, figure: figures[k * periods.length + i]!, rows, details: list.details })),
  );
}

/** The counts a list must add up to; null where the figure is not known to the caller (its rows are then not checked). */
export type Counts = Pick<IndicatorResult, 'numerator' | 'denominator'>;

/**
 * The rows of each indicator's list for each period, held to counts the
 * caller already has (`safeguard changes`: the two snapshots' figures),
 * without computing the figures again: the snapshot's views and the periods
 * (cut to its extract date) are made, and the lists run.
 */
export async function recordsAgainst(db: Database, snap: SnapshotInfo, indicators: readonly Indicator[], periods: Period[], counts: (indicator: Indicator, period: Period) => Counts | null): Promise<RecordRow[][][]> {
  await prepareSnapshot(db, snap.snapshot_id, periods.map((p) => toExtractDate(p, snap.extracted_at)));
  const lists = await listed(db, indicators, periods, (k, i) => counts(indicators[k]!, periods[i]!));
  return lists.map((l) => l.rows);
}

/**
 * Each indicator's list, split by period, each held to its counts: a figure
 * with no counts (no data, a period the data does not cover) has no records
 * either; rows that do not add up to the counts throw.
 */
async function listed(db: Database, indicators: readonly Indicator[], periods: Period[], counts: (k: number, i: number) => Counts | null): Promise<{ rows: RecordRow[][]; details: string[] }[]> {
  const out: { rows: RecordRow[][]; details: string[] }[] = [];
  for (const [k, indicator] of indicators.entries()) {
    const rows = (await db.all<Record<string, Cell>>(indicator.records.sql)).map(toRow);
    const details = await detailColumns(db, indicator.records.sql);
    const byPeriod = periods.map((period, i) => {
      const c = counts(k, i);
      if (c?.numerator === null) return [];
      const mine = rows.filter((r) => r.period_id === i);
      if (c) checkAddsUp(indicator, period, c, mine);
      return mine;
    });
    out.push({ rows: byPeriod, details });
  }
  return out;
}

/** The records of one figure: `safeguard records`. */
export async function figureRecords(db: Database, opts: { indicator: string; period: string; snapshot?: string }): Promise<FigureRecords> {
  const indicator = indicatorById(opts.indicator);
  const period = onePeriod(opts.period);
  const snap = await findSnapshot(db, opts.snapshot);
  const one = (await recordsOf(db, snap, [indicator], [period]))[0]![0]!;
  // no figure, no list: a period the data does not cover (or after the extract date) would list records beside no value
  if (one.figure.numerator === null) {
    const why = one.figure.notes.filter((n) => n.startsWith('no data') || n.startsWith('no value')).join('; ') || 'no value';
    throw new SafeguardError(`${indicator.id} for ${period.label}: ${why}; there are no records to list`, 1);
  }
  return one;
}

/**
 * What the definition leaves out in the period (after figureRecords, which
 * set up the snapshot's views): over the period's own dates, not those cut to
 * the extract date, so a record dated after the extract date within the
 * period is listed with that reason.
 */
export async function excludedRecords(db: Database, indicator: Indicator, period: Period): Promise<RecordRow[]> {
  const tables = [...new Set(indicator.requires.map((r) => r.table))].map((t) => `'${t}'`).join(', ');
  const rows = await db.all<Record<string, Cell>>(
    `SELECT 0 AS period_id, a.source_table, CAST(a.record_id AS VARCHAR) AS record_id, a.person_id, false AS in_numerator, false AS in_denominator, a.reason,
            a.starts, a.ends
     FROM set_aside a
     WHERE a.source_table IN (${tables}) AND a.starts <= $end AND coalesce(a.ends, a.starts) >= $start
     ORDER BY a.source_table, a.starts`,
    { start: period.start, end: period.end },
  );
  return rows.map(toRow);
}

function checkAddsUp(indicator: Indicator, period: Period, figure: Counts, rows: RecordRow[]): void {
  const num = rows.filter((r) => r.in_numerator).length;
  const den = rows.filter((r) => r.in_denominator).length;
  const rate = indicator.denominatorSql === 'population';
  if (num !== figure.numerator || (!rate && den !== figure.denominator)) {
    throw new Error(
      `the records of ${indicator.id} for ${period.label} do not add up to its figure (${num}/${rate ? 'population' : den} listed, ${figure.numerator}/${figure.denominator} counted)`,
    );
  }
}

const LEADING = new Set<string>(RECORD_COLUMNS);

function toRow(r: Record<string, Cell>): RecordRow {
  const details: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(r)) if (!LEADING.has(k)) details[k] = v;
  return {
    period_id: Number(r.period_id),
    source_table: String(r.source_table),
    record_id: String(r.record_id),
    person_id: String(r.person_id),
    in_numerator: r.in_numerator === true,
    in_denominator: r.in_denominator === true,
    reason: r.reason === null || r.reason === undefined ? null : String(r.reason),
    details,
  };
}

/** The list's detail columns, in order, whether or not it has rows. */
async function detailColumns(db: Database, sql: string): Promise<string[]> {
  const described = await db.all<{ column_name: string }>(`DESCRIBE ${sql}`);
  return described.map((c) => c.column_name).filter((k) => !LEADING.has(k));
}

/** The rows of a part: the numerator's, the denominator's (a rate's denominator is the population: none). */
export function rowsOfPart(rows: RecordRow[], part: Exclude<Part, 'excluded'>): RecordRow[] {
  return rows.filter((r) => (part === 'numerator' ? r.in_numerator : r.in_denominator));
}
