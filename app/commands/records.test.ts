/*
 * `safeguard records`: the list a CP chair asks for, as a user gets it.
 * A hand-made extract, January to March 2024, ICPCs within 15 working days:
 *   ICPC-1  s47 2024-01-02 (Tue) -> ICPC 2024-01-23: 15 working days (3, 4, 5, 8-12, 15-19, 22, 23 Jan): within
 *   ICPC-2  s47 2024-01-02       -> ICPC 2024-01-24: 16 working days: late
 *   ICPC-3  s47 2023-12-20       -> ICPC 2024-01-10: 12 working days (21, 22, 27, 28, 29 Dec; 2-5, 8-10 Jan;
 *           25 and 26 Dec and 1 Jan are bank holidays): within
 *   ICPC-4  no s47 enquiry       -> 2024-02-01: in the denominator only
 *   ICPC-5  a transfer-in        -> 2024-02-05: left out by the definition
 *   ICPC-6  dated 2024-07-15, after the extract date (2024-06-30): left out, not yet happened
 * Figure: 2 / 4 = 50.0%.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.ts';

let dir: string;
let db: string;

const IDS = ['CHILD-A', 'CHILD-B', 'CHILD-C', 'CHILD-D', 'CHILD-E', 'ICPC-1', 'ICPC-2', 'ICPC-3', 'ICPC-4', 'ICPC-5', 'ICPC-6', 'S47-1', 'S47-2', 'S47-3'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safeguard-records-'));
  db = join(dir, 'db.duckdb');
  const x = join(dir, 'extract');
  mkdirSync(x);
  writeFileSync(join(x, 'ssd_person.csv'), 'pers_person_id,pers_dob\nCHILD-A,2015-01-01\nCHILD-B,2015-01-01\nCHILD-C,2015-01-01\nCHILD-D,2015-01-01\nCHILD-E,2015-01-01\n');
  writeFileSync(
    join(x, 'ssd_s47_enquiry.csv'),
    's47e_s47_enquiry_id,s47e_person_id,s47e_s47_start_date\nS47-1,CHILD-A,2024-01-02\nS47-2,CHILD-B,2024-01-02\nS47-3,CHILD-C,2023-12-20\n',
  );
  writeFileSync(
    join(x, 'ssd_initial_cp_conference.csv'),
    'icpc_icpc_id,icpc_person_id,icpc_icpc_date,icpc_s47_enquiry_id,icpc_icpc_transfer_in\n' +
      'ICPC-1,CHILD-A,2024-01-23,S47-1,N\nICPC-2,CHILD-B,2024-01-24,S47-2,N\nICPC-3,CHILD-C,2024-01-10,S47-3,N\nICPC-4,CHILD-D,2024-02-01,,N\nICPC-5,CHILD-E,2024-02-05,,Y\n' +
      // dated after the extract date (2024-06-30): not yet happened
      'ICPC-6,CHILD-E,2024-07-15,,N\n',
  );
  writeFileSync(join(x, 'population.csv'), 'year,population\n2023,50000\n');
  const r = await runCli('ingest', x, '--db', db, '--extract-date', '2024-06-30', '--la', '359');
  expect(r.code, r.err).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the quarter the conferences fall in: the extract's ICPCs cover only from January 2024 (their earliest month)
const PERIOD = '2024-01-01..2024-03-31';
const args = (...more: string[]) => ['records', '--db', db, '--indicator', 'icpc_within_15wd_pct', '--period', PERIOD, ...more];

describe('safeguard records', () => {
  it('lists the denominator with the working days and the reason, headed OFFICIAL-SENSITIVE, identifiers pseudonymised', async () => {
    const r = await runCli(...args());
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(lines[1]).toBe('child,record,record_id,in_numerator,in_denominator,reason,s47_start,icpc_date,working_days');
    const rows = lines.slice(2).map((l) => l.split(',').slice(3).join(','));
    expect(rows.sort()).toEqual(
      [
        'yes,yes,,2024-01-02,2024-01-23,15',
        'no,yes,16 working days: more than 15,2024-01-02,2024-01-24,16',
        'yes,yes,,2023-12-20,2024-01-10,12',
        'no,yes,no linked section 47 enquiry,,2024-02-01,',
      ].sort(),
    );
    for (const id of IDS) expect(r.out + r.err).not.toContain(id);
    expect(r.err).toContain('50% = 2 / 4');
  });

  it('--part numerator --reveal-ids: the two within 15 working days, as recorded', async () => {
    const r = await runCli(...args('--part', 'numerator', '--reveal-ids'));
    expect(r.code, r.err).toBe(0);
    const ids = r.out.trim().split('\n').slice(2).map((l) => l.split(',')[2]);
    expect(ids.sort()).toEqual(['ICPC-1', 'ICPC-3']);
  });

  it('--part excluded: the transfer-in conference, with the reason', async () => {
    const r = await runCli(...args('--part', 'excluded', '--reveal-ids'));
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n').slice(1)).toEqual([
      'child,record,record_id,starts,ends,reason',
      'CHILD-E,icpc,ICPC-5,2024-02-05,,a transfer-in conference: not an initial conference (DfE)',
    ]);
  });

  it('--part excluded over a period the extract date cuts short: the conference dated after it', async () => {
    const r = await runCli('records', '--db', db, '--indicator', 'icpc_per_10k', '--period', '2024-04-01..2024-09-30', '--part', 'excluded', '--reveal-ids');
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n').slice(2)).toEqual(['CHILD-E,icpc,ICPC-6,2024-07-15,,held after the extract date: not yet happened']);
  });

  it('no figure, no list: a period after the extract date, or before the data, exits 1 with the reason and prints no record', async () => {
    for (const period of ['2024-07-01..2024-07-31', '2022/23']) {
      const r = await runCli('records', '--db', db, '--indicator', 'icpc_per_10k', '--period', period);
      expect(r.code, period).toBe(1);
      expect(r.out, period).toBe('');
      expect(r.err, period).toMatch(/no value: .*there are no records to list/);
    }
  });

  it('--out never overwrites the database or its pseudonym key', async () => {
    for (const out of [db, `${db}.key`]) {
      const r = await runCli(...args('--out', out));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is the database or its key/);
    }
    expect((await runCli('snapshots', 'list', '--db', db)).code).toBe(0);
  });

  it('--format xlsx --out: an owner-only workbook, marked, that reads back', async () => {
    const out = join(dir, 'late.xlsx');
    const r = await runCli(...args('--format', 'xlsx', '--out', out));
    expect(r.code, r.err).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Records')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^OFFICIAL-SENSITIVE/);
    const values: string[] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1).join('|')));
    expect(values.filter((v) => v.includes('|icpc|')).length).toBe(4);
    expect(values.some((v) => v.includes('16 working days: more than 15'))).toBe(true);
    for (const id of IDS) expect(values.join('\n')).not.toContain(id);
  });

  it('bad usage exits 2 and says why: a rate has no records in its denominator, a span is not one period, xlsx needs a file', async () => {
    const rate = await runCli('records', '--db', db, '--indicator', 'icpc_per_10k', '--period', PERIOD, '--part', 'denominator');
    expect(rate.code).toBe(2);
    expect(rate.err).toMatch(/a rate: its denominator is the population/);
    const span = await runCli(...args().slice(0, -1), '2022/23:2023/24');
    expect(span.code).toBe(2);
    expect(span.err).toMatch(/give one period/);
    const xlsx = await runCli(...args('--format', 'xlsx'));
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toMatch(/give --out FILE/);
  });
});

describe('safeguard records --out through a symbolic link', () => {
  it('refuses the database reached by a link as --db', async () => {
    const link = join(dir, 'link.duckdb');
    symlinkSync(db, link);
    const r = await runCli('records', '--db', link, '--indicator', 'icpc_per_10k', '--period', PERIOD, '--out', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is the database or its key/);
    expect((await runCli('snapshots', 'list', '--db', db)).code).toBe(0);
  });
});
