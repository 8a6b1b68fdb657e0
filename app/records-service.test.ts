/*
 * Issue 16's acceptance: for every indicator, for a financial year and for a
 * month (a calendar month and 12 months ending a month), the records listed
 * add up to the figure computed on its own, on the demo's extract. The
 * figures here come from computeIndicators in a separate run, not from the
 * check inside recordsOf, so the test fails if either side drifts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSsdExtract } from './demo/generator/index.ts';
import { computeIndicators } from '../pipeline/compute.ts';
import { Database } from '../pipeline/db.ts';
import { parseExtractFiles } from '../pipeline/ingest/extract.ts';
import { loadSnapshot } from '../pipeline/ingest/load.ts';
import { resolveLa } from '../pipeline/la.ts';
import { parsePeriods } from '../pipeline/periods.ts';
import { findSnapshot } from '../pipeline/store.ts';
import { INDICATORS } from '../metrics/index.ts';
import { excludedRecords, figureRecords, recordsOf, rowsOfPart } from './records-service.ts';

const EXTRACT_DATE = '2017-04-10';
const PERIODS = ['2015/16', '2016-01-01..2016-01-31', '2016-10'];

let db: Database;
let snapshotId: string;

beforeAll(async () => {
  db = await Database.open(':memory:');
  const files = Object.entries(generateSsdExtract().files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  const parsed = await parseExtractFiles(db, files, EXTRACT_DATE);
  ({ snapshotId } = await loadSnapshot(db, parsed, { extractDir: 'generated', extractDate: EXTRACT_DATE, la: resolveLa('359') }));
});

afterAll(() => db.close());

describe('records add up to the figure (demo extract)', () => {
  it.each(INDICATORS.map((i) => i.id))('%s: a financial year, a calendar month and 12 months ending a month', async (id) => {
    const indicator = INDICATORS.find((i) => i.id === id)!;
    const periods = parsePeriods(PERIODS);
    const figures = await computeIndicators(db, { snapshotId, periods, indicators: [indicator], laCodes: ['359'] });
    const [lists] = await recordsOf(db, await findSnapshot(db, snapshotId), [indicator], periods);
    lists!.forEach((list, i) => {
      const figure = figures[i]!;
      expect(figure.numerator, `${id} ${PERIODS[i]} has a figure`).not.toBeNull();
      expect(rowsOfPart(list.rows, 'numerator').length, `${id} ${PERIODS[i]} numerator`).toBe(figure.numerator);
      if (indicator.denominatorSql === 'population') {
        expect(rowsOfPart(list.rows, 'denominator')).toEqual([]);
      } else {
        expect(rowsOfPart(list.rows, 'denominator').length, `${id} ${PERIODS[i]} denominator`).toBe(figure.denominator);
      }
      // every row of the denominator left out of the numerator says why; no numerator row has a reason
      for (const r of list.rows) expect(r.reason === null, `${id}: ${JSON.stringify(r)}`).toBe(r.in_numerator);
    });
    // the comparison means something only where there were records: the year has some
    expect(lists![0]!.rows.length, `${id} 2015/16 lists records`).toBeGreaterThan(0);
  });

  it('a percentage lists the records of its denominator that are not in its numerator, each with its reason', async () => {
    const list = await figureRecords(db, { indicator: 'icpc_within_15wd_pct', period: '2015/16' });
    const late = list.rows.filter((r) => !r.in_numerator);
    expect(late.length).toBeGreaterThan(0);
    expect(list.details).toEqual(['s47_start', 'icpc_date', 'working_days']);
    for (const r of late.filter((x) => typeof x.details.working_days === 'number')) {
      expect(r.details.working_days as number).toBeGreaterThan(15);
      expect(r.reason).toBe(`${r.details.working_days as number} working days: more than 15`);
    }
  });

  it('excluded lists the transfer-in conferences the definition leaves out, with the reason', async () => {
    const indicator = INDICATORS.find((i) => i.id === 'icpc_per_10k')!;
    await figureRecords(db, { indicator: 'icpc_per_10k', period: '2015/16' });
    const excluded = await excludedRecords(db, indicator);
    const transferIns = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM store.icpc WHERE snapshot_id = $id AND transfer_in AND icpc_date BETWEEN DATE '2015-04-01' AND DATE '2016-03-31'`,
      { id: snapshotId },
    );
    expect(Number(transferIns!.n)).toBeGreaterThan(0);
    expect(excluded.filter((r) => r.reason?.startsWith('a transfer-in conference')).length).toBe(Number(transferIns!.n));
  });

  it('refuses a span of periods and an unknown indicator, as bad usage', async () => {
    await expect(figureRecords(db, { indicator: 'icpc_per_10k', period: '2014/15:2015/16' })).rejects.toThrow(/give one period/);
    await expect(figureRecords(db, { indicator: 'nope', period: '2015/16' })).rejects.toThrow(/no such indicator; use one of referrals_per_10k/);
  });
});
