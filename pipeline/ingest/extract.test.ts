/*
 * extract.ts stages the SSD files two at a time, on two connections. What a
 * user sees must not depend on which file finished first: the quarantine is
 * file by file then line by line, the notes and accounts are in file order,
 * and of two bad files the first is the one named.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputRejected } from '../errors.ts';
import { readBack } from '../../test-support/read-back.ts';
import type { ExtractFile } from './extract.ts';
import { readExtract } from './extract.ts';
import { Database } from '../db.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-extract-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// The first file in order is by far the largest, so the smaller ones after it
// finish first: appended as they finished, their bad rows would come first.
function extractFiles(): Record<string, string> {
  const people = Array.from({ length: 60_000 }, (_, i) => `C${i},2010-01-01`);
  people[59_990] = 'C59990,2010-02-30'; // not a date
  people[100] = 'C100,2099-01-01'; // after the extract date
  return {
    'ssd_cin_episodes.csv': ['cine_referral_id,cine_person_id,cine_referral_date', 'R1,C1,2016-05-01', 'R2,C2,not a date', 'R3,C3,2016-06-01'].join('\n'),
    'ssd_cp_plans.csv': ['cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date', 'P1,C1,2016-05-23', 'P1,C1,2016-05-24', 'P2,C9,'].join('\n'),
    'ssd_person.csv': ['pers_person_id,pers_dob', ...people].join('\n'),
    'ssd_s47_enquiry.csv': ['s47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date,extra', 'S1,C1,31/13/2016,x', 'S2,C2,2016-07-01,y'].join('\n'),
  };
}

// what each file gives when staged on its own (the files are independent but for the person references)
const EXPECTED_ORDER = [
  ['ssd_cin_episodes.csv', 3],
  ['ssd_cp_plans.csv', 4], // bad values first, then duplicates (ssd-csv.ts)
  ['ssd_cp_plans.csv', 2],
  ['ssd_cp_plans.csv', 3],
  ['ssd_person.csv', 102],
  ['ssd_person.csv', 59_992],
  ['ssd_s47_enquiry.csv', 2],
];

describe('staging the SSD files two at a time', () => {
  it('keeps the quarantine in file order, then line order, whichever file finished first', async () => {
    const files = extractFiles();
    for (const reader of ['duckdb', 'js'] as const) {
      let list: Record<string, string> | ExtractFile[] = files;
      if (reader === 'duckdb') {
        // DuckDB reads only files on disk
        const d = join(dir, 'x');
        mkdirSync(d, { recursive: true });
        for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
        list = Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text), abs: join(d, path) }));
      }
      const r = await readBack(list, '2017-04-10', { reader: reader === 'js' ? 'js' : undefined });
      expect(r.quarantine.map((q) => [q.file, q.line]), reader).toEqual(EXPECTED_ORDER);
      expect(r.files.map((f) => [f.file, f.rowsRead, f.rowsQuarantined]), reader).toEqual([
        ['ssd_cin_episodes.csv', 3, 1],
        ['ssd_cp_plans.csv', 3, 3],
        ['ssd_person.csv', 60_000, 2],
        ['ssd_s47_enquiry.csv', 2, 1],
      ]);
      expect(r.notes, reader).toEqual(['ssd_s47_enquiry.csv: columns not used: extra']);
    }
  });

  it('gives each file the same account, rows and quarantine as staging it alone', async () => {
    const files = extractFiles();
    const together = await readBack(files, '2017-04-10');
    for (const [name, text] of Object.entries(files)) {
      if (name === 'ssd_person.csv') continue; // the others refer to it
      const alone = await readBack({ [name]: text, 'ssd_person.csv': files['ssd_person.csv']! }, '2017-04-10');
      expect(together.quarantine.filter((q) => q.file === name)).toEqual(alone.quarantine.filter((q) => q.file === name));
      expect(together.files.find((f) => f.file === name)).toEqual(alone.files.find((f) => f.file === name));
    }
  });

  it('names the first bad file in order', async () => {
    const d = join(dir, 'bad');
    mkdirSync(d, { recursive: true });
    const files = extractFiles();
    // both rejected: the earlier (and larger) one must be the one named
    files['ssd_cin_episodes.csv'] = `cine_person_id,cine_referral_date\n${'C1,2016-05-01\n'.repeat(50_000)}`;
    files['ssd_cp_plans.csv'] = 'cppl_cp_plan_id\nP1\n';
    for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
    const db = await Database.open(':memory:');
    try {
      const error = await readExtract(db, d, '2017-04-10').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputRejected);
      // both named (validate lists every rejected file), the earlier first
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^ssd_cin_episodes\.csv, line 1, column cine_referral_id: /);
      expect(lines[1]).toMatch(/^ssd_cp_plans\.csv, line 1, column cppl_person_id: /);
    } finally {
      db.close();
    }
  });
});

describe('entries of an extract folder that are not files to read', () => {
  const read = async (d: string) => {
    const db = await Database.open(':memory:');
    try {
      return await readExtract(db, d, '2017-04-10').then(
        () => '',
        (e: unknown) => (e instanceof InputRejected ? e.message : `not rejected as input: ${String(e)}`),
      );
    } finally {
      db.close();
    }
  };

  it('rejects a named pipe named like an extract file, naming it, without waiting on it', async () => {
    const d = join(dir, 'fifo');
    mkdirSync(join(d, 'sub'), { recursive: true });
    writeFileSync(join(d, 'ssd_person.csv'), 'pers_person_id,pers_dob\n1,2010-01-01\n');
    // nothing ever writes to it: opening it to read would wait for ever
    execFileSync('mkfifo', [join(d, 'sub', 'ssd_cp_plans.csv')]);
    expect(await read(d)).toBe(`${join('sub', 'ssd_cp_plans.csv')}: is a named pipe (FIFO), not a file: safeguard reads files only (copy the data into a file)`);
  });

  it('names the entry that cannot be read, not the extract folder', async () => {
    const d = join(dir, 'links');
    mkdirSync(join(d, 'returns'), { recursive: true });
    writeFileSync(join(d, 'ssd_person.csv'), 'pers_person_id,pers_dob\n1,2010-01-01\n');
    symlinkSync(join(d, 'nowhere.csv'), join(d, 'returns', 'episodes.csv'));
    expect(await read(d)).toBe(`${join('returns', 'episodes.csv')}: cannot be read (ENOENT: a link to a file that is not there)`);
  });
});
