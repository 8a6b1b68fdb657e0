/*
 * Judgements by polarity: direction of travel against an earlier value, and
 * the RAG rating of a value against a comparator. Both compare one-decimal
 * figures as integer tenths, so 85.7 against 85.7 is "same" whatever the
 * binary floats say. Polarity `none` is never rated: a higher referral rate is
 * not better or worse in itself.
 */
import type { Polarity } from '../metrics/types.ts';
import { toTenths } from './format.ts';

/**
 * better / worse / same by polarity; for an indicator with no polarity, only
 * which way it moved (up / down / same: a higher referral rate is not better
 * or worse in itself); not_rated where either value is missing or part-year.
 */
export type Direction = 'better' | 'worse' | 'same' | 'up' | 'down' | 'not_rated';
export type Movement = 'up' | 'down' | 'same';

/** Which way the figure moved, whatever the polarity; `null` when either value is missing. */
export function movement(prev: number | null | undefined, curr: number | null | undefined): Movement | null {
  if (prev == null || curr == null) return null;
  const d = toTenths(curr) - toTenths(prev);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

/**
 * Direction of travel from `prev` to `curr` (indicators.md v2): better /
 * worse by polarity, same when equal to one decimal place; up / down / same
 * for polarity `none`; not rated when either value is missing (including
 * suppressed). The indicators service decides which period `prev` is.
 */
export function directionOfTravel(prev: number | null | undefined, curr: number | null | undefined, polarity: Polarity): Direction {
  const m = movement(prev, curr);
  if (m === null) return 'not_rated';
  if (m === 'same') return 'same';
  if (polarity === 'none') return m;
  return (m === 'up') === (polarity === 'high') ? 'better' : 'worse';
}

const ARROWS: Record<Movement, string> = { up: '↑', down: '↓', same: '→' };

/** `Better ↑`, `Worse ↓`, `Same →`, `Up ↑`, `Down ↓`, `Not rated`. Words first: colour is never the only signal. */
export function directionLabel(direction: Direction, move: Movement | null): string {
  const word = { better: 'Better', worse: 'Worse', same: 'Same', up: 'Up', down: 'Down', not_rated: 'Not rated' }[direction];
  return move === null ? word : `${word} ${ARROWS[move]}`;
}

export type Rag = 'green' | 'amber' | 'red';

/**
 * Relative tolerance of the amber band. The rule, as LA scorecards commonly
 * use it: amber when the value is within 5% of the comparator's value either
 * side ("similar"), green when better by more than that, red when worse by
 * more. Computed exactly on tenths: |v - c| * 20 <= |c|. A comparator of zero
 * has no relative band: equal is amber, otherwise by direction.
 */
export const RAG_TOLERANCE_PERCENT = 5;

export function ragRating(value: number | null | undefined, comparator: number | null | undefined, polarity: Polarity): Rag | null {
  if (value == null || comparator == null || polarity === 'none') return null;
  const v = toTenths(value);
  const c = toTenths(comparator);
  const diff = v - c;
  if (Math.abs(diff) * 100 <= Math.abs(c) * RAG_TOLERANCE_PERCENT) return 'amber';
  const better = polarity === 'high' ? diff > 0 : diff < 0;
  return better ? 'green' : 'red';
}

export const RAG_WORDS: Record<Rag, string> = {
  green: 'Better (G)',
  amber: 'Similar (A)',
  red: 'Worse (R)',
};
