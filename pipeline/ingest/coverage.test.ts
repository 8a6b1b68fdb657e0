/*
 * Coverage (indicators.md v2, "Coverage"), no data is not zero at the level a
 * user sees it (ingest's summary, `indicators --format json`), and where a
 * snapshot's data starts (store.ts dataStart). Small hand-written extracts in
 * the shape of the SSD and SSDA903 definitions.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { dataStart } from '../store.ts';
import { parseExtractFiles } from './extract.ts';
import { loadSnapshot } from './load.ts';
import { runCli } from '../../test-support/cli.ts';
import type { IndicatorsDocument } from '../../metrics/types.ts';

const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
const REFERRALS = 'cine_referral_id,cine_person_id,cine_referral_date,cine_close_date,cine_referral_nfa';
const EPISODES = 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_id,clae_cla_legal_status';

// referrals from 2005 (one still open) to 2017; care episodes from 2015-03-17 only
const SSD: Record<string, string> = {
  'ssd_cin_episodes.csv': csv(REFERRALS, 'R1,A,2005-06-15,,N', 'R2,B,2012-02-01,2012-05-01,N', 'R3,C,2016-07-01,2016-09-01,N'),
  'ssd_cla_episodes.csv': csv(EPISODES, 'E1,D,2015-03-17,,CD,C2'),
};

async function coverage(files: Record<string, string>, ssdYears: number | 'all' | undefined, extractDate = '2017-04-10') {
  const db = await Database.open(':memory:');
  try {
    const parsed = await parseExtractFiles(db, Object.entries(files).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) })), extractDate);
    const { snapshotId, coverage } = await loadSnapshot(db, parsed, { extractDir: 'inline', extractDate, la: null, ssdYears });
    const stored = await db.all<{ target_table: string; covers_from: string | null; rule: string }>(
      'SELECT target_table, CAST(covers_from AS VARCHAR) AS covers_from, rule FROM store.coverage WHERE snapshot_id = $id ORDER BY target_table',
      { id: snapshotId },
    );
    return { stored, coverage, start: await dataStart(db, snapshotId) };
  } finally {
    db.close();
  }
}

describe('coverage, stored with the snapshot', () => {
  it('an SSD file: the extract date less 6 years by default, or the month of its earliest record if later', async () => {
    const c = await coverage(SSD, undefined);
    expect(c.stored).toEqual([
      { target_table: 'cla_episode', covers_from: '2015-03-01', rule: 'ssd-earliest' },
      { target_table: 'referral', covers_from: '2011-04-10', rule: 'ssd-years' },
    ]);
    expect(c.coverage).toHaveLength(2);
  });

  it('--ssd-years N and all: all is the month of the earliest record (a leap day less 1 year is 28 February)', async () => {
    expect((await coverage(SSD, 2)).stored.find((r) => r.target_table === 'referral')).toEqual({ target_table: 'referral', covers_from: '2015-04-10', rule: 'ssd-years' });
    expect((await coverage(SSD, 1, '2016-02-29')).stored.find((r) => r.target_table === 'referral')!.covers_from).toBe('2015-02-28');
    expect((await coverage(SSD, 'all')).stored).toEqual([
      { target_table: 'cla_episode', covers_from: '2015-03-01', rule: 'ssd-all' },
      { target_table: 'referral', covers_from: '2005-06-01', rule: 'ssd-all' },
    ]);
  });

  it('a return: from 1 April of its earliest collection year, whatever --ssd-years says', async () => {
    const c = await coverage(
      {
        'ssda903/2016-17/header.csv': csv('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', 'A,1,01/01/2008,WBRI,,,'),
        'ssda903/2016-17/episodes.csv': csv('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN', 'A,01/06/2015,P,C2,N1,U1,PR1,,,,,,'),
        'ssda903/2016-17/reviews.csv': csv('CHILD,DOB,REVIEW,REVIEW_CODE', 'A,01/01/2008,10/05/2016,PN1'),
      },
      6,
    );
    expect(c.stored).toEqual([
      { target_table: 'cla_episode', covers_from: '2016-04-01', rule: 'return' },
      { target_table: 'cla_review', covers_from: '2016-04-01', rule: 'return' },
    ]);
  });

  it('dataStart is the referrals\' coverage, not an old referral still open (was 2005-06-15)', async () => {
    expect((await coverage(SSD, undefined)).start).toBe('2011-04-10');
    // the whole history: the earliest referral itself (nothing says the days before it in its month were recorded)
    expect((await coverage(SSD, 'all')).start).toBe('2005-06-15');
  });
});

describe('ingest and indicators, as a user runs them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safeguard-coverage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, files: Record<string, string>): string => {
    const root = join(dir, name);
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    return root;
  };

  it('the summary says what each table covers; --ssd-years takes a number or all, anything else is bad usage (exit 2)', async () => {
    const extract = write('summary', SSD);
    const db = join(dir, 'summary.duckdb');
    const r = await runCli('ingest', extract, '--extract-date', '2017-04-10', '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('referrals cover 2011-04-10 to 2017-04-10 (6 years of SSD history');
    expect(r.err).toContain('care episodes cover 2015-03-01 to 2017-04-10 (SSD history from the month of its earliest record');
    const bad = await runCli('ingest', extract, '--extract-date', '2017-04-10', '--db', join(dir, 'bad.duckdb'), '--ssd-years', 'six');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--ssd-years six: give the years of history/);
    expect(existsSync(join(dir, 'bad.duckdb'))).toBe(false);
  });

  it('finding 1: a table whose every row was quarantined is "no data", never 0.0 ranked first; a period before coverage has no value', async () => {
    const extract = write('quarantined', {
      // every episode's start date unreadable: all quarantined
      'ssd_cla_episodes.csv': csv(EPISODES, 'E1,D,not a date,,CD,C2', 'E2,F,31/02/2016,,CF,C2'),
      // R0 still open: the SSD kept it, and the referrals cover 6 years all the same
      'ssd_cin_episodes.csv': csv(REFERRALS, 'R0,C,2009-01-05,,N', 'R1,A,2016-05-01,2016-06-01,N', 'R2,B,2012-02-01,2012-05-01,N'),
    });
    const db = join(dir, 'quarantined.duckdb');
    const ingested = await runCli('ingest', extract, '--la', '359', '--extract-date', '2017-04-10', '--db', db);
    expect(ingested.code, ingested.err).toBe(0);
    const run = await runCli('indicators', '--period', '2016/17', '--period', '2010/11', '--format', 'json', '--db', db);
    expect(run.code, run.err).toBe(0);
    const doc = JSON.parse(run.out) as IndicatorsDocument;
    const cla = doc.results.find((x) => x.indicator === 'cla_per_10k' && x.period === '2016/17')!;
    expect({ value: cla.value, numerator: cla.numerator, rank: cla.rank }).toEqual({ value: null, numerator: null, rank: null });
    expect(cla.notes.join(' ')).toMatch(/^no data: every one of the 2 row\(s\) of the extract's care episodes .* was quarantined/);
    // referrals cover from 2011-04-10 (6 years): 2010/11 starts before it
    const early = doc.results.find((x) => x.indicator === 'referrals_per_10k' && x.period === '2010/11')!;
    expect({ value: early.value, rank: early.rank }).toEqual({ value: null, rank: null });
    expect(early.notes.join(' ')).toMatch(/^no value: the extract's referrals cover only from 2011-04-10, after the period starts/);
    // and 2016/17 has its value and rank as before
    const ref = doc.results.find((x) => x.indicator === 'referrals_per_10k' && x.period === '2016/17')!;
    expect(ref.value).not.toBeNull();
  });
});
