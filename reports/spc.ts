/*
 * XmR statistical process control in the NHS England "Making Data Count"
 * (MDC) style, as a pure function of a series and the indicator's polarity.
 *
 *   mean          of the points that have a value
 *   mrBar         mean moving range: |x[i] - x[i-1]| over adjacent points that
 *                 both have a value (a gap breaks the moving range)
 *   limits        mean +/- 2.66 x mrBar
 *   "near"        beyond 2/3 of the way from the mean to a limit: mean +/- 1.7733 x mrBar
 *
 * Special-cause rules (MDC):
 *   outside_limits  a point above the upper or below the lower process limit
 *                   (strictly: a point exactly on a limit is inside);
 *   shift           7 or more consecutive points all above, or all below, the
 *                   mean; a point exactly on the mean, or a gap, breaks the run;
 *   trend           7 or more consecutive points each higher (or each lower)
 *                   than the one before, i.e. 6 consecutive rises; an equal
 *                   value or a gap breaks it;
 *   two_of_three    2 of 3 consecutive points beyond the "near" line on the same
 *                   side (a point outside the limits counts as beyond it; the
 *                   third point may be anywhere). The two points are flagged.
 * Every point of a qualifying run, trend or pair is flagged, not just the last.
 *
 * Each flagged point gets a side (high/low): the side of the mean it is on for
 * outside_limits, two_of_three and shift, the direction of travel for trend.
 * When a point's rules disagree (a rising trend that starts below the mean),
 * the first in that order wins. With the polarity the side gives the
 * variation: improvement, concern, or neutral when the polarity is `none`.
 *
 * Arithmetic is exact: values arrive at one decimal place, so we work in
 * integer tenths over one common denominator, and a point is compared with a
 * limit without any binary rounding. Numbers returned for drawing are floats;
 * the `display` strings are the exact figures rounded half up to one decimal.
 *
 * Rolling-12-month values overlap, so neighbouring points are not independent
 * and runs and trends fire more often than on monthly counts. The HTML report
 * says so; the rules are applied as MDC defines them regardless.
 */
import type { Polarity } from '../metrics/types.ts';
import { tenthsToString, toTenths } from './format.ts';

export const SPC_LIMIT_SIGMA = 2.66;
/** MDC suggests at least 15 points before limits are trusted. */
export const SPC_MIN_POINTS = 15;
export const RUN_LENGTH = 7;

export type SpcRule = 'outside_limits' | 'shift' | 'trend' | 'two_of_three';
export type Side = 'high' | 'low';
export type Variation = 'improvement' | 'concern' | 'neutral';

export const SPC_RULE_WORDS: Record<SpcRule, string> = {
  outside_limits: 'outside the process limits',
  shift: 'run of 7 or more on one side of the mean',
  trend: 'trend of 7 or more rising or falling',
  two_of_three: '2 of 3 points close to a limit',
};

export interface SpcInputPoint {
  period: string;
  value: number | null;
}

export interface SpecialFlags {
  outside_limits: boolean;
  shift: boolean;
  trend: boolean;
  two_of_three: boolean;
}

export interface SpcPoint<P extends SpcInputPoint = SpcInputPoint> {
  /** the input point, unchanged */
  input: P;
  period: string;
  value: number | null;
  /** |value - previous value|, when both have a value */
  movingRange: number | null;
  special: SpecialFlags;
  /** the rules that flagged this point, in precedence order */
  rules: SpcRule[];
  /** side of the signal for a special-cause point, else null */
  side: Side | null;
  /** null = common cause (or no value) */
  variation: Variation | null;
}

export interface SpcLatest {
  period: string;
  value: number | null;
  variation: Variation | null;
  side: Side | null;
  rules: SpcRule[];
  /** `Special cause — concerning high`, `Common cause variation`, ... */
  words: string;
}

export interface SpcResult<P extends SpcInputPoint = SpcInputPoint> {
  /** points with a value */
  n: number;
  mean: number | null;
  mrBar: number | null;
  upper: number | null;
  lower: number | null;
  /** the 2/3 lines used by two_of_three */
  nearUpper: number | null;
  nearLower: number | null;
  /** exact figures rounded half up to one decimal, for printing */
  display: { mean: string | null; mrBar: string | null; upper: string | null; lower: string | null };
  points: SpcPoint<P>[];
  latest: SpcLatest | null;
  warnings: string[];
}

// Common denominator: with n values and m moving ranges, in tenths,
//   mean   = sumT / n                      = sumT * 300m      / D
//   limit  = 2.66 * sumMR / m              = 798 * sumMR * n  / D
//   near   = (2/3) * 2.66 * sumMR / m      = 532 * sumMR * n  / D
// where D = 300 n m, and a value y (tenths) is y * D / D.

