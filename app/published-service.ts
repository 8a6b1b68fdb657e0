/*
 * The published-only document (issue 17): any LA's figures as DfE published
 * them, from the bundled DfE data alone (no extract, no database), in the shape
 * of `indicators --format json`, so the terminal table, the JSON and the four
 * reports lay it out unchanged. LAIT's table, which DfE withdrew as a download:
 * for each indicator with a DfE source and each financial year, the LA's own
 * published value, SN, region and England, its rank and quartile among all LAs
 * (its own published value ranked, so the rank is DfE's), and its direction of
 * travel against the year before (the one rule, reports/direction.ts).
 *
 * A value is only ever read, never estimated: a year DfE has not published, a
 * suppressed cell or a year the LA did not exist has `value: null`, no rank,
 * and the reason in `notes`; its SN and region are still formed where the
 * neighbours and the region were published (comparators.ts).
 */
import { UsageError } from '../pipeline/errors.ts';
import { resolveLa } from '../pipeline/la.ts';
import { financialYearStarting, parsePeriods } from '../pipeline/periods.ts';
import { bundledDfeDataset } from '../pipeline/benchmarks/dfe-store.ts';
import { comparators, dfeTimePeriod, fyLabel, rank } from '../pipeline/benchmarks/dfe/comparators.ts';
import type { DfeDataset } from '../pipeline/benchmarks/dfe/dataset.ts';
import { publishedValue } from '../pipeline/benchmarks/dfe/published.ts';
import { parseSnOptions } from '../pipeline/benchmarks/dfe/sn-model.ts';
import { INDICATORS } from '../metrics/index.ts';
import type { IndicatorResult, IndicatorsDocument, Period } from '../metrics/types.ts';
import { directionOfTravel } from '../reports/direction.ts';

export interface PublishedOptions {
  la?: string;
  period?: string[];
  snStat?: string;
  snModel?: string;
}

/** What the document's `snapshot` says when there is none: the figures are DfE's. */
export const PUBLISHED_SNAPSHOT_ID = 'dfe-published';

/** The latest DfE year (2025 = 2024/25) any bundled file has figures for. */
export function latestPublishedYear(ds: DfeDataset): number {
  const years = [...ds.years.entries()].filter(([kind]) => kind !== 'ons_population').flatMap(([, ys]) => [...ys]);
  return Math.max(...years);
}

/** The financial years asked for, or `count` years ending with the latest DfE has published. */
export function publishedPeriods(ds: DfeDataset, asked: string[] | undefined, count: number): Period[] {
  if (asked && asked.length > 0) {
    const periods = parsePeriods(asked);
    const other = periods.find((p) => p.kind !== 'financial_year');
    if (other) throw new UsageError(`--period ${other.label}: DfE publishes financial years only (e.g. 2023/24, or 2020/21:2023/24)`);
    return periods;
  }
  const last = latestPublishedYear(ds) - 1; // the start year of the latest published financial year
  return Array.from({ length: count }, (_, i) => financialYearStarting(last - count + 1 + i));
}

/** The LA's published figures with comparators, ranks and direction of travel, for the periods (default: the latest published year). */
export function buildPublishedDocument(opts: PublishedOptions, ds: DfeDataset = bundledDfeDataset(), defaultYears = 1): IndicatorsDocument {
  if (!opts.la) throw new UsageError('published needs --la CODE (the DfE code, e.g. 359, or the ONS code, e.g. E08000010)');
  const { snStat, snModel } = parseSnOptions(opts);
  const la = resolveLa(opts.la, ds);
  const periods = publishedPeriods(ds, opts.period, defaultYears);

  const results: IndicatorResult[] = [];
  for (const ind of INDICATORS) {
    if (!ind.dfe) continue;
    for (const p of periods) {
      const year = dfeTimePeriod(p).timePeriod!;
      const own = publishedValue(ds, ind.id, year, la.code)!;
      const before = publishedValue(ds, ind.id, year - 1, la.code)!;
      const c = comparators(ds, { indicator: ind.id, year, laOldCode: la.code, snModel, snStat });
      const notes = own.note ? [`no published value: ${own.note}`] : [];
      results.push({
        indicator: ind.id,
        title: ind.title,
        area: ind.area,
        period: p.label,
        period_start: p.start,
        period_end: p.end,
        // DfE's counts sit behind its figure (the source says which); none is taken from an extract
        numerator: null,
        denominator: null,
        value: own.value,
        unit: ind.unit,
        polarity: ind.polarity,
        benchmarks: { sn: c.sn, region: c.region, england: c.england },
        rank: own.value === null ? null : rank(ds, { indicator: ind.id, year, laOldCode: la.code, ownValue: own.value, polarity: ind.polarity }),
        partial: false,
        direction: {
          previous_period: fyLabel(year - 1),
          previous_value: before.value,
          value: directionOfTravel(before.value, own.value, ind.polarity),
        },
        notes,
      });
    }
  }
  const ends = periods.map((p) => p.end).sort();
  return { source: 'dfe_published', la, snapshot: { id: PUBLISHED_SNAPSHOT_ID, extracted_at: ends.at(-1)! }, results };
}
