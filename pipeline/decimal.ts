/*
 * Exact decimal arithmetic for published figures. Values are rounded half up
 * to one decimal place, and a binary float would turn 58.65 into 58.6 (or a
 * tie that is not a tie into one), so everything here is a BigInt fraction and
 * the result is an integer count of tenths. Our own figures (compute.ts) and
 * DfE's (pipeline/benchmarks/dfe/) are rounded by the same functions.
 */

/** A non-reduced fraction n/d with d > 0. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** "22.6" -> 226/10; also accepts what String(number) prints (1e-7). Null if not a number. */
export function parseDecimal(text: string): Fraction | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') - frac.length;
  let n = sign * BigInt((m[2] ?? '0') + frac);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  return { n, d };
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Rounds n/d half up (towards +infinity on a tie) to whole tenths: floor(10x + 1/2). */
export function toTenthsHalfUp(x: Fraction): bigint {
  return floorDiv(20n * x.n + x.d, 2n * x.d);
}

/** A count of tenths as the number printed with one decimal (587n -> 58.7). */
export function tenthsToNumber(t: bigint): number {
  // Dividing an exact integer by 10 gives the double nearest to the decimal.
  return Number(t) / 10;
}

/** Mean of values in tenths, rounded half up to whole tenths. */
export function meanTenths(values: readonly bigint[]): bigint {
  const sum = values.reduce((a, b) => a + b, 0n);
  return toTenthsHalfUp({ n: sum, d: BigInt(values.length) * 10n });
}

/** Median of values in tenths; an even count takes the mean of the middle two, rounded half up. */
export function medianTenths(values: readonly bigint[]): bigint {
  const s = [...values].sort(compareBigint);
  const mid = Math.floor(s.length / 2);
  if (s.length % 2 === 1) return s[mid]!;
  return toTenthsHalfUp({ n: s[mid - 1]! + s[mid]!, d: 20n });
}

export function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two fractions exactly. */
export function compareFractions(a: Fraction, b: Fraction): number {
  return compareBigint(a.n * b.d, b.n * a.d);
}

/**
 * `scale * numerator / denominator` rounded half up to one decimal place, or
 * null when the denominator is zero: every value safeguard computes. Inputs
 * are whole counts.
 */
export function ratioToOneDecimal(numerator: number | bigint, denominator: number | bigint, scale: 100 | 10000): number | null {
  const d = BigInt(denominator);
  if (d === 0n) return null;
  const n = BigInt(numerator);
  if (n < 0n || d < 0n) throw new RangeError('counts cannot be negative');
  return tenthsToNumber(toTenthsHalfUp({ n: BigInt(scale) * n, d }));
}
