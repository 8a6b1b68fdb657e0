/*
 * Golden tests for cla_review_sw_attended_pct: LAC reviews held in the period
 * (cancelled ones are not reviews) with clar_sw_attended true, as a percentage
 * of reviews held in the period. An empty flag is unknown: in the denominator,
 * not the numerator. Without the column the indicator has no data (null),
 * never 0. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cla_review_sw_attended_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const EPISODES = csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date', 'E1,A,2015-01-05', 'E2,B,2015-01-05');
// reviews found by child (clar_cla_person_id), the other way the SSD allows
const REVIEWS = 'clar_cla_review_id,clar_cla_person_id,clar_cla_review_date,clar_cla_review_cancelled,clar_sw_attended';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cla_review_sw_attended_pct (golden)', () => {
  it('flags in any spelling; empty = unknown (denominator only); cancelled reviews are not reviews', async () => {
    const r = await run(
      {
        'ssd_cla_episodes.csv': EPISODES,
        'ssd_cla_reviews.csv': csv(
          REVIEWS,
          'X1,A,2016-04-01,N,Y', // attended
          'X2,A,15/05/2016,N,True', // attended
          'X3,B,2016-06-15,N,n', // not
          'X4,B,2016-07-15 11:00:00,N,', // unknown: denominator only
          'X5,A,2016-08-15,N,TRUE', // attended
          'X6,B,2016-09-15,true,Y', // cancelled: neither
          'X7,A,2016-10-15,0,Y', // cancelled '0' = not cancelled; attended
          'X8,B,2017-03-31,N,N', // last day; not
          'X9,A,2017-04-01,N,Y', // 2017/18
        ),
      },
      ['2016/17', '2017-03', '2016-04-01..2016-06-30'],
    );
    expect(r.quarantine).toEqual([]);
    // 2016/17 held: X1, X2, X3, X4, X5, X7, X8 = 7; attended X1, X2, X5, X7 = 4 -> 57.142... -> 57.1
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 7, value: 57.1 });
    // '2017-03' = 2016-04-01..2017-03-31, the same days -> 57.1
    expect(figures(r.get(ID, '2017-03'))).toEqual({ numerator: 4, denominator: 7, value: 57.1 });
    // 2016-04-01..2016-06-30: X1, X2, X3 = 3; attended X1, X2 = 2 -> 66.66... -> 66.7
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
  });

  it('an empty flag is unknown (denominator only); reviews of children 007 and 7 are both counted', async () => {
    const r = await run({
      'ssd_person.csv': csv('pers_person_id,pers_dob', '007,2010-01-01', '7,2010-01-01'),
      'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date', 'E1,007,2015-01-05', 'E2,7,2015-01-05'),
      'ssd_cla_reviews.csv': csv(REVIEWS, 'X1,007,2016-05-01,N,N', 'X2,7,2016-05-01,N,'),
    });
    expect(r.quarantine).toEqual([]);
    // 2 reviews (different children, same day), one not attended, one unknown -> 0 / 2 = 0.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 0, denominator: 2, value: 0 });
  });

  it('a column present but empty in every row is "no data", not 0.0 (indicators.md v2)', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(REVIEWS, 'X1,A,2016-05-01,N,', 'X2,B,2016-05-01,N,'),
    });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: sw_attended is empty in every row/);
  });

  it('without the clar_sw_attended column: no data (null) with a note, not 0', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv('clar_cla_review_id,clar_cla_person_id,clar_cla_review_date,clar_iro_consulted', 'X1,A,2016-05-01,Y'),
    });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*sw_attended/);
  });

  it('zero denominator: no review held in the period gives no value and the reason', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(REVIEWS, 'X1,A,2017-04-01,N,Y', 'X2,B,2016-09-01,Y,Y'),
      'population.csv': flatPopulation(10000),
    });
    // X1 is in 2017/18, X2 was cancelled -> 0 reviews
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing ssd_cla_reviews.csv is "no data", not 0', async () => {
    const r = await run({ 'ssd_cla_episodes.csv': EPISODES });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cla_reviews\.csv/);
  });
});
