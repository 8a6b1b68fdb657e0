/*
 * Rounding half up to one decimal place with exact arithmetic. The board
 * compares our figures with published ones to the tenth: 0.05 must go up
 * every time, which binary floats and toFixed do not promise.
 */

/**
 * `scale * numerator / denominator` rounded half up to one decimal place, or
 * null when the denominator is zero. Inputs are whole counts.
 */
export function ratioToOneDecimal(numerator: number | bigint, denominator: number | bigint, scale: 100 | 10000): number | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return null;
  if (n < 0n || d < 0n) throw new RangeError('counts cannot be negative');
  // tenths = round_half_up(scale * 10 * n / d)
  const tenths = (2n * BigInt(scale) * 10n * n + d) / (2n * d);
  return tenthsToNumber(tenths);
}

/**
 * Rounds a decimal given as text (a published figure such as `22.65`) half up
 * to one decimal place. Text, because the published digits are exact and a
 * float of them is not.
 */
export function roundDecimalText(text: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const negative = m[1] === '-';
  const whole = BigInt(m[2]!);
  const frac = (m[3] ?? '').padEnd(2, '0');
  let tenths = whole * 10n + BigInt(frac[0]!);
  // half up on the magnitude (DfE figures are non-negative; negative inputs round away from zero)
  if (Number(frac[1]) >= 5) tenths += 1n;
  return tenthsToNumber(negative ? -tenths : tenths);
}

/** Mean of values already at one decimal place, rounded half up to one decimal (exactly). */
export function meanToOneDecimal(values: number[]): number | null {
  if (values.length === 0) return null;
  const tenths = values.map((v) => BigInt(Math.round(v * 10)));
  const sum = tenths.reduce((a, b) => a + b, 0n);
  const n = BigInt(values.length);
  // round_half_up(sum / n) in tenths, sign-aware
  const rounded = sum >= 0n ? (2n * sum + n) / (2n * n) : -((2n * -sum + n - 1n) / (2n * n));
  return tenthsToNumber(rounded);
}

function tenthsToNumber(tenths: bigint): number {
  // the decimal string is exact; Number() of it is the nearest double, printed back as the same digits
  const neg = tenths < 0n;
  const t = neg ? -tenths : tenths;
  return Number(`${neg ? '-' : ''}${t / 10n}.${t % 10n}`);
}
