/*
 * `safeguard report` and `safeguard run`: the performance subgroup's tables
 * (Markdown, CSV, Excel) and the scrutineer's trends (self-contained HTML),
 * written to one folder. The figures come from the indicators service, the
 * bytes from the pure renderers in reports/; this is the one place their
 * output becomes files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../pipeline/db.ts';
import { resolveLa } from '../../pipeline/la.ts';
import { RENDERERS } from '../../reports/index.ts';
import { indicatorsTable } from '../../reports/terminal.ts';
import type { IndicatorsDocument } from '../../metrics/types.ts';
import { buildDocument, buildReportInput, reportPeriods } from '../indicators-service.ts';
import type { DocumentOptions } from '../indicators-service.ts';
import { ingest } from './ingest.ts';
import { loadTrendSettings, type TrendSettingsOptions } from '../trend-settings.ts';
import type { Io } from '../io.ts';
import { colourOn } from '../io.ts';

export interface ReportOptions extends DocumentOptions, TrendSettingsOptions {
  db: string;
  out: string;
  suppress?: boolean;
}

export async function report(opts: ReportOptions, io: Io): Promise<string[]> {
  loadTrendSettings(opts); // bad usage or a bad file before the database is opened
  const db = await Database.open(opts.db);
  try {
    return await writeReports(db, await buildDocument(db, { ...opts, period: await reportPeriods(db, opts) }), opts, io);
  } finally {
    db.close();
  }
}

/** Renders the reports from results already computed, and writes them: the one place report files are written. */
async function writeReports(db: Database, doc: IndicatorsDocument, opts: ReportOptions, io: Io): Promise<string[]> {
  const input = await buildReportInput(db, doc, { ...opts, trends: loadTrendSettings(opts) });
  mkdirSync(opts.out, { recursive: true });
  const written: string[] = [];
  for (const [name, render] of Object.entries(RENDERERS)) {
    const path = join(opts.out, name);
    writeFileSync(path, await render(input));
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
}

/** The monthly job in one step: ingest, indicators (bundled DfE benchmarks), reports. */
export async function runJob(extractDir: string, opts: RunOptions, io: Io): Promise<void> {
  if (opts.la) resolveLa(opts.la);
  // the trend settings are read before anything is ingested: a bad file stops the run with nothing written
  loadTrendSettings(opts);
  await ingest(extractDir, { db: opts.db, la: opts.la, extractDate: opts.extractDate, exportParquet: opts.exportParquet }, io);
  await tableAndReports(opts, io);
}

/** The indicators table on stdout, then the reports from the same results. */
export async function tableAndReports(opts: ReportOptions, io: Io): Promise<void> {
  const db = await Database.open(opts.db);
  try {
    const doc = await buildDocument(db, { ...opts, period: await reportPeriods(db, opts) });
    io.out(indicatorsTable(doc, { colour: colourOn() }));
    await writeReports(db, doc, opts, io);
  } finally {
    db.close();
  }
}
