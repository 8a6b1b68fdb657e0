/*
 * The LA directory over the DfE files: resolving an old three-digit code or
 * an ONS code, describing an LA as it was last published, and saying when it
 * existed. LAs are reorganised (Northamptonshire 928 -> 940/941 from 2022,
 * Cumbria 909 -> 942/943 from 2024): the LA's own figure for a year it did not
 * exist must say so rather than borrow a predecessor's; its region and
 * neighbours are still known (the region from any year's row).
 */
import type { LaInfo } from '../../../metrics/types.ts';
import type { DfeDataset, LaYear } from './dataset.ts';

/** DfE year 2017 -> "2016/17". */
export function fyLabel(year: number): string {
  return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
}

/**
 * The region whose published row is an LA's regional comparator. DfE tags
 * London boroughs with the sub-regions Inner and Outer London; the English
 * region (ONS E12000007) is London, which is what LAIT and the SN models use.
 */
export function comparatorRegion(regionName: string): string {
  return regionName === 'Inner London' || regionName === 'Outer London' ? 'London' : regionName;
}

/** Old three-digit code for '359' or 'E08000010' (any ONS code the LA has had), or null. */
export function resolveLa(ds: DfeDataset, code: string): string | null {
  const c = code.trim().toUpperCase();
  if (/^\d{3}$/.test(c)) return ds.las.has(c) ? c : null;
  return ds.onsToOld.get(c) ?? null;
}

/** The LA as described in the latest year it existed (or, failing that, appeared). */
export function laInfo(ds: DfeDataset, code: string): LaInfo | null {
  const old = resolveLa(ds, code);
  if (old === null) return null;
  const d = latestDescription(ds, old);
  return d === null ? null : { code: old, ons_code: d.new_la_code, name: d.la_name, region: comparatorRegion(d.region_name) };
}

export function existedIn(ds: DfeDataset, old: string, year: number): boolean {
  return ds.existed.get(old)?.has(year) ?? false;
}

/** First and last DfE year in which the LA existed, or null if never. */
export function existenceSpan(ds: DfeDataset, old: string): { first: number; last: number } | null {
  const ys = [...(ds.existed.get(old) ?? [])];
  if (ys.length === 0) return null;
  return { first: Math.min(...ys), last: Math.max(...ys) };
}

/** "Cumbria (909)" */
export function laLabel(ds: DfeDataset, old: string): string {
  const d = latestDescription(ds, old);
  return d ? `${d.la_name} (${old})` : old;
}

/** The LA as it was in a given DfE year, else as last described. */
export function describeIn(ds: DfeDataset, old: string, year: number): LaYear | null {
  return ds.las.get(old)?.get(year) ?? latestDescription(ds, old);
}

function latestDescription(ds: DfeDataset, old: string): LaYear | null {
  const years = ds.las.get(old);
  if (!years || years.size === 0) return null;
  const existed = ds.existed.get(old);
  const pool = [...years.keys()].filter((y) => existed?.has(y));
  const y = Math.max(...(pool.length > 0 ? pool : [...years.keys()]));
  return years.get(y) ?? null;
}

/** Why an LA has no figure in a year it did not exist: "did not exist in 2016/17 (published 2023/24 to 2024/25)". */
export function absenceReason(ds: DfeDataset, old: string, year: number): string {
  const span = existenceSpan(ds, old);
  const label = laLabel(ds, old);
  if (span === null) return `${label} has no published figures in any year loaded`;
  const range = span.first === span.last ? fyLabel(span.first) : `${fyLabel(span.first)} to ${fyLabel(span.last)}`;
  return `${label} did not exist as a local authority in ${fyLabel(year)} (DfE publishes it for ${range})`;
}
