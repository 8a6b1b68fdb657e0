/*
 * XmR statistical process control in the NHS England "Making Data Count"
 * (MDC) style, as a pure function of a monthly series, the indicator's
 * polarity and unit, and the months where a known change starts a new phase
 * (trends.md, "The chart").
 *
 * Phases. The series is cut into phases at each rebase month (a point whose
 * month is on or after a rebase month belongs to the new phase); with no
 * rebase there is one phase. Each phase has its own:
 *   baseline      its first 20 points that have a value (all of them if fewer)
 *   mean          of the baseline values
 *   mrBar         mean moving range of the baseline: |x[i] - x[i-1]| over
 *                 adjacent months both in the baseline (a gap breaks the pair,
 *                 and so does a phase boundary)
 *   limits        mean +/- 2.66 x mrBar, clipped to what the measure can take
 *                 (0 to 100 for a percentage, 0 upward for a count or rate)
 *   "near"        beyond 2/3 of the way from the mean to a limit:
 *                 mean +/- 1.7733 x mrBar (not clipped: only rule 4 uses it)
 * A phase with fewer than 12 points with a value (or, in a series so gappy it
 * has no moving range, none) has a mean but no limits and no rules: its
 * points are never special cause and its latest point's icon is
 * `insufficient`.
 *
 * Special-cause rules (MDC), judged against the point's own phase; no run of
 * points spans a gap or a phase boundary:
 *   outside_limits  a point above the upper or below the lower process limit
 *                   (strictly: a point exactly on a limit is inside);
 *   run             7 or more consecutive points all above, or all below, the
 *                   mean; a point exactly on the mean breaks the run;
 *   trend           7 or more consecutive points each higher (or each lower)
 *                   than the one before, i.e. 6 consecutive rises; an equal
 *                   value breaks it;
 *   two_of_three    2 of 3 consecutive points (all three with a value, in one
 *                   phase) beyond the "near" line on the same side (a point
 *                   outside the limits counts as beyond it; the third point
 *                   may be anywhere). The two points are flagged.
 * Every point of a qualifying run, trend or pair is flagged, not just the last.
 *
 * Each flagged point gets a side (high/low): the side of the mean it is on for
 * outside_limits, two_of_three and run, the direction of travel for trend.
 * When a point's rules disagree (a rising trend that starts below the mean),
 * the first in that order wins. With the polarity the side gives the
 * variation: improvement, concern, or neither when the polarity is `none`.
 *
 * Icons (trends.md, "Icons"): the variation icon is read from the latest point
 * that has a value (a trailing gap has nothing to judge, and the at-a-glance
 * table names the month it is for); the assurance icon compares a target with
 * that point's phase limits.
 *
 * Arithmetic is exact: values arrive at one decimal place, so we work in
 * integer tenths over one common denominator per phase, and a point (or a
 * target) is compared with a limit without any binary rounding. Numbers
 * returned for drawing are floats; `display` strings are the exact figures
 * rounded half up to one decimal, `exact` the same to four (for JSON and CSV).
 */
import type { Polarity, Unit } from '../metrics/types.ts';
import { tenthsToString, toTenths } from './format.ts';

export const SPC_LIMIT_SIGMA = 2.66;
/** MDC: the limits come from the first 20 points of a phase. */
export const SPC_BASELINE_POINTS = 20;
/** MDC: with fewer than 12 points a phase has no limits and no rules. */
export const SPC_MIN_POINTS = 12;
export const RUN_LENGTH = 7;

export type SpcRule = 'outside_limits' | 'run' | 'trend' | 'two_of_three';
export type Side = 'high' | 'low';
export type Variation = 'improvement' | 'concern' | 'neither';
/** MDC's variation icons, trends.md's names. */
export type VariationIcon = 'common' | 'improving_high' | 'improving_low' | 'concerning_high' | 'concerning_low' | 'higher' | 'lower' | 'insufficient';
export type AssuranceIcon = 'pass' | 'fail' | 'hit_and_miss';

