import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/cli.ts';


describe('exit codes (cli.md)', () => {
  it('2 for bad usage: an unknown command, option or period form', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    expect((await runCli('indicators', '--format', 'xml')).code).toBe(2);
    const r = await runCli('indicators', '--db', ':memory:', '--period', 'last year');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/period 'last year' is not understood/);
  });

  it('2 for an LA code that is not an English LA', async () => {
    const r = await runCli('ingest', 'fixtures', '--la', '999', '--db', ':memory:');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--la 999/);
  });

  it('1 with a message when nothing has been ingested', async () => {
    const r = await runCli('indicators', '--db', ':memory:');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing has been ingested/);
  });

  it('3 for an extract folder that does not exist', async () => {
    const r = await runCli('ingest', 'no/such/folder', '--db', ':memory:');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no\/such\/folder: is not a folder/);
  });

  it('3 for a benchmark file whose columns are not recognised, naming the columns expected', async () => {
    const r = await runCli('benchmarks', 'import', 'data/bank-holidays-england-and-wales.csv', '--db', ':memory:');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/columns \[date, name, source\]/);
    expect(r.err).toMatch(/indicator,period,comparator,value/);
  });

  it('0 for help', async () => {
    expect((await runCli('--help')).code).toBe(0);
  });
});

describe('bad usage is exit 2 with a message, never an internal error (issue 14)', () => {
  it('an impossible period or extract date', async () => {
    for (const p of ['0999/00', '0000-01', '9999/00', '2016/17:9999/00', '0000-01:2016-12', '2017-02-30..2017-03-31', '1899-01-01..2016-01-01']) {
      const r = await runCli('indicators', '--db', ':memory:', '--period', p);
      expect(r.code, p).toBe(2);
      expect(r.err, p).toMatch(/period '.*'/);
      expect(r.err).not.toMatch(/internal error|NaN/);
    }
    for (const d of ['2017-02-30', '2017-13-01', '0000-01-01', '9999-12-31', '2017-2-3']) {
      const r = await runCli('ingest', 'fixtures', '--db', ':memory:', '--extract-date', d);
      expect(r.code, d).toBe(2);
      expect(r.err, d).toMatch(/--extract-date .*: give the date the extract was taken as YYYY-MM-DD/);
      expect((await runCli('validate', 'fixtures', '--extract-date', d)).code, d).toBe(2);
    }
  });

  it('an empty --la is not "no LA"', async () => {
    for (const cmd of ['ingest', 'run']) {
      const r = await runCli(cmd, 'fixtures', '--la', '', '--db', ':memory:');
      expect(r.code, cmd).toBe(2);
      expect(r.err).toMatch(/--la needs a code/);
    }
  });
});

describe('problems of the machine are exit 1 with the path and what to do (issue 14)', () => {
  it('an --out or --db whose parent is a file, or a folder that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-env-'));
    try {
      const file = join(dir, 'a-file');
      writeFileSync(file, 'x');
      mkdirSync(join(dir, 'ex'));
      writeFileSync(join(dir, 'ex', 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-0001,2010-01-01\n');
      const db = join(dir, 'db.duckdb');
      const cases = [
        ['run', join(dir, 'ex'), '--db', db, '--out', join(file, 'reports'), '--extract-date', '2017-04-10', '--period', '2016/17'],
        ['ingest', join(dir, 'ex'), '--db', join(file, 'db.duckdb'), '--extract-date', '2017-04-10'],
        ['ingest', join(dir, 'ex'), '--db', join(dir, 'no', 'such', 'db.duckdb'), '--extract-date', '2017-04-10'],
        ['ingest', join(dir, 'ex'), '--db', db, '--export-parquet', join(file, 'parquet'), '--extract-date', '2017-04-10'],
      ];
      for (const args of cases) {
        const r = await runCli(...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err).not.toMatch(/internal error|fault in safeguard/);
        expect(r.err).toMatch(new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*: (a part of the path is a file|it does not exist|something already exists)`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('benchmarks import (issue 14)', () => {
  it('a value no indicator can take is not imported: file, line, column and reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-bench-'));
    try {
      const file = join(dir, 'board.csv');
      writeFileSync(file, 'indicator,period,comparator,value\nrereferrals_12m_pct,2016/17,england,-5\nrereferrals_12m_pct,2016/17,region,140\nrereferrals_12m_pct,2016/17,sn,21.5\n');
      const db = join(dir, 'db.duckdb');
      const r = await runCli('benchmarks', 'import', file, '--db', db);
      expect(r.err).toMatch(/board\.csv, line 2, column value: -5 is negative/);
      expect(r.err).toMatch(/board\.csv, line 3, column value: 140 is over 100 for a percentage/);
      const { Database } = await import('./pipeline/db.ts');
      const h = await Database.open(db);
      try {
        expect(await h.all('SELECT comparator, value FROM store.benchmark ORDER BY ALL')).toEqual([{ comparator: 'sn', value: 21.5 }]);
      } finally {
        h.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a run that fails on its output folder stores nothing (issue 14)', () => {
  it('run --out or ingest --export-parquet under a file: exit 1 and no snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-out-'));
    try {
      const file = join(dir, 'a-file');
      writeFileSync(file, 'x');
      mkdirSync(join(dir, 'ex'));
      writeFileSync(join(dir, 'ex', 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-0001,2010-01-01\n');
      const db = join(dir, 'db.duckdb');
      expect((await runCli('run', join(dir, 'ex'), '--db', db, '--out', join(file, 'r'), '--extract-date', '2017-04-10')).code).toBe(1);
      expect((await runCli('ingest', join(dir, 'ex'), '--db', db, '--export-parquet', join(file, 'p'), '--extract-date', '2017-04-10')).code).toBe(1);
      expect((await runCli('snapshots', 'list', '--db', db)).err).toMatch(/there is no database/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
