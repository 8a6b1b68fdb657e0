/*
 * Golden tests for cpp_repeat_2y_pct: CP plans starting in the period where the
 * child's most recent earlier plan (latest start strictly before this start)
 * ended on or after start - 2 years (calendar years, date-fns subYears); an
 * earlier plan with no end date counts as ending at the new start. Of several
 * earlier plans sharing that latest start, the latest end counts (an empty end
 * = the new start). Denominator: plans starting in the period. Hand-worked.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cpp_repeat_2y_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cpp_repeat_2y_pct (golden)', () => {
  it('exactly two years apart counts, two years and a day does not; an open earlier plan counts', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(
        PLANS,
        // 2016-06-15 - 2 years = 2014-06-15
        'A0,A,2013-01-01,2014-06-15', // ended 2014-06-15 >= 2014-06-15 -> A1 counts
        'A1,A,2016-06-15,',
        'B0,B,2013-01-01,2014-06-14', // ended 2014-06-14 < 2014-06-15 -> B1 does not
        'B1,B,2016-06-15,',
        'C0,C,2015-01-01,', // no end date: treated as ending 2016-09-01 -> C1 counts
        'C1,C,2016-09-01,',
        'D1,D,2016-05-01,', // first plan -> not
        'E1,E,2016-07-01,', // E1 and E2 start the same day with nothing earlier -> neither
        'E2,E,2016-07-01,',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // starts: A1, B1, C1, D1, E1, E2 = 6; counted: A1, C1 = 2; 100 * 2 / 6 = 33.33... -> 33.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 6, value: 33.3 });
  });

  it('leap day: 29 Feb 2016 minus 2 years is 28 Feb 2014', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(
          PLANS,
          'F0,F,2012-01-01,28/02/2014', // ended 2014-02-28 >= 2014-02-28 -> F1 counts
          'F1,F,29/02/2016,',
          'G0,G,2012-01-01,2014-02-27 00:00:00', // ended 2014-02-27 < 2014-02-28 -> G1 does not
          'G1,G,2016-02-29,',
        ),
      },
      ['2015/16'],
    );
    // starts in 2015/16: F1, G1 = 2; counted F1 -> 50.0
    expect(figures(r.get(ID, '2015/16'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('the most recent earlier plan decides; of plans sharing its start, the latest end (empty = the new start)', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(
        PLANS,
        // H: the most recent earlier plan by start date is H1 (2011), ended 2012-01-01 < 2014-06-01 -> H2 does not
        // count, although the older-starting H0 ended only a month before H2 (interpretations.md's reading)
        'H0,H,2010-01-01,2016-05-01',
        'H1,H,2011-01-01,2012-01-01',
        'H2,H,2016-06-01,',
        // J: J0a and J0b share the latest earlier start; latest end 2015-01-01 >= 2014-06-01 -> J1 counts
        'J0a,J,2012-01-01,2013-01-01',
        'J0b,J,2012-01-01,2015-01-01',
        'J1,J,2016-06-01,',
        // K: K0a has no end (= 2016-06-01), K0b ended 2013-01-01 -> latest end 2016-06-01 -> K1 counts
        'K0a,K,2012-01-01,',
        'K0b,K,2012-01-01,2013-01-01',
        'K1,K,2016-06-01,',
      ),
    });
    // starts in 2016/17: H2, J1, K1 = 3; counted J1, K1 = 2 -> 66.66... -> 66.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
  });

  it('children 007 and 7 are two children', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(PLANS, 'M0,007,2015-01-05,2016-01-05', 'M1,7,2016-05-05,', 'M2,007,2016-06-06,'),
    });
    // M1 (child 7): no earlier plan of 7 -> not; M2 (child 007): M0 ended 2016-01-05 >= 2014-06-06 -> counts
    // 1 / 2 = 50.0 (were 7 and 007 one child, both would count: 100.0)
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('rolling 12 months and an explicit range', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(PLANS, 'N0,N,2014-01-01,2014-12-31', 'N1,N,2016-12-31,', 'Q0,Q,2013-01-01,2014-03-01', 'Q1,Q,2016-06-30,', 'R1,R,2017-01-01,'),
      },
      ['2016-12', '2016-04-01..2016-06-30'],
    );
    // '2016-12' = 2016-01-01..2016-12-31: N1, Q1 = 2 (R1 is the day after).
    //   N1: 2016-12-31 - 2y = 2014-12-31; N0 ended 2014-12-31 -> counts.
    //   Q1: 2016-06-30 - 2y = 2014-06-30; Q0 ended 2014-03-01 -> not. 1 / 2 = 50.0
    expect(figures(r.get(ID, '2016-12'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
    // range: Q1 only -> 0 / 1 = 0.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('zero denominator: no plan starting in the period gives no value and the reason', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2015-05-01,2015-09-01'), 'population.csv': flatPopulation(10000) });
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
