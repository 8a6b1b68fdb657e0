/*
 * Problems of the machine are named as such (environment.ts): each errno
 * safeguard can meet, and DuckDB's words for them, become exit 1 with the path,
 * the cause and what to do; damage is never "in use"; a bug is left alone.
 */
import { describe, expect, it } from 'vitest';
import { environmentError } from './environment.ts';

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });
}

describe('environmentError', () => {
  const cases: [string, RegExp][] = [
    ['ENOSPC', /disk is full; free some space/],
    ['EACCES', /permission denied/],
    ['EPERM', /not permitted/],
    ['EROFS', /read-only file system; choose a folder you can write to/],
    ['ENOTDIR', /a part of the path is a file, not a folder/],
    ['EEXIST', /a file where a folder should be/],
    ['ENOENT', /does not exist/],
    ['EISDIR', /is a folder/],
  ];
  for (const [code, message] of cases) {
    it(`${code}: exit 1, naming the path and the cause`, () => {
      const e = environmentError(errno(code, '/data/out/indicators.md'));
      expect(e?.exitCode).toBe(1);
      expect(e?.message).toMatch(/^\/data\/out\/indicators\.md: /);
      expect(e?.message).toMatch(message);
    });
  }

  it("DuckDB's words for the same, naming the file DuckDB names, else the database", () => {
    expect(environmentError(new Error('IO Error: Could not write file "/d/db.duckdb.wal": No space left on device'), '/d/db.duckdb')?.message).toBe(
      '/d/db.duckdb.wal: the disk is full; free some space (or choose a folder on another disk) and run again',
    );
    expect(environmentError(new Error('IO Error: Cannot open file: Read-only file system'), '/ro/db.duckdb')?.message).toMatch(/^\/ro\/db\.duckdb: it is on a read-only file system/);
    expect(environmentError(new Error('IO Error: Cannot open file "/x/db": Permission denied'), '/x/db')?.message).toMatch(/permission denied/);
  });

  it('damage is reported as damage, never as "in use" (the old /lock/ matched "block")', () => {
    const e = environmentError(
      new Error('IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 2895872'),
      '/d/db.duckdb',
    );
    expect(e?.message).toMatch(/the database \/d\/db\.duckdb is damaged/);
    expect(e?.message).not.toMatch(/in use/);
  });

  it('a lock held by another process is "in use"', () => {
    const e = environmentError(new Error('IO Error: Could not set lock on file "/d/db.duckdb": Conflicting lock is held in node (PID 12)'), '/d/db.duckdb');
    expect(e?.message).toMatch(/in use by another safeguard run/);
  });

  it('leaves a bug alone (it stays an internal error)', () => {
    expect(environmentError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBeNull();
    expect(environmentError(new Error('Binder Error: Referenced column "x" not found'), '/d/db.duckdb')).toBeNull();
  });
});
