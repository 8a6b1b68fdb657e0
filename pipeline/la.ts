/*
 * Local authorities for the command line: resolving `--la` (the DfE code, 359,
 * or an ONS code, E08000010) to the LA's name and region, and the bundled ONS
 * mid-year estimates of children aged 0 to 17 for it. Both come from the DfE
 * dataset bundled in data/dfe/ (Open Government Licence v3.0), the same one
 * the comparators use, so an LA is described one way everywhere.
 */
import { UsageError } from './errors.ts';
import { bundledDfeDataset } from './benchmarks/dfe-store.ts';
import type { DfeDataset } from './benchmarks/dfe/dataset.ts';
import { cellKey, laGeo } from './benchmarks/dfe/dataset.ts';
import { laInfo } from './benchmarks/dfe/las.ts';
import type { LaInfo } from '../metrics/types.ts';

/** The LA for a DfE or ONS code; a usage error naming the code if it is not an English LA. */
/** The codes, DfE and ONS, by which a population.csv may name `la` (compute's `laCodes`); none for no LA. */
export function laCodes(la: LaInfo | null): string[] {
  return la ? [la.code, la.ons_code] : [];
}

export function resolveLa(code: string, ds: DfeDataset = bundledDfeDataset()): LaInfo {
  // an empty --la is a mistake to point out, not "no LA given"
  if (code.trim() === '') throw new UsageError('--la needs a code: the DfE three-digit code (e.g. 359) or the ONS code (e.g. E08000010); leave --la out for no LA');
  const info = laInfo(ds, code);
  if (!info) {
    throw new UsageError(`--la ${code}: not an English local authority code (use the DfE three-digit code, e.g. 359, or the ONS code, e.g. E08000010)`);
  }
  return info;
}

/** The LA's ONS mid-year estimates (children aged 0 to 17), by mid-year. */
export function bundledPopulation(laCode: string, ds: DfeDataset = bundledDfeDataset()): { year: number; population: number }[] {
  const years = [...(ds.years.get('ons_population') ?? [])].sort((a, b) => a - b);
  return years.flatMap((year) => {
    const v = ds.cells.get(cellKey('ons_population', year, laGeo(laCode), 'population_estimate'))?.value;
    return v === null || v === undefined ? [] : [{ year, population: v }];
  });
}
