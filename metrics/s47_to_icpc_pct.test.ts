/*
 * Golden tests for s47_to_icpc_pct (DfE's ratio): ICPCs held in the period
 * (transfer-ins excluded, linked or not) as a percentage of s47 enquiries
 * started in the period. Two counts of the same period, not a follow-through,
 * so it can exceed 100. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 's47_to_icpc_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const S47 = 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date';
const ICPC = 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('s47_to_icpc_pct (golden)', () => {
  it('ICPCs held in the year over enquiries started in the year', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(
        S47,
        'S0,Z,2016-03-20', // previous year
        'S1,A,2016-05-02',
        'S2,B,2016-12-23',
        'S3,C,2017-03-30', // its ICPC is in the next year
        'S4,D,2016-10-10', // no ICPC
      ),
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I0,Z,2016-04-05,S0,N', // held in the year (its s47 started the year before) -> in
        'I1,A,2016-05-23,S1,N', // in
        'I2,B,2017-01-16,S2,', // in
        'I3,B,2017-01-16,,Y', // transfer-in -> out
        'I4,C,2017-04-10,S3,N', // next year -> out
        'I5,E,2016-11-11,,N', // no s47 link: still an ICPC held in the year -> in
      ),
    });
    expect(r.quarantine).toEqual([]);
    // numerator: I0, I1, I2, I5 = 4; denominator: S1, S2, S3, S4 = 4; 100 * 4 / 4 = 100.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 4, value: 100 });
  });

  it('can exceed 100% and rounds half up', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-05-02', 'S2,B,2016-06-02', 'S3,C,2016-07-02', 'S4,D,2016-08-02', 'S5,E,2016-09-02', 'S6,F,2016-10-02', 'S7,G,2016-11-02', 'S8,H,2016-12-02'),
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I1,A,2016-05-23,S1,N',
        'I2,A,2016-05-24,,N', // a second conference for A (no link): still an ICPC held
        'I3,B,2016-06-20,S2,N',
        'I4,C,2016-07-20,S3,N',
        'I5,D,2016-08-22,S4,N',
        'I6,E,2016-09-22,S5,N',
        'I7,F,2016-10-24,S6,N',
        'I8,G,2016-11-22,S7,N',
        'I9,H,2016-12-22,S8,N',
        'I10,H,2016-12-23,S8,Y', // transfer-in: not counted
      ),
    });
    // ICPCs I1..I9 = 9 (I10 is a transfer-in); enquiries S1..S8 = 8: 100 * 9 / 8 = 112.5 exactly
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 9, denominator: 8, value: 112.5 });
  });

  it('rolling 12 months and an explicit range', async () => {
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-05-02', 'S2,B,2016-06-20', 'S3,C,2016-08-01'),
        'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-05-23,S1,', 'I2,B,2016-07-11,S2,', 'I3,C,2016-08-22,S3,', 'I4,C,2016-06-01,,True'),
      },
      ['2016-04-01..2016-06-30', '2016-08'],
    );
    // 2016-04-01..2016-06-30: ICPCs I1 (I4 is a transfer-in) = 1; enquiries S1, S2 = 2 -> 50.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
    // '2016-08' = 2015-09-01..2016-08-31: ICPCs I1, I2, I3 = 3; enquiries 3 -> 100.0
    expect(figures(r.get(ID, '2016-08'))).toEqual({ numerator: 3, denominator: 3, value: 100 });
  });

  it('zero denominator: ICPCs but no enquiry started in the period gives no value and the reason', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-03-01'),
      'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-04-05,S1,N'),
      'population.csv': flatPopulation(10000),
    });
    const res = r.get(ID, '2016/17');
    // numerator 1 (I1 held 5 April 2016), denominator 0 -> null
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing input file is "no data", not 0', async () => {
    const noS47 = await run({ 'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-05-05,,N') });
    expect(figures(noS47.get(ID, '2016/17'))).toEqual({ numerator: null, denominator: null, value: null });
    expect(noS47.get(ID, '2016/17').notes.join(' ')).toMatch(/^no data: .*ssd_s47_enquiry\.csv/);
    const noIcpc = await run({ 'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-05-02') });
    expect(figures(noIcpc.get(ID, '2016/17'))).toEqual({ numerator: null, denominator: null, value: null });
    expect(noIcpc.get(ID, '2016/17').notes.join(' ')).toMatch(/^no data: .*ssd_initial_cp_conference\.csv/);
  });
});
