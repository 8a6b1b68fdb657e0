/*
 * An LA's own published figure and the reconciliation against it (issue 17).
 * Golden: Wigan's published values for three indicators and three years each,
 * worked out from the rows of the bundled DfE files (arithmetic in comments).
 * Then the reconciliation rule: exact on one-decimal values, the tolerance
 * inclusive, nothing compared where a value is missing or the period is a part-year.
 */
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../decimal.ts';
import { loadRealDataset } from './real-files.ts';
import { parseTolerance, publishedValue, reconcile } from './published.ts';

const { dataset: ds } = loadRealDataset();
const wigan = (indicator: string, year: number) => publishedValue(ds, indicator, year, '359');

describe("Wigan's published values", () => {
  it('icpc_per_10k: C4 ICPC x 10,000 / ONS mid-(Y-1) population', () => {
    // 2014/15: 10000 * 532 / 67430 = 78.8966 -> 78.9
    // 2015/16: 10000 * 567 / 67041 = 84.5751 -> 84.6
    // 2016/17: 10000 * 491 / 67110 = 73.1635 -> 73.2
    expect([2015, 2016, 2017].map((y) => wigan('icpc_per_10k', y)?.value)).toEqual([78.9, 84.6, 73.2]);
    expect(wigan('icpc_per_10k', 2017)?.source).toBe('DfE C4 2017 (ICPC x 10,000 / ONS mid-2016 population)');
  });

  it('cpp_repeat_pct: D3 CPP_subsequent_percent as published', () => {
    // 2014/15: 20.9; 2015/16: 22.8; 2016/17: 18.6
    expect([2015, 2016, 2017].map((y) => wigan('cpp_repeat_pct', y)?.value)).toEqual([20.9, 22.8, 18.6]);
  });

  it("cla_per_10k: the CLA file's children_count x 10,000 / its population_estimate", () => {
    // 2021/22: 10000 * 614 / 68033 = 90.2503 -> 90.3
    // 2022/23: 10000 * 676 / 69385 = 97.4274 -> 97.4
    // 2023/24: 10000 * 733 / 70691 = 103.6907 -> 103.7
    expect([2022, 2023, 2024].map((y) => wigan('cla_per_10k', y)?.value)).toEqual([90.3, 97.4, 103.7]);
  });

  it('says why there is none: a year not published, a suppressed cell, a year the LA did not exist, a local indicator', () => {
    expect(wigan('cla_per_10k', 2017)).toMatchObject({ value: null, note: 'DfE has published no DfE CLA figures for 2016/17 (the latest is 2024/25)' });
    expect(wigan('icpc_per_10k', 2027)?.note).toBe('DfE has published no DfE C4 figures for 2026/27 (the latest is 2024/25)');
    expect(wigan('cpp_2y_plus_pct', 2024)).toMatchObject({ value: null, note: 'not published: 2_years_or_more_percent suppressed ("c")' });
    expect(publishedValue(ds, 'icpc_per_10k', 2017, '942')?.note).toBe('Cumberland (942) did not exist as a local authority in 2016/17 (DfE publishes it for 2023/24 to 2024/25)');
    expect(wigan('cpp_repeat_2y_pct', 2017)).toBeNull();
  });
});

describe('reconcile', () => {
  const tol = (t: string) => ({ text: t, value: parseTolerance(t)! });
  const pub = (value: number | null) => ({ value, source: 'DfE C4 2017' });

  it('gives computed minus published, exactly, and flags it beyond the tolerance only', () => {
    // 69.0 - 73.2 = -4.2: beyond 0.5
    expect(reconcile(69.0, pub(73.2), tol('0.5'))).toEqual({ value: 73.2, source: 'DfE C4 2017', difference: -4.2, tolerance: 0.5, reconciliation: 'differs' });
    // 0.5 exactly is within (a float 73.7 - 73.2 is 0.5000000000000142)
    expect(reconcile(73.7, pub(73.2), tol('0.5'))).toMatchObject({ difference: 0.5, reconciliation: 'agrees' });
    expect(reconcile(73.8, pub(73.2), tol('0.5'))).toMatchObject({ difference: 0.6, reconciliation: 'differs' });
    expect(reconcile(73.2, pub(73.2), tol('0'))).toMatchObject({ difference: 0, reconciliation: 'agrees' });
    expect(reconcile(73.3, pub(73.2), tol('0'))).toMatchObject({ difference: 0.1, reconciliation: 'differs' });
    expect(reconcile(73.3, pub(73.2), tol('0.05'))).toMatchObject({ reconciliation: 'differs' });
  });

  it('compares nothing where a value is missing or the period is part-year', () => {
    expect(reconcile(null, pub(73.2), tol('0.5'))).toMatchObject({ difference: null, reconciliation: 'not_compared', note: 'no computed value to set against it' });
    expect(reconcile(70, { value: null, source: 's', note: 'suppressed' }, tol('0.5'))).toMatchObject({ difference: null, reconciliation: 'not_compared', note: 'suppressed' });
    expect(reconcile(70, pub(73.2), tol('0.5'), 'part-year')).toMatchObject({ difference: null, reconciliation: 'not_compared', note: 'part-year' });
  });

  it('reads a tolerance: a non-negative decimal', () => {
    expect(parseTolerance('0.5')).toEqual(parseDecimal('0.5'));
    for (const bad of ['-1', 'abc', '', '1e3', '0.5.1']) expect(parseTolerance(bad), bad).toBeNull();
  });
});
