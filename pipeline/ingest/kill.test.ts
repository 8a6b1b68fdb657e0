/*
 * An ingest killed at any point (SIGKILL: no handler runs) leaves the database
 * openable with every earlier snapshot intact and its figures unchanged; a
 * snapshot is there whole or not at all.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { generateSsdExtract } from '../../app/demo/generator/index.ts';
import { writeExtract } from '../../app/demo/generator/write.ts';
import { BENCH_EXTRACT_DATE, writeScaledExtract } from '../../app/demo/generator/scaled.ts';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
let big: string;
let small: string;


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-kill-'));
  small = join(dir, 'small');
  await writeExtract(small, generateSsdExtract());
  big = join(dir, 'big');
  writeScaledExtract(big, 3);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts an ingest of the big extract and kills it when `when` says so; resolves once it is dead. */
function ingestAndKill(db: string, when: { afterMs: number } | { onWal: true }): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/safeguard.js', 'ingest', big, '--db', db, '--la', '359', '--extract-date', BENCH_EXTRACT_DATE], { stdio: 'ignore' });
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    if ('afterMs' in when) setTimeout(kill, when.afterMs);
    else {
      const poll = setInterval(() => {
        if (existsSync(`${db}.wal`)) {
          clearInterval(poll);
          kill();
        }
      }, 5);
      child.on('exit', () => clearInterval(poll));
    }
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

describe('an ingest killed with SIGKILL', () => {
  for (const when of [{ afterMs: 400 }, { onWal: true as const }]) {
    it(`leaves earlier snapshots intact (${JSON.stringify(when)})`, async () => {
      const db = join(dir, `db-${JSON.stringify(when).replace(/\W/g, '')}.duckdb`);
      expect((await runCli('ingest', small, '--db', db, '--la', '359', '--extract-date', '2017-04-10')).code).toBe(0);
      const before = await runCli('indicators', '--db', db, '--period', '2013/14:2016/17', '--format', 'json');
      const first = JSON.parse(before.out).snapshot.id as string;

      const signal = await ingestAndKill(db, when);

      // the database opens, and the first snapshot's figures are exactly as before
      const after = await runCli('indicators', '--db', db, '--period', '2013/14:2016/17', '--format', 'json', '--snapshot', first);
      expect(after.code).toBe(0);
      expect(JSON.parse(after.out).results).toEqual(JSON.parse(before.out).results);
      // the killed snapshot is absent, or (if it committed before the kill) whole
      const h = await Database.open(db);
      try {
        const snaps = await h.all<{ snapshot_id: string }>('SELECT snapshot_id FROM store.snapshot ORDER BY seq');
        expect(snaps[0]!.snapshot_id).toBe(first);
        if (snaps.length === 2) {
          const id = snaps[1]!.snapshot_id;
          const accounts = await h.all<{ target_table: string; rows_loaded: number }>('SELECT target_table, rows_loaded FROM store.snapshot_file WHERE snapshot_id = $id', { id });
          for (const a of accounts) {
            const n = await h.one<{ n: number }>(`SELECT count(*) AS n FROM store.${a.target_table} WHERE snapshot_id = $id`, { id });
            expect(n!.n).toBe(a.rows_loaded);
          }
        } else {
          expect(signal).toBe('SIGKILL');
          expect(snaps).toHaveLength(1);
        }
      } finally {
        h.close();
      }
    });
  }
});
