/*
 * How each indicator's DfE comparator is formed from the published files
 * (indicators.md, "DfE benchmark source" and "Benchmarks"), and the exact
 * one-decimal value of one geography in one year. Rates use the ONS estimate
 * of mid-year Y-1 for DfE year Y, so England, regions and LAs share one
 * population source; the CLA rate uses the CLA file's own population.
 */
import { ENGLAND, cellKey, type DfeDataset, type Geo } from './dataset.ts';
import { parseDecimal, toTenthsHalfUp, type Fraction } from '../../decimal.ts';
import type { MeasureKind } from './parse.ts';

export type DfeFormula =
  | { type: 'rate'; kind: MeasureKind; count: string }
  | { type: 'own_rate'; kind: MeasureKind; count: string; population: string }
  | { type: 'published_pct'; kind: MeasureKind; measure: string }
  | { type: 'pct'; kind: MeasureKind; numerator: readonly string[]; denominator: string };

export const DFE_FORMULAS: Readonly<Record<string, DfeFormula>> = {
  referrals_per_10k: { type: 'rate', kind: 'c1_referrals', count: 'referral_count' },
  rereferrals_12m_pct: { type: 'published_pct', kind: 'c1_referrals', measure: 'rereferral_percent' },
  cin_per_10k: { type: 'rate', kind: 'b1_cin', count: 'At31_episodes' },
  s47_per_10k: { type: 'rate', kind: 'c4_s47_icpc', count: 'Section47' },
  s47_to_icpc_pct: { type: 'pct', kind: 'c4_s47_icpc', numerator: ['ICPC'], denominator: 'Section47' },
  icpc_per_10k: { type: 'rate', kind: 'c4_s47_icpc', count: 'ICPC' },
  icpc_within_15wd_pct: { type: 'pct', kind: 'c4_s47_icpc', numerator: ['Duration_0-10_days', 'Duration_11-15_days'], denominator: 'ICPC' },
  cpp_per_10k: { type: 'rate', kind: 'd5_plans_by_duration', count: 'CPP_At31' },
  cpp_repeat_pct: { type: 'published_pct', kind: 'd3_repeat_plans', measure: 'CPP_subsequent_percent' },
  cpp_2y_plus_pct: { type: 'published_pct', kind: 'd5_plans_by_duration', measure: '2_years_or_more_percent' },
  cla_per_10k: { type: 'own_rate', kind: 'cla_rates', count: 'children_count', population: 'population_estimate' },
};

export const FILE_LABEL: Readonly<Record<MeasureKind, string>> = {
  c1_referrals: 'DfE C1',
  b1_cin: 'DfE B1',
  c4_s47_icpc: 'DfE C4',
  d3_repeat_plans: 'DfE D3',
  d5_plans_by_duration: 'DfE D5',
  cla_rates: 'DfE CLA',
  ons_population: 'ONS mid-year estimates',
};

export function dfeFormula(indicator: string): DfeFormula | null {
  return Object.hasOwn(DFE_FORMULAS, indicator) ? DFE_FORMULAS[indicator]! : null;
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
