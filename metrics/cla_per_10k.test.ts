/*
 * Golden tests for cla_per_10k: distinct children with a care episode open at
 * period end (start <= end, ceased empty or after end), short breaks (legal
 * status V3 or V4, from the episode or else from ssd_legal_status.csv in force
 * at the episode's start) left out, per 10,000 children. Hand-worked figures.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cla_per_10k';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const EPISODES = 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status';
const LEGAL = 'lega_person_id,lega_legal_status,lega_legal_status_start_date,lega_legal_status_end_date';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cla_per_10k (golden)', () => {
  it('open at period end, each child once, short breaks V3/V4 left out', async () => {
    const r = await run(
      {
        'ssd_cla_episodes.csv': csv(
          EPISODES,
          'E1,A,2016-01-01,,CA,C2', // open -> A
          'E2,B,2015-05-01,2017-03-31,CB,C2', // ceased on 31 Mar 2017: not looked after at 2017-03-31; is at 2016-12-31
          'E3,C,2016-06-01,01/04/2017,CC,C2', // ceased the day after -> C
          'E4,D,2016-02-01,2016-09-01,CD,C1', // D: two episodes of one period of care; the second is open -> D once
          'E5,D,2016-09-01,,CD,C2',
          'E6,E,2017-03-01,,CE,V3', // short break -> not counted
          'E7,F,2016-12-01,,CF,v4', // short break (any case) -> not counted
          'E8,G,2017-03-31 10:00:00,,CG,E1', // started on period end -> G
          'E9,H,2016-06-01,2017-01-10,CH,C2', // looked after at 2016-12-31, not at 2017-03-31
          'E10,J,2016-06-01,,CJ,C2', // J has two open episodes (overlap) -> once
          'E11,J,2016-07-01,,CJ,C2',
        ),
        'population.csv': flatPopulation(3000),
      },
      ['2016/17', '2016-12'],
    );
    expect(r.quarantine).toEqual([]);
    // at 2017-03-31: A, C, D, G, J = 5 -> 10000 * 5 / 3000 = 16.66... -> 16.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 5, denominator: 3000, value: 16.7 });
    // '2016-12' ends 2016-12-31: A, B, C, D, H, J = 6 (F is a short break; E, G not yet started) -> 20.0
    expect(figures(r.get(ID, '2016-12'))).toEqual({ numerator: 6, denominator: 3000, value: 20 });
  });

  it('a legal status taken from ssd_legal_status.csv where the episode has none', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': csv(
        EPISODES,
        'E1,H,2016-06-01,,CH,', // no status on the episode; the file says V3 from 2016-05-20 -> short break
        'E2,I,2016-06-01,,CI,', // the file says C2 -> counted
        'E3,J,2016-06-01,,CJ,', // V4 ended 2016-03-01; C2 from 2016-06-01 in force at the start -> counted
        'E4,K,2016-06-01,,CK,C2', // the episode's own status wins over the file's V3 -> counted
        'E5,L,2016-06-01,,CL,', // no status anywhere -> counted
      ),
      'ssd_legal_status.csv': csv(
        LEGAL,
        'H,V3,2016-05-20,',
        'I,C2,2016-06-01,',
        'J,V4,2016-01-01,2016-03-01',
        'J,C2,2016-06-01,',
        'K,V3,2016-06-01,',
      ),
      'population.csv': flatPopulation(10000),
    });
    expect(r.quarantine).toEqual([]);
    // I, J, K, L = 4 -> 4.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 10000, value: 4 });
  });

  it('legal status only in ssd_legal_status.csv (no clae_cla_legal_status column)', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': csv('clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date', 'E1,M,2016-06-01', 'E2,N,2016-06-01'),
      'ssd_legal_status.csv': csv(LEGAL, 'M,V3,2016-06-01,', 'N,E1,2016-06-01,'),
      'population.csv': flatPopulation(10000),
    });
    // M is on short breaks -> out; N counted -> 1.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 10000, value: 1 });
  });

  it('children 007 and 7 are two children', async () => {
    const r = await run({
      'ssd_person.csv': csv('pers_person_id,pers_dob', '007,2010-01-01', '7,2010-01-01'),
      'ssd_cla_episodes.csv': csv(EPISODES, 'E1,007,2016-05-01,,C007,C2', 'E2,7,2016-06-01,,C7,C2'),
      'population.csv': flatPopulation(10000),
    });
    expect(r.quarantine).toEqual([]);
    // 2 -> 2.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 10000, value: 2 });
  });

  it('an explicit range', async () => {
    const r = await run(
      {
        'ssd_cla_episodes.csv': csv(EPISODES, 'E1,A,2016-06-30,,CA,C2', 'E2,B,2016-07-01,,CB,C2', 'E3,C,2016-01-01,2016-06-30,CC,C2'),
        'population.csv': flatPopulation(3000),
      },
      ['2016-04-01..2016-06-30'],
    );
    // at 2016-06-30: A (started that day) = 1; B not started; C ceased that day -> 10000 / 3000 = 3.3
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 3000, value: 3.3 });
  });

  it('zero denominator: a population of 0 gives no value and the reason', async () => {
    const r = await run({ 'ssd_cla_episodes.csv': csv(EPISODES, 'E1,A,2016-05-01,,CA,C2'), 'population.csv': flatPopulation(0) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/population is zero/);
  });

  it('a missing ssd_cla_episodes.csv is "no data", not 0', async () => {
    const r = await run({ 'population.csv': flatPopulation(10000) });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cla_episodes\.csv/);
  });
});
