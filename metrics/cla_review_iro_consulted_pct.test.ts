/*
 * Golden tests for cla_review_iro_consulted_pct: LAC reviews held in the
 * period (cancelled ones are not reviews) with clar_iro_consulted true, as a
 * percentage of reviews held in the period. An empty flag is unknown: in the
 * denominator, not the numerator. Without the column the indicator has no
 * data (null), never 0. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cla_review_iro_consulted_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const EPISODES = csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_id', 'E1,A,2015-01-05,C1', 'E2,B,2015-01-05,C2');
const REVIEWS = 'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled,clar_iro_consulted';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cla_review_iro_consulted_pct (golden)', () => {
  it('flags in any spelling; empty = unknown (denominator only); cancelled reviews are not reviews', async () => {
    const r = await run(
      {
        'ssd_cla_episodes.csv': EPISODES,
        'ssd_cla_reviews.csv': csv(
          REVIEWS,
          'W1,C1,01/04/2016,N,Y', // first day of 2016/17; consulted
          'W2,C1,2016-06-10,,y', // consulted
          'W3,C1,2016-07-10 09:00:00,,1', // consulted
          'W4,C2,2016-08-10,N,true', // consulted
          'W5,C2,2016-09-10,N,N', // not
          'W6,C2,2016-10-10,N,', // unknown: denominator only
          'W7,C1,2016-11-10,N,0', // not
          'W8,C1,2016-12-10,Y,Y', // cancelled: neither
          'W9,C2,2017-01-10,,Y', // cancelled flag empty = not cancelled; consulted
          'W10,C1,2016-03-31,N,Y', // 2015/16
          'W11,C1,2017-04-01,N,Y', // 2017/18
          'W12,C2,31/03/2017,N,FALSE', // last day; not
        ),
      },
      ['2016/17', '2016-09', '2016-04-01..2016-06-30'],
    );
    expect(r.quarantine).toEqual([]);
    // 2016/17 held: W1, W2, W3, W4, W5, W6, W7, W9, W12 = 9; consulted W1, W2, W3, W4, W9 = 5 -> 55.55... -> 55.6
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 5, denominator: 9, value: 55.6 });
    // '2016-09' = 2015-10-01..2016-09-30: W10, W1, W2, W3, W4, W5 = 6; consulted W10, W1, W2, W3, W4 = 5 -> 83.33... -> 83.3
    expect(figures(r.get(ID, '2016-09'))).toEqual({ numerator: 5, denominator: 6, value: 83.3 });
    // 2016-04-01..2016-06-30: W1, W2 = 2, both consulted -> 100.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 2, denominator: 2, value: 100 });
  });

  it('a column present but empty in every row is "no data", not 0.0 (indicators.md v2, "No data is not zero")', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(REVIEWS, 'W1,C1,2016-05-01,N,', 'W2,C1,2016-11-01,N,', 'W3,C2,2017-02-01,N,'),
    });
    // 3 reviews, the flag never filled in: the export did not carry it (was 0 / 3 = 0.0)
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: iro_consulted is empty in every row/);
  });

  it('one flag filled in is enough for a figure: the empty ones are unknown (denominator only)', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(REVIEWS, 'W1,C1,2016-05-01,N,N', 'W2,C1,2016-11-01,N,', 'W3,C2,2017-02-01,N,'),
    });
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 0, denominator: 3, value: 0 });
  });

  it('half up, exactly: 1 of 16 = 6.25 -> 6.3; review IDs 007 and 7 are two reviews', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(
        REVIEWS,
        // 14 reviews not consulted ...
        'W01,C1,2016-04-04,N,N',
        'W02,C1,2016-04-25,N,N',
        'W03,C1,2016-05-16,N,N',
        'W04,C1,2016-06-06,N,N',
        'W05,C1,2016-06-27,N,N',
        'W06,C1,2016-07-18,N,N',
        'W07,C1,2016-08-08,N,N',
        'W08,C1,2016-09-05,N,N',
        'W09,C1,2016-10-03,N,N',
        'W10,C1,2016-11-07,N,N',
        'W11,C1,2016-12-05,N,N',
        'W12,C1,2017-01-09,N,N',
        'W13,C1,2017-02-06,N,N',
        'W14,C1,2017-03-06,N,N',
        // ... and two whose IDs differ only by leading zeros: two reviews, not one (nor a clash)
        '007,C2,2016-06-06,N,Y',
        '7,C2,2016-07-07,N,N',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // 16 reviews, 1 consulted: 100 / 16 = 6.25 -> half up -> 6.3
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 16, value: 6.3 });
  });

  it('without the clar_iro_consulted column: no data (null) with a note, not 0', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv('clar_cla_review_id,clar_cla_id,clar_cla_review_date', 'W1,C1,2016-05-01'),
    });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*iro_consulted/);
  });

  it('zero denominator: no review held in the period (only cancelled ones) gives no value and the reason', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': EPISODES,
      'ssd_cla_reviews.csv': csv(REVIEWS, 'W1,C1,2016-03-01,N,Y', 'W2,C1,2016-09-01,Y,Y'),
      'population.csv': flatPopulation(10000),
    });
    // W1 is in 2015/16, W2 was cancelled -> 0 reviews
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
