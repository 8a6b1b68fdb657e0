/*
 * `safeguard report` and `safeguard run`: the performance subgroup's tables
 * (Markdown, CSV, Excel) and the scrutineer's trends (self-contained HTML),
 * written to one folder. The figures come from the indicators service, the
 * bytes from the pure renderers in reports/; this is the one place their
 * output becomes files.
 */
import { join } from 'node:path';
import { Database } from '../../pipeline/db.ts';
import { makeFolder, writeOwnerOnly } from '../../pipeline/files.ts';
import { resolveLa } from '../../pipeline/la.ts';
import { RENDERERS } from '../../reports/index.ts';
import { indicatorsTable } from '../../reports/terminal.ts';
import type { IndicatorsDocument } from '../../metrics/types.ts';
import { buildDocument, buildReportInput, reportPeriods } from '../indicators-service.ts';
import type { DocumentOptions } from '../indicators-service.ts';
import { ingest } from './ingest.ts';
import type { Io } from '../io.ts';
import { colourOn } from '../io.ts';

export interface ReportOptions extends DocumentOptions {
  db: string;
  out: string;
  suppress?: boolean;
}

export async function report(opts: ReportOptions, io: Io): Promise<string[]> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    return await writeReports(db, await buildDocument(db, { ...opts, period: await reportPeriods(db, opts) }), opts, io);
  } finally {
    db.close();
  }
}

/** Renders the reports from results already computed, and writes them: the one place report files are written. */
async function writeReports(db: Database, doc: IndicatorsDocument, opts: ReportOptions, io: Io): Promise<string[]> {
  const input = await buildReportInput(db, doc, opts);
  makeFolder(opts.out);
  const written: string[] = [];
  for (const [name, render] of Object.entries(RENDERERS)) {
    const path = join(opts.out, name);
    writeOwnerOnly(path, await render(input));
    written.push(path);
  }
  io.err(`Reports for ${doc.la?.name ?? `snapshot ${doc.snapshot.id}`}${opts.suppress ? ' (small counts suppressed for publication)' : ''}:`);
  for (const w of written) io.err(`  ${w}`);
  return written;
}

export interface RunOptions extends ReportOptions {
  la?: string;
  extractDate?: string;
  exportParquet?: string;
  /** `--ssd-years N|all` (ingest.ts) */
  ssdYears?: string;
}

/** The monthly job in one step: ingest, indicators (bundled DfE benchmarks), reports. */
export async function runJob(extractDir: string, opts: RunOptions, io: Io): Promise<void> {
  if (opts.la !== undefined) resolveLa(opts.la);
  // an --out that cannot be made fails before the ingest stores anything
  makeFolder(opts.out);
  await ingest(extractDir, { db: opts.db, la: opts.la, extractDate: opts.extractDate, exportParquet: opts.exportParquet, ssdYears: opts.ssdYears }, io);
  await tableAndReports(opts, io);
}

/** The indicators table on stdout, then the reports from the same results. */
export async function tableAndReports(opts: ReportOptions, io: Io): Promise<void> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    const doc = await buildDocument(db, { ...opts, period: await reportPeriods(db, opts) });
    io.out(indicatorsTable(doc, { colour: colourOn() }), { colour: true });
    await writeReports(db, doc, opts, io);
  } finally {
    db.close();
  }
}
