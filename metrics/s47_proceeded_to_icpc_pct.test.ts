/*
 * Golden tests for s47_proceeded_to_icpc_pct: s47 enquiries started in the
 * period that have a linked ICPC (via icpc_s47_enquiry_id only, of any date,
 * transfer-ins never count), as a percentage of enquiries started in the
 * period. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 's47_proceeded_to_icpc_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const S47 = 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date';
const ICPC = 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('s47_proceeded_to_icpc_pct (golden)', () => {
  it('links by s47 id only, any ICPC date; transfer-ins do not make an enquiry "proceeded"', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(
        S47,
        'S0,Z,2016-03-20', // started the year before -> not in the denominator
        'S1,A,2016-05-02', // ICPC in the year -> proceeded
        'S2,B,2017-03-30', // ICPC in the next year -> still proceeded
        'S3,C,2016-07-04', // only a transfer-in conference -> not proceeded
        'S4,D,2016-08-01', // no ICPC -> not
        'S5,E,2016-09-05', // linked ICPC dated before the enquiry -> "any date": proceeded
        'S6,F,2016-10-03', // two linked ICPCs -> proceeded, counted once
      ),
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I0,Z,2016-04-05,S0,N',
        'I1,A,2016-05-23,S1,N',
        'I2,B,2017-04-10,S2,',
        'I3,C,2016-07-20,S3,Y',
        'I4,D,2016-08-15,,N', // same child as S4 but no s47 id: no fallback by person/date
        'I5,E,2016-09-01,S5,N',
        'I6,F,2016-10-17,S6,N',
        'I7,F,2016-10-18,S6,N',
        'I8,G,2016-11-01,S99,N', // unknown s47 id: links to nothing
      ),
    });
    expect(r.quarantine).toEqual([]);
    // denominator: S1..S6 = 6; numerator: S1, S2, S5, S6 = 4; 100 * 4 / 6 = 66.66... -> 66.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 6, value: 66.7 });
  });

  it('s47 ids 007 and 7 are different enquiries', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, '007,A,2016-05-02', '7,B,2016-06-01'),
      'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,B,2016-06-20,7,N'),
    });
    // only enquiry '7' has an ICPC: 1 / 2 = 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('rolling 12 months and an explicit range', async () => {
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-03-30', 'S2,B,2016-04-01', 'S3,C,2016-06-30', 'S4,D,2016-07-01'),
        'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-04-15,S1,', 'I2,C,2016-07-20,S3,', 'I3,D,2016-07-25,S4,'),
      },
      ['2016-06', '2016-04-01..2016-06-30'],
    );
    // '2016-06' = 2015-07-01..2016-06-30: S1, S2, S3 = 3; proceeded S1, S3 = 2 -> 66.7
    expect(figures(r.get(ID, '2016-06'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
    // 2016-04-01..2016-06-30: S2, S3 = 2; proceeded S3 (its ICPC is after the range: any date) = 1 -> 50.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('zero denominator: no enquiry started in the period gives no value and the reason', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2015-06-01'),
      'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-04-20,S1,N'),
      'population.csv': flatPopulation(10000),
    });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('no ICPC file, or an ICPC file without icpc_s47_enquiry_id, is "no data", not 0', async () => {
    const noIcpc = await run({ 'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-05-02') });
    expect(figures(noIcpc.get(ID, '2016/17'))).toEqual({ numerator: null, denominator: null, value: null });
    expect(noIcpc.get(ID, '2016/17').notes.join(' ')).toMatch(/^no data: .*ssd_initial_cp_conference\.csv/);
    const noLink = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-05-02'),
      'ssd_initial_cp_conference.csv': csv('icpc_icpc_id,icpc_person_id,icpc_icpc_date', 'I1,A,2016-05-20'),
    });
    expect(figures(noLink.get(ID, '2016/17'))).toEqual({ numerator: null, denominator: null, value: null });
    expect(noLink.get(ID, '2016/17').notes.join(' ')).toMatch(/^no data: .*s47_id/);
  });
});
