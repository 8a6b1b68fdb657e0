/*
 * Golden tests for cpp_ceased_3m_pct: CP plans with an end date in the period
 * whose end <= start + 3 calendar months (date-fns addMonths: clamped to the
 * month end), as a percentage of plans with an end date in the period.
 * Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cpp_ceased_3m_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cpp_ceased_3m_pct (golden)', () => {
  it('month ends: 30 Nov + 3 months = 28 Feb, 31 Aug + 3 months = 30 Nov; a plan ending 31 March ends in that year', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(
          PLANS,
          'P1,A,2016-11-30,2017-02-28', // + 3m = 2017-02-28; ended on it -> <= -> numerator
          'P2,B,2016-11-30,2017-03-01', // ended a day after 2017-02-28 -> not
          'P3,C,2016-08-31,2016-11-30', // + 3m = 2016-11-30 -> numerator
          'P4,D,2017-01-15,2017-03-31', // ended on 31 March: in 2016/17; + 3m = 2017-04-15 -> numerator
          'P5,E,2015-01-01,2016-03-31', // ended 31 March 2016: 2015/16, not 2016/17
          'P6,F,2015-01-01,2016-04-01', // ended in 2016/17; + 3m = 2015-04-01 -> not
          'P7,G,2016-06-01,', // still open -> not in the denominator
          'P8,H,2016-07-01,2016-07-01', // started and ended the same day -> numerator
        ),
      },
      ['2016/17', '2017-02'],
    );
    expect(r.quarantine).toEqual([]);
    // 2016/17 ended: P1, P2, P3, P4, P6, P8 = 6; within 3 months: P1, P3, P4, P8 = 4 -> 66.66... -> 66.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 6, value: 66.7 });
    // '2017-02' = 2016-03-01..2017-02-28 ended: P1 (2017-02-28), P3, P5 (2016-03-31), P6 (2016-04-01), P8 = 5
    // (P2 ended 2017-03-01 and P4 2017-03-31: after it); within 3 months: P1, P3, P8 = 3 -> 60.0
    expect(figures(r.get(ID, '2017-02'))).toEqual({ numerator: 3, denominator: 5, value: 60 });
  });

  it('leap years: 29 Nov 2015 and 30 Nov 2015 + 3 months = 29 Feb 2016; 29 Feb 2016 + 3 months = 29 May 2016', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(
          PLANS,
          'L1,A,2015-11-29,29/02/2016', // + 3m = 2016-02-29 -> numerator (2015/16)
          'L2,B,2015-11-30,2016-03-01', // + 3m = 2016-02-29 (30 Feb clamps to 29) -> not (2015/16)
          'L3,C,2015-11-30 00:00:00,2016-02-29 00:00:00', // + 3m = 2016-02-29 -> numerator (2015/16)
          'L4,D,2016-02-29,2016-05-29', // + 3m = 2016-05-29 -> numerator (2016/17)
          'L5,E,2016-02-29,2016-05-30', // + 3m = 2016-05-29 -> not (2016/17)
        ),
      },
      ['2015/16', '2016/17'],
    );
    // 2015/16: L1, L2, L3 ended; L1, L3 within -> 2 / 3 = 66.7
    expect(figures(r.get(ID, '2015/16'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
    // 2016/17: L4, L5 ended; L4 within -> 1 / 2 = 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('plan IDs 007 and 7 are two plans; an explicit range', async () => {
    const r = await run(
      { 'ssd_cp_plans.csv': csv(PLANS, '007,A,2016-03-01,2016-05-31', '7,A,2016-01-01,2016-06-30', '70,B,2016-05-01,2016-07-01') },
      ['2016-04-01..2016-06-30'],
    );
    // ended in range: 007 (2016-03-01 + 3m = 2016-06-01 >= 2016-05-31 -> within), 7 (2016-01-01 + 3m = 2016-04-01 -> not)
    // 70 ended 2016-07-01, after the range. 1 / 2 = 50.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('zero denominator: no plan ending in the period gives no value and the reason', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2016-05-01,', 'P2,B,2015-05-01,2016-03-31'), 'population.csv': flatPopulation(10000) });
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
