/*
 * `safeguard ingest` and `safeguard validate`: read an extract, then (ingest
 * only) write it as a snapshot. Both print what was read and what was
 * quarantined, file by file; neither prints an identifier. A file wholly or
 * mostly quarantined, or a table left with no usable rows (unusable.ts), is
 * printed first, as a warning no one can miss; validate counts each as a
 * problem and exits 3, as it does for a rejected file. The extract date is
 * --extract-date or found from the data (extract-date.ts), and the run says which.
 * A step that runs past two seconds shows a progress line on a terminal
 * (app/progress.ts).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { Database } from '../../pipeline/db.ts';
import { ensureSchema } from '../../pipeline/store.ts';
import { bundledPopulation, resolveLa } from '../../pipeline/la.ts';
import { bundledPopulationDataset } from '../../pipeline/benchmarks/dfe-store.ts';
import { readWithExtractDate } from '../../pipeline/ingest/extract-date.ts';
import type { ExtractDate } from '../../pipeline/ingest/extract-date.ts';
import { unusableBanner, unusableParts } from '../../pipeline/ingest/unusable.ts';
import { loadSnapshot } from '../../pipeline/ingest/load.ts';
import type { Coverage } from '../../pipeline/ingest/load.ts';
import { tableName } from '../../pipeline/compute.ts';
import { readQuarantine } from '../../pipeline/ingest/staging.ts';
import { exportParquet } from '../../pipeline/parquet.ts';
import { makeFolder } from '../../pipeline/files.ts';
import type { ParsedExtract } from '../../pipeline/ingest/types.ts';
import { warningSummary } from '../../pipeline/ingest/dfe-rules.ts';
import { SafeguardError, UsageError } from '../../pipeline/errors.ts';
import type { Io } from '../io.ts';
import { textTable } from '../../reports/terminal.ts';
import { withProgress } from '../progress.ts';

export interface IngestOptions {
  db: string;
  la?: string;
  extractDate?: string;
  /** also write the snapshot's tables to Parquet here */
  exportParquet?: string;
  /** `--ssd-years N|all`: the years of history an SSD file holds (indicators.md v2, "Coverage"); default 6 */
  ssdYears?: string | number;
}

export async function ingest(extractDir: string, opts: IngestOptions, io: Io): Promise<{ snapshotId: string; alreadyLoaded: boolean }> {
  const ssdYears = checkSsdYears(opts.ssdYears);
  // the ONS file alone describes every LA as the whole bundled set does (la.test.ts), at a tenth of the parsing
  // `--la ""` is a mistake to say, not "no LA" (resolveLa refuses it: exit 2)
  const ons = opts.la !== undefined ? bundledPopulationDataset() : undefined;
  const la = opts.la !== undefined ? resolveLa(opts.la, ons) : null;
  // a folder that cannot be made fails now, before the snapshot is stored, not after
  if (opts.exportParquet) makeFolder(opts.exportParquet);
  // an empty file is a new database too (Database.open starts it afresh)
  const created = !existsSync(opts.db) || statSync(opts.db).size === 0;
  const db = await Database.open(opts.db);
  let ok = false;
  try {
    // the schema first, while the connection holds nothing (DDL after staging millions of rows is slow)
    await ensureSchema(db);
    // read into this connection's staging area: nothing reaches the file until loadSnapshot's one transaction
    const { parsed, extractDate: taken } = await withProgress('Reading the extract', () => readWithExtractDate(db, extractDir, opts.extractDate));
    const extractDate = taken.date;
    const unusable = await unusableParts(db, parsed);
    for (const line of unusableBanner(unusable)) io.err(line);
    if (taken.found !== null) io.err(extractDateLine(taken));
    const result = await withProgress('Storing the snapshot', () => loadSnapshot(db, parsed, {
      extractDir,
      extractDate,
      la,
      ssdYears,
      fallbackPopulation: la ? { rows: bundledPopulation(la.code, ons), source: `ONS mid-year estimates for ${la.name} (bundled DfE file)` } : undefined,
    }));
    if (result.madeCurrentAgain) {
      io.err(`These files are already loaded as snapshot ${result.snapshotId}; nothing new was stored, and it is the current snapshot again: figures and reports now come from it.`);
    } else if (result.alreadyLoaded) {
      io.err(`These files are already loaded as snapshot ${result.snapshotId}, the current snapshot; nothing changed.`);
    } else {
      io.err(`Loaded snapshot ${result.snapshotId}${la ? ` for ${la.name} (${la.code})` : ''}, extract taken ${extractDate}.`);
      io.err(summary(parsed));
      for (const line of coverageLines(result.coverage, extractDate)) io.err(line);
      for (const line of warningSummary(parsed.warnings)) io.err(line);
      io.err(`Population: ${result.populationSource ?? 'none (give --la CODE or add population.csv); rates will have no value'}`);
    }
    const problems = unusable.length;
    if (problems > 0) io.err(`WARNING: ${problems} part${problems === 1 ? '' : 's'} of this extract could not be used (listed at the top); the figures that need them have no value or count only what is left.`);
    if (opts.exportParquet) {
      await withProgress('Writing Parquet', () => exportParquet(db, result.snapshotId, opts.exportParquet!));
      io.err(`Wrote the snapshot's tables to Parquet in ${opts.exportParquet} (child-level data: keep it as you keep the database)`);
    }
    ok = true;
    return result;
  } finally {
    db.close();
    // a rejected extract leaves no trace: not even the empty database file the run opened
    if (!ok && created) for (const f of [opts.db, `${opts.db}.wal`]) rmSync(f, { force: true });
  }
}

