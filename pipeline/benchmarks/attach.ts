/*
 * Sets each computed figure against its comparators: DfE's published data for
 * England, the LA's region and its statistical neighbours (financial years
 * only; indicators.md "Benchmarks"), the LA's rank and quartile among all LAs,
 * the LA's own published figure and whether the computed one reconciles with
 * it (dfe/published.ts), and then any plain benchmark rows, which override comparator by comparator
 * (figures a board has already published, and comparators for local indicators).
 */
import type { Database } from '../db.ts';
import { literal } from '../db.ts';
import type { Benchmark, IndicatorResult } from '../../metrics/types.ts';
import { comparators, dfeTimePeriod, rank } from './dfe/comparators.ts';
import type { DfeDataset } from './dfe/dataset.ts';
import { dfeFormula } from './dfe/formulas.ts';
import type { SnModelChoice } from './dfe/sn-model.ts';
import { publishedValue, reconcile } from './dfe/published.ts';
import type { Fraction } from '../decimal.ts';

export interface BenchmarkOptions {
  dataset: DfeDataset | null;
  /** old three-digit code; null when the snapshot names no LA */
  laCode: string | null;
  /** `by_year` (the model in force for each year) unless one is forced */
  snModel: SnModelChoice;
  snStat: 'mean' | 'median';
  /** `--reconcile-tolerance`, as written and as an exact fraction (in the indicator's unit) */
  tolerance: { text: string; value: Fraction };
}

export async function attachBenchmarks(db: Database, results: IndicatorResult[], opts: BenchmarkOptions): Promise<void> {
  const plain = await plainBenchmarks(db, [...new Set(results.map((r) => r.period))]);
  for (const r of results) {
    if (!dfeFormula(r.indicator)) {
      r.notes.push('local indicator: DfE publishes no comparable figure');
    } else if (!opts.dataset) {
      r.notes.push('no DfE data loaded');
    } else if (!opts.laCode) {
      r.notes.push('no DfE comparators: the snapshot names no LA (ingest with --la)');
    } else {
      const year = dfeTimePeriod({ start: r.period_start, end: r.period_end });
      if (year.timePeriod === null) {
        r.notes.push(year.note);
        r.published = { value: null, source: 'DfE', difference: null, tolerance: Number(opts.tolerance.text), reconciliation: 'not_compared', note: 'DfE publishes financial years only: no published figure for this period' };
      } else {
        const own = publishedValue(opts.dataset, r.indicator, year.timePeriod, opts.laCode)!;
        r.published = reconcile(r.value, own, opts.tolerance, r.partial ? 'part-year: a published figure is for the whole year, so not compared' : undefined);
        const c = comparators(opts.dataset, { indicator: r.indicator, year: year.timePeriod, laOldCode: opts.laCode, snModel: opts.snModel, snStat: opts.snStat });
        r.benchmarks = { sn: c.sn, region: c.region, england: c.england };
        // ranks are for complete financial years only (indicators.md v2): a part-year is never ranked
        r.rank = r.value === null || r.partial ? null : rank(opts.dataset, { indicator: r.indicator, year: year.timePeriod, laOldCode: opts.laCode, ownValue: r.value, polarity: r.polarity });
      }
    }
    for (const [comparator, bench] of Object.entries(plain.get(`${r.indicator}|${r.period}`) ?? {})) {
      r.benchmarks[comparator as keyof IndicatorResult['benchmarks']] = bench;
    }
  }
}

async function plainBenchmarks(db: Database, periods: string[]): Promise<Map<string, Record<string, Benchmark>>> {
  const out = new Map<string, Record<string, Benchmark>>();
  if (periods.length === 0 || !(await db.storeTables()).has('benchmark')) return out;
  const rows = await db.all<{ indicator: string; period: string; comparator: string; value: number | null; source: string }>(
    `SELECT indicator, period, comparator, value, source FROM store.benchmark WHERE period IN (${periods.map(literal).join(', ')})`,
  );
  for (const r of rows) {
    const key = `${r.indicator}|${r.period}`;
    const b = out.get(key) ?? {};
    b[r.comparator] = { value: r.value === null ? null : Number(r.value), source: r.source };
    out.set(key, b);
  }
  return out;
}
