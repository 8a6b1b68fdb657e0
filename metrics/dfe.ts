/*
 * An indicator's DfE comparator, declared as data on the indicator itself
 * (`Indicator.dfe`): which published file, and which of its columns make the
 * figure (indicators.md, "DfE benchmark source"). The comparator engine
 * (pipeline/benchmarks/dfe/formulas.ts) computes England, region, SN and rank
 * from it; `dfeSourceWords` writes the same formula in the words the
 * Definitions sheet and the Markdown print, so the words cannot drift from
 * what is computed. Plain data and one pure function: how the files are
 * recognised and read is pipeline/benchmarks/dfe/'s business.
 */

/** The DfE files a comparator is read from, named as recognise.ts recognises them. */
export type DfeFileKind = 'c1_referrals' | 'b1_cin' | 'c4_s47_icpc' | 'd3_repeat_plans' | 'd5_plans_by_duration' | 'cla_rates';

/** Every file of published measures: DfE's, and the ONS mid-year estimates the rates divide by. */
export type MeasureKind = DfeFileKind | 'ons_population';

/**
 * Column names are the files' own, as published.
 * - `rate`: `count` x 10,000 / the ONS mid-year population (of mid Y-1 for DfE year Y);
 * - `own_rate`: `count` x 10,000 / the file's own `population` column;
 * - `published_pct`: DfE's own percentage, as published;
 * - `pct`: the sum of the `numerator` columns as a percentage of `denominator`.
 */
export type DfeFormula =
  | { type: 'rate'; kind: DfeFileKind; count: string }
  | { type: 'own_rate'; kind: DfeFileKind; count: string; population: string }
  | { type: 'published_pct'; kind: DfeFileKind; measure: string }
  | { type: 'pct'; kind: DfeFileKind; numerator: readonly string[]; denominator: string };

// The files as an analyst knows them: DfE's table numbers, and the looked-after file by name.
const FILE_WORDS: Readonly<Record<DfeFileKind, string>> = {
  c1_referrals: 'C1',
  b1_cin: 'B1',
  c4_s47_icpc: 'C4',
  d3_repeat_plans: 'D3',
  d5_plans_by_duration: 'D5',
  cla_rates: 'CLA file',
};

/** "C4 (Duration_0-10_days + Duration_11-15_days) / ICPC"; null for a local indicator. */
export function dfeSourceWords(f: DfeFormula | undefined): string | null {
  if (f === undefined) return null;
  const file = FILE_WORDS[f.kind];
  switch (f.type) {
    case 'rate':
      return `${file} ${f.count} / ONS population`;
    case 'own_rate':
      return `${file} ${f.count} / ${f.population}`;
    case 'published_pct':
      return `${file} ${f.measure}`;
    case 'pct':
      return `${file} ${f.numerator.length > 1 ? `(${f.numerator.join(' + ')})` : f.numerator[0]} / ${f.denominator}`;
  }
}
