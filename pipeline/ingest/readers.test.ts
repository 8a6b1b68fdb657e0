/*
 * The SSD adapter has two CSV readers (ssd-csv.ts): DuckDB's, for files with
 * one record per line, and csv.ts for everything else. Whatever the file, the
 * two must give the same staged rows, the same quarantine (line, column,
 * value, reason), the same accounts, or the same rejection. The last block
 * pins what DuckDB's reader cannot do, which is why csv.ts is kept: when one
 * of those fails, DuckDB has learnt it, and csv.ts may do less.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { InputRejected } from '../errors.ts';
import { literal } from '../db.ts';
import { oneRecordPerLine } from './ssd-csv.ts';
import { readBack } from '../../test-support/read-back.ts';
import type { ReadBack } from '../../test-support/read-back.ts';

const dir = mkdtempSync(join(tmpdir(), 'safeguard-readers-'));
let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const PERSON = 'pers_person_id,pers_dob\n1,2010-01-01\nC2,2012-02-29\n007,2015-06-01\n';
const HEADER = 'cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_note';

const cell = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('P1', 'P2', 'P3', '1', 'C2', '007', ' 007 ', 'C9', '2016-05-23', '2016-05-22 10:30:00', '23/05/2016', '31/02/2016', '2099-01-01', '16-05-23', '', ' ') },
  { weight: 2, arbitrary: fc.constantFrom('"P1"', '"a,b"', 'ab"c', '"x""y"', '"2016-05-23"', '\u00a0P1', 'Zoë', '😀', '=1+1', 'P1\t') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)) },
);
/** null four times in five */
function sometimes<T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });
}
const row = fc.oneof({ weight: 20, arbitrary: fc.array(cell, { minLength: 5, maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 7 }) });
const file = fc.record({
  rows: fc.array(row, { maxLength: 25 }),
  eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r'),
  bom: fc.boolean(),
  blankAt: sometimes(fc.nat(25)),
  quotedBreakAt: sometimes(fc.nat(25)),
  finalEol: fc.boolean(),
});

let n = 0;
let native = 0;
let eligible = 0;

async function both(text: string): Promise<[ReadBack | string, ReadBack | string]> {
  const k = n++;
  const path = join(dir, `plans-${k}.csv`);
  writeFileSync(path, text);
  const bytes = new TextEncoder().encode(text);
  if (oneRecordPerLine(bytes)) eligible++;
  const files = (withAbs: boolean) => [
    { path: 'ssd_person.csv', bytes: new TextEncoder().encode(PERSON) },
    { path: 'ssd_cp_plans.csv', bytes, ...(withAbs ? { abs: path } : {}) },
  ];
  const attempt = async (withAbs: boolean, reader: 'auto' | 'js'): Promise<ReadBack | string> => {
    try {
      return await readBack(files(withAbs), '2017-04-10', { reader }, db);
    } catch (e) {
      if (!(e instanceof InputRejected)) throw e;
      return e.message;
    }
  };
  const auto = await attempt(true, 'auto');
  const js = await attempt(false, 'js');
  if (typeof auto !== 'string' && auto.files.find((f) => f.file === 'ssd_cp_plans.csv')?.reader === 'duckdb') native++;
  return [auto, js];
}

/** The same result with the reader's name left out. */
function comparable(r: ReadBack | string): unknown {
  if (typeof r === 'string') return r;
  return { ...r, files: r.files.map(({ reader: _r, ...f }) => f) };
}

