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

/*
 * indicators.md v2, "Reviews before the data": a plan that began before the
 * review table's coverage start (rc) has its first review within coverage due
 * on the earliest of its recorded due date, start + 3 months if on or after
 * rc, and rc + 6 months; each later one 6 months after the one before.
 */
describe('cpp_reviews_in_time_pct: reviews before the data (v2)', () => {
  const REV = 'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date,cppr_cp_review_due';

  it('a single CIN census year: a plan from before the year, reviewed on time within it, is on time (1/1)', async () => {
    const CIN = (plans: string) => `<?xml version="1.0" encoding="utf-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2017</Year><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails>
<Source><SourceLevel>L</SourceLevel><LEA>359</LEA></Source></Header>
<Children><Child><ChildIdentifiers><LAchildID>A</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
<CINdetails><CINreferralDate>2015-09-01</CINreferralDate><ReferralNFA>false</ReferralNFA>${plans}</CINdetails></Child></Children></Message>`;
    // Plan from 2015-10-01; the return covers from 2016-04-01 (rc). Its review of 2016-01-01 is not in the year's
    // data. due_1 = earliest of start + 3 months (2016-01-01, before rc: not judged) and rc + 6 months = 2016-10-01:
    // held 2016-07-01; due_2 = 2017-01-01, held 2016-12-20; due_3 2017-06-20 > end -> on time.
    // Was 0/1: due_1 2016-01-01, the review held 2016-07-01 late.
    const r = await computeInline(
      {
        'cin/cin_2016_17.xml': CIN(
          '<ChildProtectionPlans><CPPstartDate>2015-10-01</CPPstartDate><Reviews><CPPreviewDate>2016-07-01</CPPreviewDate><CPPreviewDate>2016-12-20</CPPreviewDate></Reviews></ChildProtectionPlans>',
        ),
      },
      ['2016/17'],
      { indicators: [ID], extractDate: '2017-04-10', ssdYears: 6 },
    );
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 1, value: 100 });
  });

  it('month ends and a leap day: rc 2015-08-31 + 6 months = 2016-02-29 (held then on time, 1 Mar late)', async () => {
    // Extract 2021-08-31, 6 years: rc = 2015-08-31 (plan X and its review of 2010 are earlier). Period
    // 2015-09-01..2016-08-31. PA, PB from 2015-06-30 (before rc): start + 3 months = 2015-09-30 is within coverage
    // and earlier than rc + 6 months, so due_1 = 2015-09-30. PC, PD from 2015-01-15 (+ 3 months is before rc):
    // due_1 = rc + 6 months = 2016-02-29: PC held 2016-02-29 on time, due_2 = 2016-08-29 held 2016-08-29;
    // PD held 2016-03-01, late. PA held 2015-09-30 on time, due_2 = 2016-03-30 held 2016-03-30; PB held 2015-10-01 late.
    const r = await computeInline(
      {
        'ssd_cp_plans.csv': csv(PLANS, 'PX,X,2010-01-04,2010-06-01', 'PA,A,2015-06-30,', 'PB,B,2015-06-30,', 'PC,C,2015-01-15,', 'PD,D,2015-01-15,'),
        'ssd_cp_reviews.csv': csv(
          REV,
          'RX,PX,2010-04-01,',
          'RA1,PA,2015-09-30,',
          'RA2,PA,2016-03-30,',
          'RB1,PB,2015-10-01,',
          'RB2,PB,2016-03-30,',
          'RC1,PC,2016-02-29,',
          'RC2,PC,2016-08-29,',
          'RD1,PD,2016-03-01,',
          'RD2,PD,2016-08-29,',
        ),
      },
      ['2015-09-01..2016-08-31'],
      { indicators: [ID], extractDate: '2021-08-31', ssdYears: 6 },
    );
    expect(figures(r.get(ID, '2015-09-01..2016-08-31'))).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('the recorded due date counts when it is the earliest', async () => {
    // As above, rc 2015-08-31: PE from 2015-01-15 with its first review's recorded due date 2015-12-01 (before rc + 6
    // months): held 2016-01-10 -> late. PF the same, held 2015-11-20 -> on time (due_2 2016-05-20, held 2016-05-20).
    const r = await computeInline(
      {
        'ssd_cp_plans.csv': csv(PLANS, 'PX,X,2010-01-04,2010-06-01', 'PE,E,2015-01-15,', 'PF,F,2015-01-15,'),
        'ssd_cp_reviews.csv': csv(REV, 'RX,PX,2010-04-01,', 'RE1,PE,2016-01-10,2015-12-01', 'RE2,PE,2016-05-20,', 'RF1,PF,2015-11-20,2015-12-01', 'RF2,PF,2016-05-20,'),
      },
      ['2015-09-01..2016-08-31'],
      { indicators: [ID], extractDate: '2021-08-31', ssdYears: 6 },
    );
    expect(figures(r.get(ID, '2015-09-01..2016-08-31'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });
});
