/*
 * `safeguard ingest` and `safeguard validate`: read an extract, then (ingest
 * only) write it as a snapshot. Both print what was read and what was
 * quarantined, file by file; neither prints an identifier. A step that runs
 * past two seconds shows a progress line on a terminal (app/progress.ts).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { Database } from '../../pipeline/db.ts';
import { ensureSchema } from '../../pipeline/store.ts';
import { bundledPopulation, resolveLa } from '../../pipeline/la.ts';
import { bundledPopulationDataset } from '../../pipeline/benchmarks/dfe-store.ts';
import { readExtract } from '../../pipeline/ingest/extract.ts';
import { loadSnapshot } from '../../pipeline/ingest/load.ts';
import { readQuarantine } from '../../pipeline/ingest/staging.ts';
import { exportParquet } from '../../pipeline/parquet.ts';
import { makeFolder } from '../../pipeline/files.ts';
import type { ParsedExtract } from '../../pipeline/ingest/types.ts';
import { warningSummary } from '../../pipeline/ingest/dfe-rules.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { FIRST_YEAR, LAST_YEAR, inYearRange, isRealDate } from '../../pipeline/periods.ts';
import type { Io } from '../io.ts';
import { textTable } from '../../reports/terminal.ts';
import { withProgress } from '../progress.ts';

export interface IngestOptions {
  db: string;
  la?: string;
  extractDate?: string;
  /** also write the snapshot's tables to Parquet here */
  exportParquet?: string;
}

export async function ingest(extractDir: string, opts: IngestOptions, io: Io): Promise<{ snapshotId: string; alreadyLoaded: boolean }> {
  const extractDate = checkExtractDate(opts.extractDate);
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
    const parsed = await withProgress('Reading the extract', () => readExtract(db, extractDir, extractDate));
    const result = await withProgress('Storing the snapshot', () => loadSnapshot(db, parsed, {
      extractDir,
      extractDate,
      la,
      fallbackPopulation: la ? { rows: bundledPopulation(la.code, ons), source: `ONS mid-year estimates for ${la.name} (bundled DfE file)` } : undefined,
    }));
    if (result.madeCurrentAgain) {
      io.err(`These files are already loaded as snapshot ${result.snapshotId}; nothing new was stored, and it is the current snapshot again: figures and reports now come from it.`);
    } else if (result.alreadyLoaded) {
      io.err(`These files are already loaded as snapshot ${result.snapshotId}, the current snapshot; nothing changed.`);
    } else {
      io.err(`Loaded snapshot ${result.snapshotId}${la ? ` for ${la.name} (${la.code})` : ''}, extract taken ${extractDate}.`);
      io.err(summary(parsed));
      for (const line of warningSummary(parsed.warnings)) io.err(line);
      io.err(`Population: ${result.populationSource ?? 'none (give --la CODE or add population.csv); rates will have no value'}`);
    }
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
  const extractDate = checkExtractDate(opts.extractDate);
  // a database in memory holds the staging area; no file is written
  const db = await Database.open(':memory:');
  try {
    const parsed = await withProgress('Reading the extract', () => readExtract(db, extractDir, extractDate));
    io.out(summary(parsed));
    for (const line of warningSummary(parsed.warnings)) io.out(line);
    for (const q of await readQuarantine(db)) {
      io.out(`${q.file}${q.line !== null ? `, line ${q.line}` : ''}${q.column ? `, column ${q.column}` : ''}: ${q.reason}`);
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

/** The extract date bounds what counts as a date in the future; it defaults to today. */
function checkExtractDate(d: string | undefined): string {
  if (d === undefined) return new Date().toISOString().slice(0, 10);
  // a calendar date that exists (Date.parse takes 2017-02-30 as 2 March), in the years periods.ts accepts
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !isRealDate(d) || !inYearRange(Number(d.slice(0, 4)))) {
    throw new UsageError(`--extract-date ${d}: give the date the extract was taken as YYYY-MM-DD, a date that exists between ${FIRST_YEAR} and ${LAST_YEAR}`);
  }
  return d;
}

