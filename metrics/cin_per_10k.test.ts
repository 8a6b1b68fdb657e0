/*
 * Golden tests for cin_per_10k: referral records open at period end
 * (referral date <= end, close date empty or after end) that are not NFA (an
 * empty NFA flag is not NFA), per 10,000 children. DfE counts episodes, so a
 * child with two open referrals counts twice. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cin_per_10k';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const REFERRALS = 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cin_per_10k (golden)', () => {
  it('open at 31 March, not NFA: closing on 31 March is not open, NFA flags in any spelling', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(
        REFERRALS,
        'R1,A,2016-05-01,,N', // open, not NFA -> counts
        'R2,B,2016-05-01,2017-03-31,N', // closed on period end -> not open
        'R3,C,2016-05-01,01/04/2017,N', // closed the day after -> open, counts
        'R4,D,2016-05-01,,Y', // NFA -> no
        'R5,E,2016-05-01,,', // NFA unknown = not NFA -> counts
        'R6,F,2017-04-01,,N', // not yet referred at period end -> no
        'R7,G,2016-05-01,,1', // NFA '1' -> no
        'R8,H,2016-05-01,,false', // NFA 'false' -> counts
        'R9,J,2015-10-01 09:00:00,,n', // open since before the period, 'n' -> counts
        'R10,J,2017-03-31,,', // J's second open referral (starts on period end) -> counts again (episodes)
      ),
      'population.csv': flatPopulation(7000),
    });
    expect(r.quarantine).toEqual([]);
    // numerator: R1, R3, R5, R8, R9, R10 = 6; value = 10000 * 6 / 7000 = 8.571... -> 8.6
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 6, denominator: 7000, value: 8.6 });
  });

  it('rolling 12 months and an explicit range judge "open" at their own end', async () => {
    const r = await run(
      {
        'ssd_cin_episodes.csv': csv(
          REFERRALS,
          'R1,A,2016-05-01,2017-01-15,', // open at 2016-06-30 and 2016-12-31, closed by 2017-03-31
          'R2,B,2016-07-01,,', // open at 2016-12-31 and 2017-03-31, not yet at 2016-06-30
          'R3,C,2016-06-30,2016-06-30,', // closed on 2016-06-30 -> never open at any of the ends
          'R4,D,2017-01-02,,', // open only at 2017-03-31
        ),
        'population.csv': flatPopulation(10000),
      },
      ['2016-04-01..2016-06-30', '2016-12', '2016/17'],
    );
    // at 2016-06-30: R1 = 1 -> 1.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 10000, value: 1 });
    // '2016-12' ends 2016-12-31: R1, R2 = 2 -> 2.0
    expect(figures(r.get(ID, '2016-12'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
    // at 2017-03-31: R2, R4 = 2 -> 2.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('numeric-looking IDs are text: referrals 007 and 7 are two records', async () => {
    const r = await run({
      'ssd_cin_episodes.csv': csv(REFERRALS, '007,007,2016-05-01,2017-06-01,', '7,7,2016-05-01,,'),
      'population.csv': flatPopulation(10000),
    });
    // two distinct referral ids (were they numbers, they would be one id with different content and both rejected)
    expect(r.quarantine).toEqual([]);
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('zero denominator: a population of 0 gives no value and the reason', async () => {
    const r = await run({ 'ssd_cin_episodes.csv': csv(REFERRALS, 'R1,A,2016-05-01,2017-06-01,'), 'population.csv': flatPopulation(0) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/population is zero/);
  });

  it('a missing ssd_cin_episodes.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cin_episodes\.csv/);
  });
});