/** The rules in precedence order (the first gives a point its side). */
export const SPC_RULES: readonly SpcRule[] = ['outside_limits', 'two_of_three', 'run', 'trend'];

export const SPC_RULE_WORDS: Record<SpcRule, string> = {
  outside_limits: 'outside the process limits',
  run: 'run of 7 or more on one side of the mean',
  trend: 'trend of 7 or more rising or falling',
  two_of_three: '2 of 3 points close to a limit',
};

export interface SpcInputPoint {
  /** `YYYY-MM`: rebase months are compared with it */
  period: string;
  value: number | null;
}

export interface SpcOptions {
  /** months (`YYYY-MM`) that start a new phase; those at or before the first point, or after the last, change nothing */
  rebase?: readonly string[];
  /** clips the limits: 0 to 100 for `percent`, 0 upward otherwise; unclipped when absent */
  unit?: Unit;
}

export interface SpecialFlags {
  outside_limits: boolean;
  run: boolean;
  trend: boolean;
  two_of_three: boolean;
}

export interface SpcPhase {
  /** 1-based */
  number: number;
  /** the phase's first and last point (indexes into `points`) and month */
  first: number;
  last: number;
  from: string;
  /** points with a value in the phase, and how many of them make the baseline */
  n: number;
  baselineN: number;
  /** false: fewer than 12 points with a value (or no moving range): a mean, no limits, no rules */
  sufficient: boolean;
  mean: number | null;
  mrBar: number | null;
  /** clipped process limits; null when the phase is not sufficient */
  upper: number | null;
  lower: number | null;
  nearUpper: number | null;
  nearLower: number | null;
  /** exact figures rounded half up to one decimal, for printing */
  display: { mean: string | null; mrBar: string | null; upper: string | null; lower: string | null };
  /** exact figures rounded half up to four decimals, for JSON and CSV */
  exact: { mean: number | null; upper: number | null; lower: number | null };
}

export interface SpcPoint<P extends SpcInputPoint = SpcInputPoint> {
  /** the input point, unchanged */
  input: P;
  period: string;
  value: number | null;
  /** its phase's number (1-based) */
  phase: number;
  /** |value - previous value|, when both have a value and are in one phase */
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
  /** the latest point with a value (null: none has one) */
  index: number;
  period: string;
  value: number | null;
  phase: number;
  variation: Variation | null;
  side: Side | null;
  rules: SpcRule[];
  icon: VariationIcon;
  /** `Special cause — concerning high`, `Common cause variation`, ... */
  words: string;
}

export interface SpcResult<P extends SpcInputPoint = SpcInputPoint> {
  /** points with a value */
  n: number;
  phases: SpcPhase[];
  points: SpcPoint<P>[];
  latest: SpcLatest | null;
  warnings: string[];
}

/** The exact figures behind a phase, kept off the object so it stays plain data (JSON cannot hold a bigint). */
interface Exact {
  D: bigint;
  meanN: bigint;
  upperN: bigint | null;
  lowerN: bigint | null;
  nearUpperN: bigint | null;
  nearLowerN: bigint | null;
}
const EXACT = new WeakMap<SpcPhase, Exact>();

// Common denominator of a phase: with n baseline values and m moving ranges, in tenths,
//   mean   = sumT / n                      = sumT * 300m      / D
//   limit  = 2.66 * sumMR / m              = 798 * sumMR * n  / D
//   near   = (2/3) * 2.66 * sumMR / m      = 532 * sumMR * n  / D
// where D = 300 n m, and a value y (tenths) is y * D / D.