export function spc<P extends SpcInputPoint>(input: readonly P[], polarity: Polarity): SpcResult<P> {
  const tenths = input.map((p) => (p.value === null ? null : checkedTenths(p)));
  const present = tenths.filter((t): t is number => t !== null);
  const n = present.length;
  const movingRanges = tenths.map((t, i) => {
    const prev = i > 0 ? tenths[i - 1] : null;
    return t === null || prev === null || prev === undefined ? null : Math.abs(t - prev);
  });
  const mrs = movingRanges.filter((m): m is number => m !== null);
  const m = mrs.length;
  const warnings: string[] = [];
  if (n < SPC_MIN_POINTS) warnings.push(`Only ${n} points with a value: Making Data Count suggests at least ${SPC_MIN_POINTS} before the limits are relied on.`);

  const sumT = BigInt(present.reduce((a, b) => a + b, 0));
  const sumMR = BigInt(mrs.reduce((a, b) => a + b, 0));
  const hasMean = n > 0;
  const hasLimits = n > 0 && m > 0;
  // with no moving range there are no limits; the mean alone still supports the shift rule
  const D = hasLimits ? 300n * BigInt(n) * BigInt(m) : BigInt(Math.max(n, 1));
  const meanN = hasLimits ? sumT * 300n * BigInt(m) : sumT;
  const limN = hasLimits ? 798n * sumMR * BigInt(n) : 0n;
  const nearN = hasLimits ? 532n * sumMR * BigInt(n) : 0n;

  const scaled = tenths.map((t) => (t === null ? null : BigInt(t) * D));
  const sideOfMean = scaled.map((y) => (y === null || !hasMean ? 0 : y > meanN ? 1 : y < meanN ? -1 : 0));
  const outside = scaled.map((y) => hasLimits && y !== null && (y > meanN + limN || y < meanN - limN));
  const beyondNear = scaled.map((y) => (!hasLimits || y === null ? 0 : y > meanN + nearN ? 1 : y < meanN - nearN ? -1 : 0));

  const len = input.length;
  const shift = new Array<boolean>(len).fill(false);
  for (let i = 0; i < len; ) {
    const s = sideOfMean[i]!;
    let j = i + 1;
    if (s !== 0) while (j < len && sideOfMean[j] === s) j++;
    if (s !== 0 && j - i >= RUN_LENGTH) for (let k = i; k < j; k++) shift[k] = true;
    i = j;
  }

  const trend = new Array<Side | null>(len).fill(null);
  for (const dir of [1, -1] as const) {
    for (let i = 0; i < len; ) {
      let j = i + 1;
      while (j < len && tenths[j] != null && tenths[j - 1] != null && Math.sign(tenths[j]! - tenths[j - 1]!) === dir) j++;
      if (j - i >= RUN_LENGTH) for (let k = i; k < j; k++) trend[k] ??= dir === 1 ? 'high' : 'low';
      i = j;
    }
  }

  const twoOfThree = new Array<boolean>(len).fill(false);
  for (let i = 0; i + 2 < len; i++) {
    for (const s of [1, -1]) {
      const hits = [i, i + 1, i + 2].filter((k) => beyondNear[k] === s);
      if (hits.length >= 2) for (const k of hits) twoOfThree[k] = true;
    }
  }

  const points = input.map((p, i): SpcPoint<P> => {
    const special: SpecialFlags = { outside_limits: outside[i]!, shift: shift[i]!, trend: trend[i] !== null, two_of_three: twoOfThree[i]! };
    const rules = (['outside_limits', 'two_of_three', 'shift', 'trend'] as const).filter((r) => special[r]);
    const meanSide: Side | null = sideOfMean[i] === 1 ? 'high' : sideOfMean[i] === -1 ? 'low' : null;
    let side: Side | null = null;
    for (const r of rules) {
      side = r === 'trend' ? trend[i]! : meanSide;
      if (side) break;
    }
    const mr = movingRanges[i];
    return {
      input: p,
      period: p.period,
      value: p.value,
      movingRange: mr === null || mr === undefined ? null : mr / 10,
      special,
      rules,
      side,
      variation: side === null ? null : variationOf(side, polarity),
    };
  });

  const last = points[points.length - 1];
  const latest: SpcLatest | null = last
    ? { period: last.period, value: last.value, variation: last.variation, side: last.side, rules: last.rules, words: variationWords(last.value, last.variation, last.side) }
    : null;

  const toNumber = (num: bigint) => Number(num) / Number(D) / 10;
  const toDisplay = (num: bigint) => tenthsToString(roundHalfUp(num, D));
  return {
    n,
    mean: hasMean ? toNumber(meanN) : null,
    mrBar: hasLimits ? Number(sumMR) / m / 10 : null,
    upper: hasLimits ? toNumber(meanN + limN) : null,
    lower: hasLimits ? toNumber(meanN - limN) : null,
    nearUpper: hasLimits ? toNumber(meanN + nearN) : null,
    nearLower: hasLimits ? toNumber(meanN - nearN) : null,
    display: {
      mean: hasMean ? toDisplay(meanN) : null,
      mrBar: hasLimits ? tenthsToString(roundHalfUp(sumMR, BigInt(m))) : null,
      upper: hasLimits ? toDisplay(meanN + limN) : null,
      lower: hasLimits ? toDisplay(meanN - limN) : null,
    },
    points,
    latest,
    warnings,
  };
}

export function variationOf(side: Side, polarity: Polarity): Variation {
  if (polarity === 'none') return 'neutral';
  return (side === 'high') === (polarity === 'high') ? 'improvement' : 'concern';
}

/** The MDC-style call-out for one point. */
export function variationWords(value: number | null, variation: Variation | null, side: Side | null): string {
  if (value === null) return 'No value for this period';
  if (variation === null || side === null) return 'Common cause variation';
  if (variation === 'improvement') return `Special cause — improving ${side}`;
  if (variation === 'concern') return `Special cause — concerning ${side}`;
  return `Special cause — ${side}, neither improving nor concerning`;
}

function checkedTenths(p: SpcInputPoint): number {
  const v = p.value!;
  const t = toTenths(v);
  if (!Number.isFinite(v) || Math.abs(t / 10 - v) > 1e-9) {
    throw new RangeError(`SPC value ${v} for ${p.period} is not at one decimal place; round it half up first`);
  }
  return t;
}

/** round_half_up(a / b) for b > 0, in BigInt. */
function roundHalfUp(a: bigint, b: bigint): number {
  return Number(floorDiv(2n * a + b, 2n * b));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
