/*
 * Which statistical-neighbour model a DfE year is benchmarked with
 * (indicators.md, "Benchmarks", v2). By default the model in force for the
 * year: the 2021 groupings for every year up to 2023/24 (the oldest model
 * bundled, so years before 2020/21 say that it is a later model than DfE used
 * then), the 2025 model from 2024/25. An LA the year's model does not list
 * (one formed or abolished since) takes the other model, with a note, rather
 * than going without neighbours. `--sn-model 2021|2025` forces one model for
 * every year, with no fallback: what was asked for is what is shown.
 * Pure: the models come from the dataset.
 */
import { UsageError } from '../../errors.ts';
import type { DfeDataset } from './dataset.ts';
import { fyLabel, laLabel } from './las.ts';
import type { SnModel } from './parse.ts';

/** A model forced for every year, or `by_year` (the default): the model in force for each year. */
export type SnModelChoice = SnModel | 'by_year';

/** The first DfE year (2025 = 2024/25) benchmarked with the 2025 model by default. */
export const FIRST_YEAR_OF_2025_MODEL = 2025;
/** The first DfE year (2021 = 2020/21) the 2021 groupings were in force for. */
export const FIRST_YEAR_OF_2021_MODEL = 2021;

export interface SnModelPick {
  model: SnModel;
  /** why this model and not the year's own, in words; absent when the year's own model is used as is */
  note?: string;
}

/** `--sn-model`: absent is `by_year`; '2025' or '2021' forces that model; null for anything else. */
export function parseSnModelChoice(raw: string | undefined): SnModelChoice | null {
  if (raw === undefined) return 'by_year';
  return raw === '2025' || raw === '2021' ? raw : null;
}

/** `--sn-stat` and `--sn-model` as every command takes them; anything else is bad usage (exit 2). */
export function parseSnOptions(opts: { snStat?: string; snModel?: string }): { snStat: 'mean' | 'median'; snModel: SnModelChoice } {
  const snStat = opts.snStat ?? 'mean';
  if (snStat !== 'mean' && snStat !== 'median') throw new UsageError(`--sn-stat ${snStat}: use mean or median`);
  const snModel = parseSnModelChoice(opts.snModel);
  if (snModel === null) throw new UsageError(`--sn-model ${opts.snModel}: use 2025 or 2021 (default: the model in force for each year)`);
  return { snStat, snModel };
}

/** The model in force for DfE year `year`, before asking whether it lists the LA. */
export function modelInForce(year: number): SnModel {
  return year >= FIRST_YEAR_OF_2025_MODEL ? '2025' : '2021';
}

/** The model to benchmark LA `old` with in DfE year `year`, and a note where it is not simply the year's own. */
export function snModelFor(ds: DfeDataset, old: string, year: number, choice: SnModelChoice = 'by_year'): SnModelPick {
  if (choice !== 'by_year') return { model: choice };
  const own = modelInForce(year);
  const other: SnModel = own === '2025' ? '2021' : '2025';
  if (!(ds.sn.get(own)?.has(old) ?? false) && (ds.sn.get(other)?.has(old) ?? false)) {
    return { model: other, note: `${laLabel(ds, old)} is not in SN model ${own}, the model for ${fyLabel(year)}, so SN model ${other} is used` };
  }
  if (own === '2021' && year < FIRST_YEAR_OF_2021_MODEL) {
    return { model: own, note: `SN model 2021 is the oldest model bundled: DfE's groupings in force in ${fyLabel(year)} were older` };
  }
  return { model: own };
}
