/*
 * Golden tests for cpp_per_10k: distinct children with a CP plan open at
 * period end (start <= end, end date empty or after end: a plan ending on 31
 * March is not open at 31 March), per 10,000 children. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cpp_per_10k';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cpp_per_10k (golden)', () => {
  it('open at 31 March: ended 31 March is not open, ended 1 April is; a child with two open plans counts once', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(
        PLANS,
        'P1,A,2015-05-01,', // open -> A
        'P2,B,2016-01-10,2017-03-31', // ended on period end -> not open
        'P3,C,2016-01-10,01/04/2017', // ended the day after -> open -> C
        'P4,D,2017-03-31 11:00:00,', // started on period end -> open -> D
        'P5,E,2017-04-01,', // not started -> no
        'P6,F,2016-06-01,', // F's first open plan
        'P7,F,2016-09-01,', // F's second open plan: F once
      ),
      'population.csv': flatPopulation(3000),
    });
    expect(r.quarantine).toEqual([]);
    // children: A, C, D, F = 4; value = 10000 * 4 / 3000 = 13.33... -> 13.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 3000, value: 13.3 });
  });

  it('children 007 and 7 are two children', async () => {
    const r = await run({
      'ssd_person.csv': csv('pers_person_id,pers_dob', '007,2010-01-01', '7,2010-01-01'),
      'ssd_cp_plans.csv': csv(PLANS, 'P1,007,2016-05-01,', 'P2,7,2016-06-01,'),
      'population.csv': flatPopulation(10000),
    });
    expect(r.quarantine).toEqual([]);
    // 2 children -> 2.0 (were the ids numbers, one child -> 1.0)
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('an explicit range and rolling 12 months are judged at their own end', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(
          PLANS,
          'Q1,A,2016-05-01,2017-01-15', // open at 2016-06-30, 2016-12-31; not 2017-03-31
          'Q2,B,2017-01-02,', // open only at 2017-03-31
          'Q3,C,2016-02-01,2016-12-31', // open at 2016-06-30; ended on 2016-12-31 -> not open then
          'Q4,D,2016-07-01,', // open at 2016-12-31 and 2017-03-31
          'Q5,E,2016-06-30,2016-07-01', // open at 2016-06-30 only
        ),
        'population.csv': flatPopulation(10000),
      },
      ['2016-04-01..2016-06-30', '2016-12', '2016/17'],
    );
    // at 2016-06-30: A, C, E = 3 -> 3.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 3, denominator: 10000, value: 3 });
    // '2016-12' ends 2016-12-31: A, D = 2 -> 2.0
    expect(figures(r.get(ID, '2016-12'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
    // at 2017-03-31: B, D = 2 -> 2.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('zero denominator: a population of 0 gives no value and the reason', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2016-05-01,'), 'population.csv': flatPopulation(0) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/population is zero/);
  });

  it('a missing ssd_cp_plans.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cp_plans\.csv/);
  });
});
