/*
 * Golden tests for rereferrals_12m_pct: referrals in the period for a child who
 * had another referral P with P.date >= date - 12 months and P.date < date
 * (calendar months, date-fns subMonths), as a percentage of referrals in the
 * period. Expected figures were worked out by hand; the working is beside each.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'rereferrals_12m_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const REFERRALS = 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('rereferrals_12m_pct (golden)', () => {
  it('exactly 12 months before counts, 12 months and a day does not, later referrals do not', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(
        REFERRALS,
        // child A: 2016-06-15 - 12 months = 2015-06-15; previous on 2015-06-15 is >= it -> re-referral
        'A0,A,2015-06-15,2015-07-01,',
        'A1,A,2016-06-15,,',
        // child B: previous on 2015-06-14 < 2015-06-15 -> not a re-referral
        'B0,B,2015-06-14,2015-07-01,',
        'B1,B,2016-06-15,,',
        // child C: C1 is C's first referral (no earlier one); C2 has C1 91 days before -> re-referral;
        // C3 is after the period and makes nothing before it a re-referral
        'C1,C,2016-05-01,2016-06-01,',
        'C2,C,2016-08-01,2016-09-01,',
        'C3,C,2017-05-01,,',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // in FY 2016/17: A1, B1, C1, C2 = 4 (A0, B0 are before it, C3 after)
    // re-referrals: A1, C2 = 2; value = 100 * 2 / 4 = 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('two referrals of one child on the same day are not each other\'s previous referral', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(REFERRALS, 'D1,D,2016-07-01,,', 'D2,D,2016-07-01,,', 'E1,E,2016-08-01,,'),
    });
    // in period: D1, D2, E1 = 3; previous must be strictly earlier, so none is a re-referral -> 0 / 3 = 0.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 0, denominator: 3, value: 0 });
  });

  it('numeric-looking IDs are text: a referral of child 7 is not a re-referral of child 007', async () => {
    const r = await run({
      'ssd_person.csv': csv('pers_person_id,pers_dob', '007,2010-01-01', '7,2010-01-01'),
      'ssd_cin_episodes.csv': csv(REFERRALS, '001,007,2016-05-01,,', '1,7,2016-06-01,,', '01,7,2016-09-01,,'),
    });
    expect(r.quarantine).toEqual([]);
    // referral ids 001, 1, 01 are three referrals. Child 007: one referral (not a re-referral).
    // child 7: 2016-06-01 (first) and 2016-09-01 (previous 2016-06-01 >= 2015-09-01 -> re-referral)
    // 1 / 3 = 33.33... -> 33.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 3, value: 33.3 });
  });

  it('leap day: 29 Feb 2016 minus 12 months is 28 Feb 2015 (rolling 12 months 2016-03, mixed date formats)', async () => {
    const r = await run(
      {
        'ssd_cin_episodes.csv': csv(
          REFERRALS,
          // L: previous 28 Feb 2015 (SQL Server datetime) >= 28 Feb 2015 -> re-referral
          'L0,L,2015-02-28 00:00:00.000,,',
          'L1,L,29/02/2016,,',
          // M: previous 27 Feb 2015 < 28 Feb 2015 -> not
          'M0,M,27/02/2015,,',
          'M1,M,2016-02-29,,',
        ),
      },
      ['2016-03'],
    );
    // '2016-03' = 2015-04-01..2016-03-31: L1, M1 in (L0, M0 before it); re-referrals: L1 -> 1 / 2 = 50.0
    expect(figures(r.get(ID, '2016-03'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('an explicit range counts only the referrals dated in it, looking back 12 months from each', async () => {
    const r = await run(
      {
        'ssd_cin_episodes.csv': csv(
          REFERRALS,
          'N0,N,2015-12-01,,', // before the range
          'N1,N,2016-04-20,,', // in the range; previous 2015-12-01 >= 2015-04-20 -> re-referral
          'P1,P,2016-06-30,,', // in the range; no previous
          'P2,P,2016-07-01,,', // a day after the range
        ),
      },
      ['2016-04-01..2016-06-30'],
    );
    // in range: N1, P1 = 2; re-referrals: N1 = 1 -> 50.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('zero denominator: no referral in the period gives no value and the reason', async () => {
    const r = await run({ 'ssd_cin_episodes.csv': csv(REFERRALS, 'Q0,Q,2015-05-01,,', 'Q1,Q,2015-06-01,,'), 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing ssd_cin_episodes.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cin_episodes\.csv/);
  });
});
