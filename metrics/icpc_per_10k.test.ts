/*
 * Golden tests for icpc_per_10k: initial child protection conferences held in
 * the period (transfer-in conferences are not ICPCs), per 10,000 children.
 * Hand-worked figures, working beside each expectation.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'icpc_per_10k';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const ICPC = 'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('icpc_per_10k (golden)', () => {
  it('counts conferences held in the year; transfer-in conferences in any flag spelling are left out', async () => {
    const r = await run({
      'ssd_initial_cp_conference.csv': csv(
        ICPC,
        'I1,A,2016-03-31,,N', // before FY 2016/17 -> out
        'I2,A,01/04/2016,,N', // first day -> in
        'I3,B,2016-07-01 10:00:00,,', // transfer-in unknown -> an ICPC -> in
        'I4,C,2016-08-01,,0', // '0' -> in
        'I5,D,2016-09-01,,false', // 'false' -> in
        'I6,E,2016-10-01,,Y', // transfer-in -> out
        'I7,F,2016-11-01,,y', // transfer-in -> out
        'I8,G,2016-12-01,,1', // transfer-in -> out
        'I9,H,2017-01-01,,TRUE', // transfer-in -> out
        'I10,J,31/03/2017,,N', // last day -> in
        'I11,J,2017-04-01,,N', // next year -> out
      ),
      'population.csv': flatPopulation(3000),
    });
    expect(r.quarantine).toEqual([]);
    // I2, I3, I4, I5, I10 = 5; value = 10000 * 5 / 3000 = 16.66... -> 16.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 5, denominator: 3000, value: 16.7 });
  });

  it('conference IDs 007 and 7 are two conferences', async () => {
    const r = await run({
      'ssd_initial_cp_conference.csv': csv(ICPC, '007,A,2016-05-01,,', '7,B,2016-05-02,,'),
      'population.csv': flatPopulation(10000),
    });
    expect(r.quarantine).toEqual([]);
    // 2 -> 2.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('rolling 12 months and an explicit range', async () => {
    const r = await run(
      {
        'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-03-31,,', 'I2,B,2016-04-01,,', 'I3,C,2016-06-30,,', 'I4,D,2016-07-01,,', 'I5,E,2017-03-01,,Y'),
        'population.csv': flatPopulation(3000),
      },
      ['2017-03', '2016-04-01..2016-06-30'],
    );
    // '2017-03' = 2016-04-01..2017-03-31: I2, I3, I4 (I5 is a transfer-in) = 3 -> 10000 * 3 / 3000 = 10.0
    expect(figures(r.get(ID, '2017-03'))).toEqual({ numerator: 3, denominator: 3000, value: 10 });
    // 2016-04-01..2016-06-30: I2, I3 = 2 -> 6.66... -> 6.7
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 2, denominator: 3000, value: 6.7 });
  });

  it('zero denominator: a population of 0 gives no value and the reason', async () => {
    const r = await run({ 'ssd_initial_cp_conference.csv': csv(ICPC, 'I1,A,2016-05-01,,'), 'population.csv': flatPopulation(0) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/population is zero/);
  });

  it('a missing ssd_initial_cp_conference.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_initial_cp_conference\.csv/);
  });
});
