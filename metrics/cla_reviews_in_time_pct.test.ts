/*
 * Golden tests for cla_reviews_in_time_pct (reg. 33): per period of care with
 * an episode open at period end, walk its reviews (cancelled ones are not
 * reviews) in date order: due_1 = the 20th working day after the period of
 * care started (working days d with start < d <= due_1: Mon-Fri less England
 * and Wales bank holidays), due_2 = review_1 + 3 months, due_i = review_(i-1)
 * + 6 months. Late/on-time and the denominator as for CP reviews, with the
 * period of care in place of the plan. A period of care is the episodes sharing
 * clae_cla_id (start = the earliest), or without it an unbroken run of a
 * child's episodes; short breaks (V3/V4) neither start nor extend one.
 * Every 20th working day below was counted by hand, day by day.
 */
import { describe, it, expect } from 'vitest';
import { computeInline, flatPopulation } from '../test-support/compute-inline.ts';
import type { IndicatorResult } from './types.ts';

const ID = 'cla_reviews_in_time_pct';
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const figures = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
const EPISODES = 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status';
const REVIEWS = 'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled';

async function run(files: Record<string, string>, periods: string[] = ['2016/17']) {
  return computeInline(files, periods, { indicators: [ID] });
}

describe('cla_reviews_in_time_pct (golden)', () => {
  it('first review 20 working days after the start, then 3 months, then 6 months (ordinary weeks and a weekend start)', async () => {
    // From Wed 1 Jun 2016: Jun 2=1, 3=2, 6..10=3..7, 13..17=8..12, 20..24=13..17, 27=18, 28=19, Wed 29=20 -> due_1 2016-06-29
    // From Sat 4 Jun 2016: 6..10=1..5, 13..17=6..10, 20..24=11..15, 27..30=16..19, Fri 1 Jul=20 -> due_1 2016-07-01
    const r = await run({
      'ssd_cla_episodes.csv': csv(EPISODES, 'E1,A,2016-06-01,,CA,C2', 'E2,B,2016-06-01,,CB,C2', 'E3,G,2016-06-04,,CG,C2'),
      'ssd_cla_reviews.csv': csv(
        REVIEWS,
        // A: held 2016-06-29 = due_1 on time; due_2 = 2016-09-29 held 2016-09-29; due_3 = 2017-03-29 held 2017-03-29;
        //    due_4 = 2017-09-29 > end -> on time
        'RA1,CA,2016-06-29,N',
        'RA2,CA,2016-09-29,N',
        'RA3,CA,2017-03-29,N',
        // B: first review held 2016-06-30, a day after due_1 2016-06-29 -> late
        'RB1,CB,2016-06-30,N',
        'RB2,CB,2016-09-30,N',
        'RB3,CB,2017-03-30,N',
        // G: due_1 2016-07-01 held 2016-07-01; due_2 2016-10-01 held 2016-09-30; due_3 2017-03-30 held 2017-03-30 -> on time
        'RG1,CG,2016-07-01,',
        'RG2,CG,2016-09-30,',
        'RG3,CG,2017-03-30,',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // A, B, G = 3; on time A, G = 2 -> 66.66... -> 66.7
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 3, value: 66.7 });
  });

  it('bank holidays inside the 20 working days: Easter 2016 and Christmas 2016', async () => {
    // From Thu 17 Mar 2016: Fri 18=1, 21..24=2..5, [Fri 25 Good Friday, Mon 28 Easter Monday], 29..31=6..8, Fri 1 Apr=9,
    //   4..8=10..14, 11..15=15..19, Mon 18 Apr=20 -> due_1 2016-04-18
    // From Fri 16 Dec 2016: 19..23=1..5, [Mon 26, Tue 27], 28..30=6..8, [Mon 2 Jan], 3..6=9..12, 9..13=13..17,
    //   16=18, 17=19, Wed 18 Jan 2017=20 -> due_1 2017-01-18
    const r = await run({
      'ssd_cla_episodes.csv': csv(EPISODES, 'E1,C,2016-03-17,,CC,C2', 'E2,D,2016-03-17,,CD,C2', 'E3,E,2016-12-16,,CE,C2', 'E4,F,2016-12-16,,CF,C2'),
      'ssd_cla_reviews.csv': csv(
        REVIEWS,
        // C: due_1 2016-04-18 held 2016-04-18; due_2 2016-07-18 held 2016-07-18; due_3 2017-01-18 held 2017-01-18;
        //    due_4 2017-07-18 > end -> on time
        'RC1,CC,2016-04-18,N',
        'RC2,CC,2016-07-18,N',
        'RC3,CC,2017-01-18,N',
        // D: held 2016-04-19 > due_1 2016-04-18 (and in the period) -> late
        'RD1,CD,2016-04-19,N',
        'RD2,CD,2016-07-19,N',
        'RD3,CD,2017-01-19,N',
        // E: due_1 2017-01-18 held 2017-01-18; due_2 2017-04-18 > end -> on time
        'RE1,CE,2017-01-18,N',
        // F: held 2017-01-19 > 2017-01-18 -> late
        'RF1,CF,2017-01-19,N',
      ),
    });
    // C, D, E, F = 4; on time C, E = 2 -> 50.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 2, denominator: 4, value: 50 });
  });

  it('a period of care is the episodes sharing clae_cla_id; it starts at the earliest; a child counts once', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': csv(
        EPISODES,
        // H: placement move on 2016-08-10, one period of care CH from 2016-06-01 -> due_1 2016-06-29
        'E1,H,2016-06-01,2016-08-10,CH,C2',
        'E2,H,2016-08-10,,CH,C2',
        // I: two open episodes of one period of care CI from 2016-06-01 -> I once
        'E3,I,2016-06-01,,CI,C2',
        'E4,I,2016-07-01,,CI,C1',
        // J: an earlier, closed period of care CJ1 (never reviewed) and the current CJ2 from 2016-06-01
        'E5,J,2014-01-06,2015-01-05,CJ1,C2',
        'E6,J,2016-06-01,,CJ2,C2',
      ),
      'ssd_cla_reviews.csv': csv(
        REVIEWS,
        // H: 2016-06-28 <= due_1 2016-06-29; due_2 2016-09-28 held 2016-09-20; due_3 2017-03-20 held 2017-03-10;
        //    due_4 2017-09-10 -> on time. (Were the period started at the second episode, 2016-08-10, due_1 would be
        //    2016-09-07, the June review would not count and 2016-09-20 would be late.)
        'RH1,CH,2016-06-28,N',
        'RH2,CH,2016-09-20,N',
        'RH3,CH,2017-03-10,N',
        // I: due_1 2016-06-29 held 2016-06-29; due_2 2016-09-29 held 2016-09-29; due_3 2017-03-29 held 2017-03-29
        'RI1,CI,2016-06-29,N',
        'RI2,CI,2016-09-29,N',
        'RI3,CI,2017-03-29,N',
        // J (CJ2): same dates -> on time; CJ1 is not open at period end and is not judged
        'RJ1,CJ2,2016-06-29,N',
        'RJ2,CJ2,2016-09-29,N',
        'RJ3,CJ2,2017-03-29,N',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // H, I, J = 3 children (I once); all on time -> 100.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 3, denominator: 3, value: 100 });
  });

  it('without clae_cla_id, periods of care are unbroken runs of episodes; short breaks do not start one; reviews found by child', async () => {
    // K: from Mon 2 May 2016: 3..6=1..4, 9..13=5..9, 16..20=10..14, 23..27=15..19, [Mon 30 May spring bank holiday],
    //    Tue 31 May=20 -> due_1 2016-05-31
    // L: from Mon 4 Apr 2016: 5..8=1..4, 11..15=5..9, 18..22=10..14, 25..29=15..19, [Mon 2 May early May bank holiday],
    //    Tue 3 May=20 -> due_1 2016-05-03
    // M: the run starts Wed 1 Jun 2016 (the V3 short break before it does not count) -> due_1 2016-06-29
    //    (had the short break from Mon 16 May started it: 17..20=1..4, 23..27=5..9, [30 May], 31=10, Jun 1..3=11..13,
    //    6..10=14..18, 13=19, 14=20 -> due 2016-06-14 and the June review would be late)
    const r = await run({
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_legal_status',
        'E1,K,2015-01-05,2015-06-01,C2', // K's first period of care, ended
        'E2,K,2016-05-02,,C2', // a gap since 2015-06-01 -> a new period of care from 2016-05-02
        'E3,L,2016-04-04,2016-05-10,C2', // L: E4 starts the day E3 ceased -> one period of care from 2016-04-04
        'E4,L,2016-05-10,,C2',
        'E5,M,2016-05-16,2016-06-01,V3', // short break: not care
        'E6,M,2016-06-01,,C2',
        'E7,007,2016-06-01,,C2', // 007 and 7 are different children
        'E8,7,2016-06-01,,C2',
      ),
      'ssd_cla_reviews.csv': csv(
        'clar_cla_review_id,clar_cla_person_id,clar_cla_review_date',
        // K: due_1 2016-05-31 held 2016-05-31; due_2 2016-08-31 held 2016-08-31; due_3 = 2016-08-31 + 6m = 2017-02-28,
        //    held 2017-02-28; due_4 2017-08-28 -> on time (as one period from 2015 it would be late)
        'RK1,K,2016-05-31',
        'RK2,K,2016-08-31',
        'RK3,K,2017-02-28',
        // L: due_1 2016-05-03 held 2016-05-03; due_2 2016-08-03 held 2016-08-03; due_3 2017-02-03 held 2017-02-03 -> on time
        'RL1,L,2016-05-03',
        'RL2,L,2016-08-03',
        'RL3,L,2017-02-03',
        // M: due_1 2016-06-29 held 2016-06-29; due_2 2016-09-29; due_3 2017-03-29 -> on time
        'RM1,M,2016-06-29',
        'RM2,M,2016-09-29',
        'RM3,M,2017-03-29',
        // 7: same dates -> on time; 007 has no review -> due_1 2016-06-29 missed -> late
        'R71,7,2016-06-29',
        'R72,7,2016-09-29',
        'R73,7,2017-03-29',
      ),
    });
    expect(r.quarantine).toEqual([]);
    // K, L, M, 007, 7 = 5; on time K, L, M, 7 = 4 -> 80.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 4, denominator: 5, value: 80 });
  });

  it('due in period held after it, overdue before it held in it, late before it began, not yet due, cancelled reviews', async () => {
    // O: from Wed 1 Feb 2017: 2,3=1,2; 6..10=3..7; 13..17=8..12; 20..24=13..17; 27=18, 28=19, Wed 1 Mar=20 -> due_1 2017-03-01
    // P, Q: from Mon 1 Feb 2016: 2..5=1..4, 8..12=5..9, 15..19=10..14, 22..26=15..19, Mon 29 Feb=20 -> due_1 2016-02-29
    // R: from Mon 6 Mar 2017: 7..10=1..4, 13..17=5..9, 20..24=10..14, 27..31=15..19, Mon 3 Apr=20 -> after 2017-03-31
    // S: from Fri 3 Mar 2017: 6..10=1..5, 13..17=6..10, 20..24=11..15, 27..30=16..19, Fri 31 Mar=20 -> due 2017-03-31
    // T, U: from Wed 1 Jun 2016 -> due_1 2016-06-29 (see above)
    const r = await run(
      {
        'ssd_cla_episodes.csv': csv(
          EPISODES,
          'E1,O,2017-02-01,,CO,C2',
          'E2,P,2016-02-01,,CP,C2',
          'E3,Q,2016-02-01,,CQ,C2',
          'E4,R,2017-03-06,,CR,C2',
          'E5,S,2017-03-03,,CS,C2',
          'E6,T,2016-06-01,,CT,C2',
          'E7,U,2016-06-01,2017-03-31,CU,C2',
        ),
        'ssd_cla_reviews.csv': csv(
          REVIEWS,
          // O: due_1 2017-03-01 (in 2016/17), held 2017-04-05 after period end -> late
          'RO1,CO,2017-04-05,N',
          // P: due_1 2016-02-29 (before 2016/17), held 2016-04-05 (in it) -> late;
          //    due_2 2016-07-05 held 2016-07-01; due_3 2017-01-01 held 2016-12-20
          'RP1,CP,2016-04-05,N',
          'RP2,CP,2016-07-01,N',
          'RP3,CP,2016-12-20,N',
          // Q: due_1 2016-02-29, held 2016-03-10: late, but before 2016/17 began; due_2 2016-06-10 held 2016-06-01;
          //    due_3 2016-12-01 held 2016-11-30; due_4 2017-05-30 > end -> on time for 2016/17
          'RQ1,CQ,10/03/2016,N',
          'RQ2,CQ,2016-06-01,N',
          'RQ3,CQ,2016-11-30 16:30:00,N',
          // R: first review not due by period end -> not in the denominator. S: due 2017-03-31, none held -> late.
          // T: the review on the due date was cancelled (not a review); the first real one 2016-07-05 > 2016-06-29 -> late;
          //    due_2 2016-10-05 held 2016-10-01; due_3 2017-04-01 > end
          'RT0,CT,2016-06-29,Y',
          'RT1,CT,2016-07-05,n',
          'RT2,CT,2016-10-01,',
          // U: ceased 2017-03-31, so not looked after at 2017-03-31; never reviewed
        ),
      },
      ['2016/17', '2015/16', '2017-03', '2016-04-01..2016-06-30'],
    );
    expect(r.quarantine).toEqual([]);
    // 2016/17: O, P, Q, S, T = 5; on time Q = 1 -> 20.0
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 5, value: 20 });
    // '2017-03' is the same dates as 2016/17 -> 20.0
    expect(figures(r.get(ID, '2017-03'))).toEqual({ numerator: 1, denominator: 5, value: 20 });
    // 2015/16 (end 2016-03-31): only P and Q looked after. P: due_1 2016-02-29 held 2016-04-05 after end -> late.
    // Q: held 2016-03-10 > due, in 2015/16 -> late. 0 / 2 = 0.0
    expect(figures(r.get(ID, '2015/16'))).toEqual({ numerator: 0, denominator: 2, value: 0 });
    // 2016-04-01..2016-06-30: P late (RP1 2016-04-05 in the range). Q: RQ1 before the range; due_2 2016-06-10 held
    // 2016-06-01 -> on time. T: due_1 2016-06-29 <= 2016-06-30; first real review 2016-07-05 -> late. U: looked after
    // at 2016-06-30, due_1 2016-06-29, never reviewed -> late. O, R, S not started. 1 / 4 = 25.0
    expect(figures(r.get(ID, '2016-04-01..2016-06-30'))).toEqual({ numerator: 1, denominator: 4, value: 25 });
  });

  it('a period of care that started before the calendar (2000): the 20th working day is an error, not a guess, where it decides the figure', async () => {
    // indicators.md: "A date outside the calendar's years is an error, not a guess."
    // Care from Mon 20 Dec 1999 (outside the 2000-2030 calendar). Its real 20th working day: 21..24 Dec = 1..4,
    // [27, 28 Dec substitute days], 29, 30 Dec = 5, 6, [31 Dec millennium holiday, 3 Jan substitute New Year],
    // 4..7 Jan = 7..10, 10..14 = 11..15, 17..21 = 16..20 -> Fri 21 Jan 2000. So the first review on 1 Feb 2000 was
    // late, and it was held inside 2000-01-15..2000-06-30: the child is late for that range.
    // The module's stand-in (start + 2 months = 2000-02-20) calls it on time and reports 1 / 1 = 100.0.
    // The spec's answer is no value and the reason (as icpc_within_15wd_pct does), never 100.0.
    const r = await run(
      {
        'ssd_cla_episodes.csv': csv(EPISODES, 'E1,A,1999-12-20,,CA,C2'),
        'ssd_cla_reviews.csv': csv(REVIEWS, 'R1,CA,2000-02-01,N', 'R2,CA,2000-04-20,N'),
      },
      ['2000-01-15..2000-06-30', '2000/01'],
    );
    // 2000/01 (from 2000-04-01): R1 was held before the period, whatever its due date; due_2 = 2000-05-01 held
    // 2000-04-20 on time; due_3 = 2000-10-20 <= 2001-03-31 not held -> late: 0 / 1 = 0.0 (the stand-in is exact here)
    expect(figures(r.get(ID, '2000/01'))).toEqual({ numerator: 0, denominator: 1, value: 0 });
    const res = r.get(ID, '2000-01-15..2000-06-30');
    expect(res.value).toBeNull();
    expect(res.notes.join(' ')).toMatch(/calendar/);
  });

  it('zero denominator: nobody whose first review was due by period end gives no value and the reason', async () => {
    const r = await run({
      'ssd_cla_episodes.csv': csv(EPISODES, 'E1,R,2017-03-06,,CR,C2', 'E2,V,2016-06-01,,CV,V3'),
      // a short break's review: the table has a record, no looked-after child's
      'ssd_cla_reviews.csv': csv(REVIEWS, 'W1,CV,2016-07-01,N'),
      'population.csv': flatPopulation(10000),
    });
    // R: due_1 2017-04-03 > 2017-03-31; V: short breaks only -> not looked after
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(res.notes.join(' ')).toMatch(/denominator is zero/);
  });

  it('a missing ssd_cla_reviews.csv is "no data", not 0', async () => {
    const r = await run({ 'ssd_cla_episodes.csv': csv(EPISODES, 'E1,A,2016-05-02,,CA,C2') });
    const res = r.get(ID, '2016/17');
    expect(figures(res)).toEqual({ numerator: null, denominator: null, value: null });
    expect(res.notes.join(' ')).toMatch(/^no data: .*ssd_cla_reviews\.csv/);
  });
});

