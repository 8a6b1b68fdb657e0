/*
 * Issue 16's acceptance: for every indicator, for a financial year and for a
 * month (a calendar month and 12 months ending a month), the records listed
 * add up to the figure computed on its own, on the demo's extract. The
 * figures here come from computeIndicators in a separate run, not from the
 * check inside recordsOf, so the test fails if either side drifts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSsdExtract } from './demo/generator/index.ts';
import { computeIndicators } from '../pipeline/compute.ts';
import { Database } from '../pipeline/db.ts';
import { parseExtractFiles } from '../pipeline/ingest/extract.ts';
import { loadSnapshot } from '../pipeline/ingest/load.ts';
import { resolveLa } from '../pipeline/la.ts';
import { parsePeriods } from '../pipeline/periods.ts';
import { findSnapshot } from '../pipeline/store.ts';
import { INDICATORS } from '../metrics/index.ts';
import { excludedRecords, figureRecords, recordsOf, rowsOfPart } from './records-service.ts';
import type { FigureRecords } from './records-service.ts';

const EXTRACT_DATE = '2017-04-10';
const PERIODS = ['2015/16', '2016-01-01..2016-01-31', '2016-10'];

let db: Database;
let snapshotId: string;

beforeAll(async () => {
  db = await Database.open(':memory:');
  const files = Object.entries(generateSsdExtract().files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  const parsed = await parseExtractFiles(db, files, EXTRACT_DATE);
  ({ snapshotId } = await loadSnapshot(db, parsed, { extractDir: 'generated', extractDate: EXTRACT_DATE, la: resolveLa('359') }));
});

afterAll(() => db.close());

describe('records add up to the figure (demo extract)', () => {
  it.each(INDICATORS.map((i) => i.id))('%s: a financial year, a calendar month and 12 months ending a month', async (id) => {
    const indicator = INDICATORS.find((i) => i.id === id)!;
    const periods = parsePeriods(PERIODS);
    const figures = await computeIndicators(db, { snapshotId, periods, indicators: [indicator], laCodes: ['359'] });
    const [lists] = await recordsOf(db, await findSnapshot(db, snapshotId), [indicator], periods);
    lists!.forEach((list, i) => {
      const figure = figures[i]!;
      expect(figure.numerator, `${id} ${PERIODS[i]} has a figure`).not.toBeNull();
      expect(rowsOfPart(list.rows, 'numerator').length, `${id} ${PERIODS[i]} numerator`).toBe(figure.numerator);
      if (indicator.denominatorSql === 'population') {
        expect(rowsOfPart(list.rows, 'denominator')).toEqual([]);
      } else {
        expect(rowsOfPart(list.rows, 'denominator').length, `${id} ${PERIODS[i]} denominator`).toBe(figure.denominator);
      }
      // every row of the denominator left out of the numerator says why; no numerator row has a reason
      for (const r of list.rows) expect(r.reason === null, `${id}: ${JSON.stringify(r)}`).toBe(r.in_numerator);
    });
    // the comparison means something only where there were records: the year has some
    expect(lists![0]!.rows.length, `${id} 2015/16 lists records`).toBeGreaterThan(0);
  });

  it('a percentage lists the records of its denominator that are not in its numerator, each with its reason', async () => {
    const list = await figureRecords(db, { indicator: 'icpc_within_15wd_pct', period: '2015/16' });
    const late = list.rows.filter((r) => !r.in_numerator);
    expect(late.length).toBeGreaterThan(0);
    expect(list.details).toEqual(['s47_start', 'icpc_date', 'working_days']);
    for (const r of late.filter((x) => typeof x.details.working_days === 'number')) {
      expect(r.details.working_days as number).toBeGreaterThan(15);
      expect(r.reason).toBe(`${r.details.working_days as number} working days: more than 15`);
    }
  });

  it('excluded lists the transfer-in conferences the definition leaves out, with the reason', async () => {
    const indicator = INDICATORS.find((i) => i.id === 'icpc_per_10k')!;
    await figureRecords(db, { indicator: 'icpc_per_10k', period: '2015/16' });
    const excluded = await excludedRecords(db, indicator, parsePeriods(['2015/16'])[0]!);
    const transferIns = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM store.icpc WHERE snapshot_id = $id AND transfer_in AND icpc_date BETWEEN DATE '2015-04-01' AND DATE '2016-03-31'`,
      { id: snapshotId },
    );
    expect(Number(transferIns!.n)).toBeGreaterThan(0);
    expect(excluded.filter((r) => r.reason?.startsWith('a transfer-in conference')).length).toBe(Number(transferIns!.n));
  });

  it('refuses a span of periods and an unknown indicator, as bad usage', async () => {
    await expect(figureRecords(db, { indicator: 'icpc_per_10k', period: '2014/15:2015/16' })).rejects.toThrow(/give one period/);
    await expect(figureRecords(db, { indicator: 'nope', period: '2015/16' })).rejects.toThrow(/no such indicator; use one of referrals_per_10k/);
  });
});

/**
 * Hand-computed lists on tiny extracts: the dates and reasons a team manager
 * reads, for the review walks and the repeat plans.
 */
