import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { readBack } from '../../test-support/read-back.ts';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-ingest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


function extract(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

// P1 from March 2016: the plans then cover 2016/17 whole (indicators.md v2, "Coverage": an SSD file covers from the month of its earliest record)
const GOOD = {
  'ssd_person.csv': '\uFEFFpers_person_id,pers_dob\r\n007,2010-01-01\r\n7,2011-02-03\r\n',
  'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nP1,007,2016-03-23,\nP2,7,23/06/2016,2017-03-31 00:00:00.000\n',
  'population.csv': 'year,population\n2016,10000\n',
};

/** Every row of every table, so "unchanged" means unchanged. */
async function dump(dbFile: string): Promise<string> {
  const db = await Database.open(dbFile);
  try {
    const tables = await db.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'store' ORDER BY 1");
    const parts: string[] = [];
    const loadTimes: Record<string, string> = { snapshot: ' EXCLUDE (loaded_at)', benchmark: ' EXCLUDE (imported_at)' };
    for (const t of tables) {
      parts.push(t.table_name, JSON.stringify(await db.all(`SELECT *${loadTimes[t.table_name] ?? ''} FROM store.${t.table_name} ORDER BY ALL`)));
    }
    return parts.join('\n');
  } finally {
    db.close();
  }
}

async function cppFigures(dbFile: string): Promise<unknown> {
  const r = await runCli('indicators', '--db', dbFile, '--period', '2016/17', '--format', 'json');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out) as { snapshot: unknown; results: { indicator: string; numerator: number; denominator: number; value: number }[] };
  return { snapshot: doc.snapshot, results: doc.results.map((x) => [x.indicator, x.numerator, x.denominator, x.value]) };
}

