/*
 * Exact half-up rounding to one decimal place, where binary floats go wrong.
 */
import { describe, expect, it } from 'vitest';
import { meanTenths, medianTenths, parseDecimal, ratioToOneDecimal, tenthsToNumber, toTenthsHalfUp } from './decimal.ts';

const tenths = (s: string) => {
  const x = parseDecimal(s);
  if (!x) throw new Error(s);
  return toTenthsHalfUp(x);
};

describe('decimal', () => {
  it('parses published numbers and what String(number) prints', () => {
    expect(parseDecimal('22.6')).toEqual({ n: 226n, d: 10n });
    expect(parseDecimal('12183016')).toEqual({ n: 12183016n, d: 1n });
    expect(parseDecimal('1e-7')).toEqual({ n: 1n, d: 10000000n });
    expect(parseDecimal('c')).toBeNull();
  });

  it('rounds ties up where a float would not', () => {
    // 0.15 as a double is 0.1499999999999999944..., (0.15).toFixed(1) === '0.1'
    expect(tenths('0.15')).toBe(2n);
    expect(tenths('1.15')).toBe(12n);
    expect(tenths('8.05')).toBe(81n);
    expect(tenths('8.0499999')).toBe(80n);
    expect(tenths('21')).toBe(210n);
    // 2/3 = 0.666... -> 0.7
    expect(toTenthsHalfUp({ n: 2n, d: 3n })).toBe(7n);
  });

  it('summarises tenths: mean and median rounded half up once', () => {
    // (10.0 + 10.1) / 2 = 10.05 -> 10.1
    expect(meanTenths([100n, 101n])).toBe(101n);
    expect(medianTenths([101n, 100n])).toBe(101n);
    // (1.0 + 1.0 + 1.1) / 3 = 1.0333 -> 1.0
    expect(meanTenths([10n, 10n, 11n])).toBe(10n);
    // median of 4, 1, 3, 2 (tenths): (2 + 3) / 2 = 2.5 tenths -> 3 tenths
    expect(medianTenths([4n, 1n, 3n, 2n])).toBe(3n);
    expect(tenthsToNumber(587n)).toBe(58.7);
  });
});

describe('ratioToOneDecimal', () => {
  it('reproduces the board table', () => {
    expect(ratioToOneDecimal(401, 468, 100)).toBe(85.7);
    expect(ratioToOneDecimal(398, 67800, 10000)).toBe(58.7);
    expect(ratioToOneDecimal(271, 67800, 10000)).toBe(40.0);
    expect(ratioToOneDecimal(84, 452, 100)).toBe(18.6);
  });
  it('rounds exact halves up', () => {
    // 1/8 = 12.5% exactly; 1/16 = 6.25% -> 6.3; 3/16 = 18.75% -> 18.8
    expect(ratioToOneDecimal(1, 8, 100)).toBe(12.5);
    expect(ratioToOneDecimal(1, 16, 100)).toBe(6.3);
    expect(ratioToOneDecimal(3, 16, 100)).toBe(18.8);
    // 10000 * 1 / 20000 = 0.5 exactly; 10000 * 1 / 160000 = 0.0625 -> 0.1
    expect(ratioToOneDecimal(1, 160000, 10000)).toBe(0.1);
    // a float would say 1.005 * 100 = 100.49999...; exact arithmetic: 201/2000*100 = 10.05 -> 10.1
    expect(ratioToOneDecimal(201, 2000, 100)).toBe(10.1);
  });
  it('gives null for a zero denominator', () => {
    expect(ratioToOneDecimal(0, 0, 100)).toBeNull();
  });
});
