/*
 * The shared fragments that count without a range join (countInPeriod,
 * countOpenAtEnd, countChildrenOpenAtEnd) against the rule as written: every
 * record joined to every period it belongs to. Random records and periods,
 * including records ending before they start, open records, touching and
 * overlapping records for one child, and dates on period boundaries.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../pipeline/db.ts';
import { countChildrenOpenAtEnd, countInPeriod, countOpenAtEnd, openAtEnd } from './sql.ts';

// days from 2015-12-25: the periods below start and end inside that range, so records fall on every side of them
const day = fc.integer({ min: 0, max: 140 });
const record = fc.record({ person: fc.integer({ min: 1, max: 3 }), start: fc.option(day, { nil: null, freq: 8 }), end: fc.option(day, { nil: null, freq: 3 }) });
const period = fc.tuple(fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 60 })).map(([s, len]) => [s, s + len] as const);

const date = (d: number | null) => (d === null ? 'NULL' : `DATE '2015-12-25' + INTERVAL ${d} DAY`);

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

async function setUp(records: { person: number; start: number | null; end: number | null }[], periods: (readonly [number, number])[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE rec (person_id VARCHAR, start_date DATE, end_date DATE)');
  if (records.length > 0) {
    await db.run(`INSERT INTO rec VALUES ${records.map((r) => `('C${r.person}', ${date(r.start)}, ${date(r.end)})`).join(', ')}`);
  }
  await db.run('CREATE OR REPLACE TEMP TABLE period (period_id INTEGER, period_start DATE, period_end DATE)');
  await db.run(`INSERT INTO period VALUES ${periods.map(([s, e], i) => `(${i}, ${date(s)}, ${date(e)})`).join(', ')}`);
  await db.run(
    'CREATE OR REPLACE TEMP TABLE period_day AS SELECT period_id, CAST(unnest(generate_series(period_start, period_end, INTERVAL 1 DAY)) AS DATE) AS day FROM period',
  );
}

async function counts(sql: string): Promise<Record<number, number>> {
  const rows = await db.all<{ period_id: number; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [Number(r.period_id), Number(r.n)]));
}

const cases = fc.record({ records: fc.array(record, { maxLength: 15 }), periods: fc.array(period, { minLength: 1, maxLength: 5 }) });

describe('counting fragments agree with the rule joined period by period', () => {
  it('countInPeriod: records dated in the period, both ends inclusive', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ records, periods }) => {
        await setUp(records, periods);
        const rule = `SELECT p.period_id, count(x.start_date) FILTER (WHERE x.person_id <> 'C1') AS n
                      FROM period p LEFT JOIN rec x ON x.start_date BETWEEN p.period_start AND p.period_end GROUP BY p.period_id`;
        expect(await counts(countInPeriod('rec', 'start_date', { filter: "x.person_id <> 'C1'" }))).toEqual(await counts(rule));
      }),
      { numRuns: 150 },
    );
  });

  it('countOpenAtEnd: records open at period end', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ records, periods }) => {
        await setUp(records, periods);
        const rule = `SELECT p.period_id, count(r.start_date) AS n FROM period p LEFT JOIN rec r ON ${openAtEnd('r')} GROUP BY p.period_id`;
        expect(await counts(countOpenAtEnd('rec', 'start_date', 'end_date'))).toEqual(await counts(rule));
      }),
      { numRuns: 150 },
    );
  });

  it('countChildrenOpenAtEnd: distinct children with a record open at period end', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ records, periods }) => {
        await setUp(records, periods);
        const rule = `SELECT p.period_id, count(DISTINCT r.person_id) AS n FROM period p LEFT JOIN rec r ON ${openAtEnd('r')} GROUP BY p.period_id`;
        expect(await counts(countChildrenOpenAtEnd('rec'))).toEqual(await counts(rule));
      }),
      { numRuns: 300 },
    );
  });

  it('countChildrenOpenAtEnd: a long record covering two later short ones is one spell', async () => {
    // C1: days 0-100, 10-20, 30-40; C2: 50-60 then 60-70 (touching). Open at day 35: C1 once. At 65: C1 and C2.
    const records = [
      { person: 1, start: 0, end: 100 },
      { person: 1, start: 10, end: 20 },
      { person: 1, start: 30, end: 40 },
      { person: 2, start: 50, end: 60 },
      { person: 2, start: 60, end: 70 },
    ];
    await setUp(records, [[0, 35], [0, 65], [0, 100]]);
    expect(await counts(countChildrenOpenAtEnd('rec'))).toEqual({ 0: 1, 1: 2, 2: 0 });
  });
});
