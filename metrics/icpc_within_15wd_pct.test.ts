/*
 * Golden tests for icpc_within_15wd_pct: ICPCs held in the period whose linked
 * s47 (icpc_s47_enquiry_id) started on or before the ICPC and whose working-day
 * duration is <= 15, over all ICPCs held in the period (transfer-ins excluded).
 * Duration from a to b = the working days d with a < d <= b (Mon-Fri less
 * England and Wales bank holidays; same day = 0). Every duration below was
 * counted by hand, day by day, with the calendar month laid out beside it.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'icpc_within_15wd_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const S47 = 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date';
const ICPC = 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('icpc_within_15wd_pct (golden)', () => {
  it('s47 starting at a weekend: working day 15 is in, 16 is out', async () => {
    // June 2016: Sat 4, Sun 5; Mon 6 .. Fri 10; Mon 13 .. Fri 17; Mon 20 .. Fri 24; Sat 25; Mon 27. No bank holidays.
    // From Sat 4 (or Sun 5): 6=1 7=2 8=3 9=4 10=5 13=6 14=7 15=8 16=9 17=10 20=11 21=12 22=13 23=14 24=15 27=16
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-06-04', 'S2,B,2016-06-04', 'S3,C,2016-06-05', 'S4,D,2016-06-04'),
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I1,A,2016-06-24,S1,N', // Sat 4 -> Fri 24 = 15 -> in
        'I2,B,2016-06-27,S2,N', // Sat 4 -> Mon 27 = 16 -> out
        'I3,C,2016-06-24,S3,N', // Sun 5 -> Fri 24 = 15 -> in
        'I4,D,2016-06-25,S4,N', // Sat 4 -> Sat 25: Sat 25 is not a working day, still 15 -> in
      ),
    });
    expect(r.quarantine).toEqual([]);
    // 3 of 4 -> 75.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 4, value: 75 });
  });

  it('Easter 2016 (Good Friday 25 March, Easter Monday 28 March) inside the 15 working days', async () => {
    // From Thu 17 Mar 2016: Fri 18=1, Mon 21=2, 22=3, 23=4, Thu 24=5, [Fri 25 GF, Sat, Sun, Mon 28 EM],
    // Tue 29=6, 30=7, 31=8, Fri 1 Apr=9, Mon 4=10, 5=11, 6=12, 7=13, Fri 8=14, Mon 11=15, Tue 12=16.
    // From Good Friday 25 Mar itself: Tue 29=1, 30=2, 31=3, Apr 1=4, 4..8=5..9, 11..15=10..14, Mon 18=15.
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-03-17', 'S2,B,2016-03-17', 'S3,C,2016-03-25'),
        'ssd_initial_cp_conference.csv': csv(
          ICPC,
          'I1,A,2016-04-11,S1,N', // 15 -> in (17 without the two holidays)
          'I2,B,2016-04-12,S2,N', // 16 -> out
          'I3,C,2016-04-18,S3,N', // 15 -> in
        ),
      },
      ['2016/17', '2016-04-01..2016-06-30'],
    );
    // all three ICPCs held in April 2016 (the s47s started in 2015/16: only the ICPC date places them)
    // 2 of 3 = 66.66... -> 66.7, in the financial year and in the explicit range alike
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
  });

  it('Christmas 2016 (Boxing Day 26 Dec, substitute Christmas Day 27 Dec, substitute New Year 2 Jan 2017)', async () => {
    // From Fri 16 Dec 2016: Mon 19=1, 20=2, 21=3, 22=4, Fri 23=5, [Mon 26, Tue 27 holidays], Wed 28=6, 29=7, Fri 30=8,
    // [Mon 2 Jan holiday], Tue 3=9, 4=10, 5=11, Fri 6=12, Mon 9=13, 10=14, Wed 11=15, Thu 12=16.
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-12-16', 'S2,B,2016-12-16'),
      'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2017-01-11,S1,N', 'I2,B,2017-01-12,S2,N'),
    });
    // I1 = 15 -> in; I2 = 16 -> out: 1 of 2 = 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('the 2012 diamond jubilee (spring bank holiday moved to Mon 4 June, jubilee Tue 5 June)', async () => {
    // From Fri 25 May 2012: Mon 28 May=1 (an ordinary working day in 2012), 29=2, 30=3, 31=4, Fri 1 Jun=5,
    // [Mon 4, Tue 5 holidays], Wed 6=6, 7=7, Fri 8=8, Mon 11=9, 12=10, 13=11, 14=12, Fri 15=13, Mon 18=14, Tue 19=15, Wed 20=16.
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2012-05-25', 'S2,B,2012-05-25'),
        'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2012-06-19,S1,N', 'I2,B,2012-06-20,S2,N'),
      },
      ['2012/13'],
    );
    // I1 = 15 -> in; I2 = 16 -> out: 1 of 2 = 50.0
    expect(figures(r.get(ID, '2012/13'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('same day, ICPC before its s47, no s47 id, unknown s47 id: denominator only; transfer-ins nowhere', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-06-06', 'S2,B,2016-06-10', 'S3,C,2016-06-01'),
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I1,A,2016-06-06,S1,N', // same day as its s47: 0 working days -> in
        'I2,B,2016-06-08,S2,N', // dated 2 days before its s47 -> denominator only
        'I3,C,2016-06-08,,N', // no s47 id (C does have S3 started 1 June: no fallback by person) -> denominator only
        'I4,D,2016-06-08,S404,N', // s47 id not in the extract -> denominator only
        'I5,A,2016-06-07,S1,Y', // transfer-in: not an ICPC at all
      ),
    });
    expect(r.quarantine).toEqual([]);
    // ICPCs: I1, I2, I3, I4 = 4; within 15: I1 = 1 -> 25.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 4, value: 25 });
  });

  it('s47 ids 007 and 7 are different enquiries', async () => {
    // Thu 1 Sep 2016 -> Mon 5 Sep: Fri 2=1, Mon 5=2 -> in. Wed 1 Jun 2016 -> 5 Sep: far more than 15 -> out.
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, '007,A,2016-06-01', '7,B,2016-09-01'),
      'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,B,2016-09-05,7,N', 'I2,A,2016-09-05,007,N'),
    });
    // I1 -> s47 '7' (2 days) in; I2 -> s47 '007' (June) out: 1 of 2 = 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('the three date formats give the same days', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,04/06/2016', 'S2,B,2016-06-04 00:00:00'),
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I1,A,2016-06-24 09:30:00.000,S1,N', // Sat 4 Jun -> Fri 24 Jun = 15 (see the weekend case) -> in
        'I2,B,27/06/2016,S2,N', // Sat 4 Jun -> Mon 27 Jun = 16 -> out
      ),
    });
    expect(r.quarantine).toEqual([]);
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('rolling 12 months (2017-01) against the financial year', async () => {
    // Mon 30 Jan 2017 -> Wed 1 Feb 2017: Tue 31=1, Wed 1=2 -> in
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-03-17', 'S2,B,2016-03-17', 'S3,C,2016-12-16', 'S4,D,2016-12-16', 'S5,E,2017-01-30'),
        'ssd_initial_cp_conference.csv': csv(
          ICPC,
          'I1,A,2016-04-11,S1,N', // Easter: 15 -> in
          'I2,B,2016-04-12,S2,N', // Easter: 16 -> out
          'I3,C,2017-01-11,S3,N', // Christmas: 15 -> in
          'I4,D,2017-01-12,S4,N', // Christmas: 16 -> out
          'I5,E,2017-02-01,S5,N', // 2 -> in
        ),
      },
      ['2017-01', '2016/17'],
    );
    // '2017-01' = 2016-02-01..2017-01-31: I1..I4 = 4; in: I1, I3 = 2 -> 50.0
    expect(figures(r.get(ID, '2017-01'))).toEqual({ numerator: 2, denominator: 4, value: 50 });
    // 2016/17: I1..I5 = 5; in: I1, I3, I5 = 3 -> 60.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 5, value: 60 });
  });

  it('an s47 start before the calendar (2000) cannot be timed: no value, and the reason', async () => {
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,1999-12-20'),
        'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2000-01-05,S1,N'),
      },
      ['1999/00'],
    );
    const res = r.get(ID, '1999/00');
    // 1 ICPC in the denominator, not timed: the figure is withheld rather than guessed
    expect(res.denominator).toBe(1);
    expect(res.value).toBeNull();
    expect(res.notes.join(' ')).toMatch(/outside the working-day calendar/);
  });

  it('zero denominator: no ICPC held in the period gives no value and the reason', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-03-01', 'S2,B,2016-06-01'),
      'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-03-15,S1,N', 'I2,B,2016-06-15,S2,Y'),
      'population.csv': flatPopulation(10000),
    });
    // I1 is in 2015/16, I2 is a transfer-in: nothing held in 2016/17
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing s47 file, or ICPCs without icpc_s47_enquiry_id, is "no data", not 0', async () => {
    const noS47 = await run({ 'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-06-06,S1,N') });
    expect(figures(noS47.get(ID, '2016/17'))).toEqual({ numerator: null, denominator: null, value: null });
    expect(noS47.get(ID, '2016/17').notes.join(' ')).toMatch(/^no data: .*ssd_s47_enquiry\.csv/);
    const noLink = await run({
      'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-06-06'),
      'ssd_initial_cp_conference.csv': csv('icpc_icpc_id,icpc_person_id,icpc_icpc_date', 'I1,A,2016-06-06'),
    });
    expect(figures(noLink.get(ID, '2016/17'))).toEqual({ numerator: null, denominator: null, value: null });
    expect(noLink.get(ID, '2016/17').notes.join(' ')).toMatch(/^no data: .*s47_id/);
  });
});
