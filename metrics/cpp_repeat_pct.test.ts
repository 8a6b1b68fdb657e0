/*
 * Golden tests for cpp_repeat_pct: CP plans starting in the period for a child
 * who has any plan with a strictly earlier start date anywhere in the data (or,
 * from a CIN census, NumberOfPreviousCPP of 1 or more), as a percentage of
 * plans starting in the period. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cpp_repeat_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const PLANS = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cpp_repeat_pct (golden)', () => {
  it('any earlier plan, however long ago or still open; same-day plans and later plans do not make a repeat', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(
          PLANS,
          'A0,A,2010-03-01,2010-09-01',
          'A1,A,2016-06-01,', // earlier plan in 2010 -> repeat
          'B1,B,2016-07-01,', // first plan -> not
          'C1,C,2016-05-01,', // C1 and C2 start the same day, nothing earlier -> neither is a repeat
          'C2,C,2016-05-01,',
          'D1,D,2016-04-10,2016-08-10', // D's first -> not
          'D2,D,2016-11-10,', // D1 started earlier -> repeat
          'E0,E,2015-01-01,', // earlier plan with no end date
          'E1,E,2016-09-01,', // E0 started earlier -> repeat
          'F1,F,2016-12-01,2017-02-01', // F's only earlier-or-same plan is itself -> not
          'F2,F,2017-05-01,', // after the period; does not make F1 a repeat
        ),
      },
      ['2016/17', '2016-06'],
    );
    expect(r.quarantine).toEqual([]);
    // 2016/17 starts: A1, B1, C1, C2, D1, D2, E1, F1 = 8; repeats: A1, D2, E1 = 3; 100 * 3 / 8 = 37.5
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 8, value: 37.5 });
    // '2016-06' = 2015-07-01..2016-06-30 starts: A1 (2016-06-01), C1, C2 (2016-05-01), D1 (2016-04-10) = 4
    // (E0 started 2015-01-01, before the window); repeats: A1 = 1 -> 25.0
    expect(figures(r.get(ID, '2016-06'))).toEqual({ numerator: 1, denominator: 4, value: 25 });
  });

  it('two plans starting the same day after an earlier plan are both repeats', async () => {
    const r = await run({
      'ssd_cp_plans.csv': csv(PLANS, 'G0,G,2014-02-01,2014-09-01', 'G1,G,2016-10-03,', 'G2,G,2016-10-03,'),
    });
    // G1, G2 both have G0 earlier: 2 / 2 = 100.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 2, value: 100 });
  });

  it('children 007 and 7 are two children: 7\'s first plan is not a repeat of 007\'s', async () => {
    const r = await run({
      'ssd_person.csv': csv('pers_person_id,pers_dob', '007,2010-01-01', '7,2010-01-01'),
      'ssd_cp_plans.csv': csv(PLANS, 'H0,007,2015-01-05,2015-06-05', 'H1,7,2016-05-05,'),
    });
    expect(r.quarantine).toEqual([]);
    // starts in 2016/17: H1 = 1; repeats 0 -> 0.0 (a value, not null)
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('an explicit range, dates in DfE and SQL Server formats', async () => {
    const r = await run(
      {
        'ssd_cp_plans.csv': csv(PLANS, 'J0,J,15/01/2016,15/03/2016', 'J1,J,30/06/2016,', 'K1,K,2016-04-01 08:00:00,', 'L1,L,2016-07-01,'),
      },
      ['2016-04-01..2016-06-30'],
    );
    // starts in range: J1, K1 = 2 (L1 is the day after); repeat: J1 (J0 earlier) -> 50.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('zero denominator: no plan starting in the period gives no value and the reason', async () => {
    const r = await run({ 'ssd_cp_plans.csv': csv(PLANS, 'P1,A,2015-05-01,', 'P2,A,2017-04-01,'), 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a CIN census plan with NumberOfPreviousCPP of 1 or more is a repeat though the earlier plan is not in the data (extract.md v2)', async () => {
    const plan = (start: string, previous: string) =>
      `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>${previous}</ChildProtectionPlans>`;
    const child = (id: string, ...plans: string[]) =>
      `<Child><ChildIdentifiers><LAchildID>${id}</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate></ChildIdentifiers><CINdetails><CINreferralDate>2016-04-05</CINreferralDate><ReferralNFA>false</ReferralNFA>${plans.join('')}</CINdetails></Child>`;
    const census = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2017</Year><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails></Header><Children>',
      child('M', plan('2016-05-01', '<NumberOfPreviousCPP>10</NumberOfPreviousCPP>')), // earlier plans not in this census -> repeat
      child('N', plan('2016-06-01', '<NumberOfPreviousCPP>1</NumberOfPreviousCPP>')), // -> repeat
      child('O', plan('2016-07-01', '<NumberOfPreviousCPP>0</NumberOfPreviousCPP>')), // first plan -> not
      child('Q', plan('2016-08-01', '')), // not given, nothing earlier -> not
      child('R', plan('2016-04-20', '<NumberOfPreviousCPP>0</NumberOfPreviousCPP>'), plan('2016-10-01', '<NumberOfPreviousCPP>0</NumberOfPreviousCPP>')), // R's second: earlier plan in the data -> repeat
      '</Children></Message>',
    ].join('\n');
    const r = await computeInline({ 'cin.xml': census, 'population.csv': flatPopulation(10000) }, ['2016/17'], { indicators: [ID], extractDate: '2017-04-10' });
    expect(r.quarantine).toEqual([]);
    // starts: M, N, O, Q, R1, R2 = 6; repeats: M, N (NumberOfPreviousCPP), R2 (earlier plan) = 3 -> 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 6, value: 50 });
  });

  it('a missing ssd_cp_plans.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cp_plans\.csv/);
  });
});
