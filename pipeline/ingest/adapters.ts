/*
 * The input formats safeguard reads, in the order they are asked about a file
 * (the first whose `recognise` says yes reads it): SSD files by name first,
 * so that `ssd_person.csv` is never taken for a return; then the returns by
 * content. Adding a format is one module meeting adapter.ts and one line
 * here. Checked as the module loads: names are unique (they are recorded in
 * each file's account).
 */
import type { InputAdapter } from './adapter.ts';
import { CIN_CENSUS_XML } from './cin-census-xml.ts';
import { SSD_CSV } from './ssd-csv.ts';
import { SSDA903_CSV } from './ssda903-csv.ts';

export const ADAPTERS: readonly InputAdapter[] = checkAdapters([SSD_CSV, CIN_CENSUS_XML, SSDA903_CSV]);

/** Throws (a fault in safeguard, not in its input) when two adapters share a name. */
export function checkAdapters(list: InputAdapter[]): readonly InputAdapter[] {
  const seen = new Set<string>();
  for (const a of list) {
    if (seen.has(a.name)) throw new Error(`internal: two input adapters are named ${a.name}`);
    seen.add(a.name);
  }
  return Object.freeze([...list]);
}

/**
 * Where an internal table comes from in each format, for the reasons an
 * indicator has no data (compute.ts): "ssd_cp_plans.csv, or the CIN census".
 */
export function tableSources(table: string, adapters: readonly InputAdapter[] = ADAPTERS): string[] {
  return adapters.flatMap((a) => (a.sources[table] ? [a.sources[table]] : []));
}

/** Why a column of an internal table may be missing: a format that never carries it ("the SSDA903 return does not carry it"), or null. */
export function notCarried(table: string, adapters: readonly InputAdapter[] = ADAPTERS): string | null {
  return adapters.map((a) => a.notCarried?.[table]).find((w) => w !== undefined) ?? null;
}
