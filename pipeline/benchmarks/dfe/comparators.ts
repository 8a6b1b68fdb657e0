/*
 * The comparator engine over DfE's published files: England, region and
 * statistical-neighbour benchmarks for one LA, indicator and DfE year, plus
 * LAIT-style rank (rank.ts), the LA directory (las.ts), the SN model for the
 * year (sn-model.ts) and the mapping from a reporting period to a DfE year. Pure functions over a DfeDataset; a
 * comparator that cannot be formed is `value: null` with the reason, never a
 * borrowed or zero figure.
 */
import type { Benchmark } from '../../../metrics/types.ts';
import { ENGLAND, laGeo, regionGeo, type DfeDataset } from './dataset.ts';
import { meanTenths, medianTenths, tenthsToNumber } from '../../decimal.ts';
import type { DfeFormula } from '../../../metrics/dfe.ts';
import { FILE_LABEL, describeSource, dfeFormula, geoValue } from './formulas.ts';
import { comparatorRegion, describeIn, existedIn, fyLabel, laLabel, resolveLa } from './las.ts';
import type { SnModel } from './parse.ts';
import { snModelFor, type SnModelChoice } from './sn-model.ts';

export { buildDataset, type DfeDataset } from './dataset.ts';
export { fyLabel, laInfo, resolveLa } from './las.ts';
export { rank, type7Quantile, type RankOptions } from './rank.ts';
export { type SnModelChoice } from './sn-model.ts';

export type SnStat = 'mean' | 'median';

export interface ComparatorOptions {
  indicator: string;
  /** DfE time_period (2017 = 2016/17) */
  year: number;
  /** old three-digit code or ONS code */
  laOldCode: string;
  /** default `by_year`: the model in force for the year (sn-model.ts) */
  snModel?: SnModelChoice;
  snStat?: SnStat;
}

export interface Comparators {
  england: Benchmark;
  region: Benchmark;
  sn: Benchmark;
}

export function comparators(ds: DfeDataset, opts: ComparatorOptions): Comparators {
  const stat = opts.snStat ?? 'mean';
  const f = dfeFormula(opts.indicator);
  if (f === null) {
    const none = nothing(`no DfE source for ${opts.indicator}: local indicator`, `${opts.indicator} has no DfE published equivalent`);
    return { england: none, region: none, sn: none };
  }
  const source = describeSource(ds, f, opts.year);
  const years = [...(ds.years.get(f.kind) ?? [])];
  if (!years.includes(opts.year)) {
    const range = years.length === 0 ? 'none loaded' : `${Math.min(...years)} to ${Math.max(...years)}`;
    const none = nothing(source, `${FILE_LABEL[f.kind]} has no figures for ${opts.year} (${fyLabel(opts.year)}); years loaded: ${range}`);
    return { england: none, region: none, sn: none };
  }

  const england = single(ds, f, opts.year, ENGLAND, `${source}, England`);
  const old = resolveLa(ds, opts.laOldCode);
  if (old === null) {
    const none = nothing(source, `LA "${opts.laOldCode}" is not in the DfE files`);
    return { england, region: none, sn: none };
  }
  // An LA formed or merged since (issue 17) still has a region and neighbours in a year it was
  // not published: those comparators are formed from the region's row and the neighbours' own
  // values, never from a predecessor's. Only its own value and rank are missing (published.ts).
  const region = comparatorRegion(describeIn(ds, old, opts.year)?.region_name ?? '');
  return {
    england,
    region: region === '' ? nothing(source, `${laLabel(ds, old)} has no region in the DfE files`) : single(ds, f, opts.year, regionGeo(region), `${source}, ${region}`),
    sn: snBenchmark(ds, f, opts.year, old, opts.snModel ?? 'by_year', stat, source),
  };
}

function single(ds: DfeDataset, f: DfeFormula, year: number, geo: string, source: string): Benchmark {
  const v = geoValue(ds, f, year, geo);
  return v.tenths === null ? { value: null, source, note: v.why } : { value: tenthsToNumber(v.tenths), source };
}

function snBenchmark(ds: DfeDataset, f: DfeFormula, year: number, old: string, choice: SnModelChoice, stat: SnStat, source: string): Benchmark {
  const pick = snModelFor(ds, old, year, choice);
  const model = pick.model;
  const groups = ds.sn.get(model);
  const neighbours = groups?.get(old);
  if (!groups) return nothing(`${source}, SN model ${model}`, joinNotes(pick.note, `SN model ${model} is not loaded`)!);
  if (!neighbours) {
    const other: SnModel = model === '2025' ? '2021' : '2025';
    const hint = ds.sn.get(other)?.has(old) ? `; it is in SN model ${other}` : '';
    return nothing(`${source}, SN model ${model}`, joinNotes(pick.note, `${laLabel(ds, old)} is not in SN model ${model}${hint}`)!);
  }
  const values: bigint[] = [];
  const missing: string[] = [];
  for (const n of neighbours) {
    const v = existedIn(ds, n, year) ? geoValue(ds, f, year, laGeo(n)) : { tenths: null, why: `did not exist in ${fyLabel(year)}` };
    if (v.tenths === null) missing.push(`${laLabel(ds, n)}: ${v.why}`);
    else values.push(v.tenths);
  }
  const of = neighbours.length;
  const src = `${source}, SN model ${model} ${stat} of ${values.length}/${of}`;
  const note = joinNotes(pick.note, missing.length > 0 ? `no value for ${missing.join('; ')}` : undefined);
  if (values.length === 0) return { value: null, source: src, n: 0, of, note: note ?? 'no neighbour has a value' };
  const t = stat === 'mean' ? meanTenths(values) : medianTenths(values);
  return { value: tenthsToNumber(t), source: src, n: values.length, of, ...(note ? { note } : {}) };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((n): n is string => n !== undefined);
  return present.length > 0 ? present.join('; ') : undefined;
}

function nothing(source: string, note: string): Benchmark {
  return { value: null, source, note };
}

/** '2016/17' -> 2017 (the DfE time_period of that financial year); null if not of that form. */
export function fyToTimePeriod(fy: string): number | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(fy.trim());
  if (!m) return null;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? start + 1 : null;
}

export type DfeYearForPeriod = { timePeriod: number; note?: undefined } | { timePeriod: null; note: string };

/**
 * The DfE time_period for a reporting period, only when the period is exactly
 * a financial year (1 April to 31 March): DfE publishes nothing for rolling
 * twelve months or other ranges, and comparing those with a financial year
 * would compare different children.
 */
export function dfeTimePeriod(period: { start: string; end: string }): DfeYearForPeriod {
  const s = /^(\d{4})-04-01$/.exec(period.start);
  const e = /^(\d{4})-03-31$/.exec(period.end);
  if (s && e && Number(e[1]) === Number(s[1]) + 1) return { timePeriod: Number(e[1]) };
  return {
    timePeriod: null,
    note: `DfE publishes financial years only (1 April to 31 March); ${period.start}..${period.end} is not one, so there is no DfE comparator`,
  };
}