export async function validate(extractDir: string, opts: { extractDate?: string }, io: Io): Promise<number> {
  // a database in memory holds the staging area; no file is written
  const db = await Database.open(':memory:');
  try {
    const { parsed, extractDate } = await withProgress('Reading the extract', () => readWithExtractDate(db, extractDir, opts.extractDate));
    const unusable = await unusableParts(db, parsed);
    for (const line of unusableBanner(unusable)) io.out(line);
    if (extractDate.found !== null) io.out(extractDateLine(extractDate));
    io.out(summary(parsed));
    for (const line of warningSummary(parsed.warnings)) io.out(line);
    for (const q of await readQuarantine(db)) {
      io.out(`${q.file}${q.line !== null ? `, line ${q.line}` : ''}${q.column ? `, column ${q.column}` : ''}: ${q.reason}`);
    }
    if (unusable.length > 0) {
      // the same exit as a rejected file: the extract is not fit to report from as it is
      throw new SafeguardError(
        `${unusable.length} problem${unusable.length === 1 ? '' : 's'} found (listed at the top): ${unusable.length === 1 ? 'a part' : 'parts'} of this extract could not be used${parsed.quarantined > 0 ? `; ${parsed.quarantined} row(s) would be quarantined` : ''}`,
        3,
      );
    }
    io.out(parsed.quarantined === 0 ? 'No problems found.' : `${parsed.quarantined} row(s) would be quarantined.`);
    return 0;
  } finally {
    db.close();
  }
}

export function summary(parsed: ParsedExtract): string {
  const rows = parsed.files.map((f) => [f.file, f.table, f.rowsRead, f.rowsLoaded, f.rowsQuarantined]);
  const lines = [textTable(['file', 'table', 'read', 'loaded', 'quarantined'], rows)];
  if (parsed.notes.length > 0) lines.push(...parsed.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}

/** Which extract date the run uses, and (when found from the data) the rule that gave it. */
function extractDateLine(d: ExtractDate): string {
  return d.found === null
    ? `Extract date ${d.date} (--extract-date).`
    : `Extract date ${d.date}, found from the data (no --extract-date): ${d.found}. Give --extract-date YYYY-MM-DD to set it.`;
}


/** One line per table: the dates its figures can speak for (indicators.md v2, "Coverage"). */
export function coverageLines(coverage: Coverage[], extractDate: string): string[] {
  return coverage.map((c) => {
    const name = tableName(c.table);
    if (c.coversFrom === null) return `${name}: no records, so no figure is counted from them`;
    const why = {
      return: `from the start of the earliest return's collection year`,
      'ssd-years': `${Number(extractDate.slice(0, 4)) - Number(c.coversFrom.slice(0, 4))} years of SSD history; --ssd-years says how many the extract holds`,
      'ssd-earliest': 'SSD history from the month of its earliest record, later than --ssd-years reaches',
      'ssd-all': 'its whole history, --ssd-years all: from the month of its earliest record',
    }[c.rule];
    return `${name} cover ${c.coversFrom} to ${extractDate} (${why})`;
  });
}

/** `--ssd-years N|all`: a whole number of years from 1, or `all`; 6 when not given. */
export function checkSsdYears(v: string | number | undefined): number | 'all' {
  if (v === undefined) return 6;
  const text = String(v).trim().toLowerCase();
  if (text === 'all') return 'all';
  if (/^\d{1,3}$/.test(text) && Number(text) >= 1) return Number(text);
  throw new UsageError(`--ssd-years ${String(v).slice(0, 20)}: give the years of history the SSD extract holds as a whole number (6 for Data to Insight's scripts as issued), or all for an extract with its whole history`);
}
