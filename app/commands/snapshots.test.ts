import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyPath } from '../../pipeline/pseudonym.ts';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-snap-'));
  db = join(dir, 'db.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


function extract(name: string, plans: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  writeFileSync(join(d, 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-0001,2010-01-01\n');
  writeFileSync(join(d, 'ssd_cp_plans.csv'), `cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\n${plans}`);
  return d;
}

const HOSTILE_ROWS = 'P1,CHILD-0001,2016-05-23,\nP2,CHILD-9999,2016-05-23,\nP3,CHILD-0001,=HYPERLINK("x"),\n';

describe('quarantine', () => {
  it('is headed OFFICIAL-SENSITIVE and pseudonymises identifiers, with the same pseudonym every time', async () => {
    await runCli('ingest', extract('a', HOSTILE_ROWS), '--db', db, '--extract-date', '2017-04-10');
    const r = await runCli('quarantine', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(r.out).not.toContain('CHILD-9999');
    const pseudonym = /P-[0-9a-f]{12}/.exec(r.out)![0];
    expect((await runCli('quarantine', '--db', db)).out).toContain(pseudonym);
    expect(statSync(keyPath(db)).mode & 0o777).toBe(0o600);
    // the key is the database's own: another database gives another pseudonym
    const other = join(dir, 'other.duckdb');
    await runCli('ingest', extract('b', HOSTILE_ROWS), '--db', other, '--extract-date', '2017-04-10');
    expect((await runCli('quarantine', '--db', other)).out).not.toContain(pseudonym);
  });

  it('shows identifiers with --reveal-ids, and neutralises formulas in CSV', async () => {
    await runCli('ingest', extract('a', HOSTILE_ROWS), '--db', db, '--extract-date', '2017-04-10');
    const r = await runCli('quarantine', '--db', db, '--format', 'csv', '--reveal-ids');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(lines[1]).toBe('file,line,column,value,reason');
    expect(r.out).toContain('CHILD-9999');
    expect(r.out).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines).toHaveLength(4);
  });
});

describe('snapshots', () => {
  it('lists snapshots and deletes one with all its rows, leaving the other', async () => {
    await runCli('ingest', extract('a', 'P1,CHILD-0001,2016-05-23,\n'), '--db', db, '--extract-date', '2017-04-10');
    await runCli('ingest', extract('b', 'P1,CHILD-0001,2016-05-23,2016-12-01\n'), '--db', db, '--extract-date', '2017-05-10');
    const list = await runCli('snapshots', 'list', '--db', db);
    const ids = [...list.out.matchAll(/^([0-9a-f]{16})\s/gm)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const del = await runCli('snapshots', 'delete', ids[1]!.slice(0, 8), '--db', db);
    expect(del.code).toBe(0);
    const after = await runCli('snapshots', 'list', '--db', db);
    expect(after.out).toContain(ids[0]!);
    expect(after.out).not.toContain(ids[1]!);
    const r = await runCli('indicators', '--db', db, '--period', '2016/17', '--format', 'json');
    expect(JSON.parse(r.out).snapshot.id).toBe(ids[0]);
  });

  it('says so when a snapshot does not exist', async () => {
    await runCli('ingest', extract('a', 'P1,CHILD-0001,2016-05-23,\n'), '--db', db, '--extract-date', '2017-04-10');
    const r = await runCli('snapshots', 'delete', 'ffffffff', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no snapshot ffffffff/);
  });
});

describe('two runs at once', () => {
  it('fails the second with a clear message and leaves the database intact', async () => {
    await runCli('ingest', extract('a', 'P1,CHILD-0001,2016-05-23,\n'), '--db', db, '--extract-date', '2017-04-10');
    // another process holds the database open for writing
    const holder = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      `import { DuckDBInstance } from '@duckdb/node-api'; const i = await DuckDBInstance.create(${JSON.stringify(db)}); await i.connect(); console.log('ready'); setTimeout(() => {}, 30000);`,
    ]);
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        holder.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
      });
      const r = await runCli('ingest', extract('b', 'P1,CHILD-0001,2016-05-23,2016-12-01\n'), '--db', db, '--extract-date', '2017-05-10');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/in use by another safeguard run; wait for it to finish and try again/);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((res) => setTimeout(res, 200));
    const list = await runCli('snapshots', 'list', '--db', db);
    expect(list.code).toBe(0);
    expect([...list.out.matchAll(/^[0-9a-f]{16}\s/gm)]).toHaveLength(1);
  });
});
