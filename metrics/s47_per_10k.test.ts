/*
 * Golden tests for s47_per_10k: section 47 enquiries started in the period,
 * per 10,000 children. Hand-worked figures, working beside each expectation.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 's47_per_10k';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const S47 = 's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('s47_per_10k (golden)', () => {
  it('counts enquiries started in the year: weekends count, both ends inclusive, three date formats', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(
        S47,
        'S1,A,2016-03-31', // day before FY 2016/17 -> out
        'S2,A,01/04/2016', // first day -> in
        'S3,B,2016-06-04 00:00:00', // Saturday -> in
        'S4,C,05/06/2016', // Sunday -> in
        'S5,D,2017-03-31 17:45:00.123', // last day -> in
        'S6,D,2017-04-01', // next year -> out
      ),
      'population.csv': flatPopulation(3000),
    });
    expect(r.quarantine).toEqual([]);
    // S2, S3, S4, S5 = 4; value = 10000 * 4 / 3000 = 13.33... -> 13.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 3000, value: 13.3 });
  });

  it('enquiry IDs 007 and 7 are two enquiries; an exact copy of a row is loaded once', async () => {
    const r = await run({
      'ssd_s47_enquiry.csv': csv(S47, '007,A,2016-05-01', '7,A,2016-06-01', '7,A,2016-06-01'),
      'population.csv': flatPopulation(10000),
    });
    // 007 and 7 differ as text (as numbers they would clash and both be rejected); the third row copies the second
    expect(r.quarantine).toHaveLength(1);
    expect(r.quarantine[0]!.reason).toMatch(/exact copy/);
    // 2 enquiries -> 10000 * 2 / 10000 = 2.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('rolling 12 months and an explicit range', async () => {
    const r = await run(
      {
        'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-01-31', 'S2,A,2016-02-01', 'S3,B,2016-06-30', 'S4,C,2016-07-01', 'S5,D,2017-01-31', 'S6,E,2017-02-01'),
        'population.csv': flatPopulation(3000),
      },
      ['2017-01', '2016-04-01..2016-06-30'],
    );
    // '2017-01' = 2016-02-01..2017-01-31: S2, S3, S4, S5 = 4 -> 10000 * 4 / 3000 = 13.3
    expect(figures(r.get(ID, '2017-01'))).toEqual({ numerator: 4, denominator: 3000, value: 13.3 });
    // 2016-04-01..2016-06-30: S3 = 1 -> 10000 / 3000 = 3.33... -> 3.3
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 3000, value: 3.3 });
  });

  it('zero denominator: a population of 0 gives no value and the reason', async () => {
    const r = await run({ 'ssd_s47_enquiry.csv': csv(S47, 'S1,A,2016-05-01'), 'population.csv': flatPopulation(0) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/population is zero/);
  });

  it('a missing ssd_s47_enquiry.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_s47_enquiry\.csv/);
  });
});
