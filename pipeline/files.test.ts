/*
 * Every file safeguard writes ends owner-only, new or not (files.ts): reports
 * and Parquet exports that were already there at 0644 come out 0600, folders
 * safeguard creates are 0700, and a symbolic link in the way is replaced, not
 * written through.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.ts';
import { writeOwnerOnly } from './files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(d: string): string[] {
  return readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
const mode = (p: string) => statSync(p).mode & 0o777;

describe('owner-only files', () => {
  it('writeOwnerOnly replaces a loose file (0600 after) and a symbolic link, leaving no temp file', () => {
    const loose = join(dir, 'a.md');
    writeFileSync(loose, 'old');
    chmodSync(loose, 0o644);
    writeOwnerOnly(loose, 'new');
    expect(mode(loose)).toBe(0o600);
    expect(readFileSync(loose, 'utf8')).toBe('new');
    const target = join(dir, 'elsewhere');
    writeFileSync(target, 'not yours');
    symlinkSync(target, join(dir, 'b.md'));
    writeOwnerOnly(join(dir, 'b.md'), 'report');
    expect(lstatSync(join(dir, 'b.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('not yours');
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'elsewhere']);
  });

  it('reports and Parquet exports that existed at 0644 are 0600 after a run; folders it creates are 0700', async () => {
    const ex = join(dir, 'ex');
    mkdirSync(ex);
    writeFileSync(join(ex, 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-0001,2010-01-01\n');
    writeFileSync(join(ex, 'ssd_cp_plans.csv'), 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nP1,CHILD-0001,2016-05-23,\n');
    const db = join(dir, 'db.duckdb');
    const out = join(dir, 'new', 'reports');
    const parquet = join(dir, 'parquet');
    for (let run = 0; run < 2; run++) {
      // the second time round, every file is there already, loosened as another program (or a copy) might leave it
      if (run === 1) for (const f of [...filesUnder(out), ...filesUnder(parquet), db]) chmodSync(f, 0o644);
      if (run === 1) rmSync(db);
      expect((await runCli('ingest', ex, '--db', db, '--export-parquet', parquet, '--extract-date', '2017-04-10')).code).toBe(0);
      expect((await runCli('report', '--db', db, '--out', out, '--period', '2016/17')).code).toBe(0);
      const written = [...filesUnder(out), ...filesUnder(parquet)];
      expect(written.length).toBeGreaterThan(5);
      for (const f of [...written, db]) expect(mode(f), f).toBe(0o600);
    }
    expect(mode(join(dir, 'new'))).toBe(0o700);
    expect(mode(out)).toBe(0o700);
  });
});