/** The 2016/17 list of one indicator on a tiny inline SSD extract, ingested into a database of its own. */
async function inlineList(files: Record<string, string>, indicatorId: string): Promise<FigureRecords> {
  const mem = await Database.open(':memory:');
  try {
    const parsed = await parseExtractFiles(mem, Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })), EXTRACT_DATE);
    const { snapshotId: id } = await loadSnapshot(mem, parsed, { extractDir: 'inline', extractDate: EXTRACT_DATE, la: null, ssdYears: 'all' });
    const indicator = INDICATORS.find((i) => i.id === indicatorId)!;
    return (await recordsOf(mem, await findSnapshot(mem, id), [indicator], parsePeriods(['2016/17'])))[0]![0]!;
  } finally {
    mem.close();
  }
}

describe('records, by hand', () => {
  const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

  it('cla_reviews_in_time_pct 2016/17: the late review, its due date, when it was held, the days late', async () => {
    // A: from Wed 1 Jun 2016, due_1 = the 20th working day = 2016-06-29 (cla_reviews_in_time_pct.test.ts counts it),
    //    held 2016-06-29; due_2 = 2016-09-29 held 2016-09-29; due_3 = 2017-03-29 held 2017-03-29 -> on time
    // B: due_1 2016-06-29, held 2016-06-30: 1 day late -> late
    // C: due_1 2016-06-29, held 2016-06-29; due_2 2016-09-29 never held -> not held by period end (2017-03-31): 183 days
    const list = await inlineList({
      'ssd_person.csv': csv('pers_person_id,pers_dob', 'A,2010-01-01', 'B,2010-01-01', 'C,2010-01-01', 'D,2010-01-01'),
      'ssd_cla_episodes.csv': csv(
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status',
        'E1,A,2016-06-01,,CA,C2',
        'E2,B,2016-06-01,,CB,C2',
        'E3,C,2016-06-01,,CC,C2',
        // D, looked after early in 2015 only: the tables then cover 2016/17 (their earliest month)
        'E4,D,2015-01-01,2015-02-01,CD,C2',
      ),
      'ssd_cla_reviews.csv': csv(
        'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled',
        'RA1,CA,2016-06-29,N',
        'RA2,CA,2016-09-29,N',
        'RA3,CA,2017-03-29,N',
        'RB1,CB,2016-06-30,N',
        'RB2,CB,2016-09-30,N',
        'RB3,CB,2017-03-30,N',
        'RC1,CC,2016-06-29,N',
        'RD1,CD,2015-01-20,N',
      ),
    }, 'cla_reviews_in_time_pct');
    const rows = Object.fromEntries(list.rows.map((r) => [r.person_id, { record: r.record_id, on_time: r.in_numerator, reason: r.reason, ...r.details }]));
    expect(rows).toEqual({
      A: { record: 'CA', on_time: true, reason: null, review_due: null, review_held: null, days_late: null, cases_judged: 1, last_review_held: '2017-03-29', next_review_due: '2017-09-29' },
      B: { record: 'CB', on_time: false, reason: 'a review due 2016-06-29 was held 1 day(s) late', review_due: '2016-06-29', review_held: '2016-06-30', days_late: 1, cases_judged: 1, last_review_held: '2017-03-30', next_review_due: '2017-09-30' },
      C: { record: 'CC', on_time: false, reason: 'a review due 2016-09-29 was not held by period end', review_due: '2016-09-29', review_held: null, days_late: 183, cases_judged: 1, last_review_held: '2016-06-29', next_review_due: '2016-09-29' },
    });
    expect([list.figure.numerator, list.figure.denominator]).toEqual([1, 3]);
  });

  it('cpp_repeat_2y_pct 2016/17: why each plan is or is not a repeat within 2 years', async () => {
    // A: plan 2013-01-01..2014-01-01, again 2016-05-01: ended more than 2 years before (2014-05-01) -> not counted
    // B: plan 2015-01-01..2015-06-30, again 2016-06-01: ended within 2 years -> counted
    // C: first plan 2016-07-01 -> no earlier plan
    const list = await inlineList({
      'ssd_person.csv': csv('pers_person_id,pers_dob', 'A,2010-01-01', 'B,2010-01-01', 'C,2010-01-01'),
      'ssd_cp_plans.csv': csv(
        'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
        'PA1,A,2013-01-01,2014-01-01',
        'PA2,A,2016-05-01,',
        'PB1,B,2015-01-01,2015-06-30',
        'PB2,B,2016-06-01,',
        'PC1,C,2016-07-01,',
      ),
    }, 'cpp_repeat_2y_pct');
    expect(list.rows.map((r) => [r.record_id, r.in_numerator, r.reason, r.details.previous_plan_end]).sort()).toEqual([
      ['PA2', false, 'the previous plan ended more than 2 years before', '2014-01-01'],
      ['PB2', true, null, '2015-06-30'],
      ['PC1', false, 'no earlier plan in the extract', null],
    ]);
    expect([list.figure.numerator, list.figure.denominator]).toEqual([1, 3]);
  });
});

