/*
 * `safeguard report` and `safeguard run`: the performance subgroup's tables
 * (Markdown, CSV, Excel) and the scrutineer's trends (self-contained HTML),
 * written to one folder. The renderers in reports/ are pure; this is the one
 * place their output becomes files.
 */
import { join } from 'node:path';
import { computeIndicators } from '../../pipeline/compute.ts';
import { Database } from '../../pipeline/db.ts';
import { makeFolder, writeOwnerOnly } from '../../pipeline/files.ts';
import { resolveLa } from '../../pipeline/la.ts';
import { financialYearStarting, lastWholeMonth, latestCompleteFinancialYear, monthlySeries, shiftMonth } from '../../pipeline/periods.ts';
import { findSnapshot } from '../../pipeline/snapshots.ts';
import { INDICATORS } from '../../metrics/index.ts';
import { RENDERERS } from '../../reports/index.ts';
import type { MonthlySeries, ReportInput } from '../../reports/index.ts';
import type { IndicatorsDocument } from '../../metrics/types.ts';
import { buildDocument, indicatorsTable } from './indicators.ts';
import type { DocumentOptions } from './indicators.ts';
import { ingest } from './ingest.ts';
import type { Io } from '../io.ts';

export interface ReportOptions extends DocumentOptions {
  db: string;
  out: string;
  suppress?: boolean;
}

/** The scrutineer's monthly trend covers at most ten years. */
const MAX_MONTHS = 120;
/** The board's annual report sets four financial years side by side. */
const DEFAULT_YEARS = 4;

export async function report(opts: ReportOptions, io: Io): Promise<string[]> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    return await writeReports(db, await buildDocument(db, { ...opts, period: await reportPeriods(db, opts) }), opts, io);
  } finally {
    db.close();
  }
}

/** The periods asked for, or the board's layout: the latest four complete financial years. */
async function reportPeriods(db: Database, opts: ReportOptions): Promise<string[]> {
  if (opts.period && opts.period.length > 0) return opts.period;
  const snap = await findSnapshot(db, opts.snapshot);
  const latest = latestCompleteFinancialYear(snap.data_to ?? snap.extracted_at);
  const firstYear = Number(latest.start.slice(0, 4)) - DEFAULT_YEARS + 1;
  return [`${financialYearStarting(firstYear).label}:${latest.label}`];
}

/** Renders the reports from results already computed, and writes them: the one place report files are written. */
async function writeReports(db: Database, doc: IndicatorsDocument, opts: ReportOptions, io: Io): Promise<string[]> {
  const snap = await findSnapshot(db, opts.snapshot);
  const monthly = await monthlyTrend(db, snap.snapshot_id, snap.data_to ?? snap.extracted_at, doc.la ? [doc.la.code, doc.la.ons_code] : []);
  const input: ReportInput = {
    doc,
    definitions: INDICATORS.map(({ id, title, area, polarity, unit, definition, dfeSource }) => ({ id, title, area, polarity, unit, definition, dfeSource })),
    monthly,
    generatedAt: new Date().toISOString(),
    suppress: opts.suppress ?? false,
  };
  makeFolder(opts.out);
  const written: string[] = [];
  for (const [name, render] of Object.entries(RENDERERS)) {
    const path = join(opts.out, name);
    writeOwnerOnly(path, await render(input));
    written.push(path);
  }
  io.err(`Reports for ${doc.la?.name ?? `snapshot ${snap.snapshot_id}`}${opts.suppress ? ' (small counts suppressed for publication)' : ''}:`);
  for (const w of written) io.err(`  ${w}`);
  return written;
}

/**
 * Rolling 12 months ending each month the extract covers in full, the latest
 * ten years at most. "Covers" starts at the earliest referral: the front door
 * records every case from the case system's first day, whereas a care episode
 * from 2004 only means that child was still in care when the system went live
 * (the earliest date of any table would put years of false zeros on the chart).
 * Without referrals, the earliest date of any table is used.
 */
async function monthlyTrend(db: Database, snapshotId: string, dataTo: string, laCodes: string[]): Promise<MonthlySeries[]> {
  const from = await db.one<{ d: string | null }>(
    `SELECT coalesce(
       (SELECT min(referral_date) FROM store.referral WHERE snapshot_id = $id),
       (SELECT min(d) FROM (
          SELECT min(start_date) AS d FROM store.s47_enquiry WHERE snapshot_id = $id
          UNION ALL SELECT min(start_date) FROM store.cp_plan WHERE snapshot_id = $id
          UNION ALL SELECT min(start_date) FROM store.cla_episode WHERE snapshot_id = $id))) AS d`,
    { id: snapshotId },
  );
  if (!from?.d) return [];
  // the last month wholly covered, and the first whose 12 months are all in the extract
  const lastMonth = lastWholeMonth(dataTo);
  const firstMonth = shiftMonth(from.d.slice(0, 7), from.d.slice(8) === '01' ? 11 : 12);
  const months = firstMonth > lastMonth ? [] : monthlySeries(firstMonth, lastMonth).slice(-MAX_MONTHS);
  if (months.length === 0) return [];
  const results = await computeIndicators(db, { snapshotId, periods: months, laCodes });
  return INDICATORS.map((ind) => ({
    indicator: ind.id,
    points: results
      .filter((r) => r.indicator === ind.id)
      .map((r) => ({ period: r.period, period_end: r.period_end, value: r.value, numerator: r.numerator, denominator: r.denominator })),
  }));
}


export interface RunOptions extends ReportOptions {
  la?: string;
  extractDate?: string;
  exportParquet?: string;
}

/** The monthly job in one step: ingest, indicators (bundled DfE benchmarks), reports. */
export async function runJob(extractDir: string, opts: RunOptions, io: Io): Promise<void> {
  if (opts.la !== undefined) resolveLa(opts.la);
  // an --out that cannot be made fails before the ingest stores anything
  makeFolder(opts.out);
  await ingest(extractDir, { db: opts.db, la: opts.la, extractDate: opts.extractDate, exportParquet: opts.exportParquet }, io);
  await tableAndReports(opts, io);
}

/** The indicators table on stdout, then the reports from the same results. */
export async function tableAndReports(opts: ReportOptions, io: Io): Promise<void> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    const doc = await buildDocument(db, { ...opts, period: await reportPeriods(db, opts) });
    io.out(indicatorsTable(doc, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }), { colour: true });
    await writeReports(db, doc, opts, io);
  } finally {
    db.close();
  }
}
