/*
 * The SSD reader takes some values as read in SQL (fastPath in ssd-csv.ts)
 * and parses the rest with values.ts. Whatever the fast path says it knows
 * must be what values.ts makes of it, or the two kinds of value would be read
 * by two different rules.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db.ts';
import { parseDate, parseFlag, parseId, parseText } from '../values.ts';
import type { Parsed } from '../values.ts';
import { fastPath } from './ssd-csv.ts';
import type { ColumnSpec, ValueKind } from './types.ts';

const LATEST = '2018-04-10';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

function parse(kind: ValueKind, raw: string): Parsed<string | null> {
  if (kind === 'date') return parseDate(raw, LATEST);
  if (kind === 'id') return parseId(raw);
  if (kind === 'text') return parseText(raw);
  const f = parseFlag(raw);
  return f.ok ? { ok: true, value: f.value === null ? null : String(f.value) } : f;
}

/** For each raw value: what the fast path says, or undefined where it does not know the value. */
async function fastValues(kind: ValueKind, raws: string[]): Promise<(string | null | undefined)[]> {
  const col: ColumnSpec = { source: 'x', target: 'x', kind };
  const f = fastPath(col, 'c', LATEST);
  await db.run('CREATE OR REPLACE TEMP TABLE t (i INTEGER, c VARCHAR)');
  await db.append('t', raws.map((r, i) => [i, r]));
  const rows = await db.all<{ known: boolean | null; value: string | null }>(`SELECT ${f.known} AS known, ${f.value} AS value FROM t ORDER BY i`);
  // true or false, never NULL: the lookup takes the values where it is false, and NOT NULL is not true
  expect(rows.map((r) => typeof r.known)).toEqual(raws.map(() => 'boolean'));
  return rows.map((r) => (r.known ? r.value : undefined));
}

async function expectAgrees(kind: ValueKind, raws: string[]): Promise<number> {
  const fast = await fastValues(kind, raws);
  let known = 0;
  raws.forEach((raw, i) => {
    if (fast[i] === undefined) return;
    known++;
    expect({ raw, parsed: parse(kind, raw) }).toEqual({ raw, parsed: { ok: true, value: fast[i] } });
  });
  return known;
}

const DATES = [
  '', ' ', '2016-05-23', '2016-02-29', '2015-02-29', '2016-02-30', '2016-13-01', '2016-00-10', '2016-04-31', '1900-01-01', '1899-12-31',
  '2018-04-10', '2018-04-11', '2099-01-01', '0000-01-01', ' 2016-05-23', '2016-05-23 ', '2016-5-23', '16-05-23', '23/05/2016',
  '2016-05-23 10:30:00', '2016-05-23T10:30', '\u0662\u0660\u0661\u0666-05-23', '2016-05-23\n', '20160523', '+2016-05-23',
];
const FLAGS = ['', ' ', 'Y', 'N', 'y', 'n', ' Y', 'Yes', 'yes', 'YES', 'no', '1', '0', 'true', 'False', 'T', 'f', 'x', 'maybe', '2', 'Ｙ'];
const IDS = ['', ' ', 'C1', '007', ' 007', '007 ', '\u00a0P1', 'P1\t', 'Zoë', 'ë', '😀', 'a'.repeat(200), 'a'.repeat(201), '=1+1', '"x"'];

describe('the fast path reads a value as values.ts does, wherever it reads one', () => {
  it('dates: known cases, and what it leaves to values.ts', async () => {
    const fast = await fastValues('date', DATES);
    expect(Object.fromEntries(DATES.map((d, i) => [d, fast[i]]))).toMatchObject({
      '': null,
      '2016-05-23': '2016-05-23',
      '2016-02-29': '2016-02-29',
      '1900-01-01': '1900-01-01',
      '2018-04-10': '2018-04-10',
      '2015-02-29': undefined,
      '1899-12-31': undefined,
      '2018-04-11': undefined,
      ' 2016-05-23': undefined,
      '23/05/2016': undefined,
    });
    expect(await expectAgrees('date', DATES)).toBe(5);
  });

  it('dates: any string of digits and dashes', async () => {
    const digits = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    const near = fc.oneof(digits, fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', '/'), maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(near, { minLength: 1, maxLength: 50 }), async (raws) => {
        await expectAgrees('date', raws);
      }),
      { numRuns: 60 },
    );
  });

  it('flags, IDs and codes', async () => {
    expect(await expectAgrees('flag', FLAGS)).toBeGreaterThan(10);
    expect(await expectAgrees('id', IDS)).toBeGreaterThan(3);
    expect(await expectAgrees('text', IDS)).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 40 }), async (raws) => {
        for (const kind of ['id', 'text', 'flag', 'date'] as const) await expectAgrees(kind, raws);
      }),
      { numRuns: 40 },
    );
  });
});