describe('the two SSD CSV readers', () => {
  it('stage, quarantine and account for any file alike, or reject it alike', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const lines = [HEADER, ...f.rows.map((r) => r.join(','))];
        if (f.quotedBreakAt !== null && lines.length > 1) {
          const at = 1 + (f.quotedBreakAt % (lines.length - 1));
          lines[at] = `"P${at}${f.eol}x",1,2016-05-23,,`;
        }
        if (f.blankAt !== null) lines.splice(Math.min(f.blankAt, lines.length), 0, '');
        const text = (f.bom ? '\ufeff' : '') + lines.join(f.eol) + (f.finalEol ? f.eol : '');
        const [auto, js] = await both(text);
        expect(comparable(auto)).toEqual(comparable(js));
      }),
      { numRuns: 100 },
    );
    // the property means something only if DuckDB read a good share of the files
    expect(eligible).toBeGreaterThan(n / 5);
    expect(native).toBeGreaterThan(n / 10);
  });

  it('quarantines a row with empty fields past the last column, as csv.ts does (DuckDB would drop them)', async () => {
    for (const eol of ['\n', '\r\n']) {
      for (const finalEol of [true, false]) {
        // line 2: five fields, the last empty (fine); line 3: six; line 4: seven; lines 5 and 6 fine
        // (rows too long in most of a file are an export without text qualifiers: the file is rejected, real-exports.test.ts)
        const text = [HEADER, 'P1,1,2016-05-23,,', 'P2,1,2016-05-23,,,', 'P3,1,2016-05-23,,,,', 'P4,1,2016-05-23,,', 'P5,1,2016-05-23,,'].join(eol) + (finalEol ? eol : '');
        const [auto, js] = await both(text);
        expect(comparable(auto)).toEqual(comparable(js));
        const a = auto as ReadBack;
        expect(a.quarantine.map((q) => [q.line, q.reason])).toEqual([
          [3, 'has 6 fields; the header has 5 (a stray comma, or a row cut short)'],
          [4, 'has 7 fields; the header has 5 (a stray comma, or a row cut short)'],
        ]);
        expect(a.tables.get('cp_plan')!.lines).toEqual([2, 5, 6]);
      }
    }
  });

  it('reads a large one-record-per-line file with DuckDB, every line number right', async () => {
    const rows = [HEADER];
    for (let i = 1; i <= 60_000; i++) rows.push(i % 9973 === 0 ? `P${i},1,not a date,,` : `P${i},1,2016-05-23,,`);
    const [auto, js] = await both(`${rows.join('\n')}\n`);
    expect(typeof auto).not.toBe('string');
    const a = auto as ReadBack;
    expect(a.files.find((f) => f.file === 'ssd_cp_plans.csv')?.reader).toBe('duckdb');
    expect(a.quarantine.map((q) => q.line)).toEqual([9974, 19947, 29920, 39893, 49866, 59839]);
    expect(a.tables.get('cp_plan')!.lines.slice(0, 3)).toEqual([2, 3, 4]);
    expect(comparable(auto)).toEqual(comparable(js));
  });
});

describe("what DuckDB's CSV reader cannot do (why csv.ts is kept)", () => {
  const read = async (name: string, text: string, options = '') => {
    const path = join(dir, name);
    writeFileSync(path, text);
    const rows = await db.all<{ a: string }>(
      `SELECT a FROM read_csv(${literal(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                              columns = {'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR'}, strict_mode = true, null_padding = false${options})`,
    );
    return rows.map((r) => r.a);
  };

  it('gives no line for a row it reads, and numbers a bad row by records, not lines, after a quoted line break', async () => {
    // "2,q" is on line 4 (the quoted field of line 2 runs on to line 3); store_rejects says 3
    const rows = await read('break.csv', 'a,b,c\n1,"x\ny",z\n2,q\n3,r,s\n', ', store_rejects = true, rejects_table = break_rejects');
    expect(rows).toEqual(['1', '3']);
    const errors = await db.all<{ line: number }>('SELECT line FROM break_rejects');
    expect(errors.map((e) => Number(e.line))).toEqual([3]);
  });

  it('drops empty fields past the last column without a word', async () => {
    // "2,q,r,," has five fields under a three-column header: csv.ts quarantines it
    expect(await read('trailing.csv', 'a,b,c\n1,x,z\n2,q,r,,\n')).toEqual(['1', '2']);
  });

  it('drops a last row longer than its buffer (32 MiB) without an error, even when strict', async () => {
    const text = `a,b,c\n1,x,z\n2,q,r\n3,s,${'t'.repeat(31 * 1024 * 1024)}\n`;
    expect(await read('long.csv', text)).toEqual(['1', '2']);
  });
});
