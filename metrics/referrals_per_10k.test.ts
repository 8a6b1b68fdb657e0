/*
 * Golden tests for referrals_per_10k: referrals (CIN episodes) with a referral
 * date in the period, per 10,000 children (the ONS estimate for the calendar
 * year containing the period's midpoint). Every expected figure below was
 * worked out by hand from the rows shown; the working is in the comments.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'referrals_per_10k';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const REFERRALS = 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('referrals_per_10k (golden)', () => {
  it('counts referrals dated in the financial year, both ends inclusive, in all three date formats', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(
        REFERRALS,
        'R1,A,2016-03-31,,', // 31 Mar 2016: the day before FY 2016/17 -> out
        'R2,A,01/04/2016,,', // DfE DD/MM/YYYY, 1 Apr 2016: first day -> in
        'R3,B,2016-09-14 10:15:00,,', // SQL Server datetime, time ignored -> in
        'R4,C,2017-03-31 23:59:59.997,,', // last day, late in the evening -> in
        'R5,C,01/04/2017,,', // 1 Apr 2017: the next financial year -> out
      ),
      'population.csv': flatPopulation(7000),
    });
    expect(r.quarantine).toEqual([]);
    // numerator: R2, R3, R4 = 3; value = 10000 * 3 / 7000 = 4.2857... -> 4.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 7000, value: 4.3 });
    expect(r.get(ID, '2016/17').notes).toEqual([]);
  });

  it('keeps numeric-looking IDs as text: 007 and 7 are different children, 07 is nobody', async () => {
    const r = await run({
      'ssd_person.csv': csv('pers_person_id,pers_dob', '007,2010-01-01', '7,2011-01-01'),
      'ssd_cin_episodes.csv': csv(
        REFERRALS,
        'R1,007,2016-05-01,,', // child 007 -> in
        'R2,7,2016-06-01,,', // child 7 (a different child) -> in
        'R3,07,2016-07-01,,', // child 07 is not in ssd_person.csv -> quarantined
      ),
      'population.csv': flatPopulation(10000),
    });
    expect(r.quarantine).toHaveLength(1);
    expect(r.quarantine[0]).toMatchObject({ column: 'cine_person_id', value: '07' });
    // numerator: R1, R2 = 2; value = 10000 * 2 / 10000 = 2.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('rolling 12 months and an explicit range, each with the population of the year containing its midpoint', async () => {
    const r = await run(
      {
        'ssd_cin_episodes.csv': csv(
          REFERRALS,
          'R1,A,2015-06-30,,',
          'R2,B,2015-07-01,,',
          'R3,C,2016-03-31,,',
          'R4,D,2016-04-01,,',
          'R5,E,2016-06-30,,',
          'R6,F,2016-07-01,,',
        ),
        'population.csv': csv('year,population', '2015,8000', '2016,5000'),
      },
      ['2016-06', '2016-04-01..2016-06-30', '2016/17'],
    );
    // '2016-06' = 2015-07-01..2016-06-30: R2, R3, R4, R5 = 4 (R1 is a day early, R6 a day late).
    // Midpoint 2015-07-01 + floor(365/2) = 182 days = 2015-12-30 -> mid-2015 estimate 8000.
    // value = 10000 * 4 / 8000 = 5.0
    expect(figures(r.get(ID, '2016-06'))).toEqual({ numerator: 4, denominator: 8000, value: 5 });
    // 2016-04-01..2016-06-30: R4, R5 = 2. Midpoint 2016-04-01 + floor(90/2) = 2016-05-16 -> 5000.
    // value = 10000 * 2 / 5000 = 4.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 2, denominator: 5000, value: 4 });
    // 2016/17: R4, R5, R6 = 3, mid-2016 = 5000; value = 10000 * 3 / 5000 = 6.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 5000, value: 6 });
  });

  it('rounds half up exactly: 10000 * 3 / 200000 = 0.15 -> 0.2 (a binary float of 0.15 is just below it)', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(REFERRALS, 'R1,A,2016-05-01,,', 'R2,B,2016-06-01,,', 'R3,C,2016-07-01,,'),
      'population.csv': flatPopulation(200000),
    });
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 200000, value: 0.2 });
  });

  it('uses the latest earlier population estimate and says so', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(REFERRALS, 'R1,A,2016-05-01,,'),
      'population.csv': csv('year,population', '2013,9000', '2014,4000'),
    });
    // 2016/17 wants mid-2016; latest earlier is mid-2014 = 4000. value = 10000 * 1 / 4000 = 2.5
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: 4000, value: 2.5 });
    expect(res.notes.join(' ')).toMatch(/mid-2016.*mid-2014/);
  });

  it('zero denominator: a population of 0 gives no value and the reason', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(REFERRALS, 'R1,A,2016-05-01,,'),
      'population.csv': flatPopulation(0),
    });
    const res = r.get(ID, '2016/17');
    // numerator 1, denominator (population) 0 -> value null
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/population is zero/);
  });

  it('no population estimate at all: no value, with the reason', async () => {
    const r = await run({ 'ssd_cin_episodes.csv': csv(REFERRALS, 'R1,A,2016-05-01,,') });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/no population estimate/);
  });

  it('a missing ssd_cin_episodes.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cin_episodes\.csv/);
  });
});
