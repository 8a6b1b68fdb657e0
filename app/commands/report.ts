/*
 * `safeguard report` and `safeguard run`: the performance subgroup's tables
 * (Markdown, CSV, Excel) and the scrutineer's trends (self-contained HTML),
 * written to one folder. The figures come from the indicators service, the
 * bytes from the pure renderers in reports/; this is the one place their
 * output becomes files. `report --published --la CODE` writes the same four
 * from DfE's published figures alone (app/published-service.ts), no database.
 * `--commentary FILE` adds the board's words under each indicator. A report
 * from a snapshot marks the figures restated since the snapshot loaded before
 * it (app/restatements.ts), and lists them at the end.
 */
import { join } from 'node:path';
import { Database } from '../../pipeline/db.ts';
import { makeFolder, writeOwnerOnly } from '../../pipeline/files.ts';
import { resolveLa } from '../../pipeline/la.ts';
import { RENDERERS } from '../../reports/index.ts';
import { indicatorsTable } from '../../reports/terminal.ts';
import type { IndicatorsDocument } from '../../metrics/types.ts';
import { buildDocument, buildReportInput, reportPeriods } from '../indicators-service.ts';
import { buildPublishedDocument } from '../published-service.ts';
import { reportRestatement } from '../restatements.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { INDICATORS } from '../../metrics/index.ts';
import { definitionOf } from '../../reports/definitions.ts';
import type { ReportInput, Restatement, TrendSettings } from '../../reports/types.ts';
import type { DocumentOptions } from '../indicators-service.ts';
import { ingest } from './ingest.ts';
import { loadTrendSettings, type TrendSettingsOptions } from '../trend-settings.ts';
import { loadCommentary } from '../commentary.ts';
import { withProgress } from '../progress.ts';
import type { Io } from '../io.ts';
import { colourOn } from '../io.ts';

export interface ReportOptions extends DocumentOptions, TrendSettingsOptions {
  db: string;
  out: string;
  suppress?: boolean;
  /** DfE's published figures for `la`, instead of a snapshot's */
  published?: boolean;
  la?: string;
  /** CSV `indicator,text`: the board's commentary under each indicator */
  commentary?: string;
}

/** The board's layout: four financial years side by side, as `report` gives from an extract. */
const PUBLISHED_YEARS = 4;

export async function report(opts: ReportOptions, io: Io): Promise<string[]> {
  if (opts.published) return reportPublished(opts, io);
  if (opts.la) throw new UsageError('--la goes with --published: a report from an extract is for the LA its snapshot names');
  return reportsFromSnapshot(opts, readReportFiles(opts), { table: false }, io);
}

/** The files a report reads beside the database: the trend settings and the commentary. */
interface ReportFiles {
  trends: TrendSettings;
  commentary: Record<string, string> | undefined;
}

/** Read and checked once, before the database is opened or an extract ingested: a bad option or file stops the run with nothing written. */
function readReportFiles(opts: ReportOptions): ReportFiles {
  return { trends: loadTrendSettings(opts), commentary: loadCommentary(opts.commentary) };
}

/** The four reports of an LA's published figures: no extract, so no monthly series and nothing to suppress (DfE has published them). */
async function reportPublished(opts: ReportOptions, io: Io): Promise<string[]> {
  const doc = buildPublishedDocument({ la: opts.la, period: opts.period, snStat: opts.snStat, snModel: opts.snModel }, undefined, PUBLISHED_YEARS);
  if (opts.suppress) io.err('--suppress: nothing to withhold, the figures are as DfE published them');
  const commentary = loadCommentary(opts.commentary);
  const input: ReportInput = {
    doc,
    definitions: INDICATORS.filter((i) => i.dfe).map(definitionOf),
    monthly: [],
    generatedAt: new Date().toISOString(),
    suppress: false,
    ...(commentary ? { commentary } : {}),
  };
  return writeInput(input, doc, opts, io);
}

/**
 * The current (or named) snapshot's figures, the indicators table on stdout
 * when asked (run, demo), and the four reports from the same results.
 */
async function reportsFromSnapshot(opts: ReportOptions, files: ReportFiles, show: { table: boolean }, io: Io): Promise<string[]> {
  const db = await Database.open(opts.db, { existing: true });
  try {
    const doc = await withProgress('Computing the indicators', async () => buildDocument(db, { ...opts, period: await reportPeriods(db, opts) }));
    if (show.table) io.out(indicatorsTable(doc, { colour: colourOn() }), { colour: true });
    const input = await withProgress('Computing the monthly series', () => buildReportInput(db, doc, { ...opts, trends: files.trends }));
    const restatement = await withProgress('Comparing with the last snapshot', () => reportRestatement(db, doc));
    if (restatement) for (const line of restatementLines(restatement)) io.err(line);
    return await writeInput({ ...input, ...(files.commentary ? { commentary: files.commentary } : {}), ...(restatement ? { restatement } : {}) }, doc, opts, io);
  } finally {
    db.close();
  }
}

/** What the run says of the restatements: how many figures moved since which snapshot (the reports mark them), and what was not compared. */
function restatementLines(r: Restatement): string[] {
  const since = `since snapshot ${r.from.id} (extracted ${r.from.extracted_at})`;
  const n = r.moves.length;
  const head = n === 0 ? `No figure compared has moved ${since}.` : `${n} figure${n === 1 ? '' : 's'} restated ${since}: marked \u2020 in the reports.`;
  return [head, ...r.notes.map((note) => `  ${note}`)];
}

async function writeInput(input: ReportInput, doc: IndicatorsDocument, opts: ReportOptions, io: Io): Promise<string[]> {
  makeFolder(opts.out);
  const written: string[] = [];
  await withProgress('Writing the reports', async () => {
    for (const [name, render] of Object.entries(RENDERERS)) {
      const path = join(opts.out, name);
      writeOwnerOnly(path, await render(input));
      written.push(path);
    }
  });
  io.err(`Reports for ${doc.la?.name ?? `snapshot ${doc.snapshot.id}`}${opts.published ? ", DfE's published figures" : input.suppress ? ' (small counts suppressed for publication)' : ''}:`);
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
  // the trend settings and commentary are read, and an --out that cannot be made fails, before the ingest stores anything
  const files = readReportFiles(opts);
  makeFolder(opts.out);
  await ingest(extractDir, { db: opts.db, la: opts.la, extractDate: opts.extractDate, exportParquet: opts.exportParquet, ssdYears: opts.ssdYears }, io);
  await reportsFromSnapshot(opts, files, { table: true }, io);
}

/** The indicators table on stdout, then the reports from the same results (the demo's last step). */
export async function tableAndReports(opts: ReportOptions, io: Io): Promise<void> {
  await reportsFromSnapshot(opts, readReportFiles(opts), { table: true }, io);
}
