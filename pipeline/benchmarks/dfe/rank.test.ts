/*
 * LAIT's rank and quartile: R type-7 quantiles worked by hand, ties sharing
 * the smallest rank, the LA's own published value left out, polarity high
 * versus low/none, and the provisional fallback to the latest published year.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from './dataset.ts';
import type { DfeMeasureRow } from './parse.ts';
import { quartileBand, rank, rankPosition, type7Quantile } from './rank.ts';
import { loadRealDataset } from './real-files.ts';

const tenths = (xs: number[]): bigint[] => xs.map((x) => BigInt(Math.round(x * 10)));
const asNumber = (f: { n: bigint; d: bigint }): number => Number(f.n) / Number(f.d) / 10;
const q = (xs: number[], k: bigint): number => asNumber(type7Quantile(tenths(xs), k, 4n));
const own = (x: string) => ({ n: BigInt(Math.round(Number(x) * 10)), d: 1n });

describe('type7Quantile', () => {
  it('matches R quantile(c(1,2,3,4))', () => {
    // h = (n-1)p = 3p; Q = x[floor h] + frac(h) * (x[floor h + 1] - x[floor h]), 0-based
    // p=.25: h=0.75 -> 1 + 0.75*(2-1) = 1.75; p=.5: h=1.5 -> 2 + 0.5*1 = 2.5; p=.75: h=2.25 -> 3 + 0.25*1 = 3.25
    expect([q([1, 2, 3, 4], 1n), q([1, 2, 3, 4], 2n), q([1, 2, 3, 4], 3n)]).toEqual([1.75, 2.5, 3.25]);
  });

  it('matches R quantile(1:10)', () => {
    // h = 9p: 2.25 -> 3 + 0.25 = 3.25; 4.5 -> 5 + 0.5 = 5.5; 6.75 -> 7 + 0.75 = 7.75
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([q(xs, 1n), q(xs, 2n), q(xs, 3n)]).toEqual([3.25, 5.5, 7.75]);
  });

  it('interpolates across ties and unequal gaps', () => {
    // x = 2, 4, 4, 5, 8, 10 (n=6, h = 5p)
    // p=.25: h=1.25 -> 4 + 0.25*(4-4) = 4; p=.5: h=2.5 -> 4 + 0.5*(5-4) = 4.5; p=.75: h=3.75 -> 5 + 0.75*(8-5) = 7.25
    const xs = [2, 4, 4, 5, 8, 10];
    expect([q(xs, 1n), q(xs, 2n), q(xs, 3n)]).toEqual([4, 4.5, 7.25]);
  });

  it('gives the value itself for one value, and is exact for one-decimal values', () => {
    expect(q([7.3], 1n)).toBe(7.3);
    // x = 0.1, 0.2 -> p=.25: h=0.25 -> 0.1 + 0.25*0.1 = 0.125 exactly (5/4 tenths)
    expect(type7Quantile([1n, 2n], 1n, 4n)).toEqual({ n: 5n, d: 4n });
  });
});

describe('rankPosition and quartileBand', () => {
  // Others 10.0, 12.0, 12.0, 15.0, 20.0: Q1 = x[1] = 12 (h=1), Q2 = x[2] = 12 (h=2), Q3 = x[3] = 15 (h=3)
  const others = tenths([10, 12, 12, 15, 20]);

  it('ties share the smallest rank', () => {
    // low: better = values < 12 -> {10}: rank 2, level with both 12s
    expect(rankPosition(own('12'), others, 'low')).toBe(2);
    // high: better = values > 12 -> {15, 20}: rank 3
    expect(rankPosition(own('12'), others, 'high')).toBe(3);
    expect(rankPosition(own('10'), others, 'low')).toBe(1);
    expect(rankPosition(own('9.9'), others, 'high')).toBe(6);
  });

  it('bands by polarity, boundaries inclusive', () => {
    expect(quartileBand(own('12'), others, 'low')).toBe('A'); // 12 <= Q1 12
    expect(quartileBand(own('12.1'), others, 'low')).toBe('C'); // > Q2 12, <= Q3 15
    expect(quartileBand(own('15'), others, 'none')).toBe('C'); // <= Q3 15
    expect(quartileBand(own('15.1'), others, 'none')).toBe('D');
    expect(quartileBand(own('15'), others, 'high')).toBe('A'); // >= Q3 15
    expect(quartileBand(own('12'), others, 'high')).toBe('B'); // >= Q2 12
    expect(quartileBand(own('11.9'), others, 'high')).toBe('D'); // < Q1 12
  });
});

describe('rank over a dataset', () => {
  const d3 = (year: number, code: string, raw: string): DfeMeasureRow => ({
    kind: 'd3_repeat_plans', time_period: year, level: 'Local authority', old_la_code: code, new_la_code: `E0${code}`,
    la_name: `LA ${code}`, region_name: 'North West', measure: 'CPP_subsequent_percent', value: raw === 'c' ? null : Number(raw), raw,
  });
  // 2020 and 2021 published; 100 is "our" LA, its published 11.0 must be left out;
  // 2022 has rows but every value suppressed: not a published year
  const ds = buildDataset([
    d3(2020, '100', '11.0'), d3(2020, '101', '10.0'), d3(2020, '102', '12.0'), d3(2020, '103', '12.0'), d3(2020, '104', '15.0'), d3(2020, '105', '20.0'), d3(2020, '106', 'c'),
    d3(2021, '100', '30.0'), d3(2021, '101', '5.0'), d3(2021, '102', '25.0'),
    d3(2022, '101', 'c'), d3(2022, '102', 'c'),
  ]);

  it('ranks the own computed value among the others, own published value and suppressed cells left out', () => {
    // others: 10, 12, 12, 15, 20 (106 is "c"); of = 5 + 1
    expect(rank(ds, { indicator: 'cpp_repeat_pct', year: 2020, laOldCode: '100', ownValue: 12, polarity: 'low' })).toEqual({
      position: 2, of: 6, quartile: 'A', provisional: false, year: 2020,
    });
    expect(rank(ds, { indicator: 'cpp_repeat_pct', year: 2020, laOldCode: 'E0100', ownValue: 16, polarity: 'high' })).toEqual({
      position: 2, of: 6, quartile: 'A', provisional: false, year: 2020,
    });
  });

  it('uses the latest earlier published year for an unpublished year, marked provisional', () => {
    // 2023 not published, 2022 all suppressed -> 2021: others 5, 25; own 20 low: better {5} -> 2 of 3
    // Q1 = 5 + 0.25*20 = 10, Q2 = 15, Q3 = 20 -> 20 <= Q3: C
    expect(rank(ds, { indicator: 'cpp_repeat_pct', year: 2023, laOldCode: '100', ownValue: 20, polarity: 'low' })).toEqual({
      position: 2, of: 3, quartile: 'C', provisional: true, year: 2021,
    });
  });

  it('has nothing to rank without an own value or a DfE source', () => {
    expect(rank(ds, { indicator: 'cpp_repeat_pct', year: 2020, laOldCode: '100', ownValue: null, polarity: 'low' })).toBeNull();
    expect(rank(ds, { indicator: 'cpp_repeat_2y_pct', year: 2020, laOldCode: '100', ownValue: 5, polarity: 'low' })).toBeNull();
  });

  it('ranks a year before anything was published against the latest published year, provisionally', () => {
    // 2019: nothing published at or before it -> the latest published year, 2021 (others 5, 25):
    // own 5 low: ties with 5 share rank 1 -> 1 of 3; Q1 = 10 -> 5 <= Q1: A
    expect(rank(ds, { indicator: 'cpp_repeat_pct', year: 2019, laOldCode: '100', ownValue: 5, polarity: 'low' })).toEqual({
      position: 1, of: 3, quartile: 'A', provisional: true, year: 2021,
    });
  });
});

describe('rank on the real files', () => {
  const { dataset } = loadRealDataset();

  it('ranks Wigan against the 151 other LAs of 2016/17', () => {
    const r = rank(dataset, { indicator: 'icpc_per_10k', year: 2017, laOldCode: '359', ownValue: 69.0, polarity: 'none' });
    // C4 2017 has 152 LA rows; 4 have no rate: Isles of Scilly 420 (ICPC "c"), and Dorset 835,
    // Poole 836, Bournemouth 837 (ONS mid-2016 population "x": ONS uses the 2019 areas)
    // -> 148 values, Wigan's own left out -> 147 others + Wigan = 148
    expect(r).toMatchObject({ of: 148, provisional: false, year: 2017 });
  });

  it('ranks a year before the looked-after file begins against its latest year, provisionally', () => {
    // the CLA file covers 2021-2025 only: 2016/17 is ranked against 2024/25 and says so
    expect(rank(dataset, { indicator: 'cla_per_10k', year: 2017, laOldCode: '359', ownValue: 65.8, polarity: 'low' })).toMatchObject({ provisional: true, year: 2025 });
  });

  it('is provisional against 2024/25 for 2025/26', () => {
    // C4 2025: 153 LA rows, City of London 201 ICPC "c" -> 152 values -> 151 others + Wigan
    expect(rank(dataset, { indicator: 'icpc_per_10k', year: 2026, laOldCode: '359', ownValue: 69.0, polarity: 'none' })).toMatchObject({ provisional: true, year: 2025, of: 152 });
  });

  it('leaves out LAs with nothing published (Cumbria in the CLA file for 2024)', () => {
    // CLA 2024: 155 LA rows; Cumbria 909, Northamptonshire 928 (x/z) and Isles of Scilly 420 (z) have no value
    // -> 152 values, Wigan's own left out -> 151 others + Wigan = 152
    expect(rank(dataset, { indicator: 'cla_per_10k', year: 2024, laOldCode: '359', ownValue: 90, polarity: 'low' })).toMatchObject({ of: 152 });
  });

});
