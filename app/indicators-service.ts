/*
 * The indicators service: the one place that turns a snapshot and some
 * periods into the results every output shows. It computes each figure
 * (pipeline/compute.ts), its direction of travel, its comparators and its
 * rank (pipeline/benchmarks/), once; the terminal table, the JSON, the CSV
 * and the four reports only read what it returns, so they cannot disagree.
 * Commands call it; it never writes a file or prints.
 *
 * Part-year periods (indicators.md v2): a period that ends after the
 * snapshot's extract date is computed up to the extract date and marked
 * `partial` (a note says to when); one that starts after it has no value. A
 * partial figure keeps its comparators (full-year figures, as published) but
 * is never ranked or rated for direction. The default period is the latest
 * financial year that ended on or before the extract date.
 *
 * Direction of travel, the one rule (reports/direction.ts has the
 * comparison): each figure against the same period a year earlier (the
 * financial year before; the 12 months ending a year earlier; the same dates
 * a year earlier), computed in the same pass whether or not it is shown. A
 * year-earlier period that starts before the extract's data does is no period
 * to compare with: its figure would be a part-year or an empty one (a false
 * "better"), so the direction is `not_rated` with `previous_period: null`.
 * Where the data starts is `dataStart` (pipeline/store.ts).
 *
 * The monthly series (trends.md) is made here too: each indicator for each
 * calendar month, for the report's SPC charts and for `safeguard trends`;
 * its SPC is worked out from it by reports/trend.ts.
 */
import { computeIndicators } from '../pipeline/compute.ts';
import type { Database } from '../pipeline/db.ts';
import { UsageError } from '../pipeline/errors.ts';
import { laCodes, resolveLa } from '../pipeline/la.ts';
import { calendarMonths, financialYearStarting, firstWholeMonth, lastWholeMonth, latestCompleteFinancialYear, parsePeriods, sameTimeAYearEarlier, toExtractDate } from '../pipeline/periods.ts';
import { dataStart, findSnapshot } from '../pipeline/store.ts';
import type { SnapshotInfo } from '../pipeline/store.ts';
import { attachBenchmarks } from '../pipeline/benchmarks/attach.ts';
import { parseSnOptions } from '../pipeline/benchmarks/dfe/sn-model.ts';
import { DEFAULT_RECONCILE_TOLERANCE, parseTolerance } from '../pipeline/benchmarks/dfe/published.ts';
import { bundledDfeDataset, loadDfeDataset } from '../pipeline/benchmarks/dfe-store.ts';
import { INDICATORS } from '../metrics/index.ts';
import type { Indicator, IndicatorResult, IndicatorsDocument, LaInfo, Period } from '../metrics/types.ts';
import { definitionOf } from '../reports/definitions.ts';
import { directionOfTravel } from '../reports/direction.ts';
import type { IndicatorDefinition, MonthlySeries, ReportInput, TrendSettings } from '../reports/types.ts';

export interface DocumentOptions {
  period?: string[];
  snapshot?: string;
  snStat?: string;
  snModel?: string;
  /** `--reconcile-tolerance`: how far a computed figure may be from DfE's published one before it is flagged (default 0.5) */
  reconcileTolerance?: string;
}

/** The board's annual report sets four financial years side by side. */
const DEFAULT_YEARS = 4;