describe('ingest', () => {
  it('loads an extract with a BOM, CRLF, mixed date forms and leading-zero IDs', async () => {
    const db = join(dir, 'db.duckdb');
    const r = await runCli('ingest', extract('good', GOOD), '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/ssd_cp_plans\.csv\s+cp_plan\s+2\s+2\s+0/);
    const doc = (await cppFigures(db)) as { results: [string, number, number, number][] };
    // P1 open at 31 March 2017; P2 ended on 31 March, so not open: 1 child of 10,000 -> 1.0
    expect(doc.results.find((x) => x[0] === 'cpp_per_10k')).toEqual(['cpp_per_10k', 1, 10000, 1]);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('loads into a database file of any name, even the old name of the staging area', async () => {
    // DuckDB names a database after its file; the staging area is attached beside it under a name no file can give
    for (const name of ['safeguard_staging.duckdb', 'safeguard.duckdb']) {
      const r = await runCli('ingest', extract('good', GOOD), '--db', join(dir, name), '--extract-date', '2017-04-10');
      expect(r.err).not.toContain('internal error');
      expect(r.code).toBe(0);
    }
  });

  it('rejects a file missing a required column with exit 3 naming file and column, and changes nothing', async () => {
    const db = join(dir, 'db.duckdb');
    expect((await runCli('ingest', extract('good', GOOD), '--db', db, '--extract-date', '2017-04-10')).code).toBe(0);
    const before = await dump(db);
    const bad = extract('bad', { ...GOOD, 'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id\nP1,007\n', 'ssd_person.csv': 'pers_person_id,pers_dob\n9,2012-01-01\n' });
    const r = await runCli('ingest', bad, '--db', db, '--extract-date', '2017-04-10');
    expect(r.code).toBe(3);
    expect(r.err).toContain('ssd_cp_plans.csv');
    expect(r.err).toContain('column cppl_cp_plan_start_date');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(await dump(db)).toBe(before);
  });

  it.each([
    ['semicolon-separated', { 'ssd_person.csv': 'pers_person_id;pers_dob\n1;2010-01-01\n' }, /semicolon-separated/],
    ['Latin-1', { 'ssd_person.csv': Buffer.from('pers_person_id,pers_dob\n1,2010-01-01\nJos\xe9,2010-01-01\n', 'latin1') }, /line 3: is not valid UTF-8/],
    ['an unbalanced quote', { 'ssd_person.csv': 'pers_person_id,pers_dob\n"1,2010-01-01\n2,2010-01-01\n' }, /line 2: has a quoted field that is never closed/],
    ['an empty file', { 'ssd_person.csv': '' }, /is empty/],
  ])('rejects %s with exit 3 and writes no database', async (_name, files, message) => {
    const d = join(dir, 'x');
    mkdirSync(d);
    for (const [f, content] of Object.entries(files)) writeFileSync(join(d, f), content);
    const db = join(dir, 'never.duckdb');
    const r = await runCli('ingest', d, '--db', db);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });

  it('ingesting the same files again changes nothing; a deleted database rebuilt gives the same figures', async () => {
    const db = join(dir, 'db.duckdb');
    const src = extract('good', GOOD);
    await runCli('ingest', src, '--db', db, '--extract-date', '2017-04-10');
    const figures = await cppFigures(db);
    const before = await dump(db);
    const again = await runCli('ingest', src, '--db', db, '--extract-date', '2017-04-10');
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/already loaded as snapshot/);
    expect(await dump(db)).toBe(before);
    expect(await cppFigures(db)).toEqual(figures);
    rmSync(db);
    await runCli('ingest', src, '--db', db, '--extract-date', '2017-04-10');
    expect(await cppFigures(db)).toEqual(figures);
  });

  it('uses the latest snapshot, and an earlier one on request', async () => {
    const db = join(dir, 'db.duckdb');
    await runCli('ingest', extract('a', GOOD), '--db', db, '--extract-date', '2017-04-10');
    const first = (await cppFigures(db)) as { snapshot: { id: string } };
    // a later extract in which P1 was recorded as ended in March (late recording)
    const later = { ...GOOD, 'ssd_cp_plans.csv': GOOD['ssd_cp_plans.csv'].replace('P1,007,2016-03-23,', 'P1,007,2016-03-23,2017-03-01') };
    await runCli('ingest', extract('b', later), '--db', db, '--extract-date', '2017-05-10');
    const latest = (await cppFigures(db)) as { results: [string, number][] };
    expect(latest.results.find((x) => x[0] === 'cpp_per_10k')![1]).toBe(0);
    const r = await runCli('indicators', '--db', db, '--period', '2016/17', '--format', 'json', '--snapshot', first.snapshot.id);
    expect(JSON.parse(r.out).results.find((x: { indicator: string }) => x.indicator === 'cpp_per_10k').numerator).toBe(1);
  });
});

describe('--export-parquet', () => {
  it("writes the snapshot's tables as Parquet partitioned by LA and snapshot, the same rows as the database", async () => {
    const db = join(dir, 'db.duckdb');
    const pq = join(dir, 'parquet');
    const r = await runCli('ingest', extract('good', GOOD), '--db', db, '--la', '359', '--extract-date', '2017-04-10', '--export-parquet', pq);
    expect(r.code).toBe(0);
    const h = await Database.open(':memory:');
    try {
      const rows = await h.all<{ la_code: string; person_id: string }>(`SELECT la_code, person_id FROM read_parquet('${pq}/cp_plan/*/*/*.parquet', hive_partitioning = true, hive_types_autocast = false) ORDER BY person_id`);
      expect(rows).toEqual([
        { la_code: '359', person_id: '007' },
        { la_code: '359', person_id: '7' },
      ]);
    } finally {
      h.close();
    }
  });
});

describe('quarantine', () => {
  const parse = (files: Record<string, string>) =>
    readBack(
      Object.entries(files).map(([path, t]) => ({ path, bytes: new TextEncoder().encode(t) })),
      '2017-04-10',
    );

  it('keeps each bad row with file, line, column, value and reason, and loads the rest', async () => {
    const p = await parse({
      'ssd_person.csv': 'pers_person_id,pers_dob\n1,2010-01-01\n2,2010-01-01\n',
      'ssd_cp_plans.csv': [
        'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date',
        'P1,1,2016-05-23,',
        'P2,1,31/02/2016,', // impossible date
        ',1,2016-05-23,', // missing id
        'P3,1,2016-05-23,2016-05-01', // end before start
        'P4,99,2016-05-23,', // unknown child
        'P5,1,2016-05-23', // a field short
        'P6,2,2016-06-01,',
        'P6,2,2016-07-01,', // same id, different content: neither loaded
        'P7,2,01/02/16,', // two-digit year
        'P8,2,2019-01-01,', // after the extract date + 1 year
      ].join('\n'),
      'ssd_cp_reviews.csv': 'cppr_cp_review_id,cppr_cp_plan_id,cppr_cp_review_date\nR1,P1,2016-08-20\nR2,P1,2016-08-20\nR2,P1,2016-08-20\nR3,P6,2016-09-01\n',
    });
    const q = p.quarantine.map((x) => [x.file, x.line, x.column, x.value, x.reason]);
    expect(q).toEqual(
      expect.arrayContaining([
        ['ssd_cp_plans.csv', 3, 'cppl_cp_plan_start_date', '31/02/2016', "'31/02/2016' is not a real date"],
        ['ssd_cp_plans.csv', 4, 'cppl_cp_plan_id', null, 'cppl_cp_plan_id is empty'],
        ['ssd_cp_plans.csv', 5, 'cppl_cp_plan_end_date', '2016-05-01', 'cppl_cp_plan_end_date is before cppl_cp_plan_start_date (end_date before start_date)'],
        ['ssd_cp_plans.csv', 6, 'cppl_person_id', '99', 'refers to a child who is not in ssd_person.csv'],
        ['ssd_cp_plans.csv', 7, null, null, 'has 3 fields; the header has 4 (a stray comma, or a row cut short)'],
        ['ssd_cp_plans.csv', 8, 'cppl_cp_plan_id', null, 'the same ID is on lines 8, 9 with different values; none loaded until the extract is corrected'],
        ['ssd_cp_plans.csv', 9, 'cppl_cp_plan_id', null, 'the same ID is on lines 8, 9 with different values; none loaded until the extract is corrected'],
        ['ssd_cp_plans.csv', 10, 'cppl_cp_plan_start_date', '01/02/16', "'01/02/16' has a two-digit year; use YYYY-MM-DD or DD/MM/YYYY"],
        ['ssd_cp_plans.csv', 11, 'cppl_cp_plan_start_date', '2019-01-01', "'2019-01-01' is after 2018-04-10 (the extract date plus one year)"],
        ['ssd_cp_reviews.csv', 4, 'cppr_cp_review_id', null, 'exact copy of the row on line 3 (loaded once)'],
        ['ssd_cp_reviews.csv', 5, 'cppr_cp_plan_id', 'P6', 'refers to a plan that is not in ssd_cp_plans.csv (or was quarantined)'],
      ]),
    );
    expect(p.quarantine).toHaveLength(11);
    const plans = p.files.find((f) => f.file === 'ssd_cp_plans.csv')!;
    // every row accounted for: read = loaded + quarantined
    expect([plans.rowsRead, plans.rowsLoaded, plans.rowsQuarantined]).toEqual([10, 1, 9]);
    const reviews = p.files.find((f) => f.file === 'ssd_cp_reviews.csv')!;
    expect([reviews.rowsRead, reviews.rowsLoaded, reviews.rowsQuarantined]).toEqual([4, 2, 2]);
  });

  it('leaves quarantined rows out of every indicator', async () => {
    const db = join(dir, 'db.duckdb');
    const d = extract('q', {
      ...GOOD,
      'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nP1,007,2016-03-23,\nP9,404,2016-05-23,\n',
    });
    const r = await runCli('ingest', d, '--db', db, '--extract-date', '2017-04-10');
    expect(r.err).toMatch(/ssd_cp_plans\.csv\s+cp_plan\s+2\s+1\s+1/);
    expect(r.err).not.toContain('404'); // the summary names no identifier
    const doc = (await cppFigures(db)) as { results: [string, number][] };
    expect(doc.results.find((x) => x[0] === 'cpp_per_10k')![1]).toBe(1);
  });
});

describe('validate', () => {
  it('prints each problem with file, line and column and writes nothing', async () => {
    // one row of two quarantined: a file mostly quarantined is a problem of its own (real-exports.test.ts)
    const d = extract('v', { ...GOOD, 'ssd_cp_plans.csv': 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\nP1,007,2016-02-30\nP2,7,2016-03-01\n' });
    const defaultDbExisted = existsSync('./safeguard.duckdb');
    const r = await runCli('validate', d, '--extract-date', '2017-04-10');
    expect(r.code).toBe(0);
    expect(r.out).toContain("ssd_cp_plans.csv, line 2, column cppl_cp_plan_start_date: '2016-02-30' is not a real date");
    expect(existsSync('./safeguard.duckdb')).toBe(defaultDbExisted);
    expect(existsSync(join(d, 'safeguard.duckdb'))).toBe(false);
  });
});
