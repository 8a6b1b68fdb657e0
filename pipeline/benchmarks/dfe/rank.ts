/*
 * Rank and quartile by LAIT's method (indicators.md, "Rank and quartile"):
 * the LA's own computed value among the other LAs' published values, rank 1
 * best, ties sharing the smallest rank, quartile bands from R's default
 * (type 7) quantiles of the others. All comparisons are exact: values are
 * tenths, quantiles fractions of tenths, so a value equal to Q1 is "<= Q1".
 */
import type { Polarity, Rank } from '../../../metrics/types.ts';
import { laGeo, type DfeDataset } from './dataset.ts';
import { compareBigint, compareFractions, parseDecimal, type Fraction } from '../../decimal.ts';
import type { DfeFormula } from '../../../metrics/dfe.ts';
import { dfeFormula, geoValue } from './formulas.ts';
import { resolveLa } from './las.ts';

export interface RankOptions {
  indicator: string;
  /** DfE time_period (2017 = 2016/17) */
  year: number;
  laOldCode: string;
  ownValue: number | null;
  polarity: Polarity;
}

/**
 * R's quantile(x, p, type = 7) of sorted values, exactly: h = (n-1)p,
 * Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]), with p = pNum/pDen.
 */
export function type7Quantile(sorted: readonly bigint[], pNum: bigint, pDen: bigint): Fraction {
  const n = BigInt(sorted.length);
  if (n === 0n) throw new Error('type7Quantile of no values');
  const h = (n - 1n) * pNum; // h / pDen is the 0-based position
  const lo = h / pDen;
  const fracNum = h - lo * pDen; // fraction = fracNum / pDen
  const a = sorted[Number(lo)]!;
  const b = sorted[Number(lo) + 1] ?? a;
  return { n: a * pDen + fracNum * (b - a), d: pDen };
}

/** Quartile band of a value against the others' Q1..Q3, by polarity. */
export function quartileBand(own: Fraction, others: readonly bigint[], polarity: Polarity): Rank['quartile'] {
  const sorted = [...others].sort(compareBigint);
  const [q1, q2, q3] = [1n, 2n, 3n].map((k) => type7Quantile(sorted, k, 4n)) as [Fraction, Fraction, Fraction];
  const cmp = (q: Fraction): number => compareFractions(own, q);
  if (polarity === 'high') return cmp(q3) >= 0 ? 'A' : cmp(q2) >= 0 ? 'B' : cmp(q1) >= 0 ? 'C' : 'D';
  return cmp(q1) <= 0 ? 'A' : cmp(q2) <= 0 ? 'B' : cmp(q3) <= 0 ? 'C' : 'D';
}

/** Position of `own` among `others` (1 = best; ties share the smallest rank). */
export function rankPosition(own: Fraction, others: readonly bigint[], polarity: Polarity): number {
  const better = others.filter((o) => {
    const c = compareFractions({ n: o, d: 1n }, own);
    return polarity === 'high' ? c > 0 : c < 0;
  }).length;
  return better + 1;
}

/**
 * The LA's rank for DfE year Y, or null when there is nothing to rank (no own
 * value, no DfE source, nothing published). A year with no published figures
 * is ranked against the latest published year and marked provisional (the
 * spec's rule): the latest year before Y where there is one (the usual case, a
 * year DfE has not published yet), otherwise the latest of all, as for the
 * looked-after file that starts in 2021. `year` says which year was used.
 */
export function rank(ds: DfeDataset, opts: RankOptions): Rank | null {
  const f = dfeFormula(opts.indicator);
  if (f === null || opts.ownValue === null || !Number.isFinite(opts.ownValue)) return null;
  const parsed = parseDecimal(String(opts.ownValue));
  if (parsed === null) return null;
  // published values are held in tenths
  const own: Fraction = { n: parsed.n * 10n, d: parsed.d };
  const self = resolveLa(ds, opts.laOldCode) ?? opts.laOldCode.trim();

  let year = opts.year;
  let others = publishedLaValues(ds, f, year, self);
  let provisional = false;
  if (others === null) {
    const published = publishedYears(ds, f);
    if (published.length === 0) return null;
    const earlier = published.filter((y) => y < opts.year);
    year = Math.max(...(earlier.length > 0 ? earlier : published));
    others = publishedLaValues(ds, f, year, self) ?? [];
    provisional = true;
  }
  if (others.length === 0) return null;
  return {
    position: rankPosition(own, others, opts.polarity),
    of: others.length + 1,
    quartile: quartileBand(own, others, opts.polarity),
    provisional,
    year,
  };
}

/** Years in which at least one LA has a published value for the indicator. */
export function publishedYears(ds: DfeDataset, f: DfeFormula): number[] {
  return [...(ds.years.get(f.kind) ?? [])].filter((y) => anyLaValue(ds, f, y)).sort((a, b) => a - b);
}

/** Other LAs' values in year Y, or null when no LA has a value that year. */
function publishedLaValues(ds: DfeDataset, f: DfeFormula, year: number, self: string): bigint[] | null {
  const all = allLaValues(ds, f, year);
  return all === null ? null : all.filter(([code]) => code !== self).map(([, v]) => v);
}

// Every LA's value of a formula in a year, worked out once per dataset: a run
// ranks the same year for many periods and indicators.
const laValueCache = new WeakMap<DfeDataset, Map<string, [string, bigint][] | null>>();
// Whether any LA has a value that year, for publishedYears: it asks this of
// every year the file has, and most of those years are never ranked, so it
// stops at the first LA with a value rather than working out all of them.
const anyValueCache = new WeakMap<DfeDataset, Map<string, boolean>>();

const cacheKey = (f: DfeFormula, year: number): string => `${JSON.stringify(f)}|${year}`;

/** The same as `allLaValues(ds, f, year) !== null`, without working out every LA's value. */
function anyLaValue(ds: DfeDataset, f: DfeFormula, year: number): boolean {
  const key = cacheKey(f, year);
  const all = laValueCache.get(ds)?.get(key);
  if (all !== undefined) return all !== null;
  return remembered(anyValueCache, ds, key, () =>
    [...(ds.laRows.get(`${f.kind}|${year}`) ?? [])].some((code) => geoValue(ds, f, year, laGeo(code)).tenths !== null),
  );
}

function allLaValues(ds: DfeDataset, f: DfeFormula, year: number): [string, bigint][] | null {
  return remembered(laValueCache, ds, cacheKey(f, year), () => {
    const values: [string, bigint][] = [];
    for (const code of ds.laRows.get(`${f.kind}|${year}`) ?? []) {
      const v = geoValue(ds, f, year, laGeo(code));
      if (v.tenths !== null) values.push([code, v.tenths]);
    }
    return values.length > 0 ? values : null;
  });
}

/** `make()` worked out once per dataset and key. */
function remembered<V>(store: WeakMap<DfeDataset, Map<string, V>>, ds: DfeDataset, key: string, make: () => V): V {
  let cache = store.get(ds);
  if (!cache) store.set(ds, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
}
