import { describe, expect, it } from 'vitest';
import { meanToOneDecimal, ratioToOneDecimal, roundDecimalText } from './rounding.ts';

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

describe('roundDecimalText', () => {
  it('rounds published figures half up', () => {
    expect(roundDecimalText('22.65')).toBe(22.7);
    expect(roundDecimalText('22.649')).toBe(22.6);
    expect(roundDecimalText('22')).toBe(22);
    expect(roundDecimalText('c')).toBeNull();
  });
});

describe('meanToOneDecimal', () => {
  it('rounds the mean of rounded values half up, exactly', () => {
    // (10.1 + 10.2) / 2 = 10.15 -> 10.2 (a float mean would give 10.149999...)
    expect(meanToOneDecimal([10.1, 10.2])).toBe(10.2);
    expect(meanToOneDecimal([])).toBeNull();
  });
});
