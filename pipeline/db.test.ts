/*
 * Nothing but a DuckDB database is opened as one (db.ts): a CSV, Parquet or
 * TSV file named as --db is refused and left unchanged, a read command on a
 * mistyped path creates nothing, and damage found mid-query is named as damage.
 */
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from './db.ts';
import { runCli } from '../test-support/cli.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A one-file extract (made once per test). */
function extract(): string {
  const e = join(dir, 'ex');
  if (!existsSync(e)) {
    mkdirSync(e);
    writeFileSync(join(e, 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-0001,2010-01-01\n');
  }
  return e;
}

describe('only a DuckDB database is opened as one', () => {
  it('refuses a CSV, TSV, text or Parquet file as --db, exit 1, and leaves it unchanged', async () => {
    const parquet = join(dir, 'people.parquet');
    const h = await Database.open(':memory:');
    await h.run(`COPY (SELECT 1 AS a) TO '${parquet}' (FORMAT parquet)`);
    h.close();
    const files = {
      [join(dir, 'people.csv')]: 'pers_person_id,pers_dob\n1,2010-01-01\n',
      [join(dir, 'people.tsv')]: 'pers_person_id\tpers_dob\n1\t2010-01-01\n',
      [join(dir, 'notes.duckdb')]: 'twelve bytes or more of text, not a database',
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(f, text);
    for (const f of [...Object.keys(files), parquet]) {
      const before = readFileSync(f);
      const r = await runCli('ingest', extract(), '--db', f, '--extract-date', '2017-04-10');
      expect(r.code, f).toBe(1);
      expect(r.err).toMatch(/is not a safeguard database \(not a DuckDB database file\)/);
      expect(r.err).not.toMatch(/Loaded snapshot|internal error/);
      expect(readFileSync(f).equals(before), f).toBe(true);
      expect(existsSync(`${f}.wal`)).toBe(false);
      for (const cmd of [['indicators'], ['snapshots', 'list'], ['quarantine']]) expect((await runCli(...cmd, '--db', f)).code).toBe(1);
      const b = await runCli('benchmarks', 'import', 'app/demo/wigan-board-benchmarks.csv', '--db', f);
      expect(b.code).toBe(1);
      expect(readFileSync(f).equals(before), f).toBe(true);
    }
  });

  it('a read command on a path with nothing there says so, exit 1, and creates nothing', async () => {
    const missing = join(dir, 'mistyped.duckdb');
    for (const cmd of [['indicators'], ['report', '--out', join(dir, 'r')], ['snapshots', 'list'], ['snapshots', 'delete', 'abc'], ['quarantine']]) {
      const r = await runCli(...cmd, '--db', missing);
      expect(r.code, cmd.join(' ')).toBe(1);
      expect(r.err).toMatch(/there is no database at .*mistyped\.duckdb: check --db/);
      expect(existsSync(missing)).toBe(false);
      expect(existsSync(`${missing}.key`)).toBe(false);
    }
    // an empty file is not a database to read either, but a new one to ingest into
    const empty = join(dir, 'empty.duckdb');
    writeFileSync(empty, '');
    expect((await runCli('indicators', '--db', empty)).err).toMatch(/empty file, not a database/);
    expect((await runCli('ingest', extract(), '--db', empty, '--extract-date', '2017-04-10')).code).toBe(0);
    expect((await runCli('snapshots', 'list', '--db', empty)).code).toBe(0);
  });

  it('a folder as --db is named as a folder', async () => {
    const r = await runCli('ingest', extract(), '--db', dir, '--extract-date', '2017-04-10');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is a folder, not a database file/);
  });

  it('a database damaged in the middle is reported as damaged, never "in use", exit 1', async () => {
    const db = join(dir, 'db.duckdb');
    const h = await Database.open(db);
    await h.run('CREATE SCHEMA store; CREATE TABLE store.big AS SELECT range AS a, md5(range::VARCHAR) AS b FROM range(300000)');
    await h.run('CREATE TABLE store.snapshot AS SELECT 1 AS seq');
    h.close();
    const size = statSync(db).size;
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, Math.floor(size / 2));
    closeSync(fd);
    const opened = await Database.open(db, { existing: true });
    try {
      await expect(opened.all('SELECT sum(length(b)) FROM store.big')).rejects.toThrow(/is damaged.*restore it from a backup/);
    } finally {
      opened.close();
    }
  });
});

describe('a database file named like the store schema', () => {
  it('is refused with a plain message (DuckDB would confuse the file with the schema), any case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safeguard-store-name-'));
    for (const name of ['store.duckdb', 'Store.db']) {
      await expect(Database.open(join(dir, name))).rejects.toThrow(/may not be named "store"/);
    }
    // any other name is a database
    (await Database.open(join(dir, 'stores.duckdb'))).close();
    rmSync(dir, { recursive: true, force: true });
  });
});
