/*
 * Each indicator's DfE comparator worked out from the published files
 * (indicators.md, "DfE benchmark source" and "Benchmarks"): the formula is
 * declared on the indicator (`dfe` in metrics/<id>.ts, the type in
 * metrics/dfe.ts); here are the source as a comparator names it and the exact
 * one-decimal value of one geography in one year. Rates use the ONS estimate
 * of mid-year Y-1 for DfE year Y, so England, regions and LAs share one
 * population source; the CLA rate uses the CLA file's own population.
 */
import { ENGLAND, cellKey, type DfeDataset, type Geo } from './dataset.ts';
import { parseDecimal, toTenthsHalfUp, type Fraction } from '../../decimal.ts';
import type { DfeFormula, MeasureKind } from '../../../metrics/dfe.ts';
import { findIndicator } from '../../../metrics/index.ts';

export const FILE_LABEL: Readonly<Record<MeasureKind, string>> = {
  c1_referrals: 'DfE C1',
  b1_cin: 'DfE B1',
  c4_s47_icpc: 'DfE C4',
  d3_repeat_plans: 'DfE D3',
  d5_plans_by_duration: 'DfE D5',
  cla_rates: 'DfE CLA',
  ons_population: 'ONS mid-year estimates',
};

/** The indicator's DfE formula, declared on the indicator (`Indicator.dfe`); null for a local or unknown indicator. */
export function dfeFormula(indicator: string): DfeFormula | null {
  return findIndicator(indicator)?.dfe ?? null;
}

/** The population year for DfE year Y: mid-(Y-1), or the latest earlier mid-year the ONS file has. */
export function populationYear(ds: DfeDataset, year: number): number | null {
  const have = ds.years.get('ons_population');
  if (!have) return null;
  let best: number | null = null;
  for (const y of have) if (y <= year - 1 && (best === null || y > best)) best = y;
  return best;
}

/** "DfE C4 2017 (ICPC x 10,000 / ONS mid-2016 population)" */
export function describeSource(ds: DfeDataset, f: DfeFormula, year: number): string {
  const file = `${FILE_LABEL[f.kind]} ${year}`;
  switch (f.type) {
    case 'rate': {
      const py = populationYear(ds, year);
      const pop = py === null ? 'ONS population (none loaded)' : `ONS mid-${py} population${py !== year - 1 ? ` (mid-${year - 1} not published)` : ''}`;
      return `${file} (${f.count} x 10,000 / ${pop})`;
    }
    case 'own_rate':
      return `${file} (${f.count} x 10,000 / ${f.population})`;
    case 'published_pct':
      return `${file} (${f.measure} as published)`;
    case 'pct':
      return `${file} (${f.numerator.length > 1 ? `(${f.numerator.join(' + ')})` : f.numerator[0]}/${f.denominator})`;
  }
}

export type GeoValue = { tenths: bigint; why?: undefined } | { tenths: null; why: string };

/** One geography's value for DfE year Y, in tenths, rounded half up once; or why there is none. */
export function geoValue(ds: DfeDataset, f: DfeFormula, year: number, geo: Geo): GeoValue {
  switch (f.type) {
    case 'published_pct': {
      const v = read(ds, f.kind, year, geo, f.measure);
      return 'x' in v ? { tenths: toTenthsHalfUp(v.x) } : v;
    }
    case 'pct': {
      let num: Fraction = { n: 0n, d: 1n };
      for (const m of f.numerator) {
        const v = read(ds, f.kind, year, geo, m);
        if (!('x' in v)) return v;
        num = { n: num.n * v.x.d + v.x.n * num.d, d: num.d * v.x.d };
      }
      const den = read(ds, f.kind, year, geo, f.denominator);
      if (!('x' in den)) return den;
      if (den.x.n === 0n) return { tenths: null, why: `${f.denominator} is 0` };
      return { tenths: toTenthsHalfUp({ n: 100n * num.n * den.x.d, d: num.d * den.x.n }) };
    }
    case 'rate':
    case 'own_rate': {
      const count = read(ds, f.kind, year, geo, f.count);
      if (!('x' in count)) return count;
      let pop: Read;
      if (f.type === 'own_rate') {
        pop = read(ds, f.kind, year, geo, f.population);
      } else {
        const py = populationYear(ds, year);
        pop = py === null ? { tenths: null, why: `no ONS population loaded for mid-${year - 1} or earlier` } : read(ds, 'ons_population', py, geo, 'population_estimate', `ONS mid-${py} population`);
      }
      if (!('x' in pop)) return pop;
      if (pop.x.n <= 0n) return { tenths: null, why: 'population is 0' };
      return { tenths: toTenthsHalfUp({ n: 10000n * count.x.n * pop.x.d, d: count.x.d * pop.x.n }) };
    }
  }
}

type Read = { x: Fraction } | { tenths: null; why: string };

function read(ds: DfeDataset, kind: MeasureKind, year: number, geo: Geo, measure: string, label = measure): Read {
  const cell = ds.cells.get(cellKey(kind, year, geo, measure));
  if (!cell) return { tenths: null, why: `no ${label} row for ${geo === ENGLAND ? 'England' : geo.slice(2)} in ${year}` };
  if (cell.value === null) return { tenths: null, why: `${label} ${cell.raw === '' ? 'blank' : `suppressed ("${cell.raw}")`}` };
  const x = parseDecimal(cell.raw);
  if (!x) return { tenths: null, why: `${label} "${cell.raw}" is not a number` };
  return { x };
}