describe('records, by hand: a child with two plans', () => {
  it('cpp_reviews_in_time_pct 2016/17: the earliest late review decides the row, even when it was never held', async () => {
    // X: plan P1 from 2016-04-01, first review due 2016-07-01, never held (late, outstanding at period end:
    //    2016-07-01 to 2017-03-31 = 30+31+30+31+30+31+31+28+31 = 273 days);
    //    plan P2 from 2016-05-01, first review due 2016-08-01 held 2016-08-11 (10 days late), then 2017-02-11 on time.
    //    The row names P1 (due 2016-07-01), not held: not P2's date held.
    // Y: a plan of 2015 with a review in March 2015, so the plans and reviews cover 2016/17.
    const list = await inlineList(
      {
        'ssd_person.csv': 'pers_person_id,pers_dob\nX,2010-01-01\nY,2010-01-01\n',
        'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nPY,Y,2015-01-01,2015-06-01\nP1,X,2016-04-01,\nP2,X,2016-05-01,\n',
        'ssd_cp_reviews.csv': 'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date,cppr_person_id\nRY,PY,2015-03-01,Y\nR21,P2,2016-08-11,X\nR22,P2,2017-02-11,X\n',
      },
      'cpp_reviews_in_time_pct',
    );
    expect(list.rows.map((r) => ({ child: r.person_id, record: r.record_id, on_time: r.in_numerator, reason: r.reason, ...r.details }))).toEqual([
      {
        child: 'X',
        record: 'P1',
        on_time: false,
        reason: 'a review due 2016-07-01 was not held by period end',
        review_due: '2016-07-01',
        review_held: null,
        days_late: 273,
        cases_judged: 2,
        last_review_held: null,
        next_review_due: '2016-07-01',
      },
    ]);
    expect([list.figure.numerator, list.figure.denominator]).toEqual([0, 1]);
  });
});
