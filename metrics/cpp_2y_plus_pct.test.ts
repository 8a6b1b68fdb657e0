/*
 * Golden tests for cpp_2y_plus_pct: of the distinct children with a CP plan
 * open at period end, those whose (earliest) open plan started on or before
 * end - 2 years (date-fns subYears). Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cpp_2y_plus_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cpp_2y_plus_pct (golden)', () => {
  it('31 March 2017 - 2 years = 31 March 2015: that day counts, the next does not; two open plans count once', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(
        PLANS,
        'A1,A,2015-03-31,', // on the cut-off -> 2 years or more
        'B1,B,01/04/2015,', // a day later -> less than 2 years
        'C1,C,2010-01-01,2017-03-31', // ended on 31 March: not open -> neither count
        'D1,D,2014-06-01,', // D has two open plans: counted once, by the earlier -> 2y+
        'D2,D,2016-10-01,',
        'E0,E,2012-01-01,2014-01-01', // E's old plan is closed; only the open one is judged
        'E1,E,2016-05-01,', // -> less than 2 years
        'F1,F,2014-01-01 00:00:00,2017-04-01', // ends the day after period end: open -> 2y+
      ),
    });
    expect(r.quarantine).toEqual([]);
    // children open at 2017-03-31: A, B, D, E, F = 5; 2y+: A, D, F = 3 -> 60.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 5, value: 60 });
  });

  it('leap day: a period ending 29 Feb 2016 looks back to 28 Feb 2014', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(PLANS, 'G1,G,2014-02-28,', 'H1,H,2014-03-01,'),
      },
      ['2016-02', '2015-03-01..2016-02-29'],
    );
    // '2016-02' = 2015-03-01..2016-02-29; 2016-02-29 - 2 years = 2014-02-28
    // G started 2014-02-28 -> 2y+; H started 2014-03-01 -> not. 1 / 2 = 50.0
    expect(figures(r.get(ID, '2016-02'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(figures(r.get(ID, '2015-03-01..2016-02-29'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('children 007 and 7 are two children', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,007,2014-01-01,', 'P2,7,2016-01-01,') });
    // 007 since 2014 -> 2y+; 7 since 2016 -> not. 1 / 2 = 50.0 (as one child: 1 / 1 = 100.0)
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('zero denominator: nobody on a plan at period end gives no value and the reason', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2014-05-01,2017-03-31', 'P2,B,2017-04-01,'), 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing ssd_cp_plans.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cp_plans\.csv/);
  });
});
