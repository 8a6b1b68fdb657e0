/*
 * Restatements on real snapshots: three small SSD extracts ingested through
 * the CLI into one database, and the figures that moved between them.
 *
 * Snapshot A (Wigan, 359; extract taken 2017-04-10), children C1 to C5, a
 * population of 10,000 every year (so a rate per 10,000 is the count itself):
 *   P1 C1 2015-06-01 open;  P2 C2 2016-02-01 open;  P3 C3 2016-09-01 open;
 *   P4 C4 2014-01-01 to 2016-05-01
 * Snapshot B (Wigan; taken 2017-05-10): the same, but P5 C5 2016-03-15 open
 * was recorded late, and P3's start corrected to 2017-04-20.
 * Snapshot C (Bolton, 350; taken 2017-06-10): B's plans and one more.
 *
 * Worked by hand, A against B, 2015/16 and 2016/17:
 *   cpp_per_10k (children on a plan open at period end):
 *     31 Mar 2016: A P1 P2 P4 = 3 -> B P1 P2 P4 P5 = 4: 3.0 -> 4.0, +1.0
 *     31 Mar 2017: A P1 P2 P3 = 3 -> B P1 P2 P5 = 3 (P3 out, P5 in): no move
 *   cpp_2y_plus_pct (of those open at period end, started 2 years or more before it):
 *     31 Mar 2016 (on or before 31 Mar 2014: P4): A 1/3 = 33.3 -> B 1/4 = 25.0, -8.3
 *     31 Mar 2017 (on or before 31 Mar 2015: none): A 0/3 -> B 0/3: no move
 *   cpp_repeat_pct and cpp_repeat_2y_pct (plans starting in the period after an
 *   earlier plan of the child's; no child has two):
 *     2015/16 starts: A P1 P2 = 2 -> B P1 P2 P5 = 3: 0/2 = 0.0 -> 0/3 = 0.0, counts only
 *     2016/17 starts: A P3 = 1 -> B none: 0/1 = 0.0 -> 0/0, no value
 *   cpp_ceased_3m_pct (plans ending in the period within 3 months of starting):
 *     P4 ends in 2016/17 in both, after 2 years: 0/1 both; nothing else ends: no move
 *   every other indicator has no data in either (no referrals, no reviews...): no move
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../pipeline/db.ts';
import { parsePeriods } from '../pipeline/periods.ts';
import { findSnapshot } from '../pipeline/store.ts';
import { runCli } from '../test-support/cli.ts';
import { figuresAt } from './indicators-service.ts';
import { compareFigures, previousSnapshot } from './restatements.ts';

const PEOPLE = 'pers_person_id,pers_dob\nC1,2010-01-01\nC2,2010-01-01\nC3,2010-01-01\nC4,2010-01-01\nC5,2010-01-01\nC6,2010-01-01\n';
const POPULATION = 'year,population\n2014,10000\n2015,10000\n2016,10000\n2017,10000\n';
const PLANS_A = 'P1,C1,2015-06-01,\nP2,C2,2016-02-01,\nP3,C3,2016-09-01,\nP4,C4,2014-01-01,2016-05-01\n';
const PLANS_B = 'P1,C1,2015-06-01,\nP2,C2,2016-02-01,\nP3,C3,2017-04-20,\nP4,C4,2014-01-01,2016-05-01\nP5,C5,2016-03-15,\n';
const WIGAN = ['359', 'E08000010'];

let dir: string;
let dbFile: string;
let db: Database;
const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

async function ingest(name: string, plans: string, la: string, extractDate: string): Promise<string> {
  const d = join(dir, name);
  mkdirSync(d);
  writeFileSync(join(d, 'ssd_person.csv'), PEOPLE);
  writeFileSync(join(d, 'ssd_cp_plans.csv'), `cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\n${plans}`);
  writeFileSync(join(d, 'population.csv'), POPULATION);
  const r = await runCli('ingest', d, '--db', dbFile, '--la', la, '--extract-date', extractDate, '--ssd-years', 'all');
  expect(r.code, r.err).toBe(0);
  return /Loaded snapshot ([0-9a-f]+)/.exec(r.out + r.err)![1]!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-restate-'));
  dbFile = join(dir, 'db.duckdb');
  ids.a = await ingest('a', PLANS_A, '359', '2017-04-10');
  ids.b = await ingest('b', PLANS_B, 'E08000010', '2017-05-10'); // Wigan by its ONS code: the same LA
  ids.c = await ingest('c', `${PLANS_B}P6,C6,2016-06-01,\n`, '350', '2017-06-10');
  db = await Database.open(dbFile, { existing: true });
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const figure = (numerator: number | null, denominator: number | null, value: number | null) => ({ numerator, denominator, value });

describe('previousSnapshot', () => {
  it('is the snapshot of the same LA loaded just before, or null for the first', async () => {
    expect(await previousSnapshot(db, ids.a)).toBeNull();
    expect((await previousSnapshot(db, ids.b))?.snapshot_id).toBe(ids.a);
    // c is Bolton's: a and b are Wigan's, so it has none of its own
    expect(await previousSnapshot(db, ids.c)).toBeNull();
  });
});

describe('compareFigures', () => {
  it('lists exactly the figures that moved, in registry then period order (worked in the header)', async () => {
    const r = await compareFigures(db, ids.a, ids.b, parsePeriods(['2015/16:2016/17']), WIGAN);
    expect(r.from).toEqual({ id: ids.a, extracted_at: '2017-04-10' });
    expect(r.to).toEqual({ id: ids.b, extracted_at: '2017-05-10' });
    expect(r.notes).toEqual([]);
    expect(r.moves).toEqual([
      { indicator: 'cpp_per_10k', period: '2015/16', from: figure(3, 10000, 3), to: figure(4, 10000, 4), difference: 1 },
      { indicator: 'cpp_repeat_pct', period: '2015/16', from: figure(0, 2, 0), to: figure(0, 3, 0), difference: 0 },
      { indicator: 'cpp_repeat_pct', period: '2016/17', from: figure(0, 1, 0), to: figure(0, 0, null), difference: null },
      { indicator: 'cpp_repeat_2y_pct', period: '2015/16', from: figure(0, 2, 0), to: figure(0, 3, 0), difference: 0 },
      { indicator: 'cpp_repeat_2y_pct', period: '2016/17', from: figure(0, 1, 0), to: figure(0, 0, null), difference: null },
      { indicator: 'cpp_2y_plus_pct', period: '2015/16', from: figure(1, 3, 33.3), to: figure(1, 4, 25), difference: -8.3 },
    ]);
  });

  it('does not compare a period that is part-year in either snapshot, and says so once', async () => {
    // 2017/18 is part-year in both; 2016-05-01..2017-04-30 ends after A's extract date (2017-04-10) but not B's (2017-05-10)
    const periods = parsePeriods(['2017/18', '2016-05-01..2017-04-30']);
    // the figures do differ (B's late plan P5, and P3 now starting 2017-04-20, within both): the rule is what keeps them out
    const at = async (id: string) => (await figuresAt(db, await findSnapshot(db, id), periods, WIGAN)).filter((x) => x.indicator === 'cpp_per_10k').map((x) => x.value);
    expect(await at(ids.a)).toEqual([3, 3]);
    expect(await at(ids.b)).toEqual([4, 4]);
    const r = await compareFigures(db, ids.a, ids.b, periods, WIGAN);
    expect(r.moves).toEqual([]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^not compared: 2017\/18, 2016-05-01\.\.2017-04-30, part-year/);
  });

  it('does not compare snapshots of different LAs', async () => {
    const r = await compareFigures(db, ids.b, ids.c, parsePeriods(['2016/17']), WIGAN);
    expect(r.moves).toEqual([]);
    expect(r.notes).toEqual([`not compared: the earlier snapshot ${ids.b} is of another LA, Wigan (359), than this one, Bolton (350)`]);
  });
});

describe('the reports of a snapshot with an earlier one', () => {
  it('mark what moved and list it; the first snapshot has no restatement', async () => {
    const out = join(dir, 'out-b');
    const r = await runCli('report', '--db', dbFile, '--snapshot', ids.b, '--period', '2015/16:2016/17', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`6 figures restated since snapshot ${ids.a} (extracted 2017-04-10): marked † in the reports.`);
    const md = readFileSync(join(out, 'indicators.md'), 'utf8');
    expect(md).toContain('| Wigan | 4.0 † | 3.0 |');
    expect(md).toContain('| Restated since the last snapshot | † was 3.0 (+1.0) |  |');
    const list = md.slice(md.indexOf('## Restated since the last snapshot'));
    expect(list).toContain(`Extract ${ids.b} taken on 2017-05-10, against extract ${ids.a} taken on 2017-04-10`);
    expect(list).toContain('| Children on a plan at period end who have been on it for 2 years or more (%) | 2015/16 | 1 / 3 / 33.3 | 1 / 4 / 25.0 | -8.3 |');
    expect(list.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Indicator') && !l.startsWith('| :'))).toHaveLength(6);

    const first = join(dir, 'out-a');
    const a = await runCli('report', '--db', dbFile, '--snapshot', ids.a, '--period', '2015/16:2016/17', '--out', first);
    expect(a.code, a.err).toBe(0);
    expect(a.err).not.toContain('restated');
    const mdA = readFileSync(join(first, 'indicators.md'), 'utf8');
    expect(mdA).not.toContain('†');
    expect(mdA).not.toContain('Restated since the last snapshot');
  });

  it('withhold small counts in the restatement too (--suppress)', async () => {
    const out = join(dir, 'out-b-suppressed');
    const r = await runCli('report', '--db', dbFile, '--snapshot', ids.b, '--period', '2015/16:2016/17', '--out', out, '--suppress');
    expect(r.code, r.err).toBe(0);
    const list = readFileSync(join(out, 'indicators.md'), 'utf8').split('## Restated since the last snapshot')[1]!;
    // 3 and 4 children, 1 of 3 and 1 of 4: every count here is small
    expect(list).toContain('| 2015/16 | c / 10,000 / c | c / 10,000 / c | c |');
    expect(list).toContain('| 2015/16 | c / c / c | c / c / c | c |');
    expect(list).not.toMatch(/33\.3|25\.0|\+1\.0|-8\.3/);
  });
});