export function spc<P extends SpcInputPoint>(input: readonly P[], polarity: Polarity, opts: SpcOptions = {}): SpcResult<P> {
  const tenths = input.map((p) => (p.value === null ? null : checkedTenths(p)));
  const phaseOf = phaseNumbers(input, opts.rebase ?? []);
  const len = input.length;
  const warnings: string[] = [];

  const phases: SpcPhase[] = [];
  for (let i = 0; i < len; ) {
    let j = i;
    while (j + 1 < len && phaseOf[j + 1] === phaseOf[i]) j++;
    const phase = buildPhase(phases.length + 1, i, j, input[i]!.period, tenths, opts.unit);
    phases.push(phase);
    if (!phase.sufficient) {
      warnings.push(
        `Phase ${phase.number} (from ${phase.from}) has ${phase.n} point${phase.n === 1 ? '' : 's'} with a value: ` +
          `Making Data Count needs at least ${SPC_MIN_POINTS} before limits are drawn or points judged, so it has a mean only.`,
      );
    }
    for (let k = i; k <= j; k++) phaseOf[k] = phase.number;
    i = j + 1;
  }

  const phaseAt = (i: number) => phases[phaseOf[i]! - 1]!;
  const scaled = tenths.map((t, i) => (t === null ? null : BigInt(t) * EXACT.get(phaseAt(i))!.D));
  // judged: the point has a value and its phase has limits
  const judged = (i: number) => scaled[i] !== null && phaseAt(i).sufficient;
  const sideOfMean = scaled.map((y, i) => {
    if (y === null || !judged(i)) return 0;
    const mean = EXACT.get(phaseAt(i))!.meanN;
    return y > mean ? 1 : y < mean ? -1 : 0;
  });
  const outside = scaled.map((y, i) => {
    if (!judged(i)) return false;
    const e = EXACT.get(phaseAt(i))!;
    return y! > e.upperN! || y! < e.lowerN!;
  });
  const beyondNear = scaled.map((y, i) => {
    if (!judged(i)) return 0;
    const e = EXACT.get(phaseAt(i))!;
    return y! > e.nearUpperN! ? 1 : y! < e.nearLowerN! ? -1 : 0;
  });
  // two neighbours that a run may join: both judged, in one phase
  const joined = (a: number, b: number) => judged(a) && judged(b) && phaseOf[a] === phaseOf[b];

  const run = new Array<boolean>(len).fill(false);
  for (let i = 0; i < len; ) {
    const s = sideOfMean[i]!;
    let j = i + 1;
    if (s !== 0) while (j < len && joined(j - 1, j) && sideOfMean[j] === s) j++;
    if (s !== 0 && j - i >= RUN_LENGTH) for (let k = i; k < j; k++) run[k] = true;
    i = j;
  }

  const trend = new Array<Side | null>(len).fill(null);
  for (const dir of [1, -1] as const) {
    for (let i = 0; i < len; ) {
      let j = i + 1;
      while (j < len && joined(j - 1, j) && Math.sign(tenths[j]! - tenths[j - 1]!) === dir) j++;
      if (j - i >= RUN_LENGTH) for (let k = i; k < j; k++) trend[k] ??= dir === 1 ? 'high' : 'low';
      i = j;
    }
  }

  const twoOfThree = new Array<boolean>(len).fill(false);
  for (let i = 0; i + 2 < len; i++) {
    if (!joined(i, i + 1) || !joined(i + 1, i + 2)) continue;
    for (const s of [1, -1]) {
      const hits = [i, i + 1, i + 2].filter((k) => beyondNear[k] === s);
      if (hits.length >= 2) for (const k of hits) twoOfThree[k] = true;
    }
  }

  const points = input.map((p, i): SpcPoint<P> => {
    const special: SpecialFlags = { outside_limits: outside[i]!, run: run[i]!, trend: trend[i] !== null, two_of_three: twoOfThree[i]! };
    const rules = SPC_RULES.filter((r) => special[r]);
    const meanSide: Side | null = sideOfMean[i] === 1 ? 'high' : sideOfMean[i] === -1 ? 'low' : null;
    let side: Side | null = null;
    for (const r of rules) {
      side = r === 'trend' ? trend[i]! : meanSide;
      if (side) break;
    }
    const t = tenths[i];
    const prev = i > 0 ? tenths[i - 1] : null;
    const samePhase = i > 0 && phaseOf[i - 1] === phaseOf[i];
    return {
      input: p,
      period: p.period,
      value: p.value,
      phase: phaseOf[i]!,
      movingRange: t === null || t === undefined || prev === null || prev === undefined || !samePhase ? null : Math.abs(t - prev) / 10,
      special,
      rules,
      side,
      variation: side === null ? null : variationOf(side, polarity),
    };
  });

  let latest: SpcLatest | null = null;
  for (let i = len - 1; i >= 0 && !latest; i--) {
    const p = points[i]!;
    if (p.value === null) continue;
    const icon = phaseAt(i).sufficient ? variationIcon(p.side, p.variation, polarity) : 'insufficient';
    latest = { index: i, period: p.period, value: p.value, phase: p.phase, variation: p.variation, side: p.side, rules: p.rules, icon, words: icon === 'insufficient' ? 'Too few points to judge' : variationWords(p.value, p.variation, p.side) };
  }

  return { n: tenths.filter((t) => t !== null).length, phases, points, latest, warnings };
}

