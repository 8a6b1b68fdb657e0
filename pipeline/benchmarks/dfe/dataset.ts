/*
 * The in-memory index of DfE published figures that the comparator engine
 * reads: cells by (file kind, year, geography, measure), the LA directory (which
 * LA existed in which DfE year, under which name, ONS code and region), and the
 * SN models. Built from parsed rows, whether they came straight from the CSVs
 * or back out of the database. Pure.
 */
import type { MeasureKind } from '../../../metrics/dfe.ts';
import type { DfeMeasureRow, SnModel, SnModelRow } from './parse.ts';

export interface Cell {
  value: number | null;
  raw: string;
}

export interface LaYear {
  new_la_code: string;
  la_name: string;
  region_name: string;
}

export interface DfeDataset {
  /** cellKey(kind, year, geo, measure) -> published cell */
  cells: Map<string, Cell>;
  /** years in which each kind has any row */
  years: Map<MeasureKind, Set<number>>;
  /** `${kind}|${year}` -> old codes of the LAs with a row that year */
  laRows: Map<string, Set<string>>;
  /** old code -> DfE year -> how the LA was described that year */
  las: Map<string, Map<number, LaYear>>;
  /** old code -> DfE years in which the LA existed */
  existed: Map<string, Set<number>>;
  /** ONS (new) code -> old code; an LA can have had more than one ONS code */
  onsToOld: Map<string, string>;
  sn: Map<SnModel, Map<string, string[]>>;
  /** the same cell or SN row given twice with different contents (the first is kept) */
  conflicts: string[];
}

/** National is `E`, a region `R:<name>`, an LA `L:<old code>`. */
export type Geo = string;
export const ENGLAND: Geo = 'E';
export const regionGeo = (name: string): Geo => `R:${name}`;
export const laGeo = (oldCode: string): Geo => `L:${oldCode}`;

export function cellKey(kind: MeasureKind, year: number, geo: Geo, measure: string): string {
  return `${kind}|${year}|${geo}|${measure}`;
}

// Whether an LA existed in a DfE year is taken from DfE's own files: the CIN
// and CP tables list only the LAs that existed; the CLA file lists every LA
// every year and marks the absent ones `x`. The ONS file is not used for this:
// its geographies need not match DfE's (it has 835-837 as `x` for years DfE
// published them), and an estimate says nothing about who ran children's services.
const LISTS_ONLY_EXISTING: ReadonlySet<MeasureKind> = new Set(['c1_referrals', 'b1_cin', 'c4_s47_icpc', 'd3_repeat_plans', 'd5_plans_by_duration']);

export function buildDataset(measures: Iterable<DfeMeasureRow>, snRows: Iterable<SnModelRow> = []): DfeDataset {
  const ds: DfeDataset = {
    cells: new Map(),
    years: new Map(),
    laRows: new Map(),
    las: new Map(),
    existed: new Map(),
    onsToOld: new Map(),
    sn: new Map(),
    conflicts: [],
  };
  for (const r of measures) addMeasure(ds, r);
  for (const r of snRows) addSnRow(ds, r);
  return ds;
}

function addMeasure(ds: DfeDataset, r: DfeMeasureRow): void {
  const geo = r.level === 'National' ? ENGLAND : r.level === 'Regional' ? regionGeo(r.region_name) : laGeo(r.old_la_code);
  const key = cellKey(r.kind, r.time_period, geo, r.measure);
  const prior = ds.cells.get(key);
  if (prior && prior.raw !== r.raw) {
    ds.conflicts.push(`${key}: "${prior.raw}" kept, "${r.raw}" ignored`);
  } else if (!prior) {
    ds.cells.set(key, { value: r.value, raw: r.raw });
  }
  getOrSet(ds.years, r.kind, () => new Set<number>()).add(r.time_period);
  if (r.level !== 'Local authority') return;

  const code = r.old_la_code;
  getOrSet(ds.laRows, `${r.kind}|${r.time_period}`, () => new Set<string>()).add(code);
  const dfeYear = r.kind === 'ons_population' ? r.time_period + 1 : r.time_period;
  const existed = LISTS_ONLY_EXISTING.has(r.kind) || (r.kind === 'cla_rates' && r.measure === 'population_estimate' && r.value !== null);
  if (existed) getOrSet(ds.existed, code, () => new Set<number>()).add(dfeYear);
  const years = getOrSet(ds.las, code, () => new Map<number, LaYear>());
  if (existed || !years.has(dfeYear)) {
    years.set(dfeYear, { new_la_code: r.new_la_code, la_name: r.la_name, region_name: r.region_name });
  }
  if (r.new_la_code !== '') ds.onsToOld.set(r.new_la_code, code);
}

function addSnRow(ds: DfeDataset, r: SnModelRow): void {
  const model = getOrSet(ds.sn, r.model, () => new Map<string, string[]>());
  const prior = model.get(r.old_la_code);
  if (prior && prior.join() !== r.neighbours.join()) {
    ds.conflicts.push(`SN model ${r.model}, LA ${r.old_la_code}: [${prior.join(', ')}] kept, [${r.neighbours.join(', ')}] ignored`);
  } else if (!prior) {
    model.set(r.old_la_code, [...r.neighbours]);
  }
}

function getOrSet<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}
