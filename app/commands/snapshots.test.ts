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

describe('snapshot IDs and prefixes are literal (cli.md v2)', () => {
  async function twoSnapshots(): Promise<string[]> {
    await runCli('ingest', extract('a', 'P1,CHILD-0001,2016-05-23,\n'), '--db', db, '--extract-date', '2017-04-10');
    await runCli('ingest', extract('b', 'P1,CHILD-0001,2016-05-23,2016-12-01\n'), '--db', db, '--extract-date', '2017-05-10');
    const list = await runCli('snapshots', 'list', '--db', db);
    return [...list.out.matchAll(/^([0-9a-f]{16})\s/gm)].map((m) => m[1]!);
  }

  it('a wildcard deletes nothing: % and _ are characters, not patterns', async () => {
    const ids = await twoSnapshots();
    for (const wild of ['%', '_', '%%', `${ids[1]!.slice(0, 2)}%`, '_'.repeat(16)]) {
      const r = await runCli('snapshots', 'delete', wild, '--db', db);
      expect(r.code, wild).toBe(1);
      expect(r.err).toMatch(/there is no snapshot/);
      expect((await runCli('indicators', '--db', db, '--snapshot', wild, '--period', '2016/17')).code).toBe(1);
    }
    const after = await runCli('snapshots', 'list', '--db', db);
    for (const id of ids) expect(after.out).toContain(id);
  });

  it('a prefix naming more than one snapshot is exit 2 listing them; an empty one is exit 2', async () => {
    await twoSnapshots();
    // two snapshots whose IDs share a prefix, as any two will once there are enough of them
    const { Database } = await import('../../pipeline/db.ts');
    const h = await Database.open(db);
    await h.run(`INSERT INTO store.snapshot (snapshot_id, seq, la_code, extract_dir, extracted_at, loaded_at, content_sha256)
                 VALUES ('abcd000000000001', 10, NULL, 'x', DATE '2017-04-10', now()::TIMESTAMP, 'x'),
                        ('abcd000000000002', 11, NULL, 'y', DATE '2017-04-10', now()::TIMESTAMP, 'y')`);
    h.close();
    const r = await runCli('snapshots', 'delete', 'abcd', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/abcd is the start of 2 snapshots \(abcd000000000001, abcd000000000002\)/);
    expect((await runCli('quarantine', '--db', db, '--snapshot', 'abcd')).code).toBe(2);
    expect((await runCli('snapshots', 'delete', '', '--db', db)).code).toBe(2);
    expect((await runCli('snapshots', 'list', '--db', db)).out).toContain('abcd000000000002');
    expect((await runCli('snapshots', 'delete', 'abcd000000000002', '--db', db)).code).toBe(0);
    expect((await runCli('snapshots', 'delete', 'abcd', '--db', db)).code).toBe(0);
  });
});

describe('the current snapshot (cli.md v2)', () => {
  it('ingesting earlier files again makes their snapshot current again, and says so', async () => {
    const good = extract('good', 'P1,CHILD-0001,2016-05-23,\n');
    const bad = extract('bad', 'P1,CHILD-0001,2016-05-23,2016-05-24\n');
    await runCli('ingest', good, '--db', db, '--extract-date', '2017-04-10');
    await runCli('ingest', bad, '--db', db, '--extract-date', '2017-04-10');
    const json = async () => JSON.parse((await runCli('indicators', '--db', db, '--period', '2016/17', '--format', 'json')).out) as { snapshot: { id: string } };
    const badId = (await json()).snapshot.id;
    const again = await runCli('ingest', good, '--db', db, '--extract-date', '2017-04-10');
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/already loaded as snapshot [0-9a-f]{16}; nothing new was stored, and it is the current snapshot again/);
    const goodId = (await json()).snapshot.id;
    expect(goodId).not.toBe(badId);
    const list = await runCli('snapshots', 'list', '--db', db);
    expect(list.out).toMatch(new RegExp(`^${goodId}\\s.*yes$`, 'm'));
    expect([...list.out.matchAll(/^[0-9a-f]{16}\s/gm)]).toHaveLength(2);
    // the same again changes nothing
    expect((await runCli('ingest', good, '--db', db, '--extract-date', '2017-04-10')).err).toMatch(/the current snapshot; nothing changed/);
    // deleting the current one leaves the one made current before it
    await runCli('snapshots', 'delete', goodId, '--db', db);
    expect((await json()).snapshot.id).toBe(badId);
  });

  it('a database made before v2 (no made_current) still opens, by load order, and gains it on the next ingest', async () => {
    await runCli('ingest', extract('a', 'P1,CHILD-0001,2016-05-23,\n'), '--db', db, '--extract-date', '2017-04-10');
    await runCli('ingest', extract('b', 'P1,CHILD-0001,2016-05-23,2016-12-01\n'), '--db', db, '--extract-date', '2017-05-10');
    const { Database } = await import('../../pipeline/db.ts');
    const h = await Database.open(db);
    await h.run('ALTER TABLE store.snapshot DROP COLUMN made_current');
    h.close();
    const latest = JSON.parse((await runCli('indicators', '--db', db, '--period', '2016/17', '--format', 'json')).out).snapshot.id as string;
    expect((await runCli('snapshots', 'list', '--db', db)).out).toMatch(new RegExp(`^${latest}\\s.*yes$`, 'm'));
    const again = await runCli('ingest', join(dir, 'a'), '--db', db, '--extract-date', '2017-04-10');
    expect(again.err).toMatch(/current snapshot again/);
    expect(JSON.parse((await runCli('indicators', '--db', db, '--period', '2016/17', '--format', 'json')).out).snapshot.id).not.toBe(latest);
  });
});

describe('a damaged pseudonym key', () => {
  it('is refused by quarantine (exit 1), never used as a weak key', async () => {
    await runCli('ingest', extract('a', HOSTILE_ROWS), '--db', db, '--extract-date', '2017-04-10');
    writeFileSync(keyPath(db), '');
    const r = await runCli('quarantine', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not a valid key/);
    expect(r.out).not.toMatch(/P-[0-9a-f]{12}/);
  });
});