/*
 * indicators.md v2, "Reviews before the data": reviews are known only from
 * the review table's coverage start (rc). A period of care that began before
 * rc, or whose start is unknown (first episode's RNE given and not S, no
 * entered-care date), has its first review within coverage due on the
 * earliest of its recorded due date, the due date a known start gives (if on
 * or after rc) and rc + 6 months; each later one 6 months after the one
 * before. Every date below walked by hand.
 */
const HEADER_903 = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES_903 = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const REVIEWS_903 = 'CHILD,DOB,REVIEW,REVIEW_CODE';
const ep903 = (child: string, decom: string, rne: string) => `${child},${decom},${rne},C2,N1,U1,PR1,,,,,,`;

/** One SSDA903 return for 2016/17 (its coverage: from 2016-04-01); ssdYears given keeps coverage (returns ignore the number). */
async function run903(episodes: string[], reviews: string[]) {
  const children = [...new Set(episodes.map((e) => e.split(',')[0]))];
  return computeInline(
    {
      'ssda903/2016-17/header.csv': csv(HEADER_903, ...children.map((c) => `${c},1,01/01/2008,WBRI,,,`)),
      'ssda903/2016-17/episodes.csv': csv(EPISODES_903, ...episodes),
      'ssda903/2016-17/reviews.csv': csv(REVIEWS_903, ...reviews),
    },
    ['2016/17'],
    { indicators: [ID], extractDate: '2017-04-10', ssdYears: 6 },
  );
}