/** Phase number of each point before numbering: how many rebase months are on or before it (and after the first point). */
function phaseNumbers(input: readonly SpcInputPoint[], rebase: readonly string[]): number[] {
  const first = input[0]?.period.slice(0, 7) ?? '';
  const starts = [...new Set(rebase)].filter((m) => m > first).sort();
  return input.map((p) => starts.filter((m) => m <= p.period.slice(0, 7)).length);
}

function buildPhase(number: number, first: number, last: number, from: string, tenths: readonly (number | null)[], unit: Unit | undefined): SpcPhase {
  const valued: number[] = [];
  for (let i = first; i <= last; i++) if (tenths[i] !== null) valued.push(i);
  const baseline = valued.slice(0, SPC_BASELINE_POINTS);
  const inBaseline = new Set(baseline);
  const mrs: number[] = [];
  for (const i of baseline) if (i > first && inBaseline.has(i - 1)) mrs.push(Math.abs(tenths[i]! - tenths[i - 1]!));
  const n = baseline.length;
  const m = mrs.length;
  const sufficient = valued.length >= SPC_MIN_POINTS && m > 0;
  const sumT = BigInt(baseline.reduce((a, i) => a + tenths[i]!, 0));
  const sumMR = BigInt(mrs.reduce((a, b) => a + b, 0));
  const D = sufficient ? 300n * BigInt(n) * BigInt(m) : BigInt(Math.max(n, 1));
  const meanN = sufficient ? sumT * 300n * BigInt(m) : sumT;
  const limN = sufficient ? 798n * sumMR * BigInt(n) : 0n;
  const nearN = sufficient ? 532n * sumMR * BigInt(n) : 0n;
  // clipping, in tenths: a percentage cannot pass 100 (1000 tenths); nothing here goes below 0
  let upperN: bigint | null = sufficient ? meanN + limN : null;
  let lowerN: bigint | null = sufficient ? meanN - limN : null;
  if (unit !== undefined && upperN !== null && lowerN !== null) {
    if (unit === 'percent' && upperN > 1000n * D) upperN = 1000n * D;
    if (lowerN < 0n) lowerN = 0n;
  }
  const hasMean = n > 0;
  const phase: SpcPhase = {
    number,
    first,
    last,
    from,
    n: valued.length,
    baselineN: n,
    sufficient,
    mean: hasMean ? toNumber(meanN, D) : null,
    mrBar: sufficient ? Number(sumMR) / m / 10 : null,
    upper: upperN === null ? null : toNumber(upperN, D),
    lower: lowerN === null ? null : toNumber(lowerN, D),
    nearUpper: sufficient ? toNumber(meanN + nearN, D) : null,
    nearLower: sufficient ? toNumber(meanN - nearN, D) : null,
    display: {
      mean: hasMean ? tenthsToString(roundHalfUp(meanN, D)) : null,
      mrBar: sufficient ? tenthsToString(roundHalfUp(sumMR, BigInt(m))) : null,
      upper: upperN === null ? null : tenthsToString(roundHalfUp(upperN, D)),
      lower: lowerN === null ? null : tenthsToString(roundHalfUp(lowerN, D)),
    },
    exact: {
      mean: hasMean ? toFourDecimals(meanN, D) : null,
      upper: upperN === null ? null : toFourDecimals(upperN, D),
      lower: lowerN === null ? null : toFourDecimals(lowerN, D),
    },
  };
  EXACT.set(phase, { D, meanN, upperN, lowerN, nearUpperN: sufficient ? meanN + nearN : null, nearLowerN: sufficient ? meanN - nearN : null });
  return phase;
}

