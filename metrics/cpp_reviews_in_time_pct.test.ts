/*
 * Golden tests for cpp_reviews_in_time_pct. Walk each open plan's reviews in
 * date order: due_1 = plan start + 3 months; due_i = review_(i-1) + 6 months
 * (the review actually held). A plan is late for a period when some review fell
 * due on or before period end, was not held on or before its due date, and was
 * still outstanding at period start (held on/after the start, or never).
 * Denominator: distinct children with a plan open at period end whose due_1 is
 * on or before period end; numerator: those with no such plan late.
 * Every due date below was walked by hand (calendar months, clamped to month end).
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cpp_reviews_in_time_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';
const REVIEWS = 'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cpp_reviews_in_time_pct (golden)', () => {
  it('month ends: 30 Nov + 3 months = 28 Feb (held 28 Feb on time, 1 Mar late); 31 Aug + 6 months = 28 Feb', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(PLANS, 'PA,A,2016-11-30,', 'PB,B,2016-11-30,', 'PC,C,2016-05-31,', 'PD,D,2016-05-31,'),
      'ssd_cp_reviews.csv': csv(
        REVIEWS,
        // A: due_1 = 2016-11-30 + 3m = 2017-02-28; held 2017-02-28 -> on time; due_2 = 2017-08-28 > end
        'RA1,PA,2017-02-28',
        // B: due_1 = 2017-02-28; held 2017-03-01 -> late
        'RB1,PB,2017-03-01',
        // C: due_1 = 2016-05-31 + 3m = 2016-08-31, held 2016-08-31 on time; due_2 = 2016-08-31 + 6m = 2017-02-28,
        //    held 2017-02-28 on time; due_3 = 2017-08-28 > end -> on time
        'RC1,PC,2016-08-31',
        'RC2,PC,2017-02-28',
        // D: as C, but the second review held 2017-03-01 > 2017-02-28 -> late
        'RD1,PD,2016-08-31',
        'RD2,PD,01/03/2017',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // children A, B, C, D = 4; on time A, C = 2 -> 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('a late review is late where it was outstanding: due in period held after it; overdue before and held in it; held late before it began', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(PLANS, 'PE,E,2016-10-15,', 'PF,F,2015-12-01,', 'PG,G,2015-10-01,', 'PH,H,2015-06-01,'),
        'ssd_cp_reviews.csv': csv(
          REVIEWS,
          // E: due_1 = 2017-01-15 (in 2016/17), held 2017-04-20, after period end -> late
          'RE1,PE,2017-04-20',
          // F: due_1 = 2016-03-01 (before 2016/17), held 2016-04-10 (in it) -> late;
          //    due_2 = 2016-10-10, held 2016-10-01 on time (F is late anyway)
          'RF1,PF,2016-04-10',
          'RF2,PF,2016-10-01',
          // G: due_1 = 2016-01-01, held 2016-01-20: late, but before 2016/17 began -> not late for 2016/17;
          //    due_2 = 2016-07-20, held 2016-07-15 on time; due_3 = 2017-01-15, held 2017-01-10 on time;
          //    due_4 = 2017-07-10 > end -> on time
          'RG1,PG,2016-01-20',
          'RG2,PG,2016-07-15',
          'RG3,PG,2017-01-10',
          // H: due_1 = 2015-09-01, never reviewed -> outstanding at period start -> late
        ),
      },
      ['2016/17', '2015/16', '2016-12', '2016-04-01..2016-06-30'],
    );
    // 2016/17: E (due 2017-01-15 <= end), F, G, H = 4; on time: G = 1 -> 25.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 4, value: 25 });
    // 2015/16 (end 2016-03-31): E not started. F: due_1 2016-03-01, held 2016-04-10 after end -> late.
    // G: due_1 2016-01-01 held 2016-01-20 (in 2015/16) -> late. H: late. 0 / 3 = 0.0
    expect(figures(r.get(ID, '2015/16'))).toEqual({ numerator: 0, denominator: 3, value: 0 });
    // '2016-12' = 2016-01-01..2016-12-31: E's due_1 2017-01-15 > end -> not in the denominator.
    // F late (held 2016-04-10 >= 2016-01-01); G late (RG1 2016-01-20 >= 2016-01-01, > due); H late. 0 / 3 = 0.0
    expect(figures(r.get(ID, '2016-12'))).toEqual({ numerator: 0, denominator: 3, value: 0 });
    // 2016-04-01..2016-06-30: E not started. F late (RF1 2016-04-10 >= range start). G: RG1 held before the range;
    // due_2 2016-07-20 > 2016-06-30 -> on time. H late. 1 / 3 = 33.33... -> 33.3
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 3, value: 33.3 });
  });

  it('who is in the denominator: first review due by period end, plan open at period end, each child once', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(
        PLANS,
        'PI,I,2017-01-01,', // due_1 = 2017-04-01 > 2017-03-31 -> not yet due: not in the denominator
        'PJ,J,2016-12-31,', // due_1 = 2017-03-31 <= end -> in; never reviewed -> late
        'PK,K,2016-01-01,2017-03-31', // ended on 31 March: not open -> not in the denominator (though never reviewed)
        'PL1,L,2016-04-01,', // L has two open plans: PL1 on time, PL2 late -> L is late, counted once
        'PL2,L,2016-06-01,',
        'PM1,M,2016-04-01,', // M has two open plans, both on time -> on time, counted once
        'PM2,M,2016-10-01,',
      ),
      'ssd_cp_reviews.csv': csv(
        REVIEWS,
        // PL1: due_1 2016-07-01 held 2016-07-01; due_2 2017-01-01 held 2016-12-20; due_3 2017-06-20 > end -> on time
        'RL1,PL1,2016-07-01',
        'RL2,PL1,2016-12-20',
        // PL2: due_1 2016-09-01, held 2016-09-15 -> late
        'RL3,PL2,2016-09-15',
        // PM1: as PL1 -> on time
        'RM1,PM1,2016-07-01',
        'RM2,PM1,2016-12-20',
        // PM2: due_1 2017-01-01, held 2016-12-30 -> on time; due_2 2017-06-30 > end
        'RM3,PM2,2016-12-30',
      ),
    });
    // children J, L, M = 3; on time M = 1 -> 33.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 3, value: 33.3 });
  });

  it('leap day: 29 Feb 2016 + 3 months = 29 May 2016; 29 Aug 2016 + 6 months = 28 Feb 2017', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(PLANS, 'PO,O,2016-02-29,', 'PQ,Q,29/02/2016,', 'PR,R,2015-11-29,', 'PS,S,2015-11-29,'),
      'ssd_cp_reviews.csv': csv(
        REVIEWS,
        // O: due_1 2016-05-29 held 2016-05-29 (a Sunday: calendar months, not working days) on time;
        //    due_2 2016-11-29 held 2016-11-28; due_3 2017-05-28 > end -> on time
        'RO1,PO,2016-05-29',
        'RO2,PO,2016-11-28',
        // Q: due_1 2016-05-29, held 2016-05-30 -> late
        'RQ1,PQ,2016-05-30 14:00:00',
        // R: due_1 = 2015-11-29 + 3m = 2016-02-29 held 2016-02-29; due_2 = 2016-08-29 held 2016-08-29;
        //    due_3 = 2016-08-29 + 6m = 2017-02-28 (no 29 Feb in 2017) held 2017-02-28 -> on time
        'RR1,PR,2016-02-29',
        'RR2,PR,2016-08-29',
        'RR3,PR,2017-02-28',
        // S: as R but the third review held 2017-03-01 > 2017-02-28 -> late
        'RS1,PS,2016-02-29',
        'RS2,PS,2016-08-29',
        'RS3,PS,2017-03-01',
      ),
    });
    // O, Q, R, S = 4; on time O, R = 2 -> 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('plan IDs 007 and 7 are different plans: a review of plan 7 does not review plan 007', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(PLANS, '007,A,2016-06-01,', '7,B,2016-06-01,'),
      'ssd_cp_reviews.csv': csv(
        REVIEWS,
        // plan 7: due_1 2016-09-01 held 2016-09-01; due_2 2017-03-01 held 2017-02-20; due_3 2017-08-20 -> on time
        'V1,7,2016-09-01',
        'V2,7,2017-02-20',
        // plan 007: due_1 2016-09-01, never reviewed -> late
      ),
    });
    // 1 of 2 = 50.0 (were the ids numbers, both plans would share the reviews: 100.0)
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('zero denominator: no first review due by period end gives no value and the reason', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2017-01-01,', 'P2,B,2016-05-01,2016-12-01'),
      'ssd_cp_reviews.csv': csv(REVIEWS, 'R1,P2,2016-08-01'),
      'population.csv': flatPopulation(10000),
    });
    // P1: due_1 2017-04-01 > 2017-03-31; P2 not open at period end -> nobody
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing ssd_cp_reviews.csv is "no data", not 0 (nor 100% late)', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2016-05-01,') });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cp_reviews\.csv/);
  });
});