describe('cla_reviews_in_time_pct: reviews before the data (v2)', () => {
  it('finding 2: a single 903 year, a child in care all year, first episode RNE = P, every review on time: 1/1', async () => {
    // DECOM 2015-06-01 (RNE P: care began earlier, date unknown). rc = 2016-04-01; due_1 = rc + 6 months = 2016-10-01:
    // held 2016-05-10 on time; due_2 = 2016-05-10 + 6 months = 2016-11-10, held 2016-11-05; due_3 = 2017-05-05 > end.
    // Was 0/1: DECOM taken as the start of care, due_1 = 20 working days after it (2015-06-29), review 2016-05-10 late.
    const r = await run903([ep903('A', '01/06/2015', 'P')], ['A,01/01/2008,10/05/2016,PN1', 'A,01/01/2008,05/11/2016,PN1']);
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 1, value: 100 });
  });

  it('no review by coverage start + 6 months is late, as usual', async () => {
    // the same child, first review in the year 2016-10-03: after due_1 2016-10-01 -> late
    const r = await run903([ep903('A', '01/06/2015', 'P')], ['A,01/01/2008,03/10/2016,PN1']);
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('a known start before coverage whose 20th working day falls within it (Easter 2016): that day, then 6-monthly', async () => {
    // Period of care from Mon 21 Mar 2016 (RNE S), before rc 2016-04-01. 20 working days, Good Friday 25 Mar and
    // Easter Monday 28 Mar skipped: Mar 22..24=1..3, 29..31=4..6, Apr 1=7, 4..8=8..12, 11..15=13..17, 18=18, 19=19,
    // Wed 20 Apr=20 -> due_1 2016-04-20 (before rc + 6 months). B: held 2016-04-20 on time; due_2 = 6 months after
    // it (not 3: earlier reviews may be missing) = 2016-10-20, held 2016-10-19 on time; due_3 2017-04-19 > end.
    // C: held 2016-04-21, a day late. Was B late: due_2 = 2016-07-20 under the 3-month rule.
    const r = await run903(
      [ep903('B', '21/03/2016', 'S'), ep903('C', '21/03/2016', 'S')],
      ['B,01/01/2008,20/04/2016,PN1', 'B,01/01/2008,19/10/2016,PN1', 'C,01/01/2008,21/04/2016,PN1', 'C,01/01/2008,19/10/2016,PN1'],
    );
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('a period of care starting within coverage keeps the ordinary rule (20 working days, then 3 months)', async () => {
    // From Wed 1 Jun 2016 (RNE S): due_1 2016-06-29 held; due_2 = 2016-09-29, held 2016-10-19 -> late
    const r = await run903([ep903('D', '01/06/2016', 'S')], ['D,01/01/2008,29/06/2016,PN1', 'D,01/01/2008,19/10/2016,PN1']);
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('SSD: clae_entered_care_date is the start of the period of care (extract.md v2), and the recorded due date counts', async () => {
    const EP = 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status,clae_entered_care_date';
    const RV = 'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled,clar_cla_review_due_date';
    // Extract 2021-04-10, 6 years: both tables cover from 2021-04-10 less 6 years = 2015-04-10 (rc; H's old records
    // are earlier). Period 2015-05-01..2016-04-30. E: entered care 2014-03-03 (before rc), earliest episode held
    // 2015-06-01. due_1 = earliest of recorded 2015-09-20, rc + 6 months 2015-10-10 (the known start's 20th
    // working day, 2014-03-31, is before rc) = 2015-09-20: held 2015-09-01; due_2 = 6 months after = 2016-03-01,
    // held 2016-02-25; due_3 2016-08-25 > end -> on time. F: the same, first review held 2015-09-21 against the
    // recorded 2015-09-20 -> late. Was 0/2: the periods of care started 2015-06-01, due_1 2015-06-29.
    const r = await computeInline(
      {
        'ssd_cla_episodes.csv': csv(
          EP,
          'H1,H,2012-01-02,2012-06-01,CH,C2,',
          'E1,E,2015-06-01,,CE,C2,2014-03-03',
          'F1,F,2015-06-01,,CF,C2,2014-03-03',
        ),
        'ssd_cla_reviews.csv': csv(
          RV,
          'V1,CH,2012-02-01,N,',
          'W1,CE,2015-09-01,N,2015-09-20',
          'W2,CE,2016-02-25,N,',
          'X1,CF,2015-09-21,N,2015-09-20',
          'X2,CF,2016-02-25,N,',
        ),
      },
      ['2015-05-01..2016-04-30'],
      { indicators: [ID], extractDate: '2021-04-10', ssdYears: 6 },
    );
    expect(figures(r.get(ID, '2015-05-01..2016-04-30'))).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('SSD: clae_entered_care_date brings a period of care into the denominator its earliest held episode would not', async () => {
    // No coverage kept (the history is whole): entered care 2016-12-01 (Thu). 20 working days: Dec 2=1, 5..9=2..6,
    // 12..16=7..11, 19..23=12..16, (26, 27 bank holidays) 28..30=17..19, Tue 3 Jan 2017=20 (2 Jan a bank holiday)
    // -> due_1 2017-01-03, held 2016-12-20 on time; due_2 = 3 months after = 2017-03-20, held 2017-03-20 on time.
    // Was no value: the period started 2017-03-06 (the episode held), due_1 2017-04-03 after period end.
    const EP = 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status,clae_entered_care_date';
    const r = await run({
      'ssd_cla_episodes.csv': csv(EP, 'E1,G,2017-03-06,,CG,C2,2016-12-01'),
      'ssd_cla_reviews.csv': csv(REVIEWS, 'W1,CG,2016-12-20,N', 'W2,CG,2017-03-20,N'),
    });
    expect(figures(r.get(ID, '2016/17'))).toEqual({ numerator: 1, denominator: 1, value: 100 });
  });
});