/** Results for the periods asked (default: the latest complete financial year), with direction, comparators and ranks. */
export async function buildDocument(db: Database, opts: DocumentOptions): Promise<IndicatorsDocument> {
  const { snStat, snModel } = parseSnOptions(opts);
  const toleranceText = opts.reconcileTolerance ?? DEFAULT_RECONCILE_TOLERANCE;
  const tolerance = parseTolerance(toleranceText);
  if (tolerance === null) throw new UsageError(`--reconcile-tolerance ${toleranceText}: give a number of 0 or more, in the indicator's unit (e.g. 0.5)`);
  // periods first: bad usage is bad usage whatever the database holds
  const asked = opts.period && opts.period.length > 0 ? parsePeriods(opts.period) : null;
  const snap = await findSnapshot(db, opts.snapshot);
  const extractDate = snap.extracted_at;
  const periods = asked ?? [latestCompleteFinancialYear(extractDate)];
  const la = snap.la_code ? resolveLa(snap.la_code) : null;
  // the same period a year earlier, computed in the same pass, for the direction of travel
  const earlier = periods.map(sameTimeAYearEarlier);
  const extra = earlier.filter((p) => !periods.some((q) => q.label === p.label));
  const wanted = uniqueByLabel([...periods, ...extra]);
  const all = await figuresAt(db, snap, wanted, laCodes(la));
  const byKey = new Map(all.map((r) => [`${r.indicator}|${r.period}`, r]));
  const results = all.filter((r) => periods.some((p) => p.label === r.period));
  const start = await dataStart(db, snap.snapshot_id);
  for (const r of results) {
    const before = earlier[periods.findIndex((p) => p.label === r.period)]!;
    r.direction = directionAgainst(r, before, byKey.get(`${r.indicator}|${before.label}`), start);
  }
  const dataset = (await loadDfeDataset(db)) ?? bundledDfeDataset();
  await attachBenchmarks(db, results, { dataset, laCode: la?.code ?? null, snModel, snStat, tolerance: { text: toleranceText, value: tolerance } });
  return { la, snapshot: { id: snap.snapshot_id, extracted_at: snap.extracted_at }, results };
}

/**
 * One snapshot's figures for these periods, with the part-year rule (see the
 * header): a period the extract date cuts short is computed up to it ("at
 * period end" is at the extract date) and marked `partial`; one it never
 * reaches has no value. The restatements (app/restatements.ts) read an
 * earlier snapshot through it too, so both ends of a comparison are made alike.
 */
export async function figuresAt(db: Database, snap: SnapshotInfo, periods: Period[], laCodes: string[], indicators?: readonly Indicator[]): Promise<IndicatorResult[]> {
  const extractDate = snap.extracted_at;
  const computed = periods.map((p) => toExtractDate(p, extractDate));
  const all = await computeIndicators(db, { snapshotId: snap.snapshot_id, periods: computed, laCodes, ...(indicators ? { indicators } : {}) });
  const nominal = new Map(periods.map((p) => [p.label, p]));
  for (const r of all) markPartYear(r, nominal.get(r.period)!, extractDate);
  return all;
}

/** Puts back the period's own end, and marks a period the extract date cuts short (or never reaches). */
function markPartYear(r: IndicatorResult, period: Period, extractDate: string): void {
  r.period_end = period.end;
  r.partial = period.end > extractDate;
  if (!r.partial) return;
  if (period.start > extractDate) {
    r.numerator = null;
    r.denominator = null;
    r.value = null;
    r.notes.push(`no value: the period starts after the extract date (${extractDate})`);
  } else {
    r.notes.push(`part-year: computed to ${extractDate}, the extract date; its comparators are full-year figures; not ranked or rated for direction`);
  }
}

/** The direction of `r` against the period before it (see the header for the rule). */
export function directionAgainst(r: IndicatorResult, before: Period, prev: IndicatorResult | undefined, dataStartDate: string | null): NonNullable<IndicatorResult['direction']> {
  const covered = dataStartDate !== null && before.start >= dataStartDate && prev !== undefined;
  if (!covered) return { previous_period: null, previous_value: null, value: 'not_rated' };
  const value = prev.value;
  if (r.partial || prev.partial) return { previous_period: before.label, previous_value: value, value: 'not_rated' };
  return { previous_period: before.label, previous_value: value, value: directionOfTravel(value, r.value, r.polarity) };
}

function uniqueByLabel(ps: Period[]): Period[] {
  return ps.filter((p, i) => ps.findIndex((q) => q.label === p.label) === i);
}

/** The periods asked for, or the board's layout: the latest four complete financial years. */
export async function reportPeriods(db: Database, opts: DocumentOptions): Promise<string[]> {
  if (opts.period && opts.period.length > 0) return opts.period;
  const snap = await findSnapshot(db, opts.snapshot);
  const latest = latestCompleteFinancialYear(snap.extracted_at);
  const firstYear = Number(latest.start.slice(0, 4)) - DEFAULT_YEARS + 1;
  return [`${financialYearStarting(firstYear).label}:${latest.label}`];
}