export function variationOf(side: Side, polarity: Polarity): Variation {
  if (polarity === 'none') return 'neither';
  return (side === 'high') === (polarity === 'high') ? 'improvement' : 'concern';
}

/** MDC's variation icon for a judged point (the caller decides `insufficient`). */
export function variationIcon(side: Side | null, variation: Variation | null, polarity: Polarity): VariationIcon {
  if (side === null || variation === null) return 'common';
  if (polarity === 'none' || variation === 'neither') return side === 'high' ? 'higher' : 'lower';
  return `${variation === 'improvement' ? 'improving' : 'concerning'}_${side}`;
}

/**
 * MDC's assurance icon: can the process be relied on to meet the target?
 * Against the limits of the latest point's phase: a target beyond the limit
 * on the bad side (below the lower limit where high is good) is always met
 * ("consistently passing"); beyond the limit on the good side, never met
 * ("consistently failing"); between the limits, or on one, "hit and miss".
 * Null without a target, without limits, or for an indicator with no
 * polarity (no side of a target is the good one). Exact: the target is taken
 * as the decimal it prints as.
 */
export function assuranceIcon(result: SpcResult, polarity: Polarity, target: number | null | undefined): AssuranceIcon | null {
  if (target === null || target === undefined || !Number.isFinite(target) || polarity === 'none' || !result.latest) return null;
  const phase = result.phases[result.latest.phase - 1]!;
  const e = EXACT.get(phase);
  if (!phase.sufficient || !e || e.upperN === null || e.lowerN === null) return null;
  const { num, den } = decimalOf(target);
  // target vs limit: num / den against limitN / (D x 10), compared as num x D x 10 against limitN x den
  const t = num * e.D * 10n;
  const above = t > e.upperN * den;
  const below = t < e.lowerN * den;
  if (!above && !below) return 'hit_and_miss';
  const passing = polarity === 'high' ? below : above;
  return passing ? 'pass' : 'fail';
}

/** The MDC-style call-out for one point. */
export function variationWords(value: number | null, variation: Variation | null, side: Side | null): string {
  if (value === null) return 'No value for this period';
  if (variation === null || side === null) return 'Common cause variation';
  if (variation === 'improvement') return `Special cause — improving ${side}`;
  if (variation === 'concern') return `Special cause — concerning ${side}`;
  return `Special cause — ${side}er, neither improving nor concerning`;
}

function checkedTenths(p: SpcInputPoint): number {
  const v = p.value!;
  const t = toTenths(v);
  if (!Number.isFinite(v) || Math.abs(t / 10 - v) > 1e-9) {
    throw new RangeError(`SPC value ${v} for ${p.period} is not at one decimal place; round it half up first`);
  }
  return t;
}

/** A finite number as the decimal it prints as: num / den, den a power of ten. */
function decimalOf(x: number): { num: bigint; den: bigint } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(x));
  if (!m) {
    // exponent notation (|x| < 1e-6 or >= 1e21): far from any limit a measure can have; 10 decimals is ample
    return { num: BigInt(Math.round(x * 1e10)), den: 10n ** 10n };
  }
  const frac = m[3] ?? '';
  const num = BigInt(`${m[2]}${frac}`) * (m[1] === '-' ? -1n : 1n);
  return { num, den: 10n ** BigInt(frac.length) };
}

function toNumber(num: bigint, D: bigint): number {
  return Number(num) / Number(D) / 10;
}

/** num / (D x 10) rounded half up to four decimals. */
function toFourDecimals(num: bigint, D: bigint): number {
  return roundHalfUp(num * 1000n, D) / 10000;
}

/** round_half_up(a / b) for b > 0, in BigInt. */
function roundHalfUp(a: bigint, b: bigint): number {
  return Number(floorDiv(2n * a + b, 2n * b));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
