/*
 * Golden tests for cla_review_care_plan_current_pct: LAC reviews held in the
 * period (cancelled ones are not reviews) with clar_care_plan_current true, as
 * a percentage of reviews held in the period. An empty flag is unknown: in the
 * denominator, not the numerator. Without the column the indicator has no
 * data (null), never 0. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cla_review_care_plan_current_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const EPISODES = csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_id', 'E1,A,2015-01-05,C1', 'E2,B,2015-01-05,C2');
const REVIEWS = 'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled,clar_care_plan_current';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cla_review_care_plan_current_pct (golden)', () => {
  it('flags in any spelling; empty = unknown (denominator only); cancelled reviews are not reviews', async () => {
    const r = await run(
      {
        'ssd_cla_episodes.csv': EPISODES,
        'ssd_cla_reviews.csv': csv(
          REVIEWS,
          'Y8,C2,2016-03-31,N,Y', // 2015/16; current
          'Y1,C1,20/04/2016,N,Y', // current
          'Y4,C2,2016-05-01,N,', // unknown: denominator only
          'Y2,C1,2016-10-20,Y,Y', // cancelled: neither
          'Y3,C1,2016-10-27,N,N', // not current (the rearranged review)
          'Y5,C2,2016-11-01 00:00:00.000,N,1', // current
          'Y7,C1,2017-03-31,N,false', // last day; not current
          'Y6,C2,2017-05-01,N,Y', // 2017/18
        ),
      },
      ['2016/17', '2016-06', '2016-04-01..2016-06-30'],
    );
    expect(r.quarantine).toEqual([]);
    // 2016/17 held: Y1, Y4, Y3, Y5, Y7 = 5; current Y1, Y5 = 2 -> 40.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 5, value: 40 });
    // '2016-06' = 2015-07-01..2016-06-30: Y8, Y1, Y4 = 3; current Y8, Y1 = 2 -> 66.66... -> 66.7
    expect(figures(r.get(ID, '2016-06'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
    // 2016-04-01..2016-06-30: Y1, Y4 = 2; current Y1 -> 50.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('a column present but empty in every row is "no data", not 0.0 (indicators.md v2, "No data is not zero")', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(REVIEWS, 'Y1,C1,2016-05-01,,', 'Y2,C2,2016-08-01,,', 'Y3,C2,2017-01-01,,', 'Y4,C1,2016-11-01,,'),
    });
    // 4 reviews, none cancelled, the plan flag never filled in (was 0 / 4 = 0.0)
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: care_plan_current is empty in every row/);
  });

  it('review IDs 007 and 7 are two reviews; periods of care 007 and 7 are two periods', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_id', 'E1,A,2015-01-05,007', 'E2,B,2015-01-05,7'),
      'ssd_cla_reviews.csv': csv(REVIEWS, '007,007,2016-05-01,N,Y', '7,7,2016-05-01,N,N', '07,7,2016-11-01,N,Y'),
    });
    expect(r.quarantine).toEqual([]);
    // 3 reviews; current: 007, 07 = 2 -> 66.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
  });

  it('without the clar_care_plan_current column: no data (null) with a note, not 0', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv('clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_sw_attended', 'Y1,C1,2016-05-01,Y'),
    });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*care_plan_current/);
  });

  it('zero denominator: no review held in the period gives no value and the reason', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      // held in 2015/16 only: the table has records, none in the period
      'ssd_cla_reviews.csv': csv(REVIEWS, 'Y0,C1,2015-06-01,N,Y'),
      'population.csv': flatPopulation(10000),
    });
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