/** Everything the renderers take, from results already computed: the definitions, the monthly series, the trend settings, the time. */
export async function buildReportInput(db: Database, doc: IndicatorsDocument, opts: { snapshot?: string; suppress?: boolean; trends?: TrendSettings }): Promise<ReportInput> {
  const snap = await findSnapshot(db, opts.snapshot);
  return {
    doc,
    definitions: INDICATORS.map(definitionOf),
    monthly: await monthlyTrend(db, snap, laCodes(doc.la)),
    generatedAt: new Date().toISOString(),
    suppress: opts.suppress ?? false,
    ...(opts.trends ? { trends: opts.trends } : {}),
  };
}

export interface TrendsOptions {
  snapshot?: string;
  /** `YYYY-MM`: start the series here if later than the data's first month */
  periodFrom?: string;
}

/** What `safeguard trends` prints: the snapshot, the LA, the definitions and every indicator's monthly series. */
export async function buildTrends(db: Database, opts: TrendsOptions): Promise<{ snapshot: { id: string; extracted_at: string }; la: LaInfo | null; definitions: IndicatorDefinition[]; monthly: MonthlySeries[] }> {
  if (opts.periodFrom !== undefined && !isMonth(opts.periodFrom)) throw new UsageError(`--period-from ${opts.periodFrom}: give a month as YYYY-MM (2016-04)`);
  const snap = await findSnapshot(db, opts.snapshot);
  const la = snap.la_code ? resolveLa(snap.la_code) : null;
  return {
    snapshot: { id: snap.snapshot_id, extracted_at: snap.extracted_at },
    la,
    definitions: INDICATORS.map(definitionOf),
    monthly: await monthlyTrend(db, snap, laCodes(la), opts.periodFrom),
  };
}

function isMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/**
 * The monthly series of trends.md: each indicator for each calendar month, by
 * its own definition (the month as an explicit range period, so it is what
 * `--period 2016-01-01..2016-01-31` gives), all months of an indicator in one
 * statement. From the first month the data covers in full (`dataStart`, the
 * earliest referral, until a per-table coverage lands: a month the data
 * starts part-way through would be a false low, so it is left out) or
 * `periodFrom` if later, to the last complete month on or before the extract
 * date (or before the last event in the data, if that is earlier: months
 * after the data stops would be false zeros). The whole series, not the last
 * 120 months: phases and baselines count from its start (trends.md); the
 * chart shows the last 120. A month with no value keeps its reason.
 */
async function monthlyTrend(db: Database, snap: SnapshotInfo, laCodes: string[], periodFrom?: string): Promise<MonthlySeries[]> {
  const from = await dataStart(db, snap.snapshot_id);
  if (!from) return [];
  const upTo = snap.data_to && snap.data_to < snap.extracted_at ? snap.data_to : snap.extracted_at;
  const lastMonth = lastWholeMonth(upTo);
  const covered = firstWholeMonth(from);
  const firstMonth = periodFrom && periodFrom > covered ? periodFrom : covered;
  const months = firstMonth > lastMonth ? [] : calendarMonths(firstMonth, lastMonth);
  if (months.length === 0) return [];
  const results = await computeIndicators(db, { snapshotId: snap.snapshot_id, periods: months, laCodes });
  const byKey = new Map(results.map((r) => [`${r.indicator}|${r.period}`, r]));
  return INDICATORS.map((ind) => ({
    indicator: ind.id,
    points: months.map((m) => {
      const r = byKey.get(`${ind.id}|${m.label}`)!;
      return {
        period: m.start.slice(0, 7),
        period_start: m.start,
        period_end: m.end,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        gap_reason: r.value === null ? gapReason(r.notes) : null,
      };
    }),
  }));
}

/** Why a month has no value, in the metrics layer's words ("no value: ...", "no data: ..."). */
function gapReason(notes: readonly string[]): string {
  const why = notes.filter((n) => n.startsWith('no value') || n.startsWith('no data'));
  return why.length > 0 ? why.join('; ') : 'no value';
}
