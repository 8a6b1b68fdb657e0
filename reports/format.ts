/*
 * Display helpers shared by every renderer: one-decimal values, counts,
 * period labels, and the words for areas and polarity. Figures arrive already
 * rounded half up to one decimal place, so formatting never rounds: it prints
 * the tenths the number already holds, from an integer, never via toFixed.
 */
import type { Area, Polarity, Unit } from '../metrics/types.ts';

export const AREA_ORDER: readonly Area[] = ['front_door', 'child_protection', 'children_looked_after'];

export const AREA_NAMES: Record<Area, string> = {
  front_door: 'Front door',
  child_protection: 'Child protection',
  children_looked_after: 'Children looked after',
};

export const POLARITY_WORDS: Record<Polarity, string> = {
  high: 'good is high',
  low: 'good is low',
  none: 'no polarity',
};

export const UNIT_WORDS: Record<Unit, string> = {
  percent: 'percentage',
  per_10k: 'rate per 10,000 children',
};

/** Suppressed figure (GSS and DfE convention: confidential). */
export const SUPPRESSED_MARK = 'c';
/** Figure not available (GSS and DfE convention). */
export const MISSING_MARK = 'x';
/** Figure restated since the last snapshot (it moved with later recording): beside the figure, with what it was. */
export const RESTATED_MARK = '†';

/**
 * A one-decimal figure as integer tenths. Exact for any number that is
 * already at one decimal place (85.7 * 10 is within an ulp of 857).
 */
export function toTenths(value: number): number {
  return Math.round(value * 10);
}

/** Prints integer tenths as a decimal string: 857 -> `85.7`, -5 -> `-0.5`, 690 -> `69.0`. */
export function tenthsToString(tenths: number): string {
  const negative = tenths < 0;
  const t = Math.abs(tenths);
  return `${negative ? '-' : ''}${Math.floor(t / 10)}.${t % 10}`;
}

/** A value at one decimal place, always with its decimal: 69 -> `69.0`, 85.7 -> `85.7`. */
export function formatValue(value: number): string {
  return tenthsToString(toTenths(value));
}

/** A value with its sign when above zero, at one decimal place: `+2.1`, `-0.1`, `0.0` (a move, a difference). */
export function signedValue(value: number): string {
  return value > 0 ? `+${formatValue(value)}` : formatValue(value);
}

/** A whole count with thousands separators (`67,800`), for tables people read. */
export function formatCount(count: number): string {
  const digits = String(Math.abs(Math.trunc(count)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return count < 0 ? `-${grouped}` : grouped;
}

export type PeriodKind = 'financial_year' | 'rolling_12_months' | 'range';

export function periodKind(label: string): PeriodKind {
  if (/^\d{4}\/\d{2}$/.test(label)) return 'financial_year';
  if (/^\d{4}-\d{2}$/.test(label)) return 'rolling_12_months';
  return 'range';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2016-03` -> `Mar 2016`; anything else unchanged. */
export function monthLabel(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : label;
}

/** The date part of an ISO timestamp, for "generated on" lines. */
export function isoDate(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** `2017-04-10` -> `10 Apr 2017`; anything else unchanged. */
export function dayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${Number(m[3])} ${name} ${m[1]}` : date;
}
